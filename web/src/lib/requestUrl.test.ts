import { describe, expect, it } from 'vitest';
import { decodeForm, emptyForm, encodeForm, formOf, isComplete, toRequest, withPresetItem, type FormState } from './requestUrl.ts';

const vests: FormState = {
  ...emptyForm('2026-01-01'),
  recipient: 'UA', asOf: '2022-03-08', purpose: 'aid-against-aggression',
  item: { name: 'bulletproof vests and helmets', weapon: false, form: 'complete', function: 'protection', origin: 'domestic' },
};

describe('request in the URL', () => {
  it('round-trips a full request', () => {
    const full: FormState = {
      ...vests, regime: '2023-03-invasion-victims-proposal', transferor: 'defense-minister', endUserType: 'government', endUserName: 'Ministry of Defence', preset: 'body-armour',
      item: { ...vests.item, defenseEquipment: true, etcoItem: '13-2', partners: ['GB', 'IT'], licensor: 'US', program: 'GCAP', controlList: 'ML13', munitionType: 'other' },
    };
    expect(decodeForm(encodeForm(full), '2000-01-01')).toEqual(full);
  });

  it('keeps an attribute stated as true (unstated is an open question), and opens a question’s request as a form', () => {
    const stated = { ...vests, item: { ...vests.item, defenseEquipment: true } };
    expect(decodeForm(encodeForm(stated), '2000-01-01').item.defenseEquipment).toBe(true);
    const req = toRequest({ ...stated, endUserType: 'military', transferor: 'company' });
    expect(req.transferor).toBe('company');
    expect(toRequest(formOf(req, 'body-armour'))).toEqual(req);
    expect(formOf(req, 'body-armour').preset).toBe('body-armour');
  });

  it('keeps links short and readable', () => {
    expect(encodeForm(vests).toString()).toBe(
      'to=UA&date=2022-03-08&purpose=aid-against-aggression&name=bulletproof+vests+and+helmets&weapon=no&form=complete&function=protection&origin=domestic',
    );
  });

  it('drops values that are not valid choices instead of guessing', () => {
    const s = decodeForm(new URLSearchParams('to=ukraine&date=8 March&weapon=maybe&form=box&purpose=fun&transferor=me&etcoItem=18&partners=gb,XXX,it&controlList=ML99'), '2026-05-01');
    expect(s.recipient).toBe('');
    expect(s.transferor).toBe('');
    expect(s.asOf).toBe('2026-05-01');
    expect(s.purpose).toBe('');
    expect(s.item).toEqual({ partners: ['GB', 'IT'] });
    expect(isComplete(s)).toBe(false);
  });

  it('fills the date with today when the link has none', () => {
    expect(decodeForm(new URLSearchParams('to=AU'), '2026-05-01')).toMatchObject({ recipient: 'AU', asOf: '2026-05-01' });
  });

  it('builds the API request without empty optional fields', () => {
    expect(toRequest(vests)).toEqual({
      asOf: '2022-03-08', recipient: 'UA', purpose: 'aid-against-aggression',
      item: { name: 'bulletproof vests and helmets', weapon: false, form: 'complete', function: 'protection', origin: 'domestic' },
    });
    expect(toRequest({ ...vests, purpose: '', endUserType: 'military' }).endUser).toEqual({ type: 'military' });
  });

  it('fills a class named without attributes from the catalogue, and leaves given attributes alone', () => {
    const catalogue = [{ id: 'body-armour', item: { weapon: false, form: 'complete' as const, function: 'protection' as const } }];
    const bare = decodeForm(new URLSearchParams('to=UA&item=body-armour'), '2026-05-01');
    expect(withPresetItem(bare, catalogue).item).toEqual(catalogue[0].item);
    expect(withPresetItem(bare, undefined)).toBe(bare);
    expect(withPresetItem(vests, catalogue)).toBe(vests);
  });
});
