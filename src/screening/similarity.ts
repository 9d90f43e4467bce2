// Token-level similarity: edit distance, phonetic keys and script-aware consonant skeletons. Pure.
import { distance } from 'fastest-levenshtein';
import { doubleMetaphone } from 'double-metaphone';
import { koreanKey } from './korean.ts';
import type { Script, Token, TokenKind } from './types.ts';

export interface TokenInfo extends Token {
  /** How much the token says about identity: names 1, initials and legal forms little, titles nothing. */
  weight: number;
  /** Double Metaphone codes (primary, secondary), for Latin-script tokens. */
  phonetic: [string, string];
  /** Consonant skeleton, for comparing with abjad scripts that do not write vowels. */
  skeleton: string;
  /** Skeleton as Japanese katakana hears it: l = r, v = b, epenthetic vowels gone. */
  kanaSkeleton: string;
  /** Korean key of a short Latin token (see korean.ts), for comparing with names read as Korean. */
  korean: string;
  /** The katakana skeleton with ch heard as sh (French Cherif シェリフ), kh as k and th as t, when that differs. */
  kanaSkeletonAlt?: string;
  /** Weight when the other name lacks it: a common name counts half when it agrees, but missing it is a full name missing. */
  unmatchedWeight?: number;
}

const WEIGHTS: Record<TokenKind, number> = { name: 1, initial: 0.3, number: 0.3, legal: 0.25, particle: 0.15, title: 0.05 };

/** Consonants only, with classes that abjad transliterations blur merged (b/p, f/v, k/q/c/g, s/z, t/d). */
export function consonantSkeleton(text: string): string {
  const s = text
    .replace(/ph/g, 'f').replace(/th/g, 't').replace(/dh/g, 'd').replace(/kh/g, 'k').replace(/gh/g, 'g')
    .replace(/sh/g, 's').replace(/ch/g, 's').replace(/zh/g, 'j').replace(/dj/g, 'j').replace(/x/g, 'ks')
    .replace(/([aeiou])h$/, '$1')
    .replace(/[aeiouyw]/g, '')
    .replace(/p/g, 'b').replace(/v/g, 'f').replace(/[qcg]/g, 'k').replace(/z/g, 's').replace(/d/g, 't');
  return s.replace(/(.)\1+/g, '$1');
}

/**
 * Skeleton as Japanese katakana hears a name: l = r, v = b, s = z = j (ス ズ ジ), ch apart from s (チ, シ), ng = n (ン),
 * th = s, a final -ov = オフ; f, h and kh
 * are dropped (フ and ハ write all three, and katakana adds vowels around h); vowels gone. Latin names and
 * katakana read back to Latin both go through it.
 */
export function kanaSkeleton(text: string): string {
  return kanaSkeletonOf(text, false);
}

function kanaSkeletonOf(text: string, keepVowels: boolean): string {
  const folded = text
    .replace(/ck/g, 'k').replace(/ph/g, 'f').replace(/th/g, 's').replace(/sh/g, 's').replace(/tch|ch/g, 'C').replace(/tsu?/g, 't')
    .replace(/ic$/, 'iC').replace(/v$/, 'f').replace(/g(?=[ei])/g, 'j').replace(/ng(?![aeiou])/g, 'n').replace(/n(?=m)/g, '')
    .replace(/kh/g, 'h').replace(/([dg])h/g, '$1').replace(/[fh]/g, '')
    .replace(/l/g, 'r').replace(/v/g, 'b').replace(/[qcg]/g, 'k').replace(/x/g, 'ks').replace(/[jz]/g, 's').replace(/d/g, 't').replace(/m(?=[bp])/g, 'n');
  // Doubled consonants are one sound; doubled vowels are two syllables in katakana (ヤヒヤ a-i-a), kept apart.
  // A consonant written twice is one; one repeated across a vowel is two (Nazar has one r, Nasrallah two).
  const single = folded.replace(/([^aeiou])\1+/g, '$1');
  return keepVowels ? single.replace(/[yw]/g, '').replace(/e/g, 'i').replace(/o/g, 'u') : single.replace(/[aeiouyw]/g, '');
}

