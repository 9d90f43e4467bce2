// Where the regime years sit under the slider, and which carry a label: a label needs `gap` percent of room since the
// last labelled one, so crowded years (2004-06, 2011-14, 2022-26) keep their marks but share labels.
export interface Tick {
  year: number;
  left: number;
  label: boolean;
}

export function tickLabels(years: readonly number[], first: number, last: number, gap = 7): Tick[] {
  const span = Math.max(1, last - first);
  let lastLabel = -Infinity;
  return [...new Set(years)].filter((y) => y >= first && y <= last).sort((a, b) => a - b).map((year) => {
    const left = ((year - first) / span) * 100;
    const label = left - lastLabel >= gap;
    if (label) lastLabel = left;
    return { year, left, label };
  });
}
