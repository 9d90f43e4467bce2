// Party screening for cases: every party screened at submission against the sanctions list; a hit blocks
// the case until an examiner records a disposition, remembered per party and list version. Pure, except
// providerFromIndex, which adapts src/screening's screen() to the port below.
import type { Problem } from '../core/model.ts';
import { screen, type ScreeningIndex } from '../screening/index.ts';
import type { CaseApplication, CaseScreening, Disposition, Party, ScreeningHit } from './model.ts';
import type { ScreeningListInfo } from './store-port.ts';

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

function summarise(s: Omit<CaseScreening, 'hold' | 'trueMatch'>): CaseScreening {
  const hits = s.parties.flatMap((p) => p.hits);
  return { ...s, hold: hits.some((h) => !h.disposition), trueMatch: hits.some((h) => h.disposition?.verdict === 'true_match') };
}

/** Screens every party; dispositions already recorded for this list version apply at once. */
export function screenParties(
  provider: ScreeningProvider, app: Pick<CaseApplication, 'endUser' | 'consignees'>, known: ReadonlyMap<string, ReadonlyMap<string, Disposition>>, at: string,
): CaseScreening {
  return summarise({
    source: provider.source, listVersion: provider.version, at,
    parties: parties(app).map(({ party, value }) => {
      const key = partyKey(value);
      const hits = provider.check({ name: value.name, type: entityType(value), country: value.country })
        .map((h) => ({ ...h, disposition: known.get(key)?.get(h.referenceNumber) ?? null }));
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
