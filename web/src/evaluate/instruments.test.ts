import { describe, expect, it } from 'vitest';
import type { RegimeInfo, RuleInfo, Source } from '../api/types.ts';
import { decidingInstruments } from './instruments.ts';

const rule = (id: string, revision: string, citations: string[]) => ({ id, revision, citations } as unknown as RuleInfo);
const source = (id: string, en: string): Source => ({ id, title: { en, ja: en }, date: '2014-04-01', url: 'https://example.org', confirmed: true } as Source);
const regime = (id: string, en: string) => ({ id, title: { en, ja: en }, from: id } as unknown as RegimeInfo);

describe('decidingInstruments', () => {
  it('names the source of the deciding rule, not the latest revision in force', () => {
    const sources = new Map([['three-principles-2014', source('three-principles-2014', 'Three Principles')]]);
    const regimes = [regime('2014-04-01', 'Three Principles'), regime('2024-03-26', 'GCAP finished products to third countries')];
    const got = decidingInstruments([rule('C-P2-five-categories', '2014-04-01', ['three-principles-2014'])], sources, regimes);
    expect(got.map((i) => i.title.en)).toEqual(['Three Principles']);
  });

  it('falls back to the version that introduced the rule, and lists each instrument once', () => {
    const regimes = [regime('2023-12-22', 'Revision of 2023-12-22')];
    const got = decidingInstruments([rule('a', '2023-12-22', ['missing']), rule('b', '2023-12-22', [])], undefined, regimes);
    expect(got).toEqual([{ key: '2023-12-22', title: { en: 'Revision of 2023-12-22', ja: 'Revision of 2023-12-22' }, date: '2023-12-22' }]);
  });
});
