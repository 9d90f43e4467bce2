// The choropleth: one SVG path per country, filled by the caller; hover shows a tooltip, a click or tap selects.
import { memo, useMemo, useRef, useState, type PointerEvent } from 'react';
import { MAP_HEIGHT, MAP_WIDTH, worldShapes } from './geo.ts';

export interface WorldMapProps {
  label: string;
  fill: (code: string) => string;
  /** Text for a country's tooltip and accessible title. */
  describe: (code: string, atlasName: string) => string;
  selected: string | null;
  onSelect: (code: string | null) => void;
}

const Shapes = memo(function Shapes({ fill, describe, selected }: Pick<WorldMapProps, 'fill' | 'describe' | 'selected'>) {
  const shapes = useMemo(() => worldShapes(), []);
  return (
    <g>
      {shapes.map((s, i) => (
        <path
          key={s.code || `x${i}`}
          d={s.d}
          fill={fill(s.code)}
          data-code={s.code || undefined}
          className={s.code && s.code === selected ? 'country selected' : 'country'}
        >
          <title>{describe(s.code, s.atlasName)}</title>
        </path>
      ))}
    </g>
  );
});

export function WorldMap({ label, fill, describe, selected, onSelect }: WorldMapProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const codeAt = (e: PointerEvent) => (e.target as Element).getAttribute?.('data-code');
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    if (e.pointerType === 'touch') return;
    const code = codeAt(e);
    const box = wrap.current?.getBoundingClientRect();
    if (!code || !box) {
      setTip(null);
      return;
    }
    setTip({ x: e.clientX - box.left, y: e.clientY - box.top, text: describe(code, '') });
  };
  return (
    <div className="map-wrap" ref={wrap}>
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-label={label}
        className="world"
        onPointerMove={onMove}
        onPointerLeave={() => setTip(null)}
        onClick={(e) => {
          const code = (e.target as Element).getAttribute?.('data-code');
          onSelect(code ?? null);
        }}
      >
        <rect width={MAP_WIDTH} height={MAP_HEIGHT} className="ocean" />
        <Shapes fill={fill} describe={describe} selected={selected} />
      </svg>
      {tip ? (
        <div className="map-tip" style={{ left: Math.min(tip.x + 12, (wrap.current?.clientWidth ?? 600) - 220), top: tip.y + 12 }} aria-hidden="true">
          {tip.text}
        </div>
      ) : null}
    </div>
  );
}
