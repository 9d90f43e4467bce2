// gensoku screen: screen a name, or a CSV of parties, against the UN Security Council Consolidated List.
import { readFileSync, statSync } from 'node:fs';
import { EXIT, UsageError, configOf, json, parse, printProblems, type Io } from '../io.ts';
import { readListFile, resolveListPath } from '../../screening/load-list.ts';
import { buildIndex, type ScreeningIndex } from '../../screening/search-index.ts';
import { screen, validateQuery, type ScreeningMatch, type ScreeningQuery } from '../../screening/screen.ts';
import { parseCsv } from '../../screening/csv.ts';
import { toCsv, tsvCell, type CsvCell } from '../../core/csv.ts';
import type { Problem } from '../../screening/types.ts';

const USAGE = [
  'usage: gensoku screen --name NAME [--dob Y[-M-D]] [--nationality XX] [--gender male|female] [--type person|entity]',
  '                      [--list FILE] [--threshold 0.7] [--limit 10] [--format json|text]',
  '       gensoku screen --csv FILE [--list FILE] [--format json|text|csv]',
  '         CSV columns: name (or full_name), date_of_birth (or dob), nationality, gender, type (person|entity)',
].join('\n');

const OPTIONS = {
  name: { type: 'string' },
  dob: { type: 'string' },
  nationality: { type: 'string' },
  gender: { type: 'string' },
  type: { type: 'string' },
  list: { type: 'string' },
  csv: { type: 'string' },
  threshold: { type: 'string' },
  limit: { type: 'string' },
  format: { type: 'string', default: 'text' },
} as const;

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return screenCommand(argv, io);
  } catch (e) {
    // Usage problems are expected input problems: report them here, whoever called us.
    if (e instanceof UsageError) { io.stderr(`${e.message}\n`); return EXIT.usage; }
    throw e;
  }
}

