import { OUTCOME_ICON } from '../components/Icon.tsx';
import { describe, expect, it } from 'vitest';
import { changeDirection, isOutcome, legendOf, OUTCOME_STYLE, OUTCOMES } from './outcome.ts';

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
};

describe('outcome colours and legend', () => {
  it('gives every outcome a distinct fill and icon', () => {
    const fills = OUTCOMES.map((o) => OUTCOME_STYLE[o].fill);
    expect(new Set(fills).size).toBe(OUTCOMES.length);
    expect(new Set(OUTCOMES.map((o) => OUTCOME_ICON[o])).size).toBe(OUTCOMES.length);
  });

  it('keeps badge text readable (WCAG AA, 4.5:1)', () => {
    for (const o of OUTCOMES) expect(contrast(OUTCOME_STYLE[o].fg, OUTCOME_STYLE[o].bg), o).toBeGreaterThanOrEqual(4.5);
  });

  it('counts outcomes in a fixed order, keeping zero counts', () => {
    expect(legendOf(['prohibited', 'permissible', 'permissible'])).toEqual([
      { outcome: 'permissible', count: 2 },
      { outcome: 'requires_judgment', count: 0 },
      { outcome: 'not_permitted', count: 0 },
      { outcome: 'prohibited', count: 1 },
      { outcome: 'out_of_scope', count: 0 },
    ]);
  });

  it('reads a change as opened, closed or other', () => {
    expect(changeDirection('not_permitted', 'permissible')).toBe('opened');
    expect(changeDirection('permissible', 'prohibited')).toBe('closed');
    expect(changeDirection('not_permitted', 'requires_judgment')).toBe('other');
  });

  it('recognises outcomes', () => {
    expect(isOutcome('permissible')).toBe(true);
    expect(isOutcome('allowed')).toBe(false);
  });
});
