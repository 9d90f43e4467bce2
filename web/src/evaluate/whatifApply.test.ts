import { describe, expect, it } from 'vitest';
import { emptyForm, type FormState } from '../lib/requestUrl.ts';
import { applyChanges } from './whatifApply.ts';

/** The words do not matter here: only path and value are applied. */
const text = (en: string) => ({ en, ja: en });

const missiles: FormState = { ...emptyForm('2026-01-01'), recipient: 'UA', asOf: '2022-03-08', preset: 'anti-tank-missile', item: { weapon: true, form: 'complete', origin: 'domestic' } };

describe('trying a what-if suggestion', () => {
  it('applies item, regime and date changes to the form', () => {
    const s = applyChanges(missiles, [
      { kind: 'item', path: 'item.weapon', from: true, to: false, text: text('a non-weapon instead of a weapon') },
      { kind: 'regime', path: 'regime', from: '2014-04-01', to: '2023-03-invasion-victims-proposal', text: text('adopt the draft') },
      { kind: 'date', path: 'asOf', from: '2022-03-08', to: '2026-04-21', text: text('wait until 2026-04-21') },
    ]);
    expect(s).toMatchObject({ regime: '2023-03-invasion-victims-proposal', asOf: '2026-04-21', preset: '', item: { weapon: false, form: 'complete' } });
  });

  it('makes joint development with the recipient', () => {
    const s = applyChanges(missiles, [{ kind: 'item', path: 'item.origin', from: 'domestic', to: 'joint-development', text: text('developed jointly with UA') }]);
    expect(s?.item).toEqual({ weapon: true, form: 'complete', origin: 'joint-development', partners: ['UA'] });
  });

  it('cannot make a change to the facts of the world', () => {
    expect(applyChanges(missiles, [{ kind: 'fact', path: 'facts.transfer-agreement.UA', from: false, to: true, text: text('a transfer agreement') }])).toBeNull();
  });

  it('refuses values that are not valid choices', () => {
    expect(applyChanges(missiles, [{ kind: 'purpose', path: 'purpose', from: undefined, to: 'fun', text: text('') }])).toBeNull();
  });
});
