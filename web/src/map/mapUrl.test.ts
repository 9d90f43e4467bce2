import { describe, expect, it } from 'vitest';
import { emptyForm } from '../lib/requestUrl.ts';
import { dateForYear, decodeMap, encodeMap, type MapState } from './mapUrl.ts';

describe('map state in the URL', () => {
  it('round-trips a comparison', () => {
    const s: MapState = {
      form: { ...emptyForm('2026-05-01'), asOf: '2026-04-21', preset: 'anti-tank-missile', item: { weapon: true, form: 'complete' } },
      compare: true, fromDate: '2026-04-20', fromRegime: '',
    };
    expect(decodeMap(new URLSearchParams(encodeMap(s)), '2026-05-01')).toEqual(s);
  });

  it('leaves the comparison out when it is off', () => {
    const s = decodeMap(new URLSearchParams('date=2026-04-21&weapon=yes'), '2026-05-01');
    expect(s.compare).toBe(false);
    expect(encodeMap(s)).toBe('date=2026-04-21&weapon=yes');
  });

  it('maps a slider year to a date within the rules’ span', () => {
    expect(dateForYear(2022, '2026-03-08', '1967-04-21', '2026-05-01')).toBe('2022-03-08');
    expect(dateForYear(1967, '2026-01-01', '1967-04-21', '2026-05-01')).toBe('1967-04-21');
    expect(dateForYear(2026, '2025-12-31', '1967-04-21', '2026-05-01')).toBe('2026-05-01');
    expect(dateForYear(2023, '2024-02-29', '1967-04-21', '2026-05-01')).toBe('2023-02-28');
  });
});
