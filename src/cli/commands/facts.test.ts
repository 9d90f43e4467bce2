import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { memoryIo } from '../../../test/support/cli-io.ts';

const io = () => memoryIo();

describe('gensoku facts', () => {
  it("prints a country's profile on a date with citations, and says where a list is silent", async () => {
    const t = io();
    expect(await main(['facts', 'UA', '--as-of', '2022-03-08'], t.io)).toBe(0);
    const text = t.out();
    expect(text).toContain('Ukraine (UA) on 2022-03-08');
    expect(text).toMatch(/under aggression[^\n]*: true/i);
    expect(text).toMatch(/transfer agreement[^\n]*: false\n\s+no entry:/i);
  });
  it('gives JSON with each fact and its source', async () => {
    const t = io();
    await main(['facts', 'AU', '--as-of', '2026-05-01', '--format', 'json'], t.io);
    const { facts } = JSON.parse(t.out());
    expect(facts).toContainEqual(expect.objectContaining({ fact: 'transfer-agreement', of: 'AU', value: true, from: '2014-07-08' }));
  });
  it('rejects unknown countries and impossible dates with exit 1', async () => {
    const a = io();
    expect(await main(['facts', 'ZZ'], a.io)).toBe(1);
    expect(a.err()).toContain('country');
    const b = io();
    expect(await main(['facts', 'UA', '--as-of', '2022-02-30'], b.io)).toBe(1);
    expect(b.err()).toContain('--as-of');
  });
});

describe('gensoku regimes', () => {
  it('lists regimes, revisions and drafts with dates and sources', async () => {
    const t = io();
    expect(await main(['regimes', '--format', 'json'], t.io)).toBe(0);
    const list = JSON.parse(t.out()) as { id: string; kind: string; from: string | null; to: string | null }[];
    expect(list.map((r) => r.id)).toEqual(expect.arrayContaining(['1967-04-21', '1976-02-27', '2014-04-01', '2022-03-08', '2023-12-22', '2024-03-26', '2026-04-21', '2023-03-invasion-victims-proposal']));
    expect(list.find((r) => r.id === '2022-03-08')).toMatchObject({ kind: 'revision', to: '2023-12-21' });
    expect(list.find((r) => r.id === '2026-04-21')).toMatchObject({ kind: 'regime', to: null });
    const text = io();
    await main(['regimes'], text.io);
    expect(text.out()).toContain('https://www.mofa.go.jp/fp/nsp/page1we_000083.html');
  });
});
