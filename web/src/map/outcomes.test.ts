import { describe, expect, it } from 'vitest';
import { diffOutcomes, type CountryOutcome } from './outcomes.ts';

const o = (outcome: CountryOutcome['outcome'], ...reasons: string[]): CountryOutcome => ({ outcome, reasons });

describe('compare mode diff', () => {
  it('lists only countries whose outcome changed, in code order', () => {
    const before = new Map([['GB', o('not_permitted', 'C-default')], ['AU', o('not_permitted', 'C-default')], ['BR', o('not_permitted', 'C-default')]]);
    const after = new Map([['GB', o('permissible', 'D-weapons')], ['AU', o('permissible', 'D-weapons')], ['BR', o('not_permitted', 'D-default')]]);
    expect(diffOutcomes(before, after)).toEqual([
      { code: 'AU', from: o('not_permitted', 'C-default'), to: o('permissible', 'D-weapons') },
      { code: 'GB', from: o('not_permitted', 'C-default'), to: o('permissible', 'D-weapons') },
    ]);
  });

  it('ignores countries missing on one side and is empty for identical maps', () => {
    const a = new Map([['UA', o('permissible')]]);
    expect(diffOutcomes(a, new Map([['KP', o('prohibited')]]))).toEqual([]);
    expect(diffOutcomes(a, a)).toEqual([]);
  });
});
