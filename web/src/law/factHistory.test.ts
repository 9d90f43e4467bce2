import { describe, expect, it } from 'vitest';
import type { FactTrace } from '../api/types.ts';
import { factHistory } from './factHistory.ts';

/** A fake country with a transfer agreement from 2014-01-01 and an embargo from 1990-01-01 to 1999-12-31. */
const series = [
  { fact: 'transfer-agreement', value: true, from: '2014-01-01', to: null, source: 'ta' },
  { fact: 'un-arms-embargo', value: true, from: '1990-01-01', to: '1999-12-31', source: 'unsc' },
];

function read(asOf: string): Promise<FactTrace[]> {
  return Promise.resolve(series.map((s): FactTrace => {
    const on = s.from <= asOf && (s.to === null || asOf <= s.to);
    return on
      ? { type: 'fact', fact: s.fact, of: 'XX', value: s.value, from: s.from, to: s.to, source: s.source, confirmed: true }
      : { type: 'fact', fact: s.fact, of: 'XX', value: false, from: null, to: null, source: null, confirmed: true };
  }));
}

describe('fact history', () => {
  it('walks back and forth from one date to every dated entry', async () => {
    const calls: string[] = [];
    const history = await factHistory(async (d) => {
      calls.push(d);
      return read(d);
    }, ['2026-01-01'], { earliest: '1967-04-21', latest: '2026-01-01' });
    expect(history.map((h) => [h.fact, h.from, h.to])).toEqual([['transfer-agreement', '2014-01-01', null]]);
    expect(calls).toEqual(['2026-01-01', '2013-12-31']);
  });

  it('finds entries that ended, from several seeds', async () => {
    const history = await factHistory(read, ['1995-06-01', '2026-01-01'], { earliest: '1967-04-21', latest: '2026-01-01' });
    expect(history.map((h) => h.fact)).toEqual(['transfer-agreement', 'un-arms-embargo']);
  });

  it('stops at the cap', async () => {
    let n = 0;
    await factHistory(async (d) => {
      n++;
      return read(d);
    }, ['1995-06-01'], { earliest: '1967-04-21', latest: '2026-01-01', cap: 1 });
    expect(n).toBe(1);
  });
});
