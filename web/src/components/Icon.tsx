// The interface's icons as inline SVG: no emoji, so they draw the same with or without an emoji font.
import type { Outcome } from '../api/types.ts';

const PATHS = {
  check: 'M4 12.5l5 5L20 6.5',
  question: 'M8.5 9a3.5 3.5 0 1 1 5 3.2c-1 .5-1.5 1.2-1.5 2.3M12 18.5v.5',
  dash: 'M6 12h12',
  cross: 'M6 6l12 12M18 6L6 18',
  circle: 'M12 5a7 7 0 1 0 0 14a7 7 0 1 0 0-14z',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  map: 'M3 6l6-2 6 2 6-2v14l-6 2-6-2-6 2zM9 4v14M15 6v14',
  play: 'M7 5l12 7-12 7z',
  pause: 'M8 5v14M16 5v14',
} as const;

export type IconName = keyof typeof PATHS;

export const OUTCOME_ICON: Record<Outcome, IconName> = {
  permissible: 'check', requires_judgment: 'question', not_permitted: 'dash', prohibited: 'cross', out_of_scope: 'circle',
};

/** A decorative icon (hidden from screen readers: the text beside it says the same). */
export function Icon({ name, size = '1em', className }: { name: IconName; size?: string; className?: string }) {
  const filled = name === 'play';
  return (
    <svg className={`icon ${className ?? ''}`} aria-hidden="true" focusable="false" viewBox="0 0 24 24" width={size} height={size}
      fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={name === 'pause' ? 3.5 : 2.4} strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
