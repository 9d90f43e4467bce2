// Measures the screening matcher on labelled data vendored under data/ (see data/README.md):
// name-bench pairs (precision/recall/F1 beside the published logic-v2 scores), recall of UN-listed
// people typed cleanly and with typos, false positives on people who are on no list, speed, and names written
// as Japanese sources write them (data/screening-ja): recall per kind, false positives on unlisted names.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareNames, prepareName } from '../src/screening/compare.ts';
import { parseCsv } from '../src/screening/csv.ts';
import { foldText } from '../src/screening/normalize.ts';
import { DEFAULTS, screen, type ScreeningQuery } from '../src/screening/screen.ts';
import { buildIndex } from '../src/screening/search-index.ts';
import { parseUnList } from '../src/screening/un-list.ts';
import { japaneseNames } from '../src/screening/load-list.ts';

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data');
const NM = resolve(DATA, 'name-matching');
const LIST = process.env['GENSOKU_UN_LIST'] ?? resolve(DATA, 'un-sc-consolidated', 'consolidated-2026-05-08.xml');
const THRESHOLD = DEFAULTS.threshold;
const verbose = process.argv.includes('--verbose');

if (!existsSync(NM) || !existsSync(LIST)) {
  console.error(`evaluation data not found under ${DATA}`);
  process.exit(1);
}
const csv = (f: string) => parseCsv(readFileSync(resolve(NM, f), 'utf8'));

function prf(pairs: Array<[boolean, boolean]>) {
  let tp = 0, fp = 0, fn = 0;
  for (const [pred, gold] of pairs) { if (pred && gold) tp++; else if (pred) fp++; else if (gold) fn++; }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return { p, r, f1: (2 * p * r) / (p + r || 1), n: pairs.length };
}

// 1. Name pairs: ours at our threshold, the published logic-v2 scores at 0.70.
const bench = csv('name-bench-cases.csv');
const ours = prf(bench.map((row) => {
  const kind = row['schema'] === 'Person' ? 'person' : 'entity';
  const c = compareNames(prepareName(row['name1']!, kind), prepareName(row['name2']!, kind));
  if (verbose && (c.score >= THRESHOLD) !== (row['is_match'] === 'true')) console.log(`bench ${c.score >= THRESHOLD ? 'FP' : 'FN'} ${c.score} ${row['name1']} | ${row['name2']}`);
  return [c.score >= THRESHOLD, row['is_match'] === 'true'];
}));
const lv2 = prf(csv('name-bench-logicv2.csv').map((row) => [Number(row['score']) >= 0.7, row['is_match'] === 'true']));

// 2. The UN list, indexed once.
const parsed = parseUnList(readFileSync(LIST, 'utf8'));
if (!parsed.ok) { console.error(parsed.problems); process.exit(1); }
const list = parsed.value;
const t0 = performance.now();
const index = buildIndex(list, japaneseNames());
const buildMs = performance.now() - t0;

// Ground truth for a positive row: the entry carrying the clean spelling as its name or an alias.
const byName = new Map<string, Set<number>>();
list.entries.forEach((e, i) => {
  for (const n of [e.name, ...e.aliases.map((a) => a.name)]) {
    const k = foldText(n);
    if (!byName.has(k)) byName.set(k, new Set());
    byName.get(k)!.add(i);
  }
});
const clean = csv('un-positives.csv');
const typos = csv('un-positives-typos.csv');
const truth = clean.map((row) => byName.get(foldText(row['full_name']!)) ?? new Set<number>());

const times: number[] = [];
function query(row: Record<string, string>): ScreeningQuery {
  const q: ScreeningQuery = { name: row['full_name']!, type: 'person' };
  if (row['date_of_birth']) q.dateOfBirth = row['date_of_birth'];
  if (row['nationality']) q.nationality = row['nationality'];
  if (row['gender']) q.gender = row['gender'];
  return q;
}
function timed(q: ScreeningQuery) {
  const s = performance.now();
  const r = screen(index, q);
  times.push(performance.now() - s);
  if (!r.ok) throw new Error(`screen refused ${q.name}: ${JSON.stringify(r.problems)}`);
  return r.value;
}
function recall(rows: Array<Record<string, string>>, label: string) {
  let hit = 0, n = 0;
  rows.forEach((row, i) => {
    const t = truth[i]!;
    if (t.size === 0) return;
    n++;
    const res = timed(query(row));
    if (res.some((m) => m.match && t.has(list.entries.indexOf(m.entry)))) hit++;
    else if (verbose) console.log(`${label} miss: ${row['full_name']} -> ${res[0] ? `${res[0].score} ${res[0].entry.name}` : 'nothing'}`);
  });
  return { rate: hit / n, hit, n };
}
function falsePositives(file: string) {
  const rows = csv(file);
  let fp = 0;
  for (const row of rows) {
    const res = timed(query(row));
    if (res.some((m) => m.match)) { fp++; if (verbose) console.log(`${file} FP: ${row['full_name']} -> ${res[0]!.score} ${res[0]!.entry.name}`); }
  }
  return { rate: fp / rows.length, fp, n: rows.length };
}

