// Outcomes for every country on one date under one regime, for one item; and what changed between two such sets.
import { api, ApiError } from '../api/client.ts';
import type { Decision, Item, MatrixCell, Outcome, Purpose, TransferRequest, Transferor } from '../api/types.ts';
import { COUNTRIES } from '../lib/countries.ts';

export interface CountryOutcome {
  outcome: Outcome;
  reasons: string[];
}

export type OutcomeMap = ReadonlyMap<string, CountryOutcome>;

export interface MapQuery {
  asOf: string;
  /** '' for the regime in force on asOf. */
  regime: string;
  /** The catalogue class, when the item is one. */
  itemId: string;
  item: Item;
  purpose: Purpose | '';
  transferor: Transferor | '';
}

export interface Change {
  code: string;
  from: CountryOutcome;
  to: CountryOutcome;
}

/** Countries whose outcome differs between two maps, in code order. */
export function diffOutcomes(a: OutcomeMap, b: OutcomeMap): Change[] {
  const out: Change[] = [];
  for (const [code, to] of b) {
    const from = a.get(code);
    if (from && from.outcome !== to.outcome) out.push({ code, from, to });
  }
  return out.sort((x, y) => x.code.localeCompare(y.code));
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The analysis matrix for a catalogue item; an item described by hand is evaluated country by country (a few hundred fast calls). */
export async function loadOutcomes(q: MapQuery, signal?: AbortSignal): Promise<OutcomeMap> {
  if (q.itemId) {
    try {
      const reply = await api<{ cells: MatrixCell[] }>('/api/v1/matrix', {
        query: { asOf: q.asOf, regime: q.regime || undefined, items: q.itemId, purpose: q.purpose || undefined, transferor: q.transferor || undefined }, signal,
      });
      return new Map(reply.cells.filter((c) => c.item === q.itemId).map((c) => [c.recipient, { outcome: c.outcome, reasons: c.reasons }]));
    } catch (e) {
      if (!(e instanceof ApiError && (e.status === 404 || e.status === 405))) throw e;
    }
  }
  const base: Omit<TransferRequest, 'recipient'> = { asOf: q.asOf, item: q.item, ...(q.purpose ? { purpose: q.purpose } : {}), ...(q.transferor ? { transferor: q.transferor } : {}) };
  const decisions = await mapLimit(COUNTRIES, 12, (c) =>
    api<Decision>('/api/v1/evaluate', { body: { ...base, recipient: c.code }, query: { regime: q.regime || undefined, trace: 'false' }, signal }));
  return new Map(COUNTRIES.map((c, i) => [c.code, { outcome: decisions[i].outcome, reasons: decisions[i].reasons }]));
}
