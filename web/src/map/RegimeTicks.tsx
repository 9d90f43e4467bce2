// The years a regime or revision took effect, marked under the year slider; labels are thinned to the room there is,
// so they never overlap however narrow the slider.
import { useEffect, useRef, useState } from 'react';
import { tickLabels } from './ticks.ts';

/** Room one year label needs, in pixels. */
const LABEL_PX = 36;

export function RegimeTicks({ years, first, last, current }: { years: readonly number[]; first: number; last: number; current: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const ticks = tickLabels(years, first, last, (LABEL_PX / width) * 100);
  return (
    <div className="regime-ticks" aria-hidden="true" ref={ref}>
      {ticks.map((k) => (
        <span key={k.year} className={`tick ${k.label ? 'labelled' : ''} ${k.year === current ? 'current' : ''}`} style={{ left: `${k.left}%` }} data-year={k.year}>
          {k.label ? <span className="tick-label">{k.year}</span> : null}
        </span>
      ))}
    </div>
  );
}