/** The other way katakana hears ch, kh and th: as シ (French Cherif), カ (Lakhal ラカル) and タ (Bathali バタリ). */
const altSpelling = (text: string) => text.replace(/ch/g, 'sh').replace(/kh/g, 'k').replace(/th/g, 't');

/** A name with the consonants folded as in kanaSkeleton and the vowels kept in three classes (a, i/e, u/o). */
function kanaVowels(text: string): string {
  return kanaSkeletonOf(text, true);
}

/** Name elements that only begin a compound ("Abd al-", "Abu ") say less than a full name. */
const HALF_NAMES = new Set(['abd', 'abu', 'umm', 'um']);
/** "Abd", "Abu", "Umm": the first half of a compound name, which is one name part with what follows it. */
export function isHalfName(t: Token): boolean {
  return t.kind === 'name' && HALF_NAMES.has(t.text);
}
/**
 * Given names and Korean surnames so common that they do not carry a match alone (Muhammad, Ahmad, Ali, Kim, Ri):
 * they count half, so the rest of the name has to agree. Spellings as Latin and as katakana heard back.
 */
const COMMON_NAMES = new Set([
  'muhammad', 'mohammad', 'mohammed', 'mohamed', 'muhammed', 'mohamad', 'muhamad', 'mohamud', 'ahmad', 'ahmed', 'ahmet',
  'ali', 'hassan', 'hasan', 'hussein', 'husain', 'hussain', 'husayn', 'omar', 'umar', 'mahmoud', 'mahmud', 'ibrahim', 'khan',
  'kim', 'ri', 'li', 'lee', 'yi', 'pak', 'park', 'choe', 'choi', 'jang', 'chang', 'jo', 'cho', 'kang', 'han',
]);

/** Common given names that are different names though katakana hears them alike (Mahmud is not Muhammad). */
const COMMON_GROUPS: string[][] = [
  ['muhammad', 'mohammad', 'mohammed', 'mohamed', 'muhammed', 'mohamad', 'muhamad'],
  ['mahmoud', 'mahmud', 'mahmood'],
  ['ahmad', 'ahmed', 'ahmet'],
  ['hassan', 'hasan'],
  ['hussein', 'husain', 'hussain', 'husayn', 'hossein'],
  ['omar', 'umar'],
];
const groupOf = new Map(COMMON_GROUPS.flatMap((g, i) => g.map((n) => [n, i] as const)));

export function tokenInfo(t: Token): TokenInfo {
  const phonetic: [string, string] = t.script === 'latin' || t.script === 'other' ? doubleMetaphone(t.text) : ['', ''];
  // Common names count half only when read from katakana or as Korean, so romanised screening is as calibrated before.
  const common = (t.script === 'kana' || t.script === 'korean') && COMMON_NAMES.has(t.text);
  const base = isHalfName(t) || (t.kind === 'name' && common) ? 0.5 : WEIGHTS[t.kind];
  const korean = t.script === 'korean' ? t.text : (t.script === 'latin' || t.script === 'other') && t.text.length <= 10 ? koreanKey(t.text) : '';
  const ks = kanaSkeleton(t.text);
  const alt = t.script === 'latin' && /[ckt]h/.test(t.text) ? kanaSkeleton(altSpelling(t.text)) : ks;
  const weight = (t.optional ? 0.5 : 1) * base;
  const unmatched = t.kind === 'name' && common && !isHalfName(t) ? { unmatchedWeight: (t.optional ? 0.5 : 1) * WEIGHTS.name } : {};
  return { ...t, weight, phonetic, skeleton: consonantSkeleton(t.text), kanaSkeleton: ks, korean, ...(alt !== ks ? { kanaSkeletonAlt: alt } : {}), ...unmatched };
}

/** Length of the longest common subsequence of two short strings. */
function lcs(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

/** Levenshtein distance counting one adjacent transposition as a single edit. */
export function editDistance(a: string, b: string): number {
  const d = distance(a, b);
  if (d === 2 && a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) return 1;
  }
  return d;
}

