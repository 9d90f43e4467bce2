// Party screening for cases: every party screened at submission against the sanctions list; a hit blocks
// the case until an examiner records a disposition, remembered per party and list version. Pure, except
// providerFromIndex, which adapts src/screening's screen() to the port below.
import type { Problem } from '../core/model.ts';
import { screen, type ScreeningIndex } from '../screening/index.ts';
import type { ScreeningListInfo } from '../store/store.ts';
import type { CaseApplication, Party } from './model.ts';

export type Verdict = 'false_positive' | 'true_match';

export interface Disposition {
  verdict: Verdict;
  reason: string;
  by: string;
  at: string;
}

export interface ScreeningHit {
  referenceNumber: string;
  listedName: string;
  matchedName: string;
  score: number;
  explanation: string;
  /** The explanation in Japanese (hits recorded before it existed have none). */
  explanationJa?: string;
  disposition: Disposition | null;
}

export interface PartyScreening {
  party: string; // where the party sits in the application: endUser, consignees.0, ...
  name: string;
  key: string; // the identity dispositions are remembered under
  hits: ScreeningHit[];
}

export interface CaseScreening {
  source: string;
  listVersion: string;
  at: string;
  parties: PartyScreening[];
  /** Some hit has no disposition yet: the case cannot be referred or approved. */
  hold: boolean;
  /** Some hit was confirmed: the case cannot be approved. */
  trueMatch: boolean;
}

export interface ScreeningProvider {
  source: string;
  version: string;
  entries: number;
  /** Hits at or above the match threshold for one party. */
  check(query: { name: string; type: 'person' | 'entity'; country?: string }): Omit<ScreeningHit, 'disposition'>[];
  /** The index behind check(), for free-form screening (POST /api/v1/screen) and for diffing at the next import. */
  index?: ScreeningIndex;
  /** The stored import this list came from, when it came from the database. */
  stored?: ScreeningListInfo;
}

export function providerFromIndex(index: ScreeningIndex, threshold?: number, stored?: ScreeningListInfo): ScreeningProvider {
  return {
    source: index.source,
    version: index.version,
    entries: index.entries.length,
    index,
    ...(stored ? { stored } : {}),
    check(q) {
      const r = screen(index, { name: q.name, type: q.type, ...(q.country ? { nationality: q.country } : {}) }, threshold === undefined ? {} : { threshold });
      if (!r.ok) return [];
      return r.value.filter((m) => m.match).map((m) => ({
        referenceNumber: m.entry.referenceNumber, listedName: m.entry.name, matchedName: m.matchedName,
        score: Math.round(m.score * 1000) / 1000, explanation: m.explanation, explanationJa: m.explanationJa,
      }));
    },
  };
}

const entityType = (p: Party): 'person' | 'entity' => (p.type === 'individual' ? 'person' : 'entity');

/** The identity a disposition is remembered under: the kind of party, its folded name and its country. */
export function partyKey(p: Party): string {
  const name = p.name.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
  return `${entityType(p)}:${name}:${p.country ?? ''}`;
}

export function parties(app: Pick<CaseApplication, 'endUser' | 'consignees'>): { party: string; value: Party }[] {
  return [{ party: 'endUser', value: app.endUser }, ...app.consignees.map((c, i) => ({ party: `consignees.${i}`, value: c }))];
}

export const dispositionKey = (partyKey: string, referenceNumber: string) => `${partyKey}\u0001${referenceNumber}`;

function summarise(s: Omit<CaseScreening, 'hold' | 'trueMatch'>): CaseScreening {
  const hits = s.parties.flatMap((p) => p.hits);
  return { ...s, hold: hits.some((h) => !h.disposition), trueMatch: hits.some((h) => h.disposition?.verdict === 'true_match') };
}

/** Screens every party; dispositions already recorded for this list version apply at once. */
export function screenParties(
  provider: ScreeningProvider, app: Pick<CaseApplication, 'endUser' | 'consignees'>, known: ReadonlyMap<string, Disposition>, at: string,
): CaseScreening {
  return summarise({
    source: provider.source, listVersion: provider.version, at,
    parties: parties(app).map(({ party, value }) => {
      const key = partyKey(value);
      const hits = provider.check({ name: value.name, type: entityType(value), country: value.country })
        .map((h) => ({ ...h, disposition: known.get(dispositionKey(key, h.referenceNumber)) ?? null }));
      return { party, name: value.name, key, hits };
    }),
  });
}

/** Records an examiner's disposition of one hit. */
export function dispose(
  s: CaseScreening, party: string, referenceNumber: string, disposition: Disposition,
): { ok: true; value: CaseScreening; key: string } | { ok: false; problems: Problem[] } {
  const p = s.parties.find((x) => x.party === party);
  if (!p) return { ok: false, problems: [{ code: 'unknown_party', path: 'party', message: `no screened party "${party}"` }] };
  if (!p.hits.some((h) => h.referenceNumber === referenceNumber)) {
    return { ok: false, problems: [{ code: 'unknown_hit', path: 'referenceNumber', message: `${party} has no hit on ${referenceNumber}` }] };
  }
  const parties = s.parties.map((x) => (x !== p ? x : { ...x, hits: x.hits.map((h) => (h.referenceNumber === referenceNumber ? { ...h, disposition } : h)) }));
  return { ok: true, value: summarise({ source: s.source, listVersion: s.listVersion, at: s.at, parties }), key: p.key };
}
