// Name normalisation: Unicode NFKC, script-aware transliteration to Latin, case and diacritics
// folding, tokenisation, and the token classes the matcher weighs differently. Pure.
import anyAscii from 'any-ascii';
import { katakanaKorean, katakanaToLatin } from './kana.ts';
import { koreanSyllables } from './korean.ts';
import { editDistance } from './similarity.ts';
import type { NameKind, Script, Token, TokenKind } from './types.ts';

const KANA = /[\u3040-\u30ff\u31f0-\u31ff]/;
const KANA_RUN = /[\u3040-\u30ff\u31f0-\u31ff]+/g;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HANGUL = /[\uac00-\ud7af]/;
const ABJAD = /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const NON_LATIN = /[^\u0000-\u024f\u1e00-\u1eff\u2000-\u206f]/;

/** Arabic and Persian letter variants that spell the same sound, and marks with no consonant. */
function foldArabic(s: string): string {
  return s
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '') // harakat and tatweel
    .replace(/[\u200c\u200d]/g, '') // zero-width (non-)joiners inside Persian words
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/[یۍې]/g, 'ي')
    .replace(/[کڪ]/g, 'ك')
    .replace(/ة(?=\s|$)/g, '') // ta marbuta ends a word in a vowel, not a consonant
    .replace(/ة/g, 'ت')
    .replace(/[ۀه](?=\s|$)/g, '')
    .replace(/(^|\s)عبد ?ال/g, '$1عبد') // 'Abd al-X is one name, as in the Latin fold below
    .replace(/(^|\s)ال(?=\S{2,})/g, '$1al ') // the article stands apart, like Latin "al-"
    .replace(/(^|\s)و(?=\S{2,})/g, '$1'); // an initial waw before a vowel-less stem reads as a vowel here
}

function romanizeKana(run: string): string {
  // Katakana names are foreign names as heard; the middle dot separates their parts.
  return ' ' + katakanaToLatin(run) + ' ';
}

/** Splits a CamelCase syllable string from any-ascii ("XiJinPing") into syllables. */
function syllables(s: string): string[] {
  return s.match(/[A-Z][a-z]*|[a-z]+/g) ?? [];
}

interface RawToken { text: string; script: Script; orig?: string; optional?: boolean }

/** Turns one whitespace-free chunk of Han or Hangul into surname + given-name tokens. */
function cjkTokens(chunk: string, script: 'han' | 'hangul'): RawToken[] {
  const chars = [...chunk];
  const sylls = chars.map((c) => syllables(anyAscii(c)).join('').toLowerCase());
  if (chars.length <= 1) return [{ text: sylls.join(''), script, orig: chunk }];
  // East Asian names are nearly always a one-character surname followed by the given name.
  return [
    { text: sylls[0]!, script, orig: chars[0] },
    { text: sylls.slice(1).join(''), script, orig: chars.slice(1).join('') },
  ];
}

