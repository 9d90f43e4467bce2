import { describe, expect, it } from 'vitest';
import { Mdd, leaf, valueOf } from './mdd.ts';

describe('Mdd', () => {
  const arity = [3, 2, 4];
  const cells = arity.reduce<number[][]>((acc, k) => acc.flatMap((p) => Array.from({ length: k }, (_, v) => [...p, v])), [[]]);
  const at = (m: Mdd, r: number, cell: number[]) => {
    let x = r;
    while (x >= 0) x = m.kids[x][cell[m.level[x]]];
    return valueOf(x);
  };

  it('builds a function from its table and reduces what does not depend on an attribute', () => {
    const m = new Mdd(arity);
    const r = m.fromTable([0, 2], Array.from({ length: 12 }, (_, i) => (Math.floor(i / 4) === 1 ? 7 : i % 4)));
    for (const c of cells) expect(at(m, r, c)).toBe(c[0] === 1 ? 7 : c[2]);
    // The same function built again is the same node; a constant table is a terminal.
    expect(m.fromTable([0, 2], Array.from({ length: 12 }, (_, i) => (Math.floor(i / 4) === 1 ? 7 : i % 4)))).toBe(r);
    expect(m.fromTable([1], [5, 5])).toBe(leaf(5));
  });

  it('applies pointwise operations and answers whether a box of cells reaches only some values', () => {
    const m = new Mdd(arity);
    const x = m.fromTable([0], [1, 2, 3]);
    const y = m.fromTable([2], [10, 20, 30, 40]);
    const sum = m.apply((a, b) => a + b, new Map(), x, y);
    const both = m.applyN((vs) => vs[0] * vs[1] * vs[2], new Map(), [x, y, m.fromTable([1], [1, 2])]);
    const neg = m.map((a) => 10 - a, new Map(), x);
    for (const c of cells) {
      expect(at(m, sum, c)).toBe(c[0] + 1 + (c[2] + 1) * 10);
      expect(at(m, both, c)).toBe((c[0] + 1) * (c[2] + 1) * 10 * (c[1] + 1));
      expect(at(m, neg, c)).toBe(9 - c[0]);
    }
    // Attribute 0 in {0, 1} and attribute 2 in {0}: sums 11 and 12 only.
    expect(m.only(sum, [0b011, 0b11, 0b0001], (v) => v === 11 || v === 12)).toBe(true);
    expect(m.only(sum, [0b011, 0b11, 0b0011], (v) => v === 11 || v === 12)).toBe(false);
  });

  it('bounds the cells where a function takes some values by the smallest box', () => {
    const m = new Mdd(arity);
    // 1 only where attribute 0 is 2 and attribute 2 is 1 or 3; attribute 1 is free.
    const r = m.fromTable([0, 2], Array.from({ length: 12 }, (_, i) => (Math.floor(i / 4) === 2 && i % 2 === 1 ? 1 : 0)));
    expect(m.hull(r, (v) => v === 1)).toEqual([0b100, 0b11, 0b1010]);
    expect(m.hull(r, (v) => v === 5)).toEqual([0, 0, 0]);
    expect(m.values(r)).toEqual(new Set([0, 1]));
  });
});
