// The explanation a person reads: open questions in words with what follows either way, the ministry of the day,
// and rules that do not apply shown by what settles them.
import { describe, expect, it } from 'vitest';
import { explain } from './explain.ts';
import { bundledEngine } from '../policy-files/load.ts';
import type { Lang, TransferRequest } from './model.ts';

const engine = bundledEngine();
const text = (req: TransferRequest, lang: Lang = 'en') => explain(engine, req, engine.evaluate(req), lang);

describe('explain', () => {
  it('names the values of an unstated attribute in words, in both languages', () => {
    const req: TransferRequest = { asOf: '2022-03-04', recipient: 'UA', item: { name: 'tents' } };
    const en = text(req);
    expect(en).toMatch(/^REQUIRES JUDGMENT/);
    expect(en).toContain('if “No”: OUT OF SCOPE (C-scope-defense-equipment)');
    expect(en).not.toMatch(/item\.defenseEquipment = (true|false)/);
    expect(text(req, 'ja')).toContain('「いいえ」の場合: 対象外 (C-scope-defense-equipment)');
    // Open, no review is known yet; not "none", which would read as settled.
    expect(en).toContain('Review needed: Not settled: it depends on the answers to the open questions');
    expect(text(req, 'ja')).toMatch(/\[C-P2-acsa\][^\n]*: 該当しない。ウクライナは「[^」]+」に当たるか：いいえ\n/);
  });

  it('does not call an out-of-scope item refused, nor list the rules it is outside as considered', () => {
    const out = text({ asOf: '2022-04-19', recipient: 'UA', item: { name: 'commercial drones', defenseEquipment: false } });
    expect(out).toMatch(/^OUT OF SCOPE/);
    expect(out).toContain('Review needed: None under these rules: the item is outside them');
    expect(out).not.toContain('not permitted');
    expect(out).not.toContain('Other rules considered');
    expect(out).toContain('Satellite Remote Sensing Act');
  });

  it('says what a yes and a no to a judgment would do to the rule that asks it', () => {
    const req: TransferRequest = {
      asOf: '2016-06-01', recipient: 'US', purpose: 'return-to-licensor', transferor: 'government', endUser: { type: 'government' },
      item: { name: 'carbines', defenseEquipment: true, weapon: true, form: 'complete', function: 'other', origin: 'domestic' },
    };
    expect(text(req)).toMatch(/\[mdaa-return\]\n {6}if yes: the permitted case “Return to the US government[^”]*” may apply; if no: it does not/);
    expect(text(req, 'ja')).toMatch(/\[mdaa-return\]\n {6}「はい」の場合：許容される場合「[^」]*（未確定の論点）」が適用され得る。「いいえ」の場合：適用されない/);
  });

  it('names MITI, not METI, as the ministry that decided before 2001', () => {
    const req: TransferRequest = {
      asOf: '1965-06-01', recipient: 'TH', purpose: 'commercial',
      item: { name: 'rifles', etcoItem: '1', weapon: true, form: 'complete', function: 'other', origin: 'domestic' },
    };
    expect(text(req)).toContain('(MITI (now METI)) [licence-before-1967]');
    expect(text(req, 'ja')).toContain('(通商産業省（現 経済産業省）) [licence-before-1967]');
    expect(text({ ...req, asOf: '2016-06-01', recipient: 'AU' })).not.toContain('MITI');
  });

  it('shows a rule that does not apply by what is known, never by a judgment it no longer needs', () => {
    // Body armour (ML13) to Iran under the partial measures re-applied in 2025: the measure is recorded, its classes miss the item.
    const req: TransferRequest = {
      asOf: '2026-01-10', recipient: 'IR', purpose: 'peace-contribution', transferor: 'government', endUser: { type: 'government' },
      item: { name: 'vests', etcoItem: '11', weapon: false, form: 'complete', function: 'protection', origin: 'domestic' },
    };
    const line = text(req).split('\n').find((l) => l.startsWith('  [C-P1-unsc]'))!;
    expect(line).toContain('does not apply');
    expect(line).toContain('for Islamic Republic of Iran “an embargo on some item classes only”? Yes.');
    expect(line).toContain('reach the item’s Munitions List category? No.');
    expect(line).not.toContain('A judgment is needed');
  });

  it('asks the treaty-banned type of a weapon that does not state it, and says a non-weapon is read as none', () => {
    const req: TransferRequest = {
      asOf: '2026-05-01', recipient: 'AU', purpose: 'commercial', transferor: 'company', endUser: { type: 'military' },
      item: { name: 'cluster munitions', defenseEquipment: true, weapon: true, form: 'complete', function: 'other', origin: 'domestic' },
    };
    const d = engine.evaluate(req);
    expect(d.outcome).toBe('requires_judgment');
    expect(d.open.find((q) => q.id === 'item.munitionType')?.options).toContainEqual({ value: 'cluster-munition', outcome: 'prohibited', rules: ['C-P1-treaty'] });
    expect(text(req)).toContain('Is the weapon a chemical or biological weapon, a cluster munition or an anti-personnel mine');
    const helmets: TransferRequest = { ...req, item: { ...req.item, name: 'helmets', weapon: false } };
    expect(text(helmets)).toContain('“Anti-personnel mine”? No. (Not stated: a non-weapon is read as none of these.)');
    expect(text(helmets, 'ja')).toContain('（記載がないため、武器でない品目としていずれにも該当しないものとして扱った。）');
    expect(text({ ...helmets, item: { ...helmets.item, munitionType: 'other' } })).not.toContain('Not stated: a non-weapon');
  });

  it('does not repeat the date of a change that is itself a date', () => {
    const req: TransferRequest = { asOf: '1960-06-01', recipient: 'US', item: { name: 'rifles', etcoItem: '1', weapon: true, form: 'complete', function: 'other', origin: 'domestic' } };
    expect(text(req)).toContain('  - wait until 1967-04-21: ');
    expect(text(req, 'ja')).toContain('  - 1967-04-21まで待つ: ');
  });
});
