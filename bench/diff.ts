// The full request-space diff (issue 16) beside the catalogue diff: one boundary, all regime boundaries, the space
// size and the region count of each. The first run in the process is timed with the others (cold counts).
import type { Engine } from '../src/core/engine.ts';
import { boundaryPairs, diff } from '../src/core/diff.ts';
import { fullDiff } from '../src/core/diff-space.ts';
import type { ItemClass } from '../src/core/items.ts';

export interface BoundaryFigures {
  to: string;
  space: number;
  changed: number;
  regions: number;
  summary: number; // lines of the summary: the regions grouped by how they change and by which rules
  evaluations: number;
  ms: number;
  catalogueCells: number;
  catalogueChanged: number;
}

export interface DiffReport {
  boundaries: BoundaryFigures[];
  allMs: { best: number; median: number };
  one: { to: string; ms: { best: number; median: number } };
}

function stats(t: number[]): { best: number; median: number } {
  const s = [...t].sort((a, b) => a - b);
  return { best: s[0], median: s[Math.floor((s.length - 1) / 2)] };
}

/** `one` names the boundary timed alone (by the id of its later version); default: the latest. */
export function benchFullDiff(engine: Engine, items: ItemClass[], runs = 3, one?: string): DiffReport {
  const pairs = boundaryPairs(engine);
  const all: number[] = [];
  let boundaries: BoundaryFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    boundaries = pairs.map(([a, b]) => {
      const t = performance.now();
      const d = fullDiff(engine, a, b);
      const ms = performance.now() - t;
      return { to: b.spec, space: d.space, changed: d.changed, regions: d.regions.length, summary: d.summary.length, evaluations: d.evaluations, ms, catalogueCells: 0, catalogueChanged: 0 };
    });
    all.push(performance.now() - start);
  }
  pairs.forEach(([a, b], i) => {
    const c = diff(engine, a, b, { items });
    boundaries[i].catalogueCells = c.compared;
    boundaries[i].catalogueChanged = c.changes.length;
  });
  const pair = pairs.find(([, b]) => b.spec === one) ?? pairs[pairs.length - 1];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fullDiff(engine, pair[0], pair[1]);
    times.push(performance.now() - t);
  }
  return { boundaries, allMs: stats(all), one: { to: pair[1].spec, ms: stats(times) } };
}
