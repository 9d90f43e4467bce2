import { atomsOf } from './domain.ts';
import { addDays } from './facts.ts';
import { EARLIEST_DATE } from './request.ts';
import type { Engine, EvaluateOptions } from './engine.ts';
import type { IsoDate, Outcome, TransferRequest } from './model.ts';

export interface Segment {
  from: IsoDate;
  to: IsoDate | null; // null: still the case today and onward
  regime: string;
  revision: string;
  outcome: Outcome;
  reasons: string[];
}

/** A fixed regime or draft instead of the law of each date, and what-if fact series. */
export type TimelineOptions = Pick<EvaluateOptions, 'regime' | 'facts'>;

/** The dates on which anything the decision can depend on changes: new law, or a fact about a country involved. */
export function boundaries(engine: Engine, req: TransferRequest, opts: TimelineOptions = {}): IsoDate[] {
  const dates = new Set<IsoDate>([EARLIEST_DATE]);
  if (!opts.regime) for (const r of engine.regimes()) if (r.kind !== 'draft' && r.from) dates.add(r.from);
  const table = (opts.regime ? engine.version(opts.regime)?.facts : undefined) ?? engine.facts;
  const countries = new Set([req.recipient, ...(req.item.licensor ? [req.item.licensor] : [])]);
  for (const cc of countries) for (const d of table.changeDates(cc)) dates.add(d);
  // Rules the law itself limits in time change the answer on their own dates too.
  for (const a of atomsOf(engine.allRules())) {
    if (!('asOf' in a)) continue;
    if (a.asOf.from) dates.add(a.asOf.from);
    if (a.asOf.to) dates.add(addDays(a.asOf.to, 1));
  }
  for (const o of opts.facts ?? []) {
    if (!countries.has(o.country)) continue;
    for (const e of o.series) {
      dates.add(e.from);
      if (e.to) dates.add(addDays(e.to, 1));
    }
  }
  return [...dates].filter((d) => d >= EARLIEST_DATE).sort();
}

/** The same request across all time, split wherever the regime, the outcome or the deciding rules change. */
export function timeline(engine: Engine, req: TransferRequest, opts: TimelineOptions = {}): Segment[] {
  const segments: Segment[] = [];
  const dates = boundaries(engine, req, opts);
  for (let i = 0; i < dates.length; i++) {
    const d = engine.evaluate({ ...req, asOf: dates[i] }, { ...opts, trace: false });
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
