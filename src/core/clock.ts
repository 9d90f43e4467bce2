// "Today in Japan" and other calendar arithmetic over an instant the caller takes at the edge. Pure.

/** Japan Standard Time is UTC+9 all year (no daylight saving), so an offset is exact. */
const JST_OFFSET_MS = 9 * 3600_000;
const DAY_MS = 86_400_000;

/** The date in Japan at this instant, YYYY-MM-DD: the asOf of decisions made now. */
export function todayInJapan(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** A calendar year in Japan as UTC ISO bounds [from, to). */
export function yearBoundsInJapan(year: number): { from: string; to: string } {
  const start = (y: number) => new Date(Date.UTC(y, 0, 1) - JST_OFFSET_MS).toISOString();
  return { from: start(year), to: start(year + 1) };
}

/** Whole days from `then` (an ISO date or timestamp) to `instant`, counted on Japan's calendar; null if unparsable. */
export function daysSince(then: string, instant: Date): number | null {
  const t = Date.parse(then);
  if (!Number.isFinite(t)) return null;
  return Math.round((Date.parse(todayInJapan(instant)) - Date.parse(todayInJapan(new Date(t)))) / DAY_MS);
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000, d: DAY_MS };

/** "24h", "30m", "1d", "90s" as milliseconds; null when not a duration. */
export function parseDuration(text: string): number | null {
  const m = /^(\d{1,6})\s*([smhd])$/.exec(text.trim());
  return m ? Number(m[1]) * UNITS[m[2]!]! : null;
}
