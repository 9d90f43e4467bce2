import { describe, expect, it } from 'vitest';
import { compileItems } from './items.ts';
import { itemSchema } from './request.ts';
import { loadItems } from '../policy-files/items.ts';

describe('item catalogue', () => {
  const r = loadItems();
  const items = r.ok ? r.value : [];

  it('loads at least 15 valid classes, each a TransferRequest item with a control-list category and a source', () => {
    expect(r.ok).toBe(true);
    expect(items.length).toBeGreaterThanOrEqual(15);
    for (const c of items) {
      expect(itemSchema.safeParse(c.item).success, c.id).toBe(true);
      expect(c.source.length, c.id).toBeGreaterThan(5);
      if (c.controlList) expect(c.item.controlList).toBe(c.controlList);
      else expect(c.item.defenseEquipment).toBe(false);
    }
  });

  it('holds the classes the issue names', () => {
    const ids = items.map((c) => c.id);
    for (const id of ['body-armour', 'nbc-protective-gear', 'air-surveillance-radar', 'coastal-radar', 'patrol-boat', 'transport-ship-armed', 'minesweeper',
      'rescue-amphibian-us2', 'anti-tank-missile', 'surface-to-air-missile', 'pac3-interceptor', 'fighter-engine-parts', 'missile-seeker-technology',
      'gcap-fighter', 'mogami-frigate', 'small-arms', 'ammunition']) expect(ids).toContain(id);
    const pac3 = items.find((c) => c.id === 'pac3-interceptor')!;
    expect(pac3.item).toMatchObject({ origin: 'licensed-production', licensor: 'US', weapon: true, controlList: 'ML4' });
    expect(items.find((c) => c.id === 'gcap-fighter')!.item).toMatchObject({ origin: 'joint-development', partners: ['GB', 'IT'], program: 'GCAP' });
  });

  it('lists every problem: bad fields, contradictions, duplicates', () => {
    const bad = compileItems([
      { file: 'a.yaml', data: { id: 'x', name: { en: 'X', ja: 'X' }, item: { weapon: true, form: 'complete', function: 'other', origin: 'joint-development' }, controlList: 'ML4', summary: { en: 's', ja: 's' }, source: 'u' } },
      { file: 'b.yaml', data: { id: 'x', name: { en: 'X', ja: 'X' }, item: { weapon: true, form: 'complete', function: 'other', origin: 'domestic' }, controlList: 'ML4', summary: { en: 's', ja: 's' }, source: 'u' } },
      { file: 'c.yaml', data: { id: 'Y!', name: { en: 'Y' }, item: { weapon: 'yes', colour: 'red' }, controlList: 'ML99', summary: { en: 's', ja: 's' }, source: 'u' } },
      { file: 'd.yaml', data: { id: 'd', name: { en: 'D', ja: 'D' }, item: { weapon: false, form: 'complete', function: 'other', origin: 'licensed-production', controlList: 'ML5' }, controlList: 'ML4', summary: { en: 's', ja: 's' }, source: 'u' } },
    ]);
    expect(bad.ok).toBe(false);
    const codes = bad.ok ? [] : bad.problems.map((p) => `${p.path} ${p.code}`);
    expect(codes).toContain('a.yaml:item.partners required');
    expect(codes).toContain('b.yaml:id duplicate_id');
    expect(codes.some((c) => c.startsWith('c.yaml:item.colour unknown_field'))).toBe(true);
    expect(codes.some((c) => c.startsWith('c.yaml:controlList'))).toBe(true);
    expect(codes).toContain('d.yaml:item.controlList invalid_value');
    expect(codes).toContain('d.yaml:item.licensor required');
  });
});
