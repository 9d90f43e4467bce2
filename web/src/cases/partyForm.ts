// The consignees and route of an application as form rows (strings, possibly half filled), and back to what the case
// service takes (src/cases/schema.ts): a consignee is { name, type, address?, country? }, a leg { country, place? }.
import type { CaseApplication, EndUserType } from '../api/types.ts';

export interface ConsigneeRow {
  name: string;
  type: EndUserType;
  country: string;
  address: string;
}

export interface LegRow {
  country: string;
  place: string;
}

export const newConsignee = (): ConsigneeRow => ({ name: '', type: 'company', country: '', address: '' });
export const newLeg = (): LegRow => ({ country: '', place: '' });

export function consigneeRows(app: Pick<CaseApplication, 'consignees'> | undefined): ConsigneeRow[] {
  return (app?.consignees ?? []).map((c) => ({ name: c.name, type: c.type, country: c.country ?? '', address: c.address ?? '' }));
}

export function legRows(app: Pick<CaseApplication, 'route'> | undefined): LegRow[] {
  return (app?.route ?? []).map((l) => ({ country: l.country, place: l.place ?? '' }));
}

/** The consignees to send: trimmed, optional fields left out when empty. Rows are sent as they are, so the server names any problem. */
export function toConsignees(rows: readonly ConsigneeRow[]): CaseApplication['consignees'] {
  return rows.map((r) => ({
    name: r.name.trim(),
    type: r.type,
    ...(r.address.trim() ? { address: r.address.trim() } : {}),
    ...(r.country ? { country: r.country } : {}),
  }));
}

/** The route to send, in order; a leg left wholly empty is dropped, one with only a place is sent for the server to refuse. */
export function toRoute(rows: readonly LegRow[]): CaseApplication['route'] {
  return rows
    .filter((r) => r.country || r.place.trim())
    .map((r) => ({ country: r.country, ...(r.place.trim() ? { place: r.place.trim() } : {}) }));
}

/** Where a screened party sits in the application ("endUser", "consignees.0"), as a reader would say it. */
export function partyPosition(party: string): { kind: 'endUser' | 'consignee' | 'other'; n?: number } {
  if (party === 'endUser') return { kind: 'endUser' };
  const m = /^consignees\.(\d+)$/.exec(party);
  return m ? { kind: 'consignee', n: Number(m[1]) + 1 } : { kind: 'other' };
}
