import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledEngine } from '../../policy-files/load.ts';
import { main } from '../main.ts';
import { memoryIo } from '../../../test/support/cli-io.ts';

const io = (isTTY = false) => memoryIo({ isTTY });

describe('gensoku diff', () => {
  it('2023-12-21 2023-12-22 --format json: the licensed interceptor to the US opens by the 2023-12-22 rule', async () => {
    const t = io();
    expect(await main(['diff', '2023-12-21', '2023-12-22', '--format', 'json'], t.io)).toBe(0);
    const rows = JSON.parse(t.out());
    expect(rows).toContainEqual({ recipient: 'US', item: 'pac3-interceptor', purpose: 'return-to-licensor', from: 'not_permitted', to: 'permissible', rules: ['C-2023-licensed-to-licensor'] });
    expect(t.err()).toMatch(/^2023-12-21 -> 2023-12-22: \d+ cells compared/);
  });

  it('2026-04-20 2026-04-21: weapons open to transfer-agreement countries (text, with the count)', async () => {
    const t = io();
    await main(['diff', '2026-04-20', '2026-04-21'], t.io);
    expect(t.out()).toMatch(/\d+ cells compared \(\d+ country groups, \d+ evaluations\)/);
    expect(t.out()).toMatch(/anti-tank-missile: not_permitted -> permissible by D-weapons-agreement-countries\n.*\n +to AU BD DE FR ID/);
  });

  it('2023-03-10 against the shipped proposal shows what it would have opened, as CSV', async () => {
    const t = io();
    await main(['diff', '2023-03-10', '2023-03-invasion-victims-proposal', '--format', 'csv'], t.io);
    const lines = t.out().trim().split('\n');
    expect(lines[0]).toBe('recipient,item,purpose,from,to,rules');
    expect(lines).toContain('UA,anti-tank-missile,aid-against-aggression,not_permitted,permissible,DRAFT-2023-invasion-victims');
    expect(lines.slice(1).every((l) => l.startsWith('UA,'))).toBe(true);
  });

  it('with one --draft overlay and one date, compares the law of that date with the overlay on it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gensoku-diff-'));
    const file = join(dir, 'draft.yaml');
    // The shipped proposal under new ids, on the 2014 rules and narrowed to non-lethal aid: what it opens before 2022-03-08.
    const text = readFileSync('policy/drafts/2023-03-invasion-victims-proposal.yaml', 'utf8')
      .replace('id: 2023-03-invasion-victims-proposal', 'id: narrow-proposal').replace('id: DRAFT-2023-invasion-victims', 'id: NARROW-invasion-victims')
      .replace('base: "2022-03-08"', 'base: "2014-04-01"')
      .replace('all: [{ fact: under-aggression }, { purpose: aid-against-aggression }]', 'all: [{ fact: under-aggression }, { purpose: aid-against-aggression }, { item: weapon, is: false }]');
    expect(text).toContain('NARROW-invasion-victims');
    expect(text).toContain('{ item: weapon, is: false }');
    writeFileSync(file, text);
    const t = io();
    expect(await main(['diff', '2022-03-01', '--draft', file, '--format', 'json', '--item', 'anti-tank-missile,nbc-protective-gear'], t.io)).toBe(0);
    expect(JSON.parse(t.out())).toEqual([
      { recipient: 'UA', item: 'nbc-protective-gear', purpose: 'aid-against-aggression', from: 'not_permitted', to: 'permissible', rules: ['NARROW-invasion-victims'] },
    ]);
    expect(t.err()).toContain('2022-03-01 -> narrow-proposal');
    const c = io();
    expect(await main(['check', '--draft', file, '--no-analysis'], c.io)).toBe(0);
  });

  it('diffs every regime boundary with --boundaries, with a progress bar on a terminal', async () => {
    const t = io(true);
    expect(await main(['diff', '--boundaries', '--format', 'json', '--purpose', 'none'], t.io)).toBe(0);
    const all = JSON.parse(t.out());
    const boundaries = bundledEngine().regimes().filter((r) => r.kind !== 'draft').length - 1;
    expect(all.length).toBe(boundaries);
    expect(all.find((b: { to: { spec: string } }) => b.to.spec === '2023-12-22').changes).toContainEqual(expect.objectContaining({ recipient: 'US', item: 'pac3-interceptor', to: 'permissible' }));
    expect(t.err()).toContain(`\rdiff 1/${boundaries} [`);
  });

  it('--space full: the whole request space in regions (JSON: space, regions with from, to, witness, countries, rules, cells)', async () => {
    const t = io();
    expect(await main(['diff', '2022-03-07', '2022-03-08', '--space', 'full', '--format', 'json'], t.io)).toBe(0);
    const r = JSON.parse(t.out());
    expect(r.space).toBeGreaterThan(r.changed);
    expect(r.regions.find((g: { from: string; to: string }) => g.from === 'not_permitted' && g.to === 'permissible')).toMatchObject({
      countries: ['UA'], cells: expect.any(Number), rules: { from: ['C-default-no-permitted-case'], to: ['C-2022-ukraine-non-lethal'] },
      witness: { recipient: 'UA', purpose: 'aid-against-aggression', transferor: 'defense-minister', item: { weapon: false } },
    });
    // Left unstated, who transfers stays an open question: the change is then to requires_judgment, not permissible.
    expect(r.regions.find((g: { to: string; witness: { transferor?: string } }) => g.to === 'requires_judgment' && !g.witness.transferor)).toBeDefined();
    expect(t.err()).toMatch(new RegExp(`cells in the full request space, ${r.changed} changed, ${r.regions.length} regions`));
    const text = io();
    await main(['diff', '2022-03-07', '2022-03-08', '--space', 'full'], text.io);
    expect(text.out()).toMatch(/(not_permitted|requires_judgment) -> permissible/);
    expect(text.out()).toContain('item.weapon false');
    expect(text.out()).toContain('transferor defense-minister');
    expect(await main(['diff', '2022-03-07', '2022-03-08', '--space', 'full', '--item', 'body-armour'], io().io)).toBe(1);
    expect(await main(['diff', '2022-03-07', '2022-03-08', '--space', 'most'], io().io)).toBe(1);
  });

  it('refuses a bad side', async () => {
    const t = io();
    expect(await main(['diff', '2023-12-21', 'no-such-regime'], t.io)).toBe(1);
    expect(t.err()).toContain('no regime, revision or draft "no-such-regime"');
    expect(await main(['diff', '2023-12-21'], io().io)).toBe(1);
  });
});
