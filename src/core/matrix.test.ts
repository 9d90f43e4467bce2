import { describe, expect, it } from 'vitest';
import { ALL_COUNTRIES, groupCountries } from './domain.ts';
import { matrix, requestFor } from './matrix.ts';
import { bundledEngine } from '../policy-files/load.ts';
import { bundledItems } from '../policy-files/items.ts';

const engine = bundledEngine();
const items = bundledItems();

describe('matrix', () => {
  it('gives every country x item class, and grouping by fact signature changes no cell', () => {
    for (const [asOf, purpose] of [['2022-03-08', 'aid-against-aggression'], ['2024-06-01', undefined], ['1980-01-01', 'commercial']] as const) {
      const m = matrix(engine, { asOf, items, purpose });
      expect(m.cells).toHaveLength(ALL_COUNTRIES.length * items.length);
      expect(m.evaluations).toBeLessThan(m.cells.length / 5);
      for (const cell of m.cells) {
        const item = items.find((c) => c.id === cell.item)!;
        const d = engine.evaluate(requestFor(cell.recipient, item, asOf, purpose), { trace: false });
        expect({ outcome: cell.outcome, reasons: cell.reasons }, `${cell.recipient} ${cell.item} ${asOf}`).toEqual({ outcome: d.outcome, reasons: d.reasons });
      }
    }
  });

  it('agrees with the public vests case and the North Korea embargo', () => {
    const m = matrix(engine, { asOf: '2022-03-08', items, purpose: 'aid-against-aggression' });
    const cell = (cc: string, id: string) => m.cells.find((c) => c.recipient === cc && c.item === id)!;
    // Who transfers is unstated: the 2022 clause covers only what the Minister of Defense provides, so it stays open.
    expect(cell('UA', 'body-armour')).toMatchObject({ outcome: 'requires_judgment', reasons: ['C-2022-ukraine-non-lethal'] });
    const byMinister = matrix(engine, { asOf: '2022-03-08', items, purpose: 'aid-against-aggression', transferor: 'defense-minister', countries: ['UA'] });
    expect(byMinister.cells.find((c) => c.item === 'body-armour')).toMatchObject({ outcome: 'permissible', reasons: ['C-2022-ukraine-non-lethal'] });
    expect(cell('UA', 'anti-tank-missile').outcome).toBe('not_permitted');
    expect(cell('KP', 'coastal-radar')).toMatchObject({ outcome: 'prohibited', reasons: ['C-P1-unsc'] });
    expect(cell('FR', 'field-supplies').outcome).toBe('out_of_scope');
  });

  it('applies a draft on the date asked', () => {
    const m = matrix(engine, { asOf: '2023-03-10', items, purpose: 'aid-against-aggression', regime: '2023-03-invasion-victims-proposal' });
    expect(m.cells.find((c) => c.recipient === 'UA' && c.item === 'anti-tank-missile')).toMatchObject({ outcome: 'permissible', reasons: ['DRAFT-2023-invasion-victims'] });
    expect(m.regime).toBe('2023-03-invasion-victims-proposal');
  });

  it('keeps literally named countries and item partners in groups of their own', () => {
    const v = engine.versionOn('2023-12-22')!;
    const groups = groupCountries([{ version: v, date: '2023-12-22' }], items);
    for (const cc of ['US', 'UA', 'GB', 'IT', 'AU']) expect(groups.find((g) => g.countries.includes(cc))!.countries).toEqual([cc]);
    expect(groups.reduce((n, g) => n + g.countries.length, 0)).toBe(ALL_COUNTRIES.length);
  });
});