/** Similarity of two strings from edit distance; one typo in a short word still reads as a typo. */
export function stringSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const max = Math.max(a.length, b.length);
  if (max === 0) return 1;
  const d = editDistance(a, b);
  const s = 1 - d / max;
  // One slip in a word of three letters or more is a typo; in two letters it is another syllable.
  if (d === 1) return Math.min(a.length, b.length) >= 3 ? Math.max(s, 0.8) : Math.min(s, 0.6);
  return s;
}

export type SimilarityBasis = 'exact' | 'typo' | 'phonetic' | 'initial' | 'prefix' | 'transliteration' | 'different';

export interface TokenSimilarity { score: number; basis: SimilarityBasis }

const DIFFERENT: TokenSimilarity = { score: 0, basis: 'different' };

const looseScripts = new Set<Script>(['abjad', 'kana']);

/** A syllable read as Korean against a romanised one: the same Korean key, North or South, is the same syllable. */
function koreanSimilarity(k: TokenInfo, other: TokenInfo): TokenSimilarity {
  if (!other.korean) return DIFFERENT;
  if (other.script === 'korean') return k.orig !== undefined && k.orig === other.orig ? { score: 1, basis: 'exact' } : DIFFERENT;
  const keys = [k.text, ...(k.alts ?? [])];
  if (keys.includes(other.korean)) return { score: 0.95, basis: 'transliteration' };
  // ㅓ and ㅜ are both spelled u in English (Chol/Chul): that one vowel apart is still the same syllable.
  const ou = (x: string) => x.replace(/o/g, 'u');
  if (keys.some((x) => ou(x) === ou(other.korean))) return { score: 0.75, basis: 'transliteration' };
  return { score: 0.3, basis: 'different' };
}

export function tokenSimilarity(a: TokenInfo, b: TokenInfo): TokenSimilarity {
  if (a.script === 'korean') return koreanSimilarity(a, b);
  if (b.script === 'korean') return koreanSimilarity(b, a);
  if (a.orig !== undefined && b.orig !== undefined && a.script === b.script) {
    // Han and Hangul: each character is a distinct name element, so compare characters, not readings.
    if (a.orig === b.orig) return { score: 1, basis: 'exact' };
    const s = stringSimilarity(a.orig, b.orig);
    return { score: Math.min(s, 0.6), basis: 'different' };
  }
  if (a.text === b.text) return { score: 1, basis: 'exact' };
  if (a.kind === 'initial' || b.kind === 'initial') {
    if (a.kind === 'initial' && b.kind === 'initial') return DIFFERENT;
    return a.text[0] === b.text[0] ? { score: 0.9, basis: 'initial' } : DIFFERENT;
  }
  if (a.script === 'abjad' && b.script === 'abjad') {
    // Both consonantal: compare the transliterations as they are, without the typo allowance.
    return { score: 1 - editDistance(a.text, b.text) / Math.max(a.text.length, b.text.length), basis: 'transliteration' };
  }
  if (looseScripts.has(a.script) || looseScripts.has(b.script)) {
    if (a.script === 'kana' || b.script === 'kana') {
      // A romanised token may be heard two ways (ch as チ or シ, kh as ハ or カ): the better reading counts.
      let s = kanaScore(a.kanaSkeleton, b.kanaSkeleton, a.text, b.text);
      if (a.kanaSkeletonAlt) s = Math.max(s, kanaScore(a.kanaSkeletonAlt, b.kanaSkeleton, altSpelling(a.text), b.text));
      if (b.kanaSkeletonAlt) s = Math.max(s, kanaScore(a.kanaSkeleton, b.kanaSkeletonAlt, a.text, altSpelling(b.text)));
      if (s > 0 && heardAsOtherCommonName(a, b, s)) return DIFFERENT;
      return s > 0 ? { score: s, basis: 'transliteration' } : DIFFERENT;
    }
    const sa = a.skeleton;
    const sb = b.skeleton;
    if (!sa || !sb) return DIFFERENT;
    return { score: (sa === sb ? 1 : 1 - editDistance(sa, sb) / Math.max(sa.length, sb.length)) * skeletonCap(sa, sb), basis: 'transliteration' };
  }
  let best: TokenSimilarity = { score: stringSimilarity(a.text, b.text), basis: 'typo' };
  if (best.score < 0.8 && best.score >= 0.5 && phoneticallyEqual(a, b)) best = { score: 0.8, basis: 'phonetic' };
  if (best.score === 1) best = { score: 1, basis: 'exact' };
  return best;
}

