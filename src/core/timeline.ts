import { addDays } from './facts.ts';
import { EARLIEST_DATE } from './request.ts';
import type { Engine } from './engine.ts';
import type { IsoDate, Outcome, TransferRequest } from './model.ts';

export interface Segment {
  from: IsoDate;
  to: IsoDate | null; // null: still the case today and onward
  regime: string;
  revision: string;
  outcome: Outcome;
  reasons: string[];
}

/** The dates on which anything the decision can depend on changes: new law, or a fact about a country involved. */
export function boundaries(engine: Engine, req: TransferRequest): IsoDate[] {
  const dates = new Set<IsoDate>([EARLIEST_DATE]);
  for (const r of engine.regimes()) if (r.kind !== 'draft' && r.from) dates.add(r.from);
  const countries = new Set([req.recipient, ...(req.item.licensor ? [req.item.licensor] : [])]);
  for (const cc of countries) for (const d of engine.facts.changeDates(cc)) if (d >= EARLIEST_DATE) dates.add(d);
  return [...dates].sort();
}

/** The same request across all time, split wherever the regime, the outcome or the deciding rules change. */
export function timeline(engine: Engine, req: TransferRequest): Segment[] {
  const segments: Segment[] = [];
  const dates = boundaries(engine, req);
  for (let i = 0; i < dates.length; i++) {
    const d = engine.evaluate({ ...req, asOf: dates[i] }, { trace: false });
    const to = i + 1 < dates.length ? addDays(dates[i + 1], -1) : null;
    const last = segments[segments.length - 1];
    if (last && last.regime === d.regime && last.outcome === d.outcome && last.reasons.join() === d.reasons.join()) {
      last.to = to;
      last.revision = d.revision;
    } else {
      segments.push({ from: dates[i], to, regime: d.regime, revision: d.revision, outcome: d.outcome, reasons: d.reasons });
    }
  }
  return segments;
}
