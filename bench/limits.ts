// Latencies that unit tests used to assert and that belong here, where the machine's load is reported: screening
// one listed name against the bundled UN list (warm), and refusing a request body nested 3,000 deep.
import { inspectInput } from '../src/api/app.ts';
import { DEFAULT_LIST, readListFile } from '../src/screening/load-list.ts';
import { screen } from '../src/screening/screen.ts';
import { buildIndex } from '../src/screening/search-index.ts';

export interface LimitsReport {
  /** Median and p99 of screening each of the first 200 listed names once, after one warm-up pass, in ms. */
  screenMs: { names: number; median: number; p99: number };
  /** Parsing and refusing a body of arrays nested 3,000 deep (what the API does before any route), in ms. */
  deepBodyMs: number;
}

const percentile = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];

export function benchLimits(): LimitsReport {
  const list = readListFile(DEFAULT_LIST);
  if (!list.ok) throw new Error(`the bundled list does not load: ${JSON.stringify(list.problems)}`);
  const index = buildIndex(list.value);
  const names = index.entries.slice(0, 200).map((e) => e.name);
  for (const n of names) screen(index, { name: n });
  const times = names.map((n) => { const t = performance.now(); screen(index, { name: n }); return performance.now() - t; }).sort((a, b) => a - b);

  const body = `{"recipient":"AU","item":{"name":${'['.repeat(3000)}${']'.repeat(3000)}}}`;
  const t = performance.now();
  const refused = inspectInput(JSON.parse(body));
  const deepBodyMs = performance.now() - t;
  if (refused?.code !== 'too_deep') throw new Error('a body nested 3,000 deep was not refused');
  return { screenMs: { names: names.length, median: percentile(times, 0.5), p99: percentile(times, 0.99) }, deepBodyMs };
}
