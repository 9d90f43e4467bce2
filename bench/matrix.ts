// Matrix and diff timings, with the analysis functions of src/core (issue 3): the full matrix on one date, and the
// diff across every regime boundary (each consecutive pair of dated versions, on the later one's first day).
import type { Engine } from '../src/core/engine.ts';
import { boundaryPairs, diff } from '../src/core/diff.ts';
import type { ItemClass } from '../src/core/items.ts';
import { matrix } from '../src/core/matrix.ts';

export interface MatrixReport {
  date: string;
  items: number;
  cells: number;
  matrixEvaluations: number;
  matrixMs: { best: number; median: number };
  boundaries: number;
  diffCells: number;
  diffEvaluations: number;
  changed: number;
  diffMs: { best: number; median: number };
}

function timed(runs: number, fn: () => void): { best: number; median: number } {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    t.push(performance.now() - start);
  }
  t.sort((a, b) => a - b);
  return { best: t[0], median: t[Math.floor((t.length - 1) / 2)] };
}

/** Cold runs count: the first run is timed with the others, and the median is what the target is held to. */
export function benchMatrix(engine: Engine, items: ItemClass[], date: string, runs = 5): MatrixReport {
  let cells = 0;
  let matrixEvaluations = 0;
  const matrixMs = timed(runs, () => {
    const m = matrix(engine, { asOf: date, items });
    cells = m.cells.length;
    matrixEvaluations = m.evaluations;
  });
  const pairs = boundaryPairs(engine);
  let diffCells = 0;
  let diffEvaluations = 0;
  let changed = 0;
  const diffMs = timed(Math.max(1, Math.ceil(runs / 2)), () => {
    diffCells = diffEvaluations = changed = 0;
    for (const [from, to] of pairs) {
      const d = diff(engine, from, to, { items });
      diffCells += d.compared;
      diffEvaluations += d.evaluations;
      changed += d.changes.length;
    }
  });
  return { date, items: items.length, cells, matrixEvaluations, matrixMs, boundaries: pairs.length, diffCells, diffEvaluations, changed, diffMs };
}
