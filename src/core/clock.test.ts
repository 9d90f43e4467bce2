import { describe, expect, it } from 'vitest';
import { daysSince, parseDuration, todayInJapan, yearBoundsInJapan } from './clock.ts';

describe('the Japan clock', () => {
  it('turns the date at midnight in Tokyo, 15:00 UTC', () => {
    expect(todayInJapan(new Date('2026-11-30T14:59:59.999Z'))).toBe('2026-11-30');
    expect(todayInJapan(new Date('2026-11-30T15:00:00Z'))).toBe('2026-12-01');
  });

  it('bounds a calendar year in Japan', () => {
    expect(yearBoundsInJapan(2025)).toEqual({ from: '2024-12-31T15:00:00.000Z', to: '2025-12-31T15:00:00.000Z' });
  });

  it('counts days on the Japan calendar', () => {
    // The bundled list, generated 2026-05-09 in Japan (23:00 UTC on the 8th), on 2026-11-30.
    expect(daysSince('2026-05-08T23:00:06.922Z', new Date('2026-11-30T03:00:00Z'))).toBe(205);
    expect(daysSince('2026-11-30', new Date('2026-11-30T03:00:00Z'))).toBe(0);
    expect(daysSince('not a date', new Date())).toBeNull();
  });

  it('reads durations', () => {
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('24')).toBeNull();
    expect(parseDuration('1w')).toBeNull();
  });
});
