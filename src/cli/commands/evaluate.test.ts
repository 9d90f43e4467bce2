import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { memoryIo } from '../../../test/support/cli-io.ts';

const CASES = 'data/cases';

const io = (stdin = '') => memoryIo({ stdin });

describe('gensoku evaluate', () => {
  const files = readdirSync(CASES).filter((f) => f.endsWith('.json'));
  it.each(files)('public case %s gives its expected outcome', async (file) => {
    const c = JSON.parse(readFileSync(`${CASES}/${file}`, 'utf8'));
    const t = io();
    const code = await main(['evaluate', `${CASES}/${file}`, '--format', 'json'], t.io);
    const d = JSON.parse(t.out());
    expect(d.outcome).toBe(c.expect.outcome);
    expect(code).toBe({ permissible: 0, out_of_scope: 0, prohibited: 2, not_permitted: 2, requires_judgment: 4 }[d.outcome as string]);
    expect(d.policyDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('explains the 2022 Ukraine refusal in English with the clauses cited', async () => {
    const t = io();
    expect(await main(['evaluate', `${CASES}/ukraine-lethal-2022.json`, '--format', 'text'], t.io)).toBe(2);
    const text = t.out();
    expect(text).toMatch(/^NOT PERMITTED/);
    expect(text).toContain('Outside the limited cases of Principle 2');
    expect(text).toMatch(/\[C-P1-party-to-conflict\].*does not apply\. Does “Party to a conflict under Principle 1\(c\)[^”]*” apply to Ukraine\? No\./);
    expect(text).toContain('Ukraine is not a party to a conflict under UN resolutions');
    // The deciding instrument, and what would change it: re-evaluated suggestions in words.
    expect(text).toMatch(/^Rules applied: Three Principles on Transfer of Defense Equipment and Technology \(National Security Council and Cabinet decision\)/m);
    expect(text).toMatch(/^Review needed: Not applicable/m);
    expect(text).toMatch(/- a non-weapon instead of a weapon \(from 2022-03-08\): Non-lethal equipment to Ukraine/);
    expect(text).toContain('https://www.mofa.go.jp/fp/nsp/page1we_000083.html');
  });

  it('explains it in Japanese too', async () => {
    const t = io();
    await main(['evaluate', `${CASES}/ukraine-lethal-2022.json`, '--format', 'text', '--lang', 'ja'], t.io);
    expect(t.out()).toMatch(/^認められない/);
    expect(t.out()).toContain('第二原則に定める限定的な場合以外は');
    expect(t.out()).toContain('第一原則(3)：紛争当事国');
  });

  it('reads a request from stdin and from friendly flags alike', async () => {
    const req = { asOf: '2026-05-01', recipient: 'AU', item: { defenseEquipment: true, weapon: true, munitionType: 'other', form: 'complete', function: 'other', origin: 'domestic' }, purpose: 'commercial', transferor: 'company' };
    const a = io(JSON.stringify(req));
    expect(await main(['evaluate', '-'], a.io)).toBe(0);
    const b = io();
    expect(await main(['evaluate', '--to', 'AU', '--as-of', '2026-05-01', '--defense-equipment', '--weapon', '--munition-type', 'other', '--form', 'complete', '--function', 'other', '--origin', 'domestic', '--purpose', 'commercial', '--transferor', 'company'], b.io)).toBe(0);
    expect(JSON.parse(a.out())).toEqual(JSON.parse(b.out()));
  });

  it('names the open question when lethality is not stated', async () => {
    const t = io(JSON.stringify({ asOf: '2022-03-08', recipient: 'UA', item: { defenseEquipment: true, form: 'complete' }, purpose: 'aid-against-aggression', transferor: 'defense-minister' }));
    expect(await main(['evaluate'], t.io)).toBe(4);
    expect(JSON.parse(t.out()).open.map((q: { id: string }) => q.id)).toContain('item.weapon');
  });

  it('asks whether the item is defense equipment before anything else, and names what governs it otherwise', async () => {
    // Tents to Ukraine on 2022-03-04 with the scope left unstated.
    const t = io(JSON.stringify({ asOf: '2022-03-04', recipient: 'UA', item: { name: 'tents', weapon: false, form: 'complete', function: 'other', origin: 'domestic' } }));
    expect(await main(['evaluate'], t.io)).toBe(4);
    const d = JSON.parse(t.out());
    expect(d.open[0]).toMatchObject({ id: 'item.defenseEquipment', options: [{ value: 'false', outcome: 'out_of_scope' }, { value: 'true' }] });
    expect(d.instead.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining(['fefta-catch-all', 'no-security-licence']));
  });

  it('answers a request from before the 1967 principles (ADR 0004)', async () => {
    const t = io(JSON.stringify({ asOf: '1965-06-01', recipient: 'TH', item: { defenseEquipment: true, weapon: true, form: 'complete' } }));
    expect(await main(['evaluate', '--format', 'text'], t.io)).toBe(4);
    expect(t.out()).toContain('P-default-licence');
  });

  it('lists every problem of bad input with its path and exits 1, without a stack trace', async () => {
    const t = io(JSON.stringify({ asOf: '1960-02-30', recipient: 'XX', item: { weapon: 'yes', colour: 'red' }, extra: 1 }));
    expect(await main(['evaluate', '-'], t.io)).toBe(1);
    const err = t.err();
    for (const path of ['asOf', 'recipient', 'item.weapon', 'item.colour', 'extra']) expect(err).toContain(`${path}:`);
    expect(err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('rejects dates before 1949-12-01, malformed JSON, unknown regimes and bad flags', async () => {
    const early = io(JSON.stringify({ asOf: '1949-11-30', recipient: 'US', item: {} }));
    expect(await main(['evaluate'], early.io)).toBe(1);
    expect(early.err()).toContain('no regime before 1949-12-01');
    const bad = io('{ not json');
    expect(await main(['evaluate'], bad.io)).toBe(1);
    expect(bad.err()).toContain('malformed_json');
    const regime = io();
    expect(await main(['evaluate', `${CASES}/ukraine-vests-2022.json`, '--regime', 'nope'], regime.io)).toBe(1);
    expect(regime.err()).toContain('unknown_regime');
    const flag = io();
    expect(await main(['evaluate', '--bogus'], flag.io)).toBe(1);
    expect(await main(['nonsense'], io().io)).toBe(1);
  });

  it('applies a draft only when it is named', async () => {
    const req = JSON.parse(readFileSync(`${CASES}/ukraine-lethal-draft-2023.json`, 'utf8')).request;
    const law = io(JSON.stringify(req));
    expect(await main(['evaluate'], law.io)).toBe(2);
    const draft = io(JSON.stringify(req));
    expect(await main(['evaluate', '--regime', '2023-03-invasion-victims-proposal'], draft.io)).toBe(0);
    expect(JSON.parse(draft.out()).regime).toBe('2023-03-invasion-victims-proposal');
  });
});

describe('gensoku evaluate --item and --draft', () => {
  it('takes the item from the catalogue, amended by flags', async () => {
    const t = io();
    expect(await main(['evaluate', '--to', 'US', '--item', 'pac3-interceptor', '--as-of', '2023-12-22'], t.io)).toBe(0);
    expect(JSON.parse(t.out()).reasons).toEqual(['C-2023-licensed-to-licensor']);
    const u = io();
    expect(await main(['evaluate', '--to', 'US', '--item', 'pac3-interceptor', '--as-of', '2023-12-21', '--purpose', 'commercial'], u.io)).toBe(2);
    const bad = io();
    expect(await main(['evaluate', '--to', 'US', '--item', 'no-such-item'], bad.io)).toBe(1);
    expect(bad.err()).toContain('no item class "no-such-item"');
  });

  it('applies a --draft overlay written to a temp dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gensoku-eval-'));
    const file = join(dir, 'draft.yaml');
    writeFileSync(file, readFileSync('policy/drafts/2023-03-invasion-victims-proposal.yaml', 'utf8')
      .replace('id: 2023-03-invasion-victims-proposal', 'id: eval-proposal').replace('id: DRAFT-2023-invasion-victims', 'id: EVAL-invasion-victims'));
    const t = io();
    expect(await main(['evaluate', '--to', 'UA', '--item', 'anti-tank-missile', '--as-of', '2023-03-10', '--purpose', 'aid-against-aggression', '--draft', file], t.io)).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ regime: 'eval-proposal', reasons: ['EVAL-invasion-victims'] });
  });
});
