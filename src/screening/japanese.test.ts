import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareNames, prepareName, prepareQuery } from './compare.ts';
import { parseExtraNames } from './extra-names.ts';
import { katakanaToLatin } from './kana.ts';
import { hangulKey, koreanKey, koreanSyllables } from './korean.ts';
import { DEFAULT_LIST, JAPANESE_NAMES, japaneseNames } from './load-list.ts';
import { foldText } from './normalize.ts';
import { parseCsv } from './csv.ts';
import { screen } from './screen.ts';
import { tokenInfo, tokenSimilarity } from './similarity.ts';
import { buildIndex } from './search-index.ts';
import { parseUnList } from './un-list.ts';

describe('katakana read back as heard', () => {
  it('drops the vowel Japanese adds after a consonant and keeps written ones', () => {
    expect(katakanaToLatin('アブドゥル・ガニ・バラダル')).toBe('abdur gani baradar'); // ラ行 is r; the skeleton makes l = r
    expect(katakanaToLatin('イスラム')).toBe('isram');
    expect(katakanaToLatin('ムハンマド')).toBe('muhanmad'); // ンマ: the skeleton reads it as mm
  });
  it('reads ッラー as -llah, アル alone as the article and a final long a as r', () => {
    expect(katakanaToLatin('アブドゥッラー')).toBe('abdullah');
    expect(katakanaToLatin('アル・ザワヒリ')).toBe('al zawahiri');
    expect(katakanaToLatin('ピーター')).toBe('pitar');
  });
  it('matches a katakana name with the romanised one it was heard from', () => {
    const c = compareNames(prepareName('シラジュディン・ハッカーニ', 'person'), prepareName('SIRAJUDDIN JALLALOUDINE HAQQANI', 'person'));
    expect(c.score).toBeGreaterThanOrEqual(0.7);
  });
  it('does not take katakana heard closer to another common name for this one (Mahmud is not Muhammad)', () => {
    const k = (s: string) => prepareName(s, 'person').tokens[0]!;
    expect(tokenSimilarity(k('マフムード'), tokenInfo({ text: 'mohammad', kind: 'name', script: 'latin' })).score).toBe(0);
    expect(tokenSimilarity(k('ムハンマド'), tokenInfo({ text: 'mohammad', kind: 'name', script: 'latin' })).score).toBeGreaterThanOrEqual(0.8);
    expect(compareNames(prepareName('マフムード・アッバス', 'person'), prepareName('MOHAMMAD ABBAS AKHUND', 'person')).score).toBeLessThan(0.7);
    expect(compareNames(prepareName('マフムード・アッバス', 'person'), prepareName('Mahmoud Abbas', 'person')).score).toBeGreaterThanOrEqual(0.7);
  });
  it('does not match a katakana name with one that begins with a vowel where it begins with a consonant', () => {
    const k = (s: string) => prepareName(s, 'person').tokens[0]!;
    expect(tokenSimilarity(k('シャー'), tokenInfo({ text: 'azhar', kind: 'name', script: 'latin' })).score).toBeLessThan(0.65);
    expect(tokenSimilarity(k('アズハル'), tokenInfo({ text: 'azhar', kind: 'name', script: 'latin' })).score).toBeGreaterThanOrEqual(0.7);
    expect(compareNames(prepareName('アフマド・シャー・マスード', 'person'), prepareName('Masud Azhar', 'person')).score).toBeLessThan(0.7);
  });
  it('parses the Ministry of Finance "surname、given names" form', () => {
    const a = prepareName('カダフィ、ハンニバル・ムアンマル', 'person').tokens.map((t) => t.text);
    expect(a[a.length - 1]).toBe('kadafi');
  });
});

describe('Korean readings', () => {
  it('reads hanja and hangul as Korean keys that North and South spellings share', () => {
    expect(hangulKey('철')).toBe('cor');
    expect(koreanKey('Chol')).toBe(koreanKey("Ch'o'l"));
    expect(koreanKey('Cheol')).toBe('cor');
    expect(koreanKey('Young')).toBe(koreanKey('Yong'));
    expect(koreanSyllables('李済善')!.map((s) => s.keys)).toEqual([['ri', 'i'], ['ce'], ['son']]);
    expect(koreanSyllables('金英哲')![0]!.keys).toEqual(['kim']);
  });
  it('matches a North Korean name in kanji, and not one syllable apart', () => {
    const [, korean] = prepareQuery('李済善', 'person');
    expect(korean!.reading).toBe('korean');
    expect(compareNames(korean!, prepareName('RI JE-SON', 'person')).score).toBeGreaterThanOrEqual(0.7);
    expect(compareNames(prepareQuery('金正男', 'person')[1]!, prepareName('KIM CHOL NAM', 'person')).score).toBeLessThan(0.7);
  });
  it('counts a common surname only one side has as a whole name missing, though it counts half when it agrees', () => {
    const [, pak] = prepareQuery('パク・ソンミン', 'person');
    expect(compareNames(pak!, prepareName('Son Min', 'person')).score).toBeLessThan(0.7);
    expect(compareNames(pak!, prepareName('PAK SONG MIN', 'person')).score).toBeGreaterThanOrEqual(0.7);
  });
});

