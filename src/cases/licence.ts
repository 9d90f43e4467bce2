// The licence an approval issues, and shipments drawn down against it. Pure.
import type { Problem } from '../core/model.ts';
import type { CaseApplication, Licence, LicenceCondition, Shipment } from './model.ts';

export interface LicenceTerms {
  number: string;
  issuedAt: string;
  issuedBy: string;
  validUntil?: string;
  conditions: LicenceCondition[];
  lines?: { item: number; quantity: number; valueJpy: number }[];
}

/** Issues a licence for at most what was applied for; without lines, for exactly that. */
export function issueLicence(app: CaseApplication, terms: LicenceTerms): { ok: true; value: Licence } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const wanted = terms.lines ?? app.items.map((l, i) => ({ item: i, quantity: l.quantity, valueJpy: l.valueJpy }));
  const seen = new Set<number>();
  wanted.forEach((l, i) => {
    const applied = app.items[l.item];
    if (!applied) problems.push({ code: 'unknown_item', path: `licence.lines.${i}.item`, message: `the case has no item ${l.item}` });
    else {
      if (seen.has(l.item)) problems.push({ code: 'duplicate_item', path: `licence.lines.${i}.item`, message: `item ${l.item} is listed twice` });
      if (l.quantity > applied.quantity) problems.push({ code: 'exceeds_application', path: `licence.lines.${i}.quantity`, message: `${l.quantity} is more than the ${applied.quantity} applied for` });
      if (l.valueJpy > applied.valueJpy) problems.push({ code: 'exceeds_application', path: `licence.lines.${i}.valueJpy`, message: `¥${l.valueJpy} is more than the ¥${applied.valueJpy} applied for` });
    }
    seen.add(l.item);
  });
  if (terms.validUntil && terms.validUntil < terms.issuedAt.slice(0, 10)) {
    problems.push({ code: 'invalid_value', path: 'licence.validUntil', message: 'a licence cannot expire before it is issued' });
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      number: terms.number, issuedAt: terms.issuedAt, issuedBy: terms.issuedBy, validUntil: terms.validUntil ?? null,
      conditions: terms.conditions,
      lines: wanted.map((l) => ({ item: l.item, quantity: l.quantity, valueJpy: l.valueJpy, shippedQuantity: 0, shippedValueJpy: 0 })),
    },
  };
}

/** Draws a shipment down against the licence; refuses one that exceeds what remains, or falls outside its dates. */
export function recordShipment(licence: Licence, shipment: Shipment): { ok: true; value: Licence } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const lines = licence.lines.map((l) => ({ ...l }));
  if (shipment.date < licence.issuedAt.slice(0, 10)) problems.push({ code: 'before_licence', path: 'date', message: `the licence was issued on ${licence.issuedAt.slice(0, 10)}` });
  if (licence.validUntil && shipment.date > licence.validUntil) problems.push({ code: 'licence_expired', path: 'date', message: `the licence was valid until ${licence.validUntil}` });
  shipment.lines.forEach((s, i) => {
    const l = lines.find((x) => x.item === s.item);
    if (!l) {
      problems.push({ code: 'not_licensed', path: `lines.${i}.item`, message: `item ${s.item} is not on the licence` });
      return;
    }
    if (l.shippedQuantity + s.quantity > l.quantity) {
      problems.push({ code: 'exceeds_licence', path: `lines.${i}.quantity`, message: `${s.quantity} would exceed the licence: ${l.quantity - l.shippedQuantity} of ${l.quantity} remain` });
    }
    if (l.shippedValueJpy + s.valueJpy > l.valueJpy) {
      problems.push({ code: 'exceeds_licence', path: `lines.${i}.valueJpy`, message: `¥${s.valueJpy} would exceed the licence: ¥${l.valueJpy - l.shippedValueJpy} of ¥${l.valueJpy} remain` });
    }
    l.shippedQuantity += s.quantity;
    l.shippedValueJpy += s.valueJpy;
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: { ...licence, lines } };
}
