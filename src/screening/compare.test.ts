import { describe, expect, it } from 'vitest';
import { compareNames, prepareName } from './compare.ts';
import { dobPenalty, parseDate, PENALTIES } from './screen.ts';

const person = (a: string, b: string) => compareNames(prepareName(a, 'person'), prepareName(b, 'person'));
const entity = (a: string, b: string) => compareNames(prepareName(a, 'entity'), prepareName(b, 'entity'));

describe('compareNames', () => {
  it('scores identical names 1 and explains the alignment', () => {
    const c = person('Olaf Scholz', 'Olaf Scholz');
    expect(c.score).toBe(1);
    expect(c.parts.map((p) => p.basis)).toEqual(['exact', 'exact']);
  });

  it('tolerates typos, order, comma form and missing middle names', () => {
    expect(person('Olaf Scholze', 'Olaf Scholz').score).toBeGreaterThan(0.85);
    expect(person('Putin, Vladimir', 'Vladimir Putin').score).toBe(1);
    expect(person('JANAN AGHA', 'JANAN MOHAMMAD AHMED AGHA').score).toBeGreaterThanOrEqual(0.7);
    expect(person('VladimirPutin', 'Vladimir Putin').score).toBeGreaterThan(0.9);
  });

  it('matches initials to names with the same letter, and not otherwise', () => {
    expect(person('Hans J Friedrich', 'Hans Joachim Friedrich').score).toBeGreaterThanOrEqual(0.7);
    expect(person('Hans O Friedrich', 'Hans Joachim Friedrich').score).toBeLessThan(0.7);
  });

  it('penalises a conflicting name part: a different family name is a different person', () => {
    const c = person('BARZAN IBRAHIM HASSAN AL-MOSULI', 'BARZAN IBRAHIM HASSAN AL-TIKRITI');
    expect(c.score).toBeLessThan(0.7);
    expect(c.parts.some((p) => p.conflict && p.query === 'mosuli')).toBe(true);
    expect(person('Daniel Tusk', 'Donald Tusk').score).toBeLessThan(0.7);
  });

  it('penalises a reversed patronymic', () => {
    const c = person('SALMAN BIN MUHAMMAD AL-RAWI', 'MUHAMMAD BIN SALMAN AL-RAWI');
    expect(c.score).toBeLessThan(0.7);
    expect(c.adjustments.map((a) => a.feature)).toContain('patronymic_reversed');
  });

  it('counts an Abd- or Abu- compound as one name part, so another Abd-name with one shared part is weak evidence', () => {
    const c = person('Abd-Rabbo Mansur Hadi', 'Abd Al-Hadi');
    expect(c.score).toBeLessThan(0.7);
    expect(c.adjustments.map((a) => a.feature)).toContain('single_part_match');
    expect(person('Abdukadir Yapuquan', 'ABDUKADIR').adjustments.map((a) => a.feature)).toContain('single_part_match');
    expect(person('Abdullah Azzam', 'Abdul Hai Hazem').score).toBeLessThan(0.7);
    expect(person('Abdul Rahman Yasin', 'ABDUL RAHMAN YASIN').score).toBe(1);
    expect(person('Abdul Rahman Yasin', 'Abd al-Rahman Yasin al-Taha').score).toBeGreaterThanOrEqual(0.7);
  });

  it('compares across scripts', () => {
    expect(person('Барак Хусеин Обама', 'Barack Obama').score).toBeGreaterThanOrEqual(0.7);
    expect(person('バラク・オバマ', 'Barack Obama').score).toBeGreaterThanOrEqual(0.7);
    expect(person('ウサマ・ビン・ラディン', 'Usama bin Laden').score).toBeGreaterThanOrEqual(0.7);
    expect(person('محمد بن سلمان', 'Mohammed bin Salman').score).toBeGreaterThanOrEqual(0.7);
    expect(person('习近平', 'Xi Jinping').score).toBeGreaterThanOrEqual(0.7);
    expect(person('高石早苗', '高市早苗').score).toBeLessThan(0.7);
  });

  it('treats legal forms as equivalent and extra words in company names as a different company', () => {
    expect(entity('Siemens Aktiengesellschaft', 'Siemens AG').score).toBe(1);
    expect(entity('OAO Gazprom', 'Open Joint Stock Company Gazprom').score).toBeGreaterThan(0.9);
    expect(entity('Banco Santander S.A.', 'Banco Santander México S.A.').score).toBeLessThan(0.7);
    expect(entity('Deutsche Bank (Schweiz) AG', 'Deutsche Bank AG').score).toBeGreaterThanOrEqual(0.7);
  });
});

describe('date of birth penalties', () => {
  const d = (s: string) => parseDate(s)!;
  it('accepts agreeing dates and year ranges', () => {
    expect(dobPenalty(d('1973-03-06'), [{ type: 'exact', date: '1973-03-06' }])!.feature).toBe('dob_match');
    expect(dobPenalty(d('1973'), [{ type: 'exact', date: '1973-03-06' }])!.value).toBe(0);
    expect(dobPenalty(d('1979'), [{ type: 'between', fromYear: 1977, toYear: 1982 }])!.value).toBe(0);
  });
  it('penalises contradictions, less so a one-digit slip', () => {
    expect(dobPenalty(d('1950-01-01'), [{ type: 'exact', date: '1973-03-06' }])!.value).toBe(-PENALTIES.dobDisjoint);
    expect(dobPenalty(d('1974-03-06'), [{ type: 'exact', date: '1973-03-06' }])!.value).toBe(-PENALTIES.dobTypo);
    expect(dobPenalty(d('1973-05-01'), [{ type: 'exact', date: '1973-03-06' }])!.value).toBe(-PENALTIES.dobDayDisjoint);
  });
  it('keeps the year of an impossible date', () => {
    expect(parseDate('1974-01-32')).toMatchObject({ y: 1974, partial: true });
    expect(parseDate('1969-7-16')!.text).toBe('1969-07-16');
    expect(parseDate('July 1969')).toBeUndefined();
  });
});