/** Character-level pass: NFKC, scripts to Latin, returns raw tokens with their script. */
export function transliterate(input: string): RawToken[] {
  let s = input.normalize('NFKC');
  if (!NON_LATIN.test(s)) return latinTokens(s, 'latin');
  if (ABJAD.test(s)) s = foldArabic(s);
  const foreign = /[·・･]/.test(s);
  const spaced = /\s/.test(s.trim());
  const out: RawToken[] = [];
  // Parentheses keep their meaning through transliteration, so mark them before splitting.
  for (const chunk0 of s.split(/(?=[\s(])|(?<=[\s)])|[·・･=]/)) {
    const chunk = chunk0.trim();
    if (!chunk) continue;
    if ((HAN.test(chunk) || HANGUL.test(chunk)) && !KANA.test(chunk) && spaced) {
      // Already split by the writer ("陽一 三浦", "지후 황"): each part is one name, not surname + given.
      const script = HANGUL.test(chunk) ? 'hangul' : 'han';
      out.push({ text: [...chunk].map((c) => syllables(anyAscii(c)).join('')).join('').toLowerCase(), script, orig: chunk });
    } else if (HAN.test(chunk) && !KANA.test(chunk) && foreign) {
      // A Chinese rendering of a foreign name (parts joined by a middle dot): each part is one word.
      out.push({ text: syllables(anyAscii(chunk)).join('').toLowerCase(), script: 'han', orig: chunk });
    } else if (HAN.test(chunk) && !KANA.test(chunk)) {
      out.push(...cjkTokens(chunk.replace(/[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g, ''), 'han'));
    } else if (HANGUL.test(chunk)) {
      out.push(...cjkTokens(chunk.replace(/[^\uac00-\ud7af]/g, ''), 'hangul'));
    } else if (KANA.test(chunk)) {
      out.push(...latinTokens(chunk.replace(KANA_RUN, romanizeKana), 'kana'));
    } else if (ABJAD.test(chunk)) {
      out.push(...latinTokens(chunk, 'abjad'));
    } else {
      out.push(...latinTokens(chunk, NON_LATIN.test(chunk) ? 'other' : 'latin'));
    }
  }
  return out;
}

function latinTokens(s: string, script: Script): RawToken[] {
  const out: RawToken[] = [];
  let optional = false;
  // Dotted initialisms are one word: "J.P." -> "JP", "S.A.R.L." -> "SARL", "p.l.c." -> "plc".
  const undotted = anyAscii(s)
    .replace(/\b(?:[A-Za-z]\.\s?){2,}/g, (m) => m.replace(/[.\s]/g, '') + ' ')
    .replace(/&/g, ' and ')
    .toLowerCase();
  for (const part of undotted.split(/([()[\]])|[\s\-‐‑–—_/,;:.·•"“”«»!?*+|\\]+/)) {
    if (part === undefined || part === '') continue;
    if (part === '(' || part === '[') { optional = true; continue; }
    if (part === ')' || part === ']') { optional = false; continue; }
    const text = part.replace(/[^a-z0-9]/g, '');
    if (text) out.push({ text, script, ...(optional ? { optional } : {}) });
  }
  return out;
}

const PARTICLES = new Set([
  'al', 'el', 'ul', 'bin', 'ben', 'ibn', 'bint', 'ould', 'wa', 'de', 'da', 'di', 'del', 'della', 'la', 'le',
  'du', 'dos', 'das', 'van', 'von', 'der', 'den', 'ter', 'zu', 'y', 'the', 'of', 'and', 'for', 'und', 'et',
]);
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'president', 'prasident', 'praesident', 'monsieur', 'madame',
  'haji', 'hajji', 'alhaj', 'mullah', 'mulla', 'maulavi', 'maulvi', 'mawlawi', 'maulana', 'qari', 'hafiz',
  'sheikh', 'shaikh', 'sheik', 'shaykh', 'mv', 'mt',
]);
const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80,
  ninety: 90, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};
const ROMAN = /^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

/** Legal forms, spelled out or abbreviated, in many languages, each to one canonical word. */
const LEGAL_FORMS: Array<[string, string]> = [
  ['public limited company', 'plc'], ['plc', 'plc'],
  ['limited liability company', 'llc'], ['limited liability partnership', 'llp'], ['llc', 'llc'], ['llp', 'llp'],
  ['obshchestvo s ogranichennoi otvetstvennostiu', 'llc'], ['obshchestvo s ogranichennoy otvetstvennostyu', 'llc'],
  ['ooo', 'llc'], ['too', 'llc'],
  ['open joint stock company', 'jsc'], ['closed joint stock company', 'jsc'], ['public joint stock company', 'jsc'],
  ['joint stock company', 'jsc'], ['aktsionernoe obshchestvo', 'jsc'], ['aktsionernoye obshchestvo', 'jsc'],
  ['jsc', 'jsc'], ['ojsc', 'jsc'], ['cjsc', 'jsc'], ['pjsc', 'jsc'], ['oao', 'jsc'], ['zao', 'jsc'], ['pao', 'jsc'],
  ['ao', 'jsc'],
  ['aktiengesellschaft', 'ag'], ['ag', 'ag'],
  ['gesellschaft mit beschrankter haftung', 'gmbh'], ['gmbh', 'gmbh'],
  ['societatea cu raspundere limitata', 'srl'], ['societa a responsabilita limitata', 'srl'], ['srl', 'srl'],
  ['sp z oo', 'spzoo'], ['spzoo', 'spzoo'],
  ['societe anonyme', 'sa'], ['sociedad anonima', 'sa'], ['sa de cv', 'sa'], ['sa', 'sa'], ['sarl', 'sarl'],
  ['sas', 'sas'], ['spa', 'spa'], ['bv', 'bv'], ['bvba', 'bv'], ['nv', 'nv'], ['ab', 'ab'], ['as', 'as'], ['oy', 'oy'],
  ['incorporated', 'inc'], ['inc', 'inc'], ['corporation', 'corp'], ['corp', 'corp'],
  ['company', 'co'], ['co', 'co'], ['limited', 'ltd'], ['ltd', 'ltd'], ['pty', 'pty'], ['pte', 'pty'],
  ['lp', 'lp'], ['na', 'na'], ['kg', 'kg'], ['pt', 'pt'], ['tbk', 'pt'],
];
const LEGAL_BY_FIRST = new Map<string, Array<[string[], string]>>();
for (const [phrase, canon] of LEGAL_FORMS) {
  const words = phrase.split(' ');
  const list = LEGAL_BY_FIRST.get(words[0]!) ?? [];
  list.push([words, canon]);
  list.sort((a, b) => b[0].length - a[0].length);
  LEGAL_BY_FIRST.set(words[0]!, list);
}

