// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mountPoint } from '../../../test/support/dom.ts';
import { clearCatalog } from '../api/catalog.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import { classText, WhatChanged, type FullDiff, type Region } from './WhatChanged.tsx';
import { mainRegions, summarise, tailByChange } from '../../../src/core/regions.ts';
import { TRANSFEROR_LABEL } from '../../../src/core/labels.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const region = (cells: number, extra: Partial<Region> = {}): Region => ({
  from: 'not_permitted', to: 'permissible', rules: { from: ['D-default'], to: ['D-weapons-agreement-countries'] },
  where: { 'item.weapon': ['true'], purpose: ['peace-contribution|international-cooperation', 'unstated'] },
  countries: ['AU', 'GB'], countryFacts: { 'transfer-agreement': 'true', 'fighting-under-way': 'false' },
  witness: { asOf: '2026-04-21', recipient: 'AU', item: { weapon: true }, purpose: 'peace-contribution' }, cells, boxCells: cells, ...extra,
});

const REGIONS = [region(60), region(40, { from: 'requires_judgment' }), region(5), region(5)];
const FULL = { space: 1000, changed: 110, regions: REGIONS };
// As the server answers regions=main: the main regions, their count, and the rest by how they change.
const DIFF: FullDiff = { ...FULL, regions: mainRegions(FULL), regionCount: REGIONS.length, tail: tailByChange(REGIONS, mainRegions(FULL).length), summary: summarise(REGIONS) };
const FACTS = [{ id: 'transfer-agreement', title: { en: 'Transfer agreement with Japan', ja: '防衛装備品・技術移転協定' } }, { id: 'fighting-under-way', title: { en: 'Fighting under way', ja: '現に戦闘が行われている' } }];

describe('what this changed', () => {
  const dom = mountPoint();
  let asked: string[];

  beforeEach(() => {
    clearCatalog();
    asked = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      asked.push(String(url));
      const json = (v: unknown) => new Response(JSON.stringify(v), { headers: { 'content-type': 'application/json' } });
      if (String(url).includes('/api/v1/diff?')) return json(DIFF);
      if (String(url).endsWith('/api/v1/facts')) return json({ facts: FACTS });
      return new Response('{}', { status: 404 });
    }));
  });


  async function open(lang: 'en' | 'ja') {
    await act(async () => dom.root.render(<I18nProvider lang={lang}><WhatChanged id="2026-04-21" base="2024-03-26" date="2026-04-21" draft={false} /></I18nProvider>));
    expect(asked).toEqual([]);
    await act(async () => dom.host.querySelector('button')!.click());
    await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
  }

  it('loads the full-space diff on demand and shows the regions that hold most of the change, in words', async () => {
    await open('en');
    expect(asked[0]).toBe('/api/v1/diff?from=2024-03-26%402026-04-21&to=2026-04-21%402026-04-21&space=full&regions=main');
    expect(dom.host.querySelectorAll('li.what-changed-region')).toHaveLength(2);
    expect(dom.host.textContent).toContain('110 of 1,000 cells of the request space change, in 4 regions');
    expect(dom.host.textContent).toContain('Weapon: yes');
    expect(dom.host.textContent).toContain('Purpose: Peace contribution, International cooperation; not stated');
    expect(dom.host.textContent).toContain('2 countries (countries where: Transfer agreement with Japan: yes, Fighting under way: no): Australia');
    expect(dom.host.textContent).toContain('and 2 smaller regions, which may overlap these');
    // The summary: one line per way of changing and rules, with its cells, countries and regions.
    const summary = [...dom.host.querySelectorAll('table.what-changed-summary tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(3).map((td) => td.textContent));
    expect(summary).toEqual([['70', '2', '3'], ['40', '2', '1']]);
    // The long tail, counted by how it changes.
    const tail = [...dom.host.querySelectorAll('table.what-changed-tail tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent));
    expect(tail).toEqual([['2', '10']]);
    expect(dom.host.querySelector('a[href="/law/rules/D-weapons-agreement-countries"]')).not.toBeNull();
  });

  it('speaks Japanese to a Japanese reader', async () => {
    await open('ja');
    expect(dom.host.textContent).toContain('この改正で変わったこと');
    expect(dom.host.textContent).toContain('武器: はい');
    expect(dom.host.textContent).toContain('目的: 平和貢献・国際協力、記載なし');
    expect(dom.host.textContent).toContain('防衛装備品・技術移転協定: はい');
  });

  it('keeps the regions holding nine tenths of the changed cells, and names every kind of class', () => {
    expect(mainRegions(FULL).map((r) => r.cells)).toEqual([60, 40]);
    expect(mainRegions({ ...FULL, regions: REGIONS.slice(2) }, 1)).toHaveLength(1);
    expect(tailByChange(REGIONS, 1)).toEqual([{ from: 'requires_judgment', to: 'permissible', regions: 1, cells: 40 }, { from: 'not_permitted', to: 'permissible', regions: 2, cells: 10 }]);
    expect(classText('item.munitionType', 'other', 'en')).toBe('None of these');
    expect(classText('item.program', 'other', 'en')).toBe('another');
    expect(classText('endUser.type', 'government|military', 'ja')).toBe('政府・軍');
    expect(classText('item.licensor', 'recipient', 'en')).toBe('the recipient');
    expect(classText('transferor', 'government|company', 'ja')).toBe(`${TRANSFEROR_LABEL.government.ja}・${TRANSFEROR_LABEL.company.ja}`);
  });
});
