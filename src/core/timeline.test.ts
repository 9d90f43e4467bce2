import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { timeline } from './timeline.ts';
import { holdFrom } from './whatif.ts';
import { bundledEngine } from '../policy-files/load.ts';
import type { TransferRequest } from './model.ts';

const CASES = 'data/cases';
const engine = bundledEngine();
const request = (id: string): TransferRequest => JSON.parse(readFileSync(`${CASES}/${id}.json`, 'utf8')).request;

describe('timeline', () => {
  it('vests to Ukraine: not permitted until 2022-03-07, permissible from 2022-03-08', () => {
    const segs = timeline(engine, request('ukraine-vests-2022'));
    const i = segs.findIndex((s) => s.from === '2022-03-08');
    expect(segs[i - 1]).toMatchObject({ to: '2022-03-07', outcome: 'not_permitted' });
    expect(segs[i]).toMatchObject({ outcome: 'permissible', reasons: ['C-2022-ukraine-non-lethal'] });
    expect(segs.at(-1)).toMatchObject({ to: null, outcome: 'permissible' });
    // Segments tile all time without gaps.
    for (let k = 1; k < segs.length; k++) expect(segs[k - 1].to! < segs[k].from).toBe(true);
  });

  it('the licensed PAC-3 to the US opens on 2023-12-22', () => {
    const segs = timeline(engine, request('patriot-to-us-2023'));
    expect(segs.find((s) => s.from === '2023-12-22')).toMatchObject({ outcome: 'permissible', reasons: ['C-2023-licensed-to-licensor'] });
  });

  it('holds a draft fixed across time, and takes what-if facts', () => {
    const req = request('ukraine-lethal-2022');
    const underDraft = timeline(engine, req, { regime: '2023-03-invasion-victims-proposal' });
    expect(underDraft.every((s) => s.regime === '2023-03-invasion-victims-proposal')).toBe(true);
    // Ukraine is recorded under aggression from 2022-02-24: that is when the proposal would have opened.
    expect(underDraft.find((s) => s.outcome === 'permissible')!.from).toBe('2022-02-24');
    const facts = [
      { fact: 'transfer-agreement-in-force', country: 'UA', series: holdFrom(engine.facts.entries('transfer-agreement-in-force', 'UA'), '2022-03-01', true) },
      { fact: 'fighting-under-way', country: 'UA', series: holdFrom(engine.facts.entries('fighting-under-way', 'UA'), '2022-03-01', false) },
    ];
    const withAgreement = timeline(engine, req, { facts });
    expect(withAgreement.find((s) => s.from === '2026-04-21')).toMatchObject({ outcome: 'permissible', reasons: ['D-weapons-agreement-countries'] });
    expect(timeline(engine, req).find((s) => s.from === '2026-04-21')!.outcome).toBe('not_permitted');
  });
});