/** Short skeletons say little: two consonants agree by chance far more often than five. */
const skeletonCap = (sa: string, sb: string) => Math.min(0.95, 0.55 + 0.1 * Math.min(sa.length, sb.length));

const vowelMemo = new Map<string, string>();
/** kanaVowels, remembered: the same few thousand names are compared again and again. */
function vowelsOf(text: string): string {
  let v = vowelMemo.get(text);
  if (v === undefined) {
    if (vowelMemo.size > 50_000) vowelMemo.clear();
    v = kanaVowels(text);
    vowelMemo.set(text, v);
  }
  return v;
}

const isVowel = (c: string | undefined) => c !== undefined && 'aiu'.includes(c);

/** A katakana token against another token: consonant skeletons, then the vowels katakana writes too. 0 = nothing. */
function kanaScore(sa: string, sb: string, ta: string, tb: string): number {
  const va = vowelsOf(ta);
  const vb = vowelsOf(tb);
  if (sa.length <= 1 && sb.length <= 1 && sa === sb) {
    // Names of vowels and h or y only (Yahya, Aya): the vowels have to carry it, and say little.
    const common = lcs(va, vb);
    const vs = (common / Math.max(1, Math.min(va.length, vb.length)) + common / Math.max(1, va.length, vb.length)) / 2;
    return vs >= 0.8 && Math.min(va.length, vb.length) >= 2 ? 0.7 : 0.5;
  }
  if (!sa || !sb) return 0;
  // Katakana writes a word's first vowel (ア イ ウ エ オ): a name that begins with a vowel is not one that begins with a consonant.
  if (isVowel(va[0]) !== isVowel(vb[0])) return 0.5;
  let s = (sa === sb ? 1 : 1 - editDistance(sa, sb) / Math.max(sa.length, sb.length)) * skeletonCap(sa, sb);
  // Katakana may add vowels (ヤヒヤ Yahya): count the common subsequence against the shorter and the longer.
  const common = lcs(va, vb);
  s = Math.min(s, (common / Math.max(1, Math.min(va.length, vb.length)) + common / Math.max(1, va.length, vb.length)) / 2);
  // One or two consonants agree by chance: then the vowels must agree closely too (Jein is not Chong).
  if (Math.min(sa.length, sb.length) <= 2 && common / Math.max(va.length, vb.length, 1) < 0.75) s = Math.min(s, 0.6);
  return s;
}

const otherGroupMemo = new Map<string, number>();
/** A katakana token heard closer to another common name than to this one is that other name (マフムード is Mahmud). */
function heardAsOtherCommonName(a: TokenInfo, b: TokenInfo, s: number): boolean {
  const [kana, latin] = a.script === 'kana' ? [a, b] : [b, a];
  const group = groupOf.get(latin.text);
  if (kana.script !== 'kana' || group === undefined) return false;
  const key = `${kana.text}|${group}`;
  let best = otherGroupMemo.get(key);
  if (best === undefined) {
    best = 0;
    COMMON_GROUPS.forEach((g, i) => {
      if (i !== group) for (const n of g) best = Math.max(best!, kanaScore(kana.kanaSkeleton, kanaSkeleton(n), kana.text, n));
    });
    if (otherGroupMemo.size > 50_000) otherGroupMemo.clear();
    otherGroupMemo.set(key, best);
  }
  return best > s;
}

/** Same sound by Double Metaphone or by consonant skeleton, on keys long enough to mean something. */
function phoneticallyEqual(a: TokenInfo, b: TokenInfo): boolean {
  const [a1, a2] = a.phonetic;
  const [b1, b2] = b.phonetic;
  if (a1.length >= 3 && (a1 === b1 || a1 === b2 || (a2.length >= 3 && (a2 === b1 || a2 === b2)))) return true;
  return a.skeleton.length >= 3 && a.skeleton === b.skeleton;
}