describe('the Japanese-written negatives', () => {
  // A namesake: every name of the row, in order and spelled the same, is in one listed person's name or alias.
  it('label as namesake exactly the people whose romanised name a listed name holds', () => {
    const list = parseUnList(readFileSync(DEFAULT_LIST, 'utf8'));
    if (!list.ok) throw new Error('bundled list does not parse');
    const particles = new Set(['al', 'el', 'bin', 'ibn', 'ben', 'bint', 'abu', 'abou']);
    const parts = (s: string) => foldText(s).split(' ').filter((t) => t && !particles.has(t));
    const listed = list.value.entries.filter((e) => e.type === 'person').flatMap((e) => [e.name, ...e.aliases.map((a) => a.name)].map(parts));
    const within = (q: string[], n: string[]) => { let i = 0; for (const t of n) if (t === q[i]) i++; return i === q.length; };
    const rows = parseCsv(readFileSync(resolve(dirname(JAPANESE_NAMES), 'eval-unlisted.csv'), 'utf8')).filter((r) => r['type'] === 'person');
    const namesakes = rows.filter((r) => listed.some((n) => within(parts(r['romanised']!), n))).map((r) => r['name']);
    expect(namesakes).toEqual(rows.filter((r) => r['kind'] === 'namesake').map((r) => r['name']));
    expect(namesakes.length).toBe(9);
    expect(rows.filter((r) => r['kind'] !== 'namesake' && /[\u30a0-\u30ff]/.test(r['name']!)).length).toBeGreaterThanOrEqual(150);
  });
});

describe('Japanese names of listed entries', () => {
  it('refuses a row without a source address', () => {
    const r = parseExtraNames('reference,name,source\nKPe.047,朝鮮貿易銀行,\n', 'ja');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.code).toBe('names.source_required');
  });
  it('has a source for every bundled name and is matched and shown as such', () => {
    const names = japaneseNames();
    expect(names.length).toBeGreaterThan(40);
    const list = parseUnList(readFileSync(DEFAULT_LIST, 'utf8'));
    if (!list.ok) throw new Error('bundled list does not parse');
    const refs = new Set(list.value.entries.map((e) => e.referenceNumber));
    expect(names.filter((n) => !refs.has(n.referenceNumber))).toEqual([]);
    const r = screen(buildIndex(list.value, names), { name: '朝鮮貿易銀行', type: 'entity' });
    if (!r.ok) throw new Error('screen refused');
    const hit = r.value[0]!;
    expect(hit.entry.referenceNumber).toBe('KPe.047');
    expect(hit.match).toBe(true);
    expect(hit.nameQuality).toBe('translated');
    expect(hit.matchedSource).toMatch(/^https?:/);
    expect(hit.explanation).toContain('ja name, source');
    expect(hit.explanationJa).toMatch(/^名前「朝鮮貿易銀行」〜「朝鮮貿易銀行」（日本語名、出典 https?:\/\/\S+）一致度 1\.00/);
    // 趙一宇 is not among the Japanese names: it is reached by its Korean reading, Cho Il U.
    const korean = screen(buildIndex(list.value, names), { name: '趙一宇', type: 'person' });
    expect(korean.ok && korean.value[0]).toMatchObject({ reading: 'korean', entry: { referenceNumber: 'KPi.040' } });
    expect(korean.ok && korean.value[0]!.explanationJa).toContain('（朝鮮語読み）');
  });
  it('meets the katakana Japanese name of a Korean entry as written, though the Korean reading differs', () => {
    const list = parseUnList(readFileSync(DEFAULT_LIST, 'utf8'));
    if (!list.ok) throw new Error('bundled list does not parse');
    const index = buildIndex(list.value, japaneseNames());
    // 최석민 is said 최성민: the press writes チェ・ソンミン, which Korean keys read as Choe Son Min.
    for (const [name, ref] of [['チェ・ソンミン', 'KPi.064'], ['キム・グワンイル', 'KPi.009']] as const) {
      const r = screen(index, { name, type: 'person' });
      expect(r.ok && r.value[0]).toMatchObject({ match: true, nameQuality: 'translated', entry: { referenceNumber: ref } });
    }
    const without = screen(buildIndex(list.value), { name: 'チェ・ソンミン', type: 'person' });
    expect(without.ok && without.value.some((m) => m.match && m.entry.referenceNumber === 'KPi.064')).toBe(false);
  });
});