const rc = recall(clean, 'clean');
const rt = recall(typos, 'typos');
const fu = falsePositives('negatives-us.csv');
const fg = falsePositives('negatives-global.csv');
// Without date of birth or nationality, the name alone has to carry the decision.
const negatives = [...csv('negatives-us.csv'), ...csv('negatives-global.csv')];
const nameOnlyFp = negatives.filter((row) => { const r = screen(index, { name: row['full_name']!, type: 'person' }); return r.ok && r.value.some((m) => m.match); }).length;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
const coldP99 = quantile(times, 0.99);
// Time again once warm (JIT compiled, any-ascii's per-script tables loaded), as a running server sees it.
const allRows = [...clean, ...typos, ...csv('negatives-us.csv'), ...csv('negatives-global.csv')];
times.length = 0;
for (const row of allRows) timed(query(row));
const median = quantile(times, 0.5);
const p99 = quantile(times, 0.99);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);
const rows: Array<[string, string, string, string]> = [
  ['measure', 'gensoku', 'logic-v2 (published)', 'target'],
  [`name-bench precision (n=${ours.n})`, `${f3(ours.p)} @${THRESHOLD}`, `${f3(lv2.p)} @0.70`, ''],
  ['name-bench recall', f3(ours.r), f3(lv2.r), ''],
  ['name-bench F1', f3(ours.f1), f3(lv2.f1), '>= 0.85'],
  [`UN positives recall, clean (n=${rc.n})`, `${pct(rc.rate)} (${rc.hit})`, '', '>= 98%'],
  [`UN positives recall, typos (n=${rt.n})`, `${pct(rt.rate)} (${rt.hit})`, '', '>= 92%'],
  [`false positives, negatives-us (n=${fu.n})`, `${pct(fu.rate)} (${fu.fp})`, '', '<= 1%'],
  [`false positives, negatives-global (n=${fg.n})`, `${pct(fg.rate)} (${fg.fp})`, '', '<= 1%'],
  [`false positives, both sets, name only (n=${negatives.length})`, `${pct(nameOnlyFp / negatives.length)} (${nameOnlyFp})`, '', ''],
  [`time to screen one name, median (warm, n=${times.length})`, `${median.toFixed(3)} ms`, '', '< 1 ms'],
  ['time to screen one name, p99 (warm)', `${p99.toFixed(3)} ms`, '', ''],
  ['time to screen one name, p99 (first pass)', `${coldP99.toFixed(3)} ms`, '', ''],
];
// 5. Names as Japanese sources write them (data/screening-ja): recall per kind on listed entries, false
// positives on unlisted names in katakana and kanji; once with the Japanese names file, once without.
const JA = resolve(DATA, 'screening-ja');
const jaCsv = (f: string) => parseCsv(readFileSync(resolve(JA, f), 'utf8'));
const listedJa = jaCsv('eval-listed.csv');
const unlistedJa = jaCsv('eval-unlisted.csv');
const plainIndex = buildIndex(list);
const jaTimes: number[] = [];
function jaRecall(ix: typeof index, label: string) {
  const byKind = new Map<string, { hit: number; n: number }>();
  for (const row of listedJa) {
    const k = byKind.get(row['kind']!) ?? { hit: 0, n: 0 };
    k.n++;
    const s = performance.now();
    const r = screen(ix, { name: row['name']!, type: row['type'] as 'person' | 'entity' });
    if (ix === index) jaTimes.push(performance.now() - s);
    const ok = r.ok && r.value.some((m) => m.match && m.entry.referenceNumber === row['reference']);
    if (ok) k.hit++;
    else if (verbose && r.ok) console.log(`${label} miss [${row['kind']}] ${row['name']} ${row['reference']} -> ${r.value[0] ? `${r.value[0].score} ${r.value[0].entry.referenceNumber} ${r.value[0].explanation}` : 'nothing'}`);
    byKind.set(row['kind']!, k);
  }
  return byKind;
}
const jaWith = jaRecall(index, 'ja');
// Rows written exactly as a name of names.csv are found by that name; the rest measure reading and fuzzy matching.
const reviewed = new Set(japaneseNames().map((n) => `${n.referenceNumber}|${foldText(n.name)}`));
const unseen = listedJa.filter((row) => !reviewed.has(`${row['reference']}|${foldText(row['name']!)}`));
const unseenHit = unseen.filter((row) => { const r = screen(index, { name: row['name']!, type: row['type'] as 'person' | 'entity' }); return r.ok && r.value.some((m) => m.match && m.entry.referenceNumber === row['reference']); }).length;
/** Wilson score interval at 95%, so a rate on a few hundred rows is read with its margin. */
const wilson = (k: number, n: number) => {
  const z = 1.96, p = k / n, d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d, h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return `${(Math.max(0, c - h) * 100).toFixed(1)}–${(Math.min(1, c + h) * 100).toFixed(1)}%`;
};
const jaWithout = jaRecall(plainIndex, 'ja-plain');
// A false positive whose romanised spelling is flagged too is not one the Japanese reading adds.
const jaFp = new Map<string, { fp: number; n: number; romanisedToo: number }>();
const flagged = (name: string, type: string) => { const r = screen(index, { name, type: type as 'person' | 'entity' }); return r.ok && r.value.some((m) => m.match) ? r.value[0]! : undefined; };
// Namesakes (every name of the row in order in a listed name) are on no list, but a name-only screen must flag them.
let namesakeHits = 0, namesakeN = 0;
for (const row of unlistedJa) {
  if (row['kind'] === 'namesake') {
    namesakeN++;
    if (flagged(row['name']!, row['type']!)) namesakeHits++;
    continue;
  }
  const kind = /[\u3400-\u9fff\uac00-\ud7af]/.test(row['name']!) && !/[\u30a0-\u30ff]/.test(row['name']!) ? 'kanji' : 'katakana';
  const k = jaFp.get(kind) ?? { fp: 0, n: 0, romanisedToo: 0 };
  k.n++;
  const hit = flagged(row['name']!, row['type']!);
  if (hit) {
    k.fp++;
    const romanisedToo = row['romanised'] ? flagged(row['romanised'], row['type']!) !== undefined : false;
    if (romanisedToo) k.romanisedToo++;
    if (verbose) console.log(`ja FP${romanisedToo ? ' (romanised flagged too)' : ''}: ${row['name']} -> ${hit.score} ${hit.entry.referenceNumber} ${hit.explanation}`);
  }
  jaFp.set(kind, k);
}
let jaHit = 0, jaN = 0, jaPlainHit = 0;
for (const [kind, k] of jaWith) {
  const p = jaWithout.get(kind)!;
  jaHit += k.hit; jaN += k.n; jaPlainHit += p.hit;
  rows.push([`Japanese-written recall, ${kind} (n=${k.n})`, `${pct(k.hit / k.n)} (${k.hit})`, `without names.csv: ${pct(p.hit / p.n)}`, '']);
}
rows.push([`Japanese-written recall, all kinds (n=${jaN})`, `${pct(jaHit / jaN)} (${jaHit})`, `without names.csv: ${pct(jaPlainHit / jaN)}; 95% interval ${wilson(jaHit, jaN)}`, '>= 95%']);
rows.push([`  rows not written as a name of names.csv (n=${unseen.length})`, `${pct(unseenHit / unseen.length)} (${unseenHit})`, `95% interval ${wilson(unseenHit, unseen.length)}`, '']);
rows.push([`time to screen one Japanese-written name, median (n=${jaTimes.length})`, `${quantile(jaTimes, 0.5).toFixed(3)} ms`, '', '']);
for (const [kind, k] of jaFp) {
  rows.push([`false positives, unlisted in ${kind} (n=${k.n})`, `${pct(k.fp / k.n)} (${k.fp})`, `romanised flagged too: ${k.romanisedToo}; 95% interval ${wilson(k.fp, k.n)}`, '<= 2%']);
  rows.push([`  of which the romanised name is not flagged`, `${pct((k.fp - k.romanisedToo) / k.n)} (${k.fp - k.romanisedToo})`, '', '']);
}
rows.push([`namesakes of listed names, flagged for review (n=${namesakeN})`, `${pct(namesakeHits / (namesakeN || 1))} (${namesakeHits})`, '', '']);

const w = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i]!)).join(' | ')} |`;
console.log(`UN list ${list.version}: ${list.entries.length} entries, ${index.names.length} names, index built in ${buildMs.toFixed(0)} ms`);
console.log(line(rows[0]!));
console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
for (const r of rows.slice(1)) console.log(line(r));
