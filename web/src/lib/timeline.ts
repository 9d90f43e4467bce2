// Lays the segments of a request's timeline out on a strip: widths proportional to time, none too thin to see.
import type { Outcome } from '../api/types.ts';

export interface TimeSegment {
  from: string;
  to: string | null;
  outcome: Outcome;
  regime: string;
  reasons: string[];
}

export interface PlacedSegment<S extends TimeSegment = TimeSegment> {
  segment: S;
  /** Left edge and width, in percent of the strip. */
  left: number;
  width: number;
}

const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** Places segments between the first one's start and `end` (today); each gets at least `minPct` of the width. */
export function layoutSegments<S extends TimeSegment>(segments: readonly S[], end: string, minPct = 1.5): PlacedSegment<S>[] {
  if (segments.length === 0) return [];
  const start = day(segments[0].from);
  const stop = Math.max(day(end), ...segments.map((s) => day(s.to ?? s.from) + 1));
  const spans = segments.map((s) => Math.max(0, (s.to ? day(s.to) + 1 : stop) - day(s.from)));
  const total = spans.reduce((a, b) => a + b, 0) || 1;
  const raw = spans.map((d) => (d / total) * 100);
  // Lift thin segments to the minimum and take the difference from the wide ones in proportion.
  const thin = raw.map((w) => w < minPct);
  const lifted = thin.reduce((a, t, i) => a + (t ? minPct - raw[i] : 0), 0);
  const wideTotal = raw.reduce((a, w, i) => a + (thin[i] ? 0 : w), 0) || 1;
  const widths = raw.map((w, i) => (thin[i] ? minPct : w - (lifted * w) / wideTotal));
  let left = 0;
  return segments.map((segment, i) => {
    const placed = { segment, left, width: widths[i] };
    left += widths[i];
    return placed;
  });
}

/** The segment covering a date, if any. */
export function segmentAt<S extends TimeSegment>(segments: readonly S[], date: string): S | undefined {
  return segments.find((s) => s.from <= date && (s.to === null || date <= s.to));
}
