// The map's state in the URL: the item, date, regime and purpose as on Evaluate, plus the two sides of a comparison.
import { decodeForm, encodeForm, type FormState } from '../lib/requestUrl.ts';

export interface MapState {
  form: FormState;
  compare: boolean;
  /** The other side of the comparison: date and regime ('' = in force). */
  fromDate: string;
  fromRegime: string;
}

export function decodeMap(p: URLSearchParams, today: string): MapState {
  const form = decodeForm(p, today);
  const fromDate = p.get('fromDate');
  return {
    form,
    compare: p.get('compare') === 'yes',
    fromDate: fromDate && /^\d{4}-\d{2}-\d{2}$/.test(fromDate) ? fromDate : form.asOf,
    fromRegime: (p.get('fromRegime') ?? '').slice(0, 100),
  };
}

export function encodeMap(s: MapState): string {
  const p = encodeForm({ ...s.form, recipient: '' });
  if (s.compare) {
    p.set('compare', 'yes');
    p.set('fromDate', s.fromDate);
    if (s.fromRegime) p.set('fromRegime', s.fromRegime);
  }
  return p.toString();
}

/** The date a year slider position stands for: the same day of that year, kept within [earliest, latest]. */
export function dateForYear(year: number, current: string, earliest: string, latest: string): string {
  const md = current.slice(5);
  let d = `${String(year).padStart(4, '0')}-${md === '02-29' ? '02-28' : md}`;
  if (d < earliest) d = earliest;
  if (d > latest) d = latest;
  return d;
}
