import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holdFrom, whatif } from './whatif.ts';
import { bundledEngine } from '../policy-files/load.ts';
import type { TransferRequest } from './model.ts';

const CASES = 'data/cases';
const engine = bundledEngine();
const request = (id: string): TransferRequest => JSON.parse(readFileSync(`${CASES}/${id}.json`, 'utf8')).request;

describe('whatif', () => {
  const w = whatif(engine, request('ukraine-lethal-2022'));

  it('names the draft regime as enough for the 2022 Ukraine missiles', () => {
    expect(w.decision.outcome).toBe('not_permitted');
    const draft = w.enough.find((a) => a.changes.length === 1 && a.changes[0].kind === 'regime');
    expect(draft).toMatchObject({ outcome: 'permissible', regime: '2023-03-invasion-victims-proposal', reasons: ['DRAFT-2023-invasion-victims'] });
  });

  it('explains why a transfer agreement alone would not have been enough then', () => {
    const ta = w.notEnough.find((s) => s.changes[0].path === 'facts.transfer-agreement-in-force.UA')!;
    expect(ta).toMatchObject({ outcome: 'not_permitted', blockedBy: ['C-default-no-permitted-case'] });
    expect(ta.why.en).toContain('no rule of “Three Principles on Transfer of Defense Equipment and Technology” looks at “defense equipment and technology transfer agreement with Japan (in force)”');
    expect(ta.why.ja).toContain('「防衛装備移転三原則」の規律には「防衛装備品・技術移転協定（発効済み）」を参照する規定がない');
    expect(ta.why.ja).toContain('これを参照する最初の規定は「次期戦闘機完成品の第三国への直接移転」であり、2024-03-26から適用される');
    // Under the 2026 rules it would matter, but fighting under way still leaves it to a judgment.
    expect(ta.later).toMatchObject({ from: '2026-04-21', outcome: 'requires_judgment', open: ['special-circumstances-2026'] });
    const both = w.enoughLater.find((a) => a.changes.map((c) => c.path).sort().join() === 'facts.fighting-under-way.UA,facts.transfer-agreement-in-force.UA');
    expect(both).toMatchObject({ asOf: '2026-04-21', outcome: 'permissible', reasons: ['D-weapons-agreement-countries'] });
  });

  it('checks every claim by re-evaluating, and keeps sets minimal', () => {
    for (const a of w.enough) {
      const req = a.changes.reduce<TransferRequest>((r, c) => (c.kind === 'date' ? { ...r, asOf: String(c.to) } : r), request('ukraine-lethal-2022'));
      if (a.changes.every((c) => c.kind === 'regime' || c.kind === 'date')) {
        const regime = a.changes.find((c) => c.kind === 'regime')?.to as string | undefined;
        expect(engine.evaluate(req, { regime, trace: false }).outcome).toBe('permissible');
      }
      if (a.changes.length === 2) for (const c of a.changes) expect(w.enough.some((b) => b.changes.length === 1 && b.changes[0].path === c.path && b.changes[0].to === c.to)).toBe(false);
    }
    // The non-weapon variant is the vests case: permissible from the 2022-03-08 amendment on.
    expect(w.notEnough.find((s) => s.changes[0].path === 'item.weapon')!.later).toMatchObject({ from: '2022-03-08', outcome: 'permissible' });
  });

  it('only tries changes toward a permission', () => {
    expect(w.notEnough.some((s) => s.changes[0].path === 'facts.communist-bloc.UA')).toBe(false);
    expect(w.notEnough.some((s) => s.changes[0].path === 'facts.un-arms-embargo.UA')).toBe(false);
    expect(w.notEnough.some((s) => s.changes[0].path === 'facts.fighting-under-way.UA' && s.changes[0].to === false)).toBe(true);
  });

  it('finds the date for a request that only needs time, and leaves permissible ones alone', () => {
    const vests = { ...request('ukraine-vests-2022'), asOf: '2022-03-01' };
    const v = whatif(engine, vests);
    expect(v.enough).toContainEqual(expect.objectContaining({ changes: [expect.objectContaining({ kind: 'date', to: '2022-03-08' })], outcome: 'permissible' }));
    const ok = whatif(engine, request('ukraine-vests-2022'));
    expect(ok).toMatchObject({ enough: [], notEnough: [], tried: 0 });
  });

  it('fills in an unstated purpose rather than changing a stated one', () => {
    const { purpose: _, ...noPurpose } = request('ukraine-vests-2022');
    const v = whatif(engine, noPurpose);
    expect(v.enough.some((a) => a.changes[0].kind === 'purpose' && a.changes[0].to === 'aid-against-aggression')).toBe(true);
    expect(w.enough.concat(w.notEnough).some((a) => a.changes.some((c) => c.kind === 'purpose'))).toBe(false);
  });

  it('words every change and reason in English and Japanese', () => {
    expect(w.summary).toEqual({
      en: 'anti-tank missiles to Ukraine on 2022-03-01, for “Aid to a country under aggression”',
      ja: '2022-03-01時点のウクライナへの「anti-tank missiles」の移転（目的：侵略を受けている国への支援）',
    });
    const draft = w.enough.find((a) => a.changes[0].kind === 'regime')!.changes[0];
    expect(draft.text.en).toBe('adopt the proposal “Proposal (March 2023): countries fighting an invasion become eligible, lethal items included”');
    expect(draft.text.ja).toMatch(/^「案（2023年3月）：[^」]+」を採用する$/);
    const ta = w.notEnough.find((s) => s.changes[0].path === 'facts.transfer-agreement-in-force.UA')!.changes[0];
    expect(ta.text).toEqual({
      en: 'count Ukraine as “defense equipment and technology transfer agreement with Japan (in force)” from 2022-03-01',
      ja: '2022-03-01以降、ウクライナを「防衛装備品・技術移転協定（発効済み）」に当たるものとする',
    });
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    const all = [...w.enough, ...w.enoughLater, ...w.notEnough];
    for (const c of all.flatMap((a) => a.changes)) {
      expect(c.text.en).not.toMatch(japanese);
      expect(c.text.ja).toMatch(japanese);
    }
    for (const s of w.notEnough) {
      expect(s.why.ja).toMatch(japanese);
      expect(s.enoughWith.every((t) => t.en && japanese.test(t.ja))).toBe(true);
    }
    // A partner is named by its own text in both languages.
    const sp = w.notEnough.find((s) => s.changes[0].path === 'facts.security-partner.UA')!;
    expect(sp.enoughWith).toContainEqual({ en: 'developed jointly with Ukraine', ja: 'ウクライナとの国際共同開発品とする' });
  });

  it('shows no code to an English reader: no ids, no attribute paths, no enumerated values', () => {
    const { purpose: _, ...noPurpose } = request('ukraine-vests-2022');
    const texts = [w, whatif(engine, { ...noPurpose, asOf: '2022-03-01' })].flatMap((x) => [
      x.summary.en, ...[...x.enough, ...x.enoughLater, ...x.notEnough].flatMap((a) => a.changes.map((c) => c.text.en)),
      ...x.notEnough.flatMap((s) => [s.why.en, ...s.enoughWith.map((t) => t.en)]),
    ]);
    expect(texts.length).toBeGreaterThan(20);
    const code = /\b[A-Z]-[\w-]+|[a-z]+-[a-z]+-[a-z-]+\b(?!”)|\bitem\.|->|\(UA\)|\b(?:aid-against-aggression|international-organization|security-partner|sdf-support)\b/;
    for (const t of texts) expect(t).not.toMatch(code);
  });

  it('suggests only what the rules in force can use: no five-category function after they were abolished', () => {
    const fn = (x: ReturnType<typeof whatif>) => [...x.enough, ...x.enoughLater, ...x.notEnough].flatMap((a) => a.changes).filter((c) => c.path === 'item.function');
    const radar = { asOf: '2024-06-01', recipient: 'BR', item: { name: 'radar', weapon: false, form: 'complete', function: 'other', origin: 'domestic' } } as TransferRequest;
    // Under the 2023 revision the five categories are law: an item for rescue is worth trying, named by the rule that asks for it.
    const before = fn(whatif(engine, radar));
    expect(before.map((c) => c.to)).toContain('rescue');
    expect(before.find((c) => c.to === 'rescue')!.text.en).toMatch(/^an item for rescue instead of other, as “.+” asks$/);
    // From 2026-04-21 no rule reads the function any more.
    expect(fn(whatif(engine, { ...radar, asOf: '2026-06-01' }))).toEqual([]);
  });

  it('ranks suggestions: fewest changes, then closest to the request, then what the recorded facts support', () => {
    const { purpose: _, ...noPurpose } = request('ukraine-vests-2022');
    const v = whatif(engine, noPurpose);
    // Vests to Ukraine with no purpose stated: stating aid against aggression comes first (Ukraine is recorded as under aggression).
    expect(v.enough[0].changes).toEqual([expect.objectContaining({ kind: 'purpose', to: 'aid-against-aggression' })]);
    const sizes = v.enough.map((a) => a.changes.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  });

  it('holdFrom keeps the record before the date and the assumption from it on', () => {
    const series = holdFrom([{ from: '2020-01-01', value: false, source: 's', confirmed: true }, { from: '2024-01-01', value: true, source: 's', confirmed: true }], '2022-06-01', true);
    expect(series.map((e) => [e.from, e.to, e.value])).toEqual([['2020-01-01', '2022-05-31', false], ['2022-06-01', null, true]]);
  });
});
