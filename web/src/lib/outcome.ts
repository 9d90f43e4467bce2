// Outcome colours and the order of the legend. Each pair keeps at least 4.5:1 text contrast on its background.
import type { Outcome } from '../api/types.ts';
import type { MessageKey } from '../i18n/messages.ts';

export const OUTCOMES: readonly Outcome[] = ['permissible', 'requires_judgment', 'not_permitted', 'prohibited', 'out_of_scope'];

export interface OutcomeStyle {
  /** Map fill. */
  fill: string;
  /** Text colour on `bg`. */
  fg: string;
  /** Badge and verdict background. */
  bg: string;
}

export const OUTCOME_STYLE: Readonly<Record<Outcome, OutcomeStyle>> = {
  permissible: { fill: '#2e8b57', fg: '#0f5132', bg: '#d1f0dc' },
  requires_judgment: { fill: '#e0a800', fg: '#664d03', bg: '#fff3cd' },
  not_permitted: { fill: '#e8743b', fg: '#7a2e0b', bg: '#ffe5d6' },
  prohibited: { fill: '#b02a37', fg: '#721c24', bg: '#f8d7da' },
  out_of_scope: { fill: '#8a94a6', fg: '#383d47', bg: '#e9ecef' },
};

export const NO_DATA_FILL = '#e6e9ee';

export const outcomeKey = (o: Outcome): MessageKey => `outcome.${o}`;
export const sentenceKey = (o: Outcome): MessageKey => `sentence.${o}`;

export function isOutcome(v: unknown): v is Outcome {
  return typeof v === 'string' && (OUTCOMES as readonly string[]).includes(v);
}

export interface LegendEntry {
  outcome: Outcome;
  count: number;
}

/** The legend for a set of outcomes: every outcome in fixed order with its count (zero counts kept, so colours never shift). */
export function legendOf(outcomes: Iterable<Outcome>): LegendEntry[] {
  const counts = new Map<Outcome, number>(OUTCOMES.map((o) => [o, 0]));
  for (const o of outcomes) counts.set(o, (counts.get(o) ?? 0) + 1);
  return OUTCOMES.map((outcome) => ({ outcome, count: counts.get(outcome) ?? 0 }));
}

export type ChangeDirection = 'opened' | 'closed' | 'other';

/** How an outcome change reads for the compare map: towards permissible, away from it, or sideways. */
export function changeDirection(from: Outcome, to: Outcome): ChangeDirection {
  const open = (o: Outcome) => o === 'permissible' || o === 'out_of_scope';
  if (!open(from) && to === 'permissible') return 'opened';
  if (from === 'permissible' && !open(to)) return 'closed';
  return 'other';
}

export const CHANGE_STYLE: Readonly<Record<ChangeDirection, { fill: string; key: MessageKey }>> = {
  opened: { fill: '#2e8b57', key: 'becamePermissible' },
  closed: { fill: '#b02a37', key: 'becameClosed' },
  other: { fill: '#e0a800', key: 'otherChange' },
};
