import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { memoryIo } from '../../../test/support/cli-io.ts';

const CASES = 'data/cases';

const io = (stdin = '') => memoryIo({ stdin });

describe('gensoku whatif', () => {
  it('the 2022 Ukraine missiles: names the draft, and why a transfer agreement alone was not enough then', async () => {
    const t = io();
    expect(await main(['whatif', `${CASES}/ukraine-lethal-2022.json`], t.io)).toBe(0);
    const text = t.out();
    expect(text).toMatch(/Enough on its own[^]*adopt the proposal “Proposal \(March 2023\)[^”]+”[^]*-> permissible under 2023-03-invasion-victims-proposal \(DRAFT-2023-invasion-victims\)/);
    expect(text).toMatch(/- count Ukraine as “defense equipment and technology transfer agreement[^\n]*” from 2022-03-01\n +-> not_permitted: no permitted case of “Three Principles on Transfer of Defense Equipment and Technology” applies; no rule of “Three Principles on Transfer of Defense Equipment and Technology” looks at “defense equipment and technology transfer agreement/);
    expect(text).toMatch(/later: requires_judgment from 2026-04-21 under 2026-04-21 \(D-weapons-agreement-countries\), open: special-circumstances-2026/);
  });

  it('answers in JSON and CSV, and from flags with a catalogue item', async () => {
    const j = io();
    await main(['whatif', '--to', 'PH', '--item', 'armoured-vehicle', '--as-of', '2023-03-10', '--purpose', 'security-cooperation', '--format', 'json'], j.io);
    const w = JSON.parse(j.out());
    expect(w.decision.outcome).toBe('not_permitted');
    // The 2023-12-22 revision's five categories with self-protection arms: a transport version would do from then on.
    expect(w.enough.length + w.enoughLater.length).toBeGreaterThan(0);
    expect(w.enough.some((a: { changes: { path: string }[] }) => a.changes.some((c) => c.path === 'item.origin'))).toBe(true);
    const c = io();
    await main(['whatif', `${CASES}/ukraine-lethal-2022.json`, '--format', 'csv'], c.io);
    expect(c.out().split('\n')[0]).toBe('result,change,to,asOf,revision,outcome,rules,why');
    expect(c.out()).toContain('enough,regime,2023-03-invasion-victims-proposal,2022-03-01');
  });

  it('answers in Japanese with --lang ja, and refuses another language', async () => {
    const t = io();
    expect(await main(['whatif', `${CASES}/ukraine-lethal-2022.json`, '--lang', 'ja'], t.io)).toBe(0);
    const text = t.out();
    expect(text).toMatch(/^2022-03-01時点のウクライナへの「anti-tank missiles」の移転（目的：侵略を受けている国への支援）：認められない \[not_permitted\]（2014-04-01の規律：C-default-no-permitted-case）/);
    expect(text).toMatch(/単独で足りる変更[^]*「案（2023年3月）：[^」]+」を採用する\n +-> 認め得る \[permissible\]（2023-03-invasion-victims-proposalの規律：DRAFT-2023-invasion-victims）/);
    expect(text).toMatch(/- 2022-03-01以降、ウクライナを「防衛装備品・技術移転協定（発効済み）」に当たるものとする\n +-> 認められない \[not_permitted\]：「防衛装備移転三原則」の規律では、移転を認め得る場合のいずれにも該当しない。「防衛装備移転三原則」の規律には「[^」]+」を参照する規定がない/);
    expect(text).toMatch(/後日：2026-04-21以降、2026-04-21の規律により判断を要する \[requires_judgment\]（D-weapons-agreement-countries）。未決事項：special-circumstances-2026/);
    expect(text).not.toMatch(/Enough|enough|variants/);
    const c = io();
    await main(['whatif', `${CASES}/ukraine-lethal-2022.json`, '--format', 'csv', '--lang', 'ja'], c.io);
    expect(c.out()).toMatch(/not_enough,facts.transfer-agreement-in-force.UA,true,[^\n]*「防衛装備移転三原則」の規律では/);
    const bad = io();
    expect(await main(['whatif', `${CASES}/ukraine-lethal-2022.json`, '--lang', 'fr'], bad.io)).toBe(1);
    expect(bad.err()).toContain('--lang is en or ja');
  });

  it('says there is nothing to change for a permissible request', async () => {
    const t = io();
    await main(['whatif', `${CASES}/ukraine-vests-2022.json`], t.io);
    expect(t.out()).toContain('nothing to change');
    const ja = io();
    await main(['whatif', `${CASES}/ukraine-vests-2022.json`, '--lang', 'ja'], ja.io);
    expect(ja.out()).toContain('変えるべき点はない');
  });
});
