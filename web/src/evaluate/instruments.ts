// The instrument a decision rests on: the source of each deciding rule (its first citation), not the latest
// revision in force, which may have decided nothing in the case.
import type { RegimeInfo, RuleInfo, Source } from '../api/types.ts';

export interface Instrument {
  key: string;
  title: { en: string; ja: string };
  date?: string;
  url?: string;
}

export function decidingInstruments(rules: readonly RuleInfo[], sources: ReadonlyMap<string, Source> | undefined, regimes: readonly RegimeInfo[]): Instrument[] {
  const out = new Map<string, Instrument>();
  for (const r of rules) {
    const id = r.citations[0];
    const s = id ? sources?.get(id) : undefined;
    if (s) out.set(s.id, { key: s.id, title: s.title, date: s.date ?? undefined, url: s.url ?? undefined });
    else {
      // Without its source, the version that introduced the rule names it.
      const v = regimes.find((x) => x.id === r.revision);
      if (v) out.set(v.id, { key: v.id, title: v.title, date: v.from ?? undefined });
    }
  }
  return [...out.values()];
}
