import type { Fact, FactEntry } from './policy-schema.ts';
import type { CountryCode, FactTrace, IsoDate } from './model.ts';

/** A fact's value on a date: a boolean or enum string, or null when the record says it is unknown. */
export interface FactReading {
  value: boolean | string | null;
  entry: FactEntry | null; // null: no entry covers the date, the fact's default applies
}

export interface FactOverride {
  fact: string;
  country: CountryCode;
  series: FactEntry[];
}

/** Dated series indexed by fact and country; each value holds from its date until its `to` or the next entry. */
export class FactTable {
  private readonly index = new Map<string, Map<CountryCode, FactEntry[]>>();

  constructor(readonly facts: ReadonlyMap<string, Fact>, overrides: readonly FactOverride[] = []) {
    for (const fact of facts.values()) {
      const byCountry = new Map<CountryCode, FactEntry[]>();
      for (const [cc, entries] of Object.entries(fact.series)) byCountry.set(cc, [...entries].sort((a, b) => (a.from < b.from ? -1 : 1)));
      this.index.set(fact.id, byCountry);
    }
    for (const o of overrides) this.index.get(o.fact)?.set(o.country, [...o.series].sort((a, b) => (a.from < b.from ? -1 : 1)));
  }

  withOverrides(overrides: readonly FactOverride[]): FactTable {
    if (overrides.length === 0) return this;
    const t = new FactTable(this.facts);
    for (const [id, byCountry] of this.index) t.index.set(id, new Map(byCountry));
    for (const o of overrides) t.index.get(o.fact)?.set(o.country, [...o.series].sort((a, b) => (a.from < b.from ? -1 : 1)));
    return t;
  }

  /** The entry in force on a date, or null where the fact's default applies. */
  private entryOn(factId: string, country: CountryCode, date: IsoDate): FactEntry | null {
    const entries = this.index.get(factId)?.get(country);
    if (!entries) return null;
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i];
      if (e.from > date) continue;
      return e.to != null && date > e.to ? null : e;
    }
    return null;
  }

  /** The value alone, without allocating: the hot path of compiled rules. */
  value(factId: string, country: CountryCode, date: IsoDate): boolean | string | null {
    const e = this.entryOn(factId, country, date);
    if (e) return e.value === 'unknown' ? null : e.value;
    // Absence from a list that is not exhaustive is unknown, not the default.
    const f = this.facts.get(factId);
    return f?.exhaustive ? f.default : null;
  }

  read(factId: string, country: CountryCode, date: IsoDate): FactReading {
    return { value: this.value(factId, country, date), entry: this.entryOn(factId, country, date) };
  }

  /** Every country with at least one entry for the fact. */
  countriesOf(factId: string): CountryCode[] {
    return [...(this.index.get(factId)?.keys() ?? [])];
  }

  entries(factId: string, country: CountryCode): readonly FactEntry[] {
    return this.index.get(factId)?.get(country) ?? [];
  }

  /** Dates on which any fact about the country changes value: the boundaries of its fact signature. */
  changeDates(country: CountryCode): IsoDate[] {
    const dates = new Set<IsoDate>();
    for (const byCountry of this.index.values()) {
      for (const e of byCountry.get(country) ?? []) {
        dates.add(e.from);
        if (e.to) dates.add(addDays(e.to, 1));
      }
    }
    return [...dates].sort();
  }

  trace(factId: string, country: CountryCode, date: IsoDate): FactTrace {
    const { value, entry } = this.read(factId, country, date);
    const base: FactTrace = {
      type: 'fact', fact: factId, of: country, value,
      from: entry?.from ?? null, to: entry?.to ?? null, source: entry?.source ?? null, confirmed: entry?.confirmed ?? true,
    };
    if (entry?.note) base.note = entry.note;
    return base;
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
