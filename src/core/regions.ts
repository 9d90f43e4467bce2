// Which regions of a full diff a reader sees first; no imports, so the web app can share it.

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
