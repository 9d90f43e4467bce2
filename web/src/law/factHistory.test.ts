import { describe, expect, it } from 'vitest';
import type { FactDoc } from '../api/types.ts';
import { countryHistory, inForce } from './factHistory.ts';

const doc = (id: string, maintainedBy: FactDoc['maintainedBy']): FactDoc => ({
  id, title: { en: id, ja: id }, type: 'boolean', default: false, defaultNote: { en: `not on ${id}`, ja: `${id}に記載なし` }, maintainedBy, exhaustive: true, listDate: '2026-11-22',
});
const docs = new Map([doc('un-arms-embargo', 'un'), doc('transfer-agreement', 'law'), doc('fighting-under-way', 'operator'), doc('security-partner', 'operator'), doc('treaty-att', 'law')].map((d) => [d.id, d]));

describe('a country’s fact history from its series', () => {
  const h = countryHistory([
    { fact: 'transfer-agreement', entries: [{ from: '2014-01-01', to: null, value: true, source: 'ta', confirmed: true }] },
    { fact: 'un-arms-embargo', entries: [
      { from: '2000-01-01', to: '2005-12-31', value: 'partial', source: 'unsc-2', confirmed: true },
      { from: '1990-01-01', to: '1999-12-31', value: 'full', source: 'unsc-1', confirmed: true },
    ] },
    { fact: 'fighting-under-way', entries: [{ from: '2022-02-24', to: null, value: true, source: 'op', confirmed: false }] },
  ], docs);

  it('keeps every entry, in date order, and the facts in the policy’s order', () => {
    expect(h.listed.map((l) => l.fact)).toEqual(['un-arms-embargo', 'transfer-agreement', 'fighting-under-way']);
    expect(h.listed[0].entries.map((e) => [e.from, e.value])).toEqual([['1990-01-01', 'full'], ['2000-01-01', 'partial']]);
    expect(h.listed[0].doc?.maintainedBy).toBe('un');
  });

  it('names the operator’s lists the country is absent from apart from the others', () => {
    expect(h.operatorAbsent.map((d) => d.id)).toEqual(['security-partner']);
    expect(h.otherAbsent.map((d) => d.id)).toEqual(['treaty-att']);
  });

  it('works without the catalogue (names fall back to ids)', () => {
    const bare = countryHistory([{ fact: 'b', entries: [{ from: '2000-01-01', value: true, source: 's', confirmed: true }] }, { fact: 'a', entries: [] }], undefined);
    expect(bare).toEqual({ listed: [{ fact: 'b', doc: undefined, entries: [{ from: '2000-01-01', value: true, source: 's', confirmed: true }] }], operatorAbsent: [], otherAbsent: [] });
  });

  it('tells the entry in force on a date, the last day included', () => {
    expect(inForce({ from: '1990-01-01', to: '1999-12-31' }, '1999-12-31')).toBe(true);
    expect(inForce({ from: '1990-01-01', to: '1999-12-31' }, '2000-01-01')).toBe(false);
    expect(inForce({ from: '2014-01-01', to: null }, '2026-01-01')).toBe(true);
  });
});
