import { todayInJapan } from '../../../src/core/clock.ts';

/** Today's date as YYYY-MM-DD in Japan, the calendar the rules are decided in (the one clock in src/core). */
export function today(at: Date = new Date()): string {
  return todayInJapan(at);
}
