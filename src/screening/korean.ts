// Korean names: Sino-Korean readings of Han characters, Hangul syllables as sounds, and one "Korean key" that
// McCune–Reischauer (the UN's and North Korea's spellings), Revised Romanisation and common English spellings
// of the same syllable share: Kim = Gim, Chol = Cheol = Ch'o'l, Jong = Chong = Jeong, Ri = Lee. Pure.
import { HANJA_READINGS } from './hanja-readings.ts';

let readings: Map<string, string> | undefined;
/** The Hangul syllable a Han character is read as in Korean, if the table knows it. */
export function hanjaReading(ch: string): string | undefined {
  if (!readings) {
    readings = new Map();
    const pairs = [...HANJA_READINGS];
    for (let i = 0; i + 1 < pairs.length; i += 2) readings.set(pairs[i]!, pairs[i + 1]!);
  }
  return readings.get(ch);
}

// Jamo as heard, folded the way the key folds Latin: voiced and aspirated stops together, ㅓ as o, ㅡ as u.
const INITIAL = ['k', 'k', 'n', 't', 't', 'r', 'm', 'p', 'p', 's', 's', '', 'c', 'c', 'c', 'k', 't', 'p', 'h'];
const MEDIAL = ['a', 'e', 'ya', 'ye', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'we', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'];
const FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'r', 'k', 'm', 'r', 'r', 'r', 'p', 'r', 'm', 'p', 'p', 't', 't', 'N', 't', 't', 'k', 't', 'p', 't'];

const isHangulSyllable = (ch: string) => ch >= '\uac00' && ch <= '\ud7a3';

/** The key of one Hangul syllable: 철 -> "cor", 영 -> "yoN" (N: the final ng). */
export function hangulKey(syllable: string): string {
  const c = syllable.charCodeAt(0) - 0xac00;
  return INITIAL[Math.floor(c / 588)]! + MEDIAL[Math.floor((c % 588) / 28)]! + FINAL[c % 28]!;
}

/**
 * The key of a romanised Korean syllable or run of syllables: Chol, Cheol, Ch'o'l -> "cor"; Young, Yong -> "yoN";
 * Lee, Ri -> "ri". Only for comparing with Korean keys; it means nothing for other names.
 */
export function koreanKey(latin: string): string {
  return latin
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ng/g, 'N')
    .replace(/^(yi|ee)$/, 'i')
    .replace(/^rh/, 'r')
    .replace(/ee/g, 'i')
    .replace(/ae/g, 'e')
    .replace(/eo|ou/g, 'o')
    .replace(/eu|oo/g, 'u')
    .replace(/wu/g, 'u')
    .replace(/oi/g, 'oe')
    .replace(/tch|ch|tj|j/g, 'c')
    .replace(/sh/g, 's')
    .replace(/g/g, 'k')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/l/g, 'r')
    .replace(/^park$/, 'pak') // an English r, not a Korean final
    .replace(/([a-z])\1+/g, '$1');
}

/** South Korean spelling drops or softens an initial ㄹ/ㄴ (리 -> 이, 류 -> 유, 로 -> 노); North Korea keeps it. */
function initialVariants(syllable: string): string[] {
  const c = syllable.charCodeAt(0) - 0xac00;
  const ini = Math.floor(c / 588);
  const med = Math.floor((c % 588) / 28);
  const key = hangulKey(syllable);
  // ㅣ ㅑ ㅕ ㅛ ㅠ ㅖ ㅒ: before these, initial ㄹ and ㄴ fall silent in the South.
  const yLike = [20, 2, 6, 12, 17, 7, 3].includes(med);
  if (ini === 5) return [key, yLike ? key.slice(1) : 'n' + key.slice(1)];
  if (ini === 2 && yLike) return [key, key.slice(1)];
  return [key];
}

/** Surnames whose Korean reading differs from the character's ordinary reading (金 is Kim, not Geum). */
const SURNAME_READINGS: Record<string, string> = { 金: '김', 樸: '박', 朴: '박' };

export interface KoreanSyllable {
  /** The character as written (Han or Hangul). */
  orig: string;
  /** Keys it may be spelled as: North first, then the South's initial-sound variant. */
  keys: string[];
}

/** Reads a name written in Han characters or Hangul as Korean syllables; undefined when a character has no reading. */
export function koreanSyllables(name: string): KoreanSyllable[] | undefined {
  const chars = [...name.replace(/[\s·・･]/g, '')];
  if (chars.length < 2 || chars.length > 5) return undefined;
  const out: KoreanSyllable[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const hangul = isHangulSyllable(ch) ? ch : (i === 0 ? SURNAME_READINGS[ch] : undefined) ?? hanjaReading(ch);
    if (!hangul) return undefined;
    out.push({ orig: ch, keys: i === 0 ? initialVariants(hangul) : [hangulKey(hangul)] });
  }
  return out;
}