/** Arabic compound names written apart or together fold to one token: "Abd al-Rahman" = "Abdulrahman". */
function foldArabicCompounds(tokens: RawToken[]): RawToken[] {
  const latin = (t: RawToken | undefined) => t !== undefined && (t.script === 'latin' || t.script === 'other' || t.script === 'kana');
  const out: RawToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n1 = tokens[i + 1];
    const n2 = tokens[i + 2];
    if (latin(t) && n1) {
      // abd / abdul / abdel / abdur ... + (al|el|ul|ur|ar)? + X  ->  abd X, however it was spaced
      if (ABD_WORD.test(t.text) || isAbdTypo(t.text)) {
        out.push({ ...t, text: 'abd' });
        if (/^(al|el|ul|ur|ar|ad|ud|as|us|az|uz|an|un|at)$/.test(n1.text) && n2) i++;
        continue;
      }
      // X + (al|ud|ed|...)? + din  ->  Xdin
      if (/^(din|deen|dine|uddin|uddeen|addin|eddin|eddine|uddine|aldin|eldin|uldin)$/.test(n1.text)) {
        out.push({ ...t, text: t.text + 'din' });
        i += 1;
        continue;
      }
      if (/^(al|ud|ad|ed|ul|el)$/.test(n1.text) && n2 && /^(din|deen|dine)$/.test(n2.text)) {
        out.push({ ...t, text: t.text + 'din' });
        i += 2;
        continue;
      }
      // X + ullah -> Xullah ; X + ur/ul + Rahman -> XRahman
      if (/^(ullah|allah|ulla|ulah)$/.test(n1.text)) {
        out.push({ ...t, text: t.text + 'ullah' });
        i += 1;
        continue;
      }
      if (/^(ur|ul|ar)$/.test(n1.text) && n2 && /^(rahman|rehman|rahim|haq|din)$/.test(n2.text)) {
        out.push({ ...t, text: t.text + n2.text });
        i += 2;
        continue;
      }
    }
    out.push({ ...t });
  }
  // One spelling for the joined forms: abdul-X -> abd X, -uddin/-eddine -> -din, -allah/-ulah -> -ullah.
  return out.flatMap((t) => {
    if (!latin(t) || t.text.length <= 6) return [t];
    const text = t.text.replace(/(?:u|a|e|ou)d+(?:in|een|ine)$/, 'din').replace(/(?:u|a)l+ah?$/, 'ullah');
    const abd = /^abd(?:ul|el|al|ol|ur|ar|er|ir|us|as|u|i|e)?([a-z]{3,})$/.exec(text);
    if (abd && !text.endsWith('ullah')) return [{ ...t, text: 'abd' }, { ...t, text: abd[1]! }];
    return [{ ...t, text }];
  });
}

const ABD_TYPO = ['abdul', 'abdel', 'abdur'];
/** "Abdul" typed with one slip ("Adbul", "Abudl", "Badur") is still the compound prefix. */
function isAbdTypo(text: string): boolean {
  if (text.length < 4 || text.length > 6 || !text.includes('b') || !text.includes('d')) return false;
  return ABD_TYPO.some((w) => editDistance(text, w) === 1);
}

const ABD_WORD = /^(abd|abdu|abdul|abdel|abdal|abdol|abdur|abdar|abdus|abdas|abduz|abdi)$/;

function numberTokens(tokens: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  for (const t of tokens) {
    const n = NUMBER_WORDS[t.text];
    const prev = out[out.length - 1];
    const value = n ?? (/^\d+$/.test(t.text) ? Number(t.text) : undefined);
    if (value !== undefined && prev && /^\d+$/.test(prev.text) && Number(prev.text) % 10 === 0 && Number(prev.text) >= 20 && value < 10) {
      prev.text = String(Number(prev.text) + value); // "forty four" -> 44
      continue;
    }
    out.push(n !== undefined ? { ...t, text: String(n) } : t);
  }
  return out;
}

