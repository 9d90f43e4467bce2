import { ALL_COUNTRIES, ALL_PURPOSES } from '../../core/domain.ts';
import { boundaryPairs, diff, resolveSides, type DiffResult, type Side } from '../../core/diff.ts';
import { fullDiff, type FullDiff } from '../../core/diff-space.ts';
import { mainRegions, tailByChange } from '../../core/regions.ts';
import { END_USER_TYPES, type EndUserType, type Purpose } from '../../core/model.ts';
import { EXIT, UsageError, json, parse, printProblems, type Io } from '../io.ts';
import { POLICY_OPTIONS, checkFormat, csv, engineAndItems, progressBar } from '../analysis.ts';

const OPTIONS = {
  item: { type: 'string', multiple: true },
  purpose: { type: 'string', multiple: true },
  'end-user-type': { type: 'string' },
  boundaries: { type: 'boolean' },
  space: { type: 'string', default: 'catalogue' },
  format: { type: 'string', default: 'text' },
  ...POLICY_OPTIONS,
} as const;

const USAGE = 'usage: gensoku diff FROM TO | gensoku diff --boundaries [--space catalogue|full] (FROM/TO: a date, a regime/revision/draft id, or ID@DATE)';

function sideLabel(r: DiffResult['from']): string {
  return r.regime ? `${r.regime} (${r.kind}) applied on ${r.date}` : `the law in force on ${r.date} (${r.revision})`;
}

