import { describe, expect, it } from 'vitest';
import { normalizeName } from './normalize.ts';
import { consonantSkeleton, kanaSkeleton, stringSimilarity } from './similarity.ts';

const texts = (raw: string, kind: 'person' | 'entity' = 'person') => normalizeName(raw, kind).tokens.map((t) => t.text);

describe('normalizeName', () => {
  it('applies NFKC and folds case and diacritics', () => {
    expect(texts('Recep Tayyip Erdoğan')).toEqual(['recep', 'tayyip', 'erdogan']);
    expect(texts('Ｆｒａｎçｏｉｓ')).toEqual(['francois']);
    expect(texts('ﾊﾞﾗｸ')).toEqual(['barak']); // as heard: Barack
  });

  it('transliterates Cyrillic, Arabic, Chinese, Korean and Japanese kana', () => {
    expect(texts('Сергей Лавров')).toEqual(['sergey', 'lavrov']);
    expect(texts('محمد بن سلمان')).toEqual(['mhmd', 'bn', 'slmn']);
    expect(texts('习近平')).toEqual(['xi', 'jinping']);
    expect(texts('김정은')).toEqual(['gim', 'jeongeun']);
    expect(texts('ウサマ・ビン・ラディン')).toEqual(['usama', 'bin', 'radin']);
    expect(normalizeName('ウサマ・ビン・ラディン', 'person').tokens[0]!.script).toBe('kana');
  });

  it('keeps the characters of Han and Hangul names, where another character is another name', () => {
    const [sur, given] = normalizeName('高市早苗', 'person').tokens;
    expect(sur!.orig).toBe('高');
    expect(given!.orig).toBe('市早苗');
  });

  it('reorders "Surname, Given" for people only', () => {
    expect(texts('SALEK, ABDULHAI')).toEqual(['abd', 'hai', 'salek']);
    expect(texts('Apple, Inc.', 'entity')).toEqual(['apple', 'inc']);
  });

  it('folds Arabic compounds however they are spaced', () => {
    expect(texts('Abd al-Rahman')).toEqual(texts('Abdulrahman'));
    expect(texts('Abdul Rahman')).toEqual(texts('ABDURRAHMAN'));
    expect(texts('SAIF-AL-DIN')).toEqual(texts('Saifuddin'));
    expect(texts('Habib Ullah')).toEqual(texts('HABIBULLAH'));
    expect(texts('Adbul Bari')).toEqual(texts('Abdul Bari'));
  });

  it('classifies titles, particles, initials, numbers and legal forms', () => {
    const kinds = normalizeName('Dr. Hans J. bin Friedrich', 'person').tokens.map((t) => t.kind);
    expect(kinds).toEqual(['title', 'name', 'initial', 'particle', 'name']);
    expect(texts('Brigade Forty-Four', 'entity')).toEqual(['brigade', '44']);
    expect(texts('TACTICAL MISSILES CORPORATION JOINT STOCK COMPANY', 'entity')).toEqual(['tactical', 'missiles', 'corp', 'jsc']);
    expect(texts('OAO Gazprom', 'entity')).toEqual(texts('Gazprom JSC', 'entity').reverse());
    expect(texts('Volkswagen Bank G.m.b.H.', 'entity')).toEqual(['volkswagen', 'bank', 'gmbh']);
    expect(texts('ООО "БАЙ"', 'entity')).toEqual(['llc', 'bay']);
  });

  it('marks parenthesised qualifiers optional', () => {
    const t = normalizeName('Deutsche Bank (Schweiz) AG', 'entity').tokens;
    expect(t.find((x) => x.text === 'schweiz')!.optional).toBe(true);
  });
});

describe('phonetic keys and string similarity', () => {
  it('gives abjad-blurred consonant classes one skeleton', () => {
    expect(consonantSkeleton('muhammad')).toBe(consonantSkeleton('mhmd'));
    expect(consonantSkeleton('qaddafi')).toBe(consonantSkeleton('gadafi'));
  });

  it('hears katakana the Japanese way: l = r, epenthetic vowels gone', () => {
    expect(kanaSkeleton('baraku')).toBe(kanaSkeleton('barack'));
    expect(kanaSkeleton('radin')).toBe(kanaSkeleton('laden'));
  });

  it('treats one slip as a typo and a transposition as one slip', () => {
    expect(stringSimilarity('scholz', 'schloz')).toBeGreaterThanOrEqual(0.8);
    expect(stringSimilarity('tom', 'tim')).toBe(0.8);
    expect(stringSimilarity('yu', 'ryu')).toBeLessThan(0.65);
    expect(stringSimilarity('tikriti', 'mosuli')).toBeLessThan(0.3);
  });
});
