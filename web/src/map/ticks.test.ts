import { describe, expect, it } from 'vitest';
import { tickLabels } from './ticks.ts';

describe('regime ticks', () => {
  it('marks every regime year in order and labels only those with room', () => {
    const t = tickLabels([2014, 1967, 1976, 2004, 2005, 2006, 2014, 2022, 2023, 2026], 1967, 2026);
    expect(t.map((x) => x.year)).toEqual([1967, 1976, 2004, 2005, 2006, 2014, 2022, 2023, 2026]);
    expect(t[0]).toEqual({ year: 1967, left: 0, label: true });
    expect(t.at(-1)!.left).toBe(100);
    expect(t.filter((x) => x.label).map((x) => x.year)).toEqual([1967, 1976, 2004, 2014, 2022]);
  });
});
