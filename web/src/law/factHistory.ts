// A country's facts through time, from its whole series (GET /api/v1/facts/:country/series): each fact with its dated
// entries in order, the facts in the policy's order; and the lists the country has never been on, so that what absence
// from them means can be shown beside the history.
import type { CountrySeries, FactDoc, FactEntry } from '../api/types.ts';

export interface FactHistory {
  fact: string;
  doc: FactDoc | undefined;
  entries: FactEntry[];
}

export interface CountryHistory {
  /** Facts with at least one dated entry for the country. */
  listed: FactHistory[];
  /** Lists kept by the operator on which the country never appears: the default is an assumption, shown with its note. */
  operatorAbsent: FactDoc[];
  /** Other lists (the law's, the UN's) on which the country never appears. */
  otherAbsent: FactDoc[];
}

/** The entry in force on a date, if any. */
export const inForce = (e: Pick<FactEntry, 'from' | 'to'>, date: string): boolean => e.from <= date && (e.to == null || date <= e.to);

export function countryHistory(series: CountrySeries['facts'], docs: ReadonlyMap<string, FactDoc> | undefined): CountryHistory {
  const order = [...(docs?.keys() ?? [])];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const listed = series
    .filter((s) => s.entries.length > 0)
    .map((s) => ({ fact: s.fact, doc: docs?.get(s.fact), entries: [...s.entries].sort((a, b) => a.from.localeCompare(b.from)) }))
    .sort((a, b) => rank(a.fact) - rank(b.fact) || a.fact.localeCompare(b.fact));
  const seen = new Set(listed.map((l) => l.fact));
  const absent = [...(docs?.values() ?? [])].filter((d) => !seen.has(d.id));
  return {
    listed,
    operatorAbsent: absent.filter((d) => d.maintainedBy === 'operator'),
    otherAbsent: absent.filter((d) => d.maintainedBy !== 'operator'),
  };
}
