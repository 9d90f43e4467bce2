import { describe, expect, it } from 'vitest';
import { layoutSegments, segmentAt, type TimeSegment } from './timeline.ts';

const seg = (from: string, to: string | null, outcome: TimeSegment['outcome'], regime = 'r'): TimeSegment => ({ from, to, outcome, regime, reasons: [outcome] });

describe('timeline strip layout', () => {
  const vests = [seg('1967-04-21', '2022-03-07', 'not_permitted', '2014-04-01'), seg('2022-03-08', null, 'permissible', '2014-04-01')];

  it('fills the strip exactly, in order', () => {
    const placed = layoutSegments(vests, '2026-05-01');
    expect(placed[0].left).toBe(0);
    expect(placed[1].left).toBeCloseTo(placed[0].width);
    expect(placed.reduce((a, p) => a + p.width, 0)).toBeCloseTo(100);
    expect(placed[0].width).toBeGreaterThan(85);
  });

  it('keeps a one-day segment visible', () => {
    const placed = layoutSegments([seg('2000-01-01', '2020-01-01', 'prohibited'), seg('2020-01-02', '2020-01-02', 'permissible'), seg('2020-01-03', null, 'prohibited')], '2026-01-01');
    expect(placed[1].width).toBeCloseTo(1.5);
    expect(placed.reduce((a, p) => a + p.width, 0)).toBeCloseTo(100);
  });

  it('finds the segment covering a date', () => {
    expect(segmentAt(vests, '2022-03-08')?.outcome).toBe('permissible');
    expect(segmentAt(vests, '2022-03-07')?.outcome).toBe('not_permitted');
    expect(segmentAt(vests, '1960-01-01')).toBeUndefined();
  });

  it('lays out nothing for no segments', () => {
    expect(layoutSegments([], '2026-01-01')).toEqual([]);
  });
});
