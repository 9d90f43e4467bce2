// The years a regime or revision took effect, marked under the year slider; labels are thinned so they never overlap.
import { tickLabels } from './ticks.ts';

export function RegimeTicks({ years, first, last, current }: { years: readonly number[]; first: number; last: number; current: number }) {
  const ticks = tickLabels(years, first, last);
  return (
    <div className="regime-ticks" aria-hidden="true">
      {ticks.map((k) => (
        <span key={k.year} className={`tick ${k.label ? 'labelled' : ''} ${k.year === current ? 'current' : ''}`} style={{ left: `${k.left}%` }} data-year={k.year}>
          {k.label ? <span className="tick-label">{k.year}</span> : null}
        </span>
      ))}
    </div>
  );
}
