// Screening parties against the list in use, with the dispositions already recorded under its version, and
// re-screening every open case after a list import (or at start). Used by the case service and the list import.
import type { CaseRow, CaseScreening, CaseStatus, RequestContext } from './model.ts';
import { parties, partyKey, screenParties, type ScreeningProvider } from './screening.ts';
import type { AuditContext, Store } from './store-port.ts';

/** A hit that the case's previous screening did not have. */
export interface NewHit {
  party: string;
  name: string;
  referenceNumber: string;
  listedName: string;
  score: number;
}

/** An open case whose hits or hold changed on re-screening. */
export interface RescreenedCase {
  id: string;
  reference: string;
  status: CaseStatus;
  /** Held now: some hit waits for a disposition under the new list version. */
  hold: boolean;
  wasHeld: boolean;
  newHits: NewHit[];
  /** Hits of the previous screening that the list no longer gives (entry removed or changed). */
  clearedHits: { party: string; referenceNumber: string }[];
}

export interface RescreenSummary {
  listVersion: string | null;
  /** Open cases screened. */
  screened: number;
  /** Cases whose stored screening was rewritten (a new list version rewrites every one). */
  changed: number;
  /** Open cases on hold after re-screening. */
  held: number;
  /** The cases whose hits or hold changed, with the new hits: what an examiner must look at. */
  cases: RescreenedCase[];
}

export const OPEN_SCREENED: readonly CaseStatus[] = ['submitted', 'under_review', 'nsc_deliberation'];

/** Screens an application's parties against the provider, applying dispositions recorded under its list version. */
export async function screenApplication(store: Store, provider: ScreeningProvider | null, app: CaseRow['data']['application'], at: string): Promise<CaseScreening | null> {
  if (!provider) return null;
  const known = await store.screening.dispositions(provider.version, parties(app).map((p) => partyKey(p.value)));
  return screenParties(provider, app, known, at);
}

const hitKey = (party: string, ref: string) => `${party}\u0001${ref}`;

function compare(row: CaseRow, before: CaseScreening | null | undefined, after: CaseScreening | null): RescreenedCase | null {
  const old = new Set((before?.parties ?? []).flatMap((p) => p.hits.map((h) => hitKey(p.party, h.referenceNumber))));
  const now = new Set((after?.parties ?? []).flatMap((p) => p.hits.map((h) => hitKey(p.party, h.referenceNumber))));
  const newHits = (after?.parties ?? []).flatMap((p) => p.hits.filter((h) => !old.has(hitKey(p.party, h.referenceNumber)))
    .map((h) => ({ party: p.party, name: p.name, referenceNumber: h.referenceNumber, listedName: h.listedName, score: h.score })));
  const clearedHits = (before?.parties ?? []).flatMap((p) => p.hits.filter((h) => !now.has(hitKey(p.party, h.referenceNumber)))
    .map((h) => ({ party: p.party, referenceNumber: h.referenceNumber })));
  const hold = after?.hold ?? false;
  const wasHeld = before?.hold ?? false;
  if (newHits.length === 0 && clearedHits.length === 0 && hold === wasHeld) return null;
  return { id: row.id, reference: row.reference, status: row.status, hold, wasHeld, newHits, clearedHits };
}

/**
 * Screens every submitted, open case again against the provider; a new hit (or a hit whose disposition was
 * made under an older list version) puts the case on hold. A case that moved meanwhile keeps its state: the
 * next run (every start, every import) screens it again, so a lost race is not an error here.
 */
export async function rescreenOpenCases(
  deps: { store: Store; provider: ScreeningProvider | null; now: () => Date }, rc: RequestContext,
): Promise<RescreenSummary> {
  const { store, provider, now: clock } = deps;
  const summary: RescreenSummary = { listVersion: provider?.version ?? null, screened: 0, changed: 0, held: 0, cases: [] };
  if (!provider) return summary;
  for (const status of OPEN_SCREENED) {
    for (let offset = 0; ; offset += 500) {
      const rows = await store.cases.list({ status, limit: 500, offset });
      for (const row of rows) {
        const now = clock();
        const screening = await screenApplication(store, provider, row.data.application, now.toISOString());
        summary.screened++;
        if (screening?.hold) summary.held++;
        const before = row.data.screening;
        const same = before && screening && before.listVersion === screening.listVersion && JSON.stringify(before.parties) === JSON.stringify(screening.parties);
        if (same) continue;
        const ctx: AuditContext = { actor: rc.actor.username, at: now.toISOString(), requestId: rc.requestId ?? null };
        const res = await store.cases.update(ctx, 'case.rescreen', { ...row, updatedAt: now.toISOString(), data: { ...row.data, screening } }, row.version);
        if (!res.ok) continue;
        summary.changed++;
        const change = compare(row, before, screening);
        if (change) summary.cases.push(change);
      }
      if (rows.length < 500) break;
    }
  }
  return summary;
}
