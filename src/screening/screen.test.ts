import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIST, readListFile } from './load-list.ts';
import { buildIndex, queryKeys, type ScreeningIndex } from './search-index.ts';
import { screen, validateQuery } from './screen.ts';
import { prepareName } from './compare.ts';

describe.skipIf(!existsSync(DEFAULT_LIST))('screening against the real UN list', () => {
  let index: ScreeningIndex;
  beforeAll(() => {
    const r = readListFile(DEFAULT_LIST);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    index = buildIndex(r.value);
  });

  const top = (name: string, extra: Record<string, string> = {}) => {
    const r = screen(index, { name, ...extra });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.value;
  };

  it('indexes every name of every entry under token, phonetic and skeleton keys', () => {
    expect(index.names.length).toBeGreaterThan(4000);
    expect(index.postings.get('t:salek')?.length).toBeGreaterThan(0);
    const keys = queryKeys(prepareName('Salek', 'person').tokens[0]!);
    expect(keys).toEqual(expect.arrayContaining(['t:salek', 'm:SLK', 's:slk']));
  });

  it('finds a listed person, with features that explain the score', () => {
    const [m] = top('Abdulhai Salek', { dateOfBirth: '1965', nationality: 'AF', type: 'person' });
    expect(m!.entry.referenceNumber).toBe('TAi.108');
    expect(m!.match).toBe(true);
    expect(m!.features.map((f) => f.feature)).toEqual(['name_match', 'dob_match', 'country_match']);
    expect(m!.explanation).toContain('ABDULHAI SALEK');
  });

  it('finds listed people from typos, reordered names and other scripts', () => {
    expect(top('SALEK, ABDULHAI')[0]!.entry.referenceNumber).toBe('TAi.108');
    expect(top('ABDUL HAI SALECK')[0]!.entry.referenceNumber).toBe('TAi.108');
    const arabic = index.entries.find((e) => e.originalScriptNames.length > 0 && e.type === 'person')!;
    expect(top(arabic.originalScriptNames[0]!)[0]!.entry.referenceNumber).toBe(arabic.referenceNumber);
  });

  it('lowers the score of a contradicting date of birth, nationality or gender', () => {
    const base = top('Abdulhai Salek', { type: 'person' })[0]!;
    const wrongDob = top('Abdulhai Salek', { type: 'person', dateOfBirth: '1990-01-01' }).find((m) => m.entry.referenceNumber === 'TAi.108')!;
    expect(wrongDob.score).toBeLessThan(base.score);
    expect(wrongDob.features.some((f) => f.feature === 'dob_year_disjoint')).toBe(true);
    const wrongCountry = top('Abdulhai Salek', { type: 'person', nationality: 'BR' })[0]!;
    expect(wrongCountry.features.some((f) => f.feature === 'country_disjoint')).toBe(true);
  });

  it('returns nothing below the cutoff for an unrelated name, and restricts by type', () => {
    expect(top('Ingeborg Abrahamsen', { dateOfBirth: '1972-11-21', nationality: 'FR' })).toEqual([]);
    expect(top('Al-Qaida', { type: 'entity' })[0]!.entry.type).toBe('entity');
    expect(top('Al-Qaida', { type: 'person' }).every((m) => m.entry.type === 'person')).toBe(true);
  });

  it('refuses an empty name as data, and validateQuery checks typed input strictly', () => {
    const r = screen(index, { name: '  ' });
    expect(r.ok).toBe(false);
    expect(validateQuery({ name: 'x', dateOfBirth: '1974-01-32', nationality: 'Atlantis' }).map((p) => p.code)).toEqual(['query.bad_date', 'query.bad_country']);
  });
});
