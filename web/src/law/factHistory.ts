// A country's facts through time, gathered from the dated fact endpoint: starting from some dates (the regimes' first
// days are good seeds), it steps to the day before each entry began and the day after each ended, until every series
// reachable so is walked (or a cap is reached). An entry that starts and ends between two seeds with no neighbour
// found is missed: the server has no endpoint for a country's whole series yet.
import type { FactTrace } from '../api/types.ts';

export interface FactPeriod {
  fact: string;
  value: FactTrace['value'];
  from: string;
  to: string | null;
  source: string;
  confirmed: boolean;
  note?: string;
}

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function factHistory(
  read: (asOf: string) => Promise<FactTrace[]>, seeds: readonly string[], opts: { earliest: string; latest: string; cap?: number },
): Promise<FactPeriod[]> {
  const seen = new Map<string, FactPeriod>();
  const queued = new Set<string>(seeds);
  const queue = [...queued];
  let calls = 0;
  while (queue.length && calls < (opts.cap ?? 40)) {
    const date = queue.shift()!;
    calls++;
    for (const f of await read(date)) {
      if (!f.source || !f.from) continue;
      const key = `${f.fact}|${f.from}`;
      if (seen.has(key)) continue;
      seen.set(key, { fact: f.fact, value: f.value, from: f.from, to: f.to, source: f.source, confirmed: f.confirmed, ...(f.note ? { note: f.note } : {}) });
      for (const next of [shift(f.from, -1), f.to ? shift(f.to, 1) : null]) {
        if (next && next >= opts.earliest && next <= opts.latest && !queued.has(next)) {
          queued.add(next);
          queue.push(next);
        }
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.fact.localeCompare(b.fact) || a.from.localeCompare(b.from));
}
