// What `gensoku COMMAND --help` prints: usage, options and an example for every command, in one table.
import { END_USER_TYPES, FORMS, FUNCTIONS, MUNITION_TYPES, ORIGINS, TRANSFERORS } from '../core/model.ts';

// The values a flag takes are the request schema's own, so the help cannot name one the parser refuses.
const oneOf = (values: readonly string[]) => values.join(', ');

export interface CommandHelp {
  /** One line for `gensoku --help`. */
  summary: string;
  usage: string[];
  options: [flag: string, description: string][];
  examples: string[];
  /** Anything else a user needs: where the data comes from, exit codes. */
  notes?: string[];
}

const POLICY: CommandHelp['options'] = [
  ['--policy DIR', 'the policy directory (default: GENSOKU_POLICY, else the bundled policy/)'],
  ['--draft FILE', 'overlay a draft amendment (YAML) on the policy; repeatable'],
];

const REQUEST: CommandHelp['options'] = [
  ['--to CC', 'the recipient country (ISO 3166 alpha-2); instead of FILE'],
  ['--as-of DATE', 'the date of the transfer, YYYY-MM-DD (default: today in Japan)'],
  ['--item ID', 'start from an item class of the catalogue (see gensoku items); the flags below amend it'],
  ['--name TEXT', "the item's name"],
  ['--weapon | --non-weapon', 'whether the item is a weapon'],
  ['--defense-equipment | --not-defense-equipment', 'whether the item is defense equipment (item 1 of the Export Trade Control Order\'s Appended Table 1); unstated, it is asked'],
  ['--etco-item N', 'its sub-item of item 1 (1-17, 13-2), which makes it defense equipment'],
  ['--form F', oneOf(FORMS)],
  ['--function F', oneOf(FUNCTIONS)],
  ['--origin O', oneOf(ORIGINS)],
  ['--licensor CC', 'for licensed production: the licensing country'],
  ['--partners CC,CC', 'for co-development: the partner countries'],
  ['--program ID', 'a named programme (e.g. gcap)'],
  ['--control-list L', 'the export control list entry'],
  ['--munition-type T', `a treaty-banned type, or other: ${oneOf(MUNITION_TYPES)}`],
  ['--purpose P', 'the purpose of the transfer (e.g. aid-against-aggression)'],
  ['--transferor T', `who transfers: ${oneOf(TRANSFERORS)}`],
  ['--end-user NAME', 'the end user'],
  ['--end-user-type T', oneOf(END_USER_TYPES)],
];

const FORMAT = (formats: string, dflt: string): [string, string] => ['--format ' + formats, `output format (default ${dflt})`];
const LANG: [string, string] = ['--lang en|ja', 'language of explanations (default en)'];
const DATABASE = 'The database is the one gensoku serve uses: DATABASE_URL, else the PGlite directory GENSOKU_DATA (default ./.gensoku).';

