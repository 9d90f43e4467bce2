// The requests every engine in the benchmark sees: all countries x item classes x purposes on several dates.
import { COUNTRIES } from '../src/core/countries.ts';
import type { EndUserType, Item, Purpose, TransferRequest } from '../src/core/model.ts';

/** An item class of the catalogue (policy/items, src/core/items.ts): only its id and item matter here. */
export interface ItemClass {
  id: string;
  item: Item;
}

/** Dates inside the 2014-04-01 version (in force 2014-04-01 to 2022-03-07), where the facts differ. */
export const DATES_2014 = ['2014-04-01', '2016-01-01', '2018-06-01', '2020-10-19', '2022-03-07'];

/** The purposes and end users a request can claim; every request states both, so no rule has to guess. */
const CONTEXTS: { purpose: Purpose; endUser: EndUserType }[] = [
  { purpose: 'commercial', endUser: 'government' },
  { purpose: 'security-cooperation', endUser: 'military' },
  { purpose: 'peace-contribution', endUser: 'international-organization' },
  { purpose: 'international-cooperation', endUser: 'government' },
  { purpose: 'joint-development', endUser: 'company' },
  { purpose: 'sdf-support', endUser: 'military' },
  { purpose: 'nationals-protection', endUser: 'government' },
  { purpose: 'very-small-impact', endUser: 'company' },
  { purpose: 'peace-contribution', endUser: 'military' },
  { purpose: 'commercial', endUser: 'individual' },
  { purpose: 'return-to-licensor', endUser: 'government' },
];

/**
 * Every country x item class x date, each with a purpose and end user taken in turn from CONTEXTS (so all of
 * them occur for every item class), and every attribute the 2014 rules read given: no request is incomplete.
 * Joint-development items go half the time to a partner of the programme.
 */
export function workload(items: ItemClass[], dates: string[] = DATES_2014): TransferRequest[] {
  const out: TransferRequest[] = [];
  let k = 0;
  for (const asOf of dates) {
    for (const [ci, c] of COUNTRIES.entries()) {
      for (const [ii, cls] of items.entries()) {
        const ctx = CONTEXTS[(ci + ii * 3 + k) % CONTEXTS.length];
        const item: Item = { ...cls.item };
        if (item.origin === 'joint-development' && (ci + ii) % 2 === 0) item.partners = [...(item.partners ?? []), c.code];
        if (item.origin === 'joint-development') item.partners ??= [];
        out.push({ asOf, recipient: c.code, endUser: { type: ctx.endUser }, item, purpose: ctx.purpose });
      }
    }
    k++;
  }
  return out;
}
