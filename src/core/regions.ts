// How a reader sees the regions of a full diff: the first few, the long tail, a summary; no imports, so the web app shares it.

/** The largest regions that together hold nine tenths of the changed cells, at most `max`: the rest is a long tail. */
export function mainRegions<R extends { cells: number }>(d: { changed: number; regions: R[] }, max = 10): R[] {
  const out: R[] = [];
  let held = 0;
  for (const r of d.regions) {
    if (out.length >= max || held >= 0.9 * d.changed) break;
    out.push(r);
    held += r.cells;
  }
  return out;
}

/** The regions after the first `shown`, counted by how they change (largest share first): what the long tail holds. */
export function tailByChange<R extends { from: string; to: string; cells: number }>(regions: readonly R[], shown: number): { from: string; to: string; regions: number; cells: number }[] {
  const by = new Map<string, { from: string; to: string; regions: number; cells: number }>();
  for (const r of regions.slice(shown)) {
    const key = `${r.from}>${r.to}`;
    const e = by.get(key) ?? { from: r.from, to: r.to, regions: 0, cells: 0 };
    e.regions++;
    e.cells += r.cells;
    by.set(key, e);
  }
  return [...by.values()].sort((a, b) => b.cells - a.cells || b.regions - a.regions);
}

interface Summarised<W> { from: string; to: string; rules: { from: string[]; to: string[] }; countries: string[]; cells: number; witness: W }

/** One line of a summary: every region that changes the same way under the same rules, with their cells and countries. */
export interface SummaryLine<W> {
  from: string;
  to: string;
  rules: { from: string[]; to: string[] };
  regions: number;
  cells: number;
  countries: string[];
  witness: W; // the witness of the line's region with the most cells
}

/**
 * The regions grouped by how they change and by the rules that decide before and after, largest first: tens of lines
 * where the regions are hundreds. A region's cells are its own share of the changed cells, so the lines sum to them.
 */
export function summarise<W>(regions: readonly Summarised<W>[]): SummaryLine<W>[] {
  const by = new Map<string, SummaryLine<W> & { largest: number }>();
  for (const r of regions) {
    const key = [r.from, r.to, [...r.rules.from].sort().join(','), [...r.rules.to].sort().join(',')].join('|');
    const line = by.get(key);
    if (!line) { by.set(key, { from: r.from, to: r.to, rules: r.rules, regions: 1, cells: r.cells, countries: [...r.countries], witness: r.witness, largest: r.cells }); continue; }
    line.regions++;
    line.cells += r.cells;
    line.countries = [...new Set([...line.countries, ...r.countries])].sort();
    if (r.cells > line.largest) { line.witness = r.witness; line.largest = r.cells; }
  }
  return [...by.values()].map(({ largest: _, ...line }) => line).sort((a, b) => b.cells - a.cells || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}