export const HELP = {
  evaluate: {
    summary: 'decide a transfer request, with the clauses that decide it',
    usage: ['gensoku evaluate [FILE|-] [options]', 'gensoku evaluate --to CC [--item ID] [request flags] [options]'],
    options: [['--regime ID', 'apply this regime, revision or draft instead of the one in force on the date'], FORMAT('json|text', 'json'), LANG, ...POLICY, ...REQUEST],
    examples: ['gensoku evaluate data/cases/ukraine-lethal-2022.json --format text', 'gensoku evaluate --to UA --as-of 2022-03-08 --etco-item 11 --non-weapon --form complete --function protection --origin domestic --purpose aid-against-aggression --transferor defense-minister --end-user-type military'],
    notes: ['FILE holds a TransferRequest, or a case file { "request": ..., "regime": ... }; - or no FILE reads stdin.', 'Exit codes: 0 permissible or out of scope, 2 prohibited or not permitted, 4 requires judgment, 1 bad input, 3 invalid policy.'],
  },
  regimes: {
    summary: 'regimes, revisions and drafts with their dates and sources',
    usage: ['gensoku regimes [options]'],
    options: [FORMAT('json|text', 'text'), LANG, POLICY[0]!],
    examples: ['gensoku regimes --lang ja'],
  },
  facts: {
    summary: "a country's facts on a date, each with its citation",
    usage: ['gensoku facts CC [options]'],
    options: [['--as-of DATE', 'the date, YYYY-MM-DD (default: today in Japan)'], FORMAT('json|text', 'text'), LANG, POLICY[0]!],
    examples: ['gensoku facts UA --as-of 2022-03-08'],
  },
  check: {
    summary: 'validate the policy and run every scenario (exit 3 on any failure)',
    usage: ['gensoku check [options]'],
    options: [FORMAT('json|text', 'text'), ['--no-analysis', 'skip the analysis over every country, item and date'], ...POLICY],
    examples: ['gensoku check', 'gensoku check --draft policy/drafts/example.yaml'],
  },
  items: {
    summary: 'the item catalogue',
    usage: ['gensoku items [options]'],
    options: [FORMAT('json|csv|text', 'text'), LANG, POLICY[0]!],
    examples: ['gensoku items --format csv'],
  },
  matrix: {
    summary: 'the outcome for every country x item class on a date',
    usage: ['gensoku matrix [options]'],
    options: [['--as-of DATE', 'the date (default: today in Japan)'], ['--regime ID', 'apply this regime, revision or draft'], ['--item ID', 'only these item classes; repeatable or comma-separated'],
      ['--purpose P', 'the purpose of the transfers'], ['--end-user-type T', 'the end user type'], FORMAT('json|csv|text', 'text'), ...POLICY],
    examples: ['gensoku matrix --as-of 2026-05-01 --format csv'],
  },
  diff: {
    summary: 'what changed between two dates or regimes, for whom',
    usage: ['gensoku diff FROM TO [options]', 'gensoku diff --boundaries [options]'],
    options: [['--boundaries', 'every change of the law, one diff per boundary'], ['--item ID', 'only these item classes; repeatable'], ['--purpose P', 'only these purposes (none for no purpose); repeatable'],
      ['--end-user-type T', 'the end user type'], ['--space catalogue|full', 'catalogue (default): countries x item classes x purposes; full: every request the rules can tell apart, in regions'],
      FORMAT('json|csv|text', 'text'), ...POLICY],
    examples: ['gensoku diff 2026-04-20 2026-04-21', 'gensoku diff 2014-04-01 2023-12-22 --item anti-tank-missile', 'gensoku diff 2024-03-26@2026-04-21 2026-04-21@2026-04-21 --space full'],
    notes: ['FROM and TO: a date, a regime, revision or draft id, or ID@DATE. An id that looks like a date is read as the date; ID@DATE applies the version on that date.'],
  },
  timeline: {
    summary: 'the same request across all time',
    usage: ['gensoku timeline [FILE|-] [options]', 'gensoku timeline --to CC [request flags] [options]'],
    options: [['--regime ID', 'apply this regime, revision or draft'], FORMAT('json|csv|text', 'text'), ...POLICY, ...REQUEST],
    examples: ['gensoku timeline data/cases/ukraine-lethal-2022.json'],
  },
  whatif: {
    summary: 'the smallest changes that would make a request permissible',
    usage: ['gensoku whatif [FILE|-] [options]', 'gensoku whatif --to CC [request flags] [options]'],
    options: [['--regime ID', 'apply this regime, revision or draft'], ['--no-pairs', 'only single changes, not pairs'], FORMAT('json|csv|text', 'text'), LANG, ...POLICY, ...REQUEST],
    examples: ['gensoku whatif data/cases/ukraine-lethal-2022.json'],
  },
  screen: {
    summary: 'screen a name, or a CSV of parties, against the UN Security Council Consolidated List',
    usage: ['gensoku screen --name NAME [options]', 'gensoku screen --csv FILE [options]'],
    options: [['--name NAME', 'the name to screen'], ['--csv FILE', 'screen every row (columns name or full_name, date_of_birth or dob, nationality, gender, type)'],
      ['--dob Y[-M-D]', 'date of birth'], ['--nationality CC', 'nationality'], ['--gender male|female', 'gender'], ['--type person|entity', 'what the name is'],
      ['--list FILE', 'the list (default: GENSOKU_UN_LIST, else the bundled list under data/un-sc-consolidated/)'], ['--threshold N', 'the score from 0 to 1 that counts as a match (default 0.7)'],
      ['--limit N', 'most results per name (default 10)'], FORMAT('json|text|csv', 'text; csv only with --csv')],
    examples: ['gensoku screen --name "Kim Jong Un"', 'gensoku screen --csv parties.csv --format json'],
  },
  lists: {
    summary: 'download, import and inspect sanctions lists: the UN Consolidated List, and others as CSV or JSON',
    usage: [
      'gensoku lists update [--url URL] [--format json|text]         download it; store and re-screen only when it changed',
      'gensoku lists import FILE [--allow-older] [--format json|text]  store it, report changes, re-screen open cases',
      'gensoku lists import FILE --dry-run [--format json|text]        parse and summarise only, no database',
      'gensoku lists history [--format json|text]                      the stored imports, newest (in use) first',
      'gensoku lists diff OLD NEW [--format json|text]                 what changed between two files',
    ],
    options: [['--url URL', 'where update downloads the list (default: GENSOKU_LIST_URL, else the UN\'s official XML)'], ['--allow-older', 'import a list generated before the one in use, on purpose'],
      ['--dry-run', 'parse and summarise only'], FORMAT('json|text', 'text')],
    examples: ['gensoku lists update', 'gensoku lists import consolidated.xml', 'gensoku lists import meti-end-users.csv', 'gensoku lists diff old.xml new.xml'],
    notes: [DATABASE, 'FILE is the UN list (XML), or another list as .csv or .json (docs/screening.md, "Other lists"); every list imported stays in use, the last import of each screened together with the others.', 'update sends the ETag / Last-Modified of the last download; an unchanged list stores nothing. A failed download changes nothing.'],
  },
  serve: {
    summary: 'start the API and the web UI',
    usage: ['gensoku serve [options]'],
    options: [['--port N', 'port (default: PORT, else 8080; 0 picks a free one)'], ['--host H', 'address (default: HOST, else 127.0.0.1)'], POLICY[0]!,
      ['--list FILE', 'the list stored when the database holds none (default: GENSOKU_UN_LIST, else the bundled list)'],
      ['--list-refresh DURATION', 'update the list from GENSOKU_LIST_URL this often, e.g. 24h (default: GENSOKU_LIST_REFRESH, else off)']],
    examples: ['gensoku serve --port 8080', 'DATABASE_URL=postgres://gensoku@db/gensoku gensoku serve --host 0.0.0.0 --list-refresh 24h'],
    notes: [DATABASE, 'Every setting: docs/deploy.md.'],
  },
  users: {
    summary: 'add, change and list users',
    usage: [
      'gensoku users add --username U --role applicant|examiner|nsc|auditor|admin [--org O] [--password-stdin]',
      'gensoku users set --username U [--role R] [--org O] [--disable|--enable] [--password [--password-stdin]]',
      'gensoku users list',
    ],
    options: [['--username U', 'the user'], ['--role R', 'applicant, examiner, nsc, auditor or admin'], ['--org O', "the applicant's organisation"],
      ['--password-stdin', 'read the password from stdin'], ['--password', 'set: change the password'], ['--disable | --enable', 'set: disable (sessions revoked) or enable']],
    examples: ['gensoku users add --username admin --role admin', 'echo "$PW" | gensoku users add --username acme1 --role applicant --org ACME --password-stdin'],
    notes: ['The password comes from --password-stdin, else GENSOKU_PASSWORD, else a prompt on a terminal.', DATABASE],
  },
  audit: {
    summary: 'verify, anchor or list the audit chain',
    usage: ['gensoku audit verify', 'gensoku audit anchor', 'gensoku audit list [--after N] [--limit N] [--target ID] [--case GSK-...] [--actor U] [--verb V]'],
    options: [
      ['--after N', 'list: rows after this sequence number'], ['--limit N', 'list: at most N rows (default 100)'], ['--target ID', 'list: only rows about this case, user or consent'],
      ['--case GSK-...', 'list: only rows about this case'], ['--actor U', 'list: only rows by this user'], ['--verb V', 'list: only rows of this verb'],
    ],
    examples: ['gensoku audit verify', 'gensoku audit anchor'],
    notes: [
      'verify exits 0 when the chain is intact, matches the last anchor and the rows of cases, consents and users; 2 otherwise.',
      "anchor verifies, then appends the chain's head (row, hash, time) to the anchor file outside the database (GENSOKU_AUDIT_ANCHORS).",
      DATABASE,
    ],
  },
  report: {
    summary: 'the annual report: approvals by category, as METI publishes them',
    usage: ['gensoku report annual --year YYYY [--format json|csv]'],
    options: [['--year YYYY', 'the calendar year in Japan'], FORMAT('json|csv', 'json')],
    examples: ['gensoku report annual --year 2025 --format csv'],
    notes: [DATABASE],
  },
} satisfies Record<string, CommandHelp>;

export type CommandName = keyof typeof HELP;

/** The text of `gensoku NAME --help`. */
export function commandHelp(name: CommandName): string {
  const h: CommandHelp = HELP[name];
  const width = Math.max(0, ...h.options.map(([f]) => f.length));
  return [
    `gensoku ${name}: ${h.summary}`,
    '',
    'Usage:',
    ...h.usage.map((u) => `  ${u}`),
    ...(h.options.length ? ['', 'Options:', ...h.options.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`)] : []),
    ...(h.options.length ? [] : ['', 'Options:']),
    `  ${'--help'.padEnd(width)}  this help`,
    '',
    h.examples.length === 1 ? 'Example:' : 'Examples:',
    ...h.examples.map((e) => `  ${e}`),
    ...(h.notes?.length ? ['', ...h.notes] : []),
    '',
  ].join('\n');
}