function classify(t: RawToken, kindOfName: NameKind, isLast: boolean): TokenKind {
  if (/^\d+$/.test(t.text)) return 'number';
  if (t.script === 'han' || t.script === 'hangul' || t.script === 'korean') return 'name';
  if (TITLES.has(t.text)) return 'title';
  if (PARTICLES.has(t.text)) return 'particle';
  if (kindOfName === 'person' && t.text.length === 1) return 'initial';
  // The Persian and Urdu ezafe in organisation names: Lashkar-e-Taiba, Jaish-i-Mohammed, ラシュカレ・タイバ.
  if (kindOfName === 'entity' && /^[aeiou]$/.test(t.text)) return 'particle';
  if (kindOfName === 'entity' && ROMAN.test(t.text) && t.text.length <= 4 && isLast) return 'number';
  return 'name';
}

/** Reorders "Surname, Given" to "Given Surname" for people; entities keep commas as punctuation. */
function uncomma(s: string, kind: NameKind): string {
  if (kind !== 'person') return s;
  const parts = s.split(/[,、，]/);
  if (parts.length !== 2 || !parts[0]!.trim() || !parts[1]!.trim()) return s;
  return `${parts[1]} ${parts[0]}`;
}

/** Replaces legal-form phrases by one canonical token of kind 'legal'. */
function legalForms(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const options = LEGAL_BY_FIRST.get(tokens[i]!.text);
    let done = false;
    if (options) {
      for (const [words, canon] of options) {
        if (words.every((w, k) => tokens[i + k]?.text === w)) {
          // A lone short code at the start of a long name may be a word, but forms are usually at an edge.
          out.push({ ...tokens[i]!, text: canon, kind: 'legal' });
          i += words.length - 1;
          done = true;
          break;
        }
      }
    }
    if (!done) out.push(tokens[i]!);
  }
  return out;
}

export interface NormalizedName {
  /** The name as given. */
  raw: string;
  tokens: Token[];
  /** All name-bearing token texts joined without spaces, for names written as one word. */
  compact: string;
}

/** Normalises a name into tokens. kind decides legal-form and comma handling. */
export function normalizeName(raw: string, kind: NameKind): NormalizedName {
  const raws = foldArabicCompounds(numberTokens(transliterate(uncomma(raw, kind))));
  let tokens: Token[] = raws.map((t, i) => ({ ...t, kind: classify(t, kind, i === raws.length - 1) }));
  if (kind === 'entity') tokens = legalForms(tokens);
  // A name made only of particles or titles ("Al", "Mr") still has to be matchable.
  if (tokens.length > 0 && tokens.every((t) => t.kind === 'particle' || t.kind === 'title')) {
    tokens = tokens.map((t) => ({ ...t, kind: 'name' }));
  }
  const compact = tokens
    .filter((t) => t.kind === 'name' || t.kind === 'number' || t.kind === 'initial' || t.kind === 'legal')
    .map((t) => t.orig ?? t.text)
    .join('');
  return { raw, tokens, compact };
}

/**
 * A name in Han characters, Hangul or katakana read as a Korean name, one token per syllable, each token's text its Korean
 * key (see korean.ts); undefined when it cannot be one (too short or long, a character without a reading).
 */
export function koreanReading(raw: string): NormalizedName | undefined {
  const s = raw.normalize('NFKC').trim();
  if (/^[\s\u30a0-\u30ff・･=]+$/.test(s)) {
    const kana = katakanaKorean(s);
    if (!kana) return undefined;
    return { raw, tokens: kana.map((keys) => ({ text: keys[0]!, script: 'korean', kind: 'name', ...(keys.length > 1 ? { alts: keys.slice(1) } : {}) })), compact: '' };
  }
  if (!/^[\s\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af·・･]+$/.test(s)) return undefined;
  const syllables = koreanSyllables(s);
  if (!syllables) return undefined;
  const tokens: Token[] = syllables.map((y) => ({
    text: y.keys[0]!, script: 'korean', orig: y.orig, kind: 'name', ...(y.keys.length > 1 ? { alts: y.keys.slice(1) } : {}),
  }));
  return { raw, tokens, compact: '' };
}

/** Folds a free-text string (country, place) for comparison: ASCII, lower case, single spaces. */
export function foldText(s: string): string {
  return anyAscii(s.normalize('NFKC')).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
