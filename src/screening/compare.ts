// Name comparison: align the parts of two names (order-tolerant, with initials, joined and split
// parts), then score what agrees against what contradicts. Pure and explainable.
import { koreanReading, normalizeName, type NormalizedName } from './normalize.ts';
import { koreanKey } from './korean.ts';
import type { NameKind } from './types.ts';
import { editDistance, isHalfName, stringSimilarity, tokenInfo, tokenSimilarity, type SimilarityBasis, type TokenInfo } from './similarity.ts';

export interface PreparedName {
  raw: string;
  kind: NameKind;
  tokens: TokenInfo[];
  compact: string;
  /** How the name was read when it can be read more than one way: 'korean' for Han or Hangul read as Korean. */
  reading?: 'korean';
}

const prepared = (raw: string, kind: NameKind, n: NormalizedName): PreparedName => ({ raw, kind, tokens: n.tokens.map(tokenInfo), compact: n.compact });

export function prepareName(raw: string, kind: NameKind): PreparedName {
  return prepared(raw, kind, normalizeName(raw, kind));
}

/**
 * The readings of a query: the name as normalised, and for a person written in Han characters or Hangul also its
 * Korean reading (李済善 -> Ri Je Son), since a Japanese examiner writes North Korean names in kanji.
 */
export function prepareQuery(raw: string, kind: NameKind): PreparedName[] {
  const out = [prepareName(raw, kind)];
  const korean = kind === 'person' ? koreanReading(raw) : undefined;
  // Korean syllables must each agree; joined given names ("Yongchol") are compared on their keys too.
  if (korean) out.push({ ...prepared(raw, kind, korean), reading: 'korean' });
  return out;
}

export interface AlignedPart {
  query: string;
  candidate: string;
  score: number;
  basis: SimilarityBasis | 'joined' | 'suffix';
  /** Below the part threshold: the two names disagree here. */
  conflict: boolean;
}

export interface NameComparison {
  score: number;
  /** How the score was reached, for people reading a screening result. */
  parts: AlignedPart[];
  extraQuery: string[];
  extraCandidate: string[];
  /** Named adjustments applied after alignment, with their effect. */
  adjustments: Array<{ feature: string; effect: number }>;
}

/** Tunables of the name score, in one place so the evaluation can report them. */
export const NAME_PARAMS = {
  /** A pair of parts at or above this similarity agrees; below it, they conflict. */
  partThreshold: 0.65,
  /** Weight of a conflicting pair relative to an agreeing one. */
  conflictWeight: 2.5,
  /** Weight of a part only one side has: people often omit middle names; entities rarely add words. */
  extraWeight: { person: 0.25, entity: 1.2 } as Record<NameKind, number>,
  /** A patronymic read the other way round ("A bin B" vs "B bin A") names the father, not the son. */
  reversedPatronymicFactor: 0.6,
  /** One agreeing name part against a longer name is weak evidence. */
  singlePartFactor: 0.85,
};

const CONNECTORS = new Set(['bin', 'ben', 'ibn', 'bint', 'ould']);

interface Candidate { q: number[]; c: number[]; score: number; basis: SimilarityBasis | 'joined' }

function compatible(a: TokenInfo, b: TokenInfo): boolean {
  const nameish = (t: TokenInfo) => t.kind === 'name' || t.kind === 'initial';
  if (nameish(a) && nameish(b)) return true;
  return a.kind === b.kind;
}