/** Changes grouped by item, outcomes, cause and countries, with the purposes they hold for. */
function text(r: DiffResult): string {
  const byCell = new Map<string, string[]>();
  for (const c of r.changes) {
    const key = `${c.item}\u0000${c.from}\u0000${c.to}\u0000${c.rules.join(', ')}\u0000${c.purpose}`;
    byCell.set(key, [...(byCell.get(key) ?? []), c.recipient]);
  }
  const groups = new Map<string, string[]>();
  for (const [key, countries] of byCell) {
    const parts = key.split('\u0000');
    const k = `${parts.slice(0, 4).join('\u0000')}\u0000${countries.join(' ')}`;
    groups.set(k, [...(groups.get(k) ?? []), parts[4]]);
  }
  const lines = [`from ${sideLabel(r.from)}`, `to   ${sideLabel(r.to)}`, `${r.compared} cells compared (${r.groups} country groups, ${r.evaluations} evaluations), ${r.changes.length} changed`];
  for (const [key, purposes] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [item, from, to, rules, countries] = key.split('\u0000');
    const list = countries.split(' ');
    const who = list.length > 15 ? `${list.slice(0, 15).join(' ')} and ${list.length - 15} more` : countries;
    const why = purposes.length === ALL_PURPOSES.length ? 'any purpose' : `purpose ${purposes.join(', ')}`;
    lines.push(`  ${item}: ${from} -> ${to} by ${rules}\n      ${why}\n      to ${who}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One region per paragraph: the outcomes, where in the request space, the countries, and the rules on each side. */
function regionText(r: FullDiff): string {
  const lines = [`from ${sideLabel(r.from)}`, `to   ${sideLabel(r.to)}`, `${r.space} cells in the full request space (${r.groups} country groups, ${r.evaluations} evaluations), ${r.changed} changed, in ${r.regions.length} regions`];
  if (r.summary.length) lines.push(`by how they change and the rules deciding before -> after (${r.summary.length} lines):`);
  for (const l of r.summary) lines.push(`  ${l.from} -> ${l.to}: ${l.cells} cells, ${l.countries.length} countries, ${l.regions} regions\n      ${l.rules.from.join(', ')} -> ${l.rules.to.join(', ')}`);
  if (r.regions.length) lines.push('the largest regions:');
  const shown = mainRegions(r);
  for (const g of shown) {
    const where = Object.entries(g.where).map(([k, v]) => `${k} ${v.join(' or ')}`).join(', ') || 'any request';
    const facts = Object.entries(g.countryFacts).map(([f, v]) => (v === 'true' ? f : v === 'false' ? `not ${f}` : `${f} ${v}`)).join(', ');
    const who = g.countries.length > 15 ? `${g.countries.slice(0, 15).join(' ')} and ${g.countries.length - 15} more` : g.countries.join(' ');
    lines.push(`  ${g.from} -> ${g.to}: ${g.cells} cells, ${g.countries.length} countries${facts ? ` (${facts})` : ''}\n      ${where}\n      to ${who}\n      before ${g.rules.from.join(', ')}; after ${g.rules.to.join(', ')}`);
  }
  const rest = r.regions.length - shown.length;
  if (rest) {
    lines.push(`  and ${rest} smaller regions (they may overlap the ones above and each other; --format json lists them all):`);
    for (const t of tailByChange(r.regions, shown.length)) lines.push(`      ${t.from} -> ${t.to}: ${t.regions} regions, ${t.cells} cells`);
  }
  return `${lines.join('\n')}\n`;
}

function fullOutput(io: Io, format: string, results: FullDiff[], boundaries: boolean): void {
  if (format === 'json') io.stdout(json(boundaries ? results : results[0]));
  else if (format === 'csv') {
    const rows = results.flatMap((r) => r.regions.map((g) => [r.from.spec, r.to.spec, g.from, g.to, String(g.cells), g.countries.join(' '),
      Object.entries(g.where).map(([k, v]) => `${k}=${v.join('|')}`).join(';'), g.rules.from.join(';'), g.rules.to.join(';')]));
    io.stdout(csv(['fromSide', 'toSide', 'from', 'to', 'cells', 'countries', 'where', 'rulesBefore', 'rulesAfter'], rows));
  } else io.stdout(results.map(regionText).join('\n'));
  if (format !== 'text') for (const r of results) io.stderr(`${r.from.spec} -> ${r.to.spec}: ${r.space} cells in the full request space, ${r.changed} changed, ${r.regions.length} regions\n`);
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  checkFormat(values.format, ['json', 'csv', 'text']);
  if (values.space !== 'catalogue' && values.space !== 'full') throw new UsageError('--space is catalogue or full');
  const full = values.space === 'full';
  if (full && (values.item || values.purpose || values['end-user-type'])) throw new UsageError('--space full covers every item, purpose and end user; --item, --purpose and --end-user-type go with --space catalogue');
  const loaded = engineAndItems(io, values);
  if (typeof loaded === 'number') return loaded;
  const { engine, items } = loaded;
  const purposeSpecs = values.purpose?.flatMap((p) => p.split(',')).map((p) => p.trim());
  const bad = purposeSpecs?.filter((p) => p !== 'none' && !ALL_PURPOSES.includes(p as Purpose));
  if (bad?.length) throw new UsageError(`unknown purpose ${bad.join(', ')}; purposes: ${ALL_PURPOSES.map((p) => p ?? 'none').join(', ')}`);
  const purposes = purposeSpecs?.map((p) => (p === 'none' ? undefined : (p as Purpose)));
  const endUserType = values['end-user-type'];
  if (endUserType && !END_USER_TYPES.includes(endUserType as EndUserType)) throw new UsageError(`--end-user-type is one of ${END_USER_TYPES.join(', ')}`);

  let pairs: [Side, Side][];
  if (values.boundaries) {
    if (positionals.length) throw new UsageError(USAGE);
    pairs = boundaryPairs(engine);
  } else {
    // With one --draft overlay, "diff DATE" compares the law of that date with the overlay applied on it.
    const specs = positionals.length === 1 && loaded.drafts.length === 1 ? [positionals[0], loaded.drafts[0]] : positionals;
    if (specs.length !== 2) throw new UsageError(USAGE);
    const sides = resolveSides(engine, specs[0], specs[1]);
    if (!sides.ok) { printProblems(io, sides.problems); return EXIT.usage; }
    pairs = [sides.value];
  }
  if (full) {
    fullOutput(io, values.format!, pairs.map(([a, b]) => fullDiff(engine, a, b)), !!values.boundaries);
    return EXIT.ok;
  }
  const cellsEach = ALL_COUNTRIES.length * items.length * (purposes ?? ALL_PURPOSES).length;
  const results = pairs.map(([a, b], i) => diff(engine, a, b, {
    items, purposes, endUserType: endUserType as EndUserType | undefined,
    onProgress: progressBar(io, pairs.length > 1 ? `diff ${i + 1}/${pairs.length}` : 'diff', cellsEach),
  }));

  if (values.format === 'json') {
    io.stdout(json(values.boundaries ? results.map((r) => ({ from: r.from, to: r.to, compared: r.compared, changes: r.changes })) : results[0].changes));
  } else if (values.format === 'csv') {
    const rows = results.flatMap((r) => r.changes.map((c) => [...(values.boundaries ? [r.from.spec, r.to.spec] : []), c.recipient, c.item, c.purpose, c.from, c.to, c.rules.join(';')]));
    io.stdout(csv([...(values.boundaries ? ['fromRegime', 'toRegime'] : []), 'recipient', 'item', 'purpose', 'from', 'to', 'rules'], rows));
  } else {
    io.stdout(results.map(text).join('\n'));
  }
  // JSON and CSV stay a plain list of changes; how many cells were compared goes to stderr.
  if (values.format !== 'text') for (const r of results) io.stderr(`${r.from.spec} -> ${r.to.spec}: ${r.compared} cells compared (${r.groups} country groups, ${r.evaluations} evaluations), ${r.changes.length} changed\n`);
  return EXIT.ok;
}
