import { describe, expect, it } from 'vitest';
import { consigneeRows, legRows, newConsignee, newLeg, partyPosition, toConsignees, toRoute } from './partyForm.ts';

describe('consignees and route on the case form', () => {
  it('sends consignees trimmed, leaving out empty optional fields', () => {
    expect(toConsignees([
      { name: '  Hanwha Logistics ', type: 'company', country: 'KR', address: ' 1 Harbour Rd, Busan ' },
      { ...newConsignee(), name: 'Port authority' },
    ])).toEqual([
      { name: 'Hanwha Logistics', type: 'company', country: 'KR', address: '1 Harbour Rd, Busan' },
      { name: 'Port authority', type: 'company' },
    ]);
  });

  it('keeps the legs in order, drops wholly empty ones, and sends a leg without a country for the server to refuse', () => {
    expect(toRoute([{ country: 'SG', place: ' Changi ' }, newLeg(), { country: 'AU', place: '' }])).toEqual([{ country: 'SG', place: 'Changi' }, { country: 'AU' }]);
    expect(toRoute([{ country: '', place: 'somewhere' }])).toEqual([{ country: '', place: 'somewhere' }]);
  });

  it('reads a stored application back into rows', () => {
    const app = { consignees: [{ name: 'A', type: 'government' as const }], route: [{ country: 'SG' }] };
    expect(consigneeRows(app)).toEqual([{ name: 'A', type: 'government', country: '', address: '' }]);
    expect(legRows(app)).toEqual([{ country: 'SG', place: '' }]);
    expect(toConsignees(consigneeRows(app))).toEqual(app.consignees);
    expect(toRoute(legRows(app))).toEqual(app.route);
    expect(consigneeRows(undefined)).toEqual([]);
  });

  it('names where a screened party sits', () => {
    expect(partyPosition('endUser')).toEqual({ kind: 'endUser' });
    expect(partyPosition('consignees.0')).toEqual({ kind: 'consignee', n: 1 });
    expect(partyPosition('something')).toEqual({ kind: 'other' });
  });
});