function joinedCandidates(a: TokenInfo[], b: TokenInfo[], swap: boolean, out: Candidate[]): void {
  for (let i = 0; i + 1 < a.length; i++) {
    const x = a[i]!;
    const y = a[i + 1]!;
    if (x.kind !== 'name' && x.kind !== 'legal' && x.kind !== 'particle') continue;
    if (y.kind !== 'name' && y.kind !== 'legal' && y.kind !== 'particle') continue;
    const korean = x.script === 'korean' && y.script === 'korean';
    if (!korean && (x.orig !== undefined || y.orig !== undefined)) continue;
    const joined = x.text + y.text;
    for (let j = 0; j < b.length; j++) {
      const t = b[j]!;
      if (t.kind !== 'name' || t.orig !== undefined || t.text.length < 4) continue;
      // Two Korean syllables against one romanised given name ("Yongchol"): compare Korean keys.
      const s = korean ? (koreanKey(t.text) === joined ? 0.95 : editDistance(koreanKey(t.text), joined) === 1 ? 0.7 : 0) : stringSimilarity(joined, t.text);
      if (s >= NAME_PARAMS.partThreshold) {
        out.push(swap ? { q: [j], c: [i, i + 1], score: s, basis: 'joined' } : { q: [i, i + 1], c: [j], score: s, basis: 'joined' });
      }
    }
  }
}

const CJK_NAME = /^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af0-9０-９・･\s]+$/;

/** An organisation's name in Japanese, Chinese or Korean script, without spaces: its key for suffix matching. */
export function cjkEntityName(p: PreparedName): string | undefined {
  if (p.kind !== 'entity') return undefined;
  const s = p.raw.normalize('NFKC').replace(/[\s・･]/g, '');
  return s.length >= 3 && CJK_NAME.test(s) ? s : undefined;
}

/** Score of a Japanese organisation name that ends with a listed one: the listed body, named with its parent. */
const SUFFIX_SCORE = 0.8;

