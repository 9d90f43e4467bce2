import { EXIT, UsageError, type Io } from './io.ts';

type Command = { run: (argv: string[], io: Io) => Promise<number> };

/** Each command, its one-line help, and its module, loaded only when used (static imports, so bundlers see them). */
const COMMANDS: Record<string, [string, () => Promise<Command>]> = {
  evaluate: ['decide a TransferRequest: gensoku evaluate [FILE|-] [--regime ID] [--format json|text] [--lang en|ja]', () => import('./commands/evaluate.ts')],
  regimes: ['list regimes, revisions and drafts with their dates and sources', () => import('./commands/regimes.ts')],
  facts: ["a country's facts on a date, each with its citation: gensoku facts UA [--as-of DATE]", () => import('./commands/facts.ts')],
  check: ['validate the policy and run every scenario (exit 3 on any failure)', () => import('./commands/check.ts')],
  items: ['list the item catalogue', () => import('./commands/items.ts')],
  matrix: ['outcome for every country x item class', () => import('./commands/matrix.ts')],
  diff: ['what changed between two dates or regimes', () => import('./commands/diff.ts')],
  timeline: ['the same request across all time', () => import('./commands/timeline.ts')],
  whatif: ['the smallest changes that would make a request permissible', () => import('./commands/whatif.ts')],
  screen: ['screen a name against the UN Security Council Consolidated List', () => import('./commands/screen.ts')],
  lists: ['import the UN Security Council Consolidated List', () => import('./commands/lists.ts')],
  serve: ['start the API and web UI', () => import('./commands/serve.ts')],
  users: ['manage users', () => import('./commands/users.ts')],
  audit: ['verify the audit chain', () => import('./commands/audit.ts')],
  report: ['annual report', () => import('./commands/report.ts')],
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return `gensoku - Japan's rules on transferring defense equipment abroad, as an explainable engine\n\nUsage: gensoku <command> [options]\n\n${Object.entries(COMMANDS)
    .map(([c, [d]]) => `  ${c.padEnd(width)}  ${d}`).join('\n')}\n\nExit codes: 0 permissible/out_of_scope, 2 prohibited/not_permitted, 4 requires_judgment, 1 bad input, 3 invalid policy.\n`;
}

const defaultIo: Io = {
  stdout: (s) => { process.stdout.write(s); },
  stderr: (s) => { process.stderr.write(s); },
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  isTTY: Boolean(process.stderr.isTTY),
};

/** Parses the command name and dispatches to its module; every failure maps to an exit code here. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  try {
    const mod = await command[1]();
    return await mod.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\nRun "gensoku --help" for usage.\n`);
      return EXIT.usage;
    }
    io.stderr(`internal error: ${(e as Error).message}\n`);
    return 70;
  }
}
