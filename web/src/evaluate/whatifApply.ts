// Turns a what-if suggestion back into a request on the form, so the user can try it; facts about the world cannot
// be changed from the form, so suggestions that change them are shown but not linked.
import type { Change } from '../../../src/core/whatif.ts';
import type { Item } from '../api/types.ts';
import { FORMS, FUNCTIONS, ORIGINS, PURPOSES, END_USER_TYPES, MUNITION_TYPES } from '../../../src/core/model.ts';
import type { FormState } from '../lib/requestUrl.ts';

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

function applyOne(s: FormState, c: Change): FormState | null {
  const item: Item = { ...s.item };
  switch (c.path) {
    case 'regime':
      return typeof c.to === 'string' ? { ...s, regime: c.to } : null;
    case 'asOf':
      return typeof c.to === 'string' ? { ...s, asOf: c.to } : null;
    case 'purpose':
      return isOneOf(PURPOSES, c.to) ? { ...s, purpose: c.to } : null;
    case 'endUser.type':
      return isOneOf(END_USER_TYPES, c.to) ? { ...s, endUserType: c.to } : null;
    case 'item.weapon':
      return typeof c.to === 'boolean' ? { ...s, preset: '', item: { ...item, weapon: c.to } } : null;
    case 'item.form':
      return isOneOf(FORMS, c.to) ? { ...s, preset: '', item: { ...item, form: c.to } } : null;
    case 'item.function':
      return isOneOf(FUNCTIONS, c.to) ? { ...s, preset: '', item: { ...item, function: c.to } } : null;
    case 'item.munitionType':
      return isOneOf(MUNITION_TYPES, c.to) ? { ...s, preset: '', item: { ...item, munitionType: c.to } } : null;
    case 'item.origin': {
      if (!isOneOf(ORIGINS, c.to)) return null;
      // As whatif applies it: joint development with the recipient, or production under its licence.
      delete item.partners;
      delete item.licensor;
      if (c.to === 'joint-development') item.partners = [s.recipient];
      if (c.to === 'licensed-production') item.licensor = s.recipient;
      return { ...s, preset: '', item: { ...item, origin: c.to } };
    }
    default:
      return null;
  }
}

/** The form with every change made, or null when one of them cannot be made from the form. */
export function applyChanges(s: FormState, changes: readonly Change[]): FormState | null {
  let out: FormState | null = s;
  for (const c of changes) {
    if (!out) return null;
    out = applyOne(out, c);
  }
  return out;
}