/** Compares two prepared names of the same kind; score in [0, 1]. */
export function compareNames(q: PreparedName, c: PreparedName): NameComparison {
  const kind = c.kind;
  // Japanese writes the parent before the body (朝鮮労働党 + 軍需工業部): a query ending with the listed name is it.
  const qc = cjkEntityName(q);
  const cc = cjkEntityName(c);
  if (qc && cc && qc !== cc && qc.endsWith(cc)) {
    return { score: SUFFIX_SCORE, parts: [{ query: qc, candidate: cc, score: SUFFIX_SCORE, basis: 'suffix', conflict: false }], extraQuery: [qc.slice(0, -cc.length)], extraCandidate: [], adjustments: [] };
  }
  const qt = q.tokens;
  const ct = c.tokens;
  const cands: Candidate[] = [];
  for (let i = 0; i < qt.length; i++) {
    for (let j = 0; j < ct.length; j++) {
      if (!compatible(qt[i]!, ct[j]!)) continue;
      const s = tokenSimilarity(qt[i]!, ct[j]!);
      cands.push({ q: [i], c: [j], score: s.score, basis: s.basis });
    }
  }
  joinedCandidates(qt, ct, false, cands);
  joinedCandidates(ct, qt, true, cands);
  // Highest similarity first; among equals, prefer single parts and parts in the same position.
  cands.sort((x, y) => y.score - x.score || (x.q.length + x.c.length) - (y.q.length + y.c.length) || Math.abs(x.q[0]! - x.c[0]!) - Math.abs(y.q[0]! - y.c[0]!));

  const usedQ = new Array<boolean>(qt.length).fill(false);
  const usedC = new Array<boolean>(ct.length).fill(false);
  const parts: AlignedPart[] = [];
  const alignQ = new Array<number>(qt.length).fill(-1);
  let num = 0;
  let den = 0;
  let agreeing = 0;
  for (const cand of cands) {
    if (cand.q.some((i) => usedQ[i]) || cand.c.some((j) => usedC[j])) continue;
    const conflict = cand.score < NAME_PARAMS.partThreshold;
    const qs = cand.q.map((i) => qt[i]!);
    const cs = cand.c.map((j) => ct[j]!);
    const wq = Math.max(...qs.map((t) => t.weight));
    const wc = Math.max(...cs.map((t) => t.weight));
    if (conflict) {
      const all = qs.concat(cs);
      // An initial that contradicts a name contradicts it as strongly as a different name would;
      // differing particles, numbers or legal forms are weak evidence either way.
      const identity = all.some((t) => t.kind === 'name' || t.kind === 'initial');
      const w = identity ? Math.max(wq, wc, all.some((t) => t.kind === 'initial') ? 1 : 0) * NAME_PARAMS.conflictWeight : Math.max(wq, wc);
      den += w;
    } else {
      const w = Math.min(wq, wc) > 0 ? (wq + wc) / 2 : Math.max(wq, wc);
      const initialPair = qs.some((t) => t.kind === 'initial') || cs.some((t) => t.kind === 'initial');
      const wEff = initialPair ? Math.min(wq, wc) : w;
      num += wEff * cand.score;
      den += wEff;
      // Abd al-Hadi is one name part: its "abd" agreeing with another Abd-compound's is not a second one.
      if (qs.concat(cs).some((t) => t.kind === 'name' && !isHalfName(t)) && !initialPair) agreeing++;
    }
    cand.q.forEach((i) => { usedQ[i] = true; alignQ[i] = cand.c[0]!; });
    cand.c.forEach((j) => { usedC[j] = true; });
    parts.push({
      query: qs.map((t) => (t.script === 'korean' && t.orig ? `${t.orig}=${t.text}` : t.text)).join('+'),
      candidate: cs.map((t) => t.text).join('+'),
      score: round(cand.score),
      basis: cand.basis,
      conflict,
    });
  }
  const extraQuery: string[] = [];
  const extraCandidate: string[] = [];
  // A Korean name has few syllables and each one counts: one the other side lacks is another name, as for entities.
  const eps = q.reading === 'korean' ? NAME_PARAMS.extraWeight.entity : NAME_PARAMS.extraWeight[kind];
  qt.forEach((t, i) => { if (!usedQ[i]) { extraQuery.push(t.text); den += (t.unmatchedWeight ?? t.weight) * eps; } });
  ct.forEach((t, j) => { if (!usedC[j]) { extraCandidate.push(t.text); den += (t.unmatchedWeight ?? t.weight) * eps; } });

  let score = den > 0 ? num / den : 0;
  const adjustments: NameComparison['adjustments'] = [];

  const sigQ = qt.filter((t) => t.kind === 'name' && !isHalfName(t)).length;
  const sigC = ct.filter((t) => t.kind === 'name' && !isHalfName(t)).length;
  if (agreeing <= 1 && Math.max(sigQ, sigC) >= 2) {
    const before = score;
    score *= NAME_PARAMS.singlePartFactor;
    adjustments.push({ feature: 'single_part_match', effect: round(score - before) });
  }
  if (reversedPatronymic(qt, ct, alignQ)) {
    const before = score;
    score *= NAME_PARAMS.reversedPatronymicFactor;
    adjustments.push({ feature: 'patronymic_reversed', effect: round(score - before) });
  }
  // Names written as one word or split differently: compare the letters without spaces.
  if (q.compact.length >= 6 && c.compact.length >= 6 && score < 0.95) {
    const s = q.compact === c.compact ? 0.98 : stringSimilarity(q.compact, c.compact) >= 0.95 ? 0.9 : 0;
    if (s > score) {
      adjustments.push({ feature: 'compact_match', effect: round(s - score) });
      score = s;
    }
  }
  return { score: round(Math.max(0, Math.min(1, score))), parts, extraQuery, extraCandidate, adjustments };
}

function reversedPatronymic(qt: TokenInfo[], ct: TokenInfo[], alignQ: number[]): boolean {
  for (let i = 1; i + 1 < qt.length; i++) {
    if (!CONNECTORS.has(qt[i]!.text)) continue;
    const before = alignQ[i - 1]!;
    const after = alignQ[i + 1]!;
    if (before < 0 || after < 0 || before <= after) continue;
    for (let j = after + 1; j < before; j++) if (CONNECTORS.has(ct[j]!.text)) return true;
  }
  return false;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