function number(v: string | undefined, name: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}\n${USAGE}`);
  return n;
}

/** Indexes already built in this process, by file and modification time: one parse per list version. */
const built = new Map<string, ScreeningIndex>();

function loadIndex(io: Io, given: string | undefined): ScreeningIndex | undefined {
  const path = resolveListPath(given, configOf(io).listFile);
  if (!path) {
    io.stderr('no sanctions list: pass --list FILE or set GENSOKU_UN_LIST to the UN Consolidated List XML\n');
    return undefined;
  }
  let key: string | undefined;
  try { key = `${path}@${statSync(path).mtimeMs}`; } catch { key = undefined; }
  const cached = key ? built.get(key) : undefined;
  if (cached) return cached;
  const r = readListFile(path);
  if (!r.ok) { printProblems(io, r.problems, `cannot read the list ${path}`); return undefined; }
  const index = buildIndex(r.value);
  if (key) built.set(key, index);
  return index;
}

function brief(m: ScreeningMatch) {
  const e = m.entry;
  return {
    score: m.score,
    match: m.match,
    referenceNumber: e.referenceNumber,
    name: e.name,
    type: e.type,
    regime: e.regime,
    listedOn: e.listedOn,
    matchedName: m.matchedName,
    nameQuality: m.nameQuality,
    features: m.features,
    explanation: m.explanation,
    entry: e,
  };
}

function textOf(query: ScreeningQuery, matches: ScreeningMatch[], version: string): string {
  const head = `screened "${query.name}" against the UN Security Council Consolidated List (${version})\n`;
  if (matches.length === 0) return `${head}  no result at or above the cutoff\n`;
  return head + matches.map((m) => {
    const e = m.entry;
    const dob = e.datesOfBirth.map((d) => d.date ?? (d.fromYear ? `${d.fromYear}-${d.toYear}` : d.year ? `~${d.year}` : '')).filter(Boolean).join(', ');
    return `  ${m.match ? 'MATCH' : 'near '} ${m.score.toFixed(2)}  ${e.referenceNumber}  ${e.name}  [${e.regime}${e.listedOn ? `, listed ${e.listedOn}` : ''}${dob ? `, born ${dob}` : ''}${e.nationalities.length ? `, ${e.nationalities.join('/')}` : ''}]\n        ${m.explanation}\n`;
  }).join('');
}

function screenCommand(argv: string[], io: Io): number {
  const { values, positionals } = parse(argv, OPTIONS, false);
  if (positionals.length) throw new UsageError(USAGE);
  if (values.format !== 'json' && values.format !== 'text' && !(values.format === 'csv' && values.csv !== undefined)) {
    throw new UsageError(`--format must be json or text (or csv with --csv)\n${USAGE}`);
  }
  const threshold = number(values.threshold, 'threshold', 0, 1);
  const limit = number(values.limit, 'limit', 1, 1000);
  const options = { ...(threshold !== undefined ? { threshold } : {}), ...(limit !== undefined ? { limit } : {}) };
  if ((values.name === undefined) === (values.csv === undefined)) throw new UsageError(`give either --name or --csv\n${USAGE}`);

  if (values.name !== undefined) {
    const query: ScreeningQuery = { name: values.name };
    if (values.dob) query.dateOfBirth = values.dob;
    if (values.nationality) query.nationality = values.nationality;
    if (values.gender) query.gender = values.gender;
    if (values.type) query.type = values.type as ScreeningQuery['type'];
    const problems = validateQuery(query);
    if (problems.length) { printProblems(io, problems); return EXIT.usage; }
    const index = loadIndex(io, values.list);
    if (!index) return EXIT.usage;
    const r = screen(index, query, options);
    if (!r.ok) { printProblems(io, r.problems); return EXIT.usage; }
    if (values.format === 'json') io.stdout(json({ query, list: { source: index.source, version: index.version }, results: r.value.map(brief) }));
    else io.stdout(textOf(query, r.value, index.version));
    return EXIT.ok;
  }

  let text: string;
  try {
    text = readFileSync(values.csv!, 'utf8');
  } catch (e) {
    io.stderr(`cannot read ${values.csv}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  const rows = parseCsv(text);
  const queries: ScreeningQuery[] = [];
  const problems: Problem[] = [];
  rows.forEach((row, i) => {
    const q: ScreeningQuery = { name: (row['name'] ?? row['full_name'] ?? '').trim() };
    const dob = (row['date_of_birth'] ?? row['dob'] ?? '').trim();
    const nat = (row['nationality'] ?? '').trim();
    const gender = (row['gender'] ?? '').trim();
    const type = (row['type'] ?? '').trim().toLowerCase();
    if (dob) q.dateOfBirth = dob;
    if (nat) q.nationality = nat;
    if (gender) q.gender = gender;
    if (type) q.type = type as ScreeningQuery['type'];
    if (!q.name) problems.push({ code: 'csv.name_required', path: `row ${i + 2}`, message: 'no name (columns name or full_name)' });
    if (type && type !== 'person' && type !== 'entity') problems.push({ code: 'csv.bad_type', path: `row ${i + 2}/type`, message: 'type must be person or entity' });
    queries.push(q);
  });
  if (rows.length === 0) problems.push({ code: 'csv.empty', path: values.csv!, message: 'no rows under the header' });
  if (problems.length) { printProblems(io, problems, `cannot screen ${values.csv}`); return EXIT.usage; }
  const index = loadIndex(io, values.list);
  if (!index) return EXIT.usage;
  const results: Array<{ row: number; query: ScreeningQuery; results: ReturnType<typeof brief>[] }> = [];
  let out = '';
  const csv: CsvCell[][] = [['row', 'name', 'result', 'score', 'reference_number', 'listed_name']];
  queries.forEach((q, i) => {
    const r = screen(index, q, options);
    const matches = r.ok ? r.value : [];
    results.push({ row: i + 2, query: q, results: matches.map(brief) });
    if (values.format === 'text') {
      const best = matches[0];
      // Names come from the file as given: one line each, and never a formula when pasted into a spreadsheet.
      out += `${i + 2}\t${tsvCell(q.name)}\t${best ? `${best.match ? 'MATCH' : 'near'} ${best.score.toFixed(2)} ${best.entry.referenceNumber} ${tsvCell(best.entry.name)}` : 'clear'}\n`;
    }
    if (values.format === 'csv') {
      const best = matches[0];
      csv.push([i + 2, q.name, best ? (best.match ? 'match' : 'near') : 'clear', best ? Number(best.score.toFixed(3)) : null, best?.entry.referenceNumber, best?.entry.name]);
    }
    if (io.isTTY) progress(io, i + 1, queries.length);
  });
  if (io.isTTY) io.stderr('\n');
  if (values.format === 'json') io.stdout(json({ list: { source: index.source, version: index.version }, rows: results }));
  else if (values.format === 'csv') io.stdout(toCsv(csv));
  else io.stdout(`row\tname\tresult\n${out}${results.filter((r) => r.results.some((m) => m.match)).length} of ${results.length} rows matched\n`);
  return EXIT.ok;
}

/** A one-line progress bar on stderr, redrawn in place; only when stderr is a terminal. */
function progress(io: Io, done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  if (done === total || done % 25 === 0) io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
}
