import type { Outcome } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { OUTCOME_STYLE, outcomeKey } from '../lib/outcome.ts';

export function OutcomeBadge({ outcome, small }: { outcome: Outcome; small?: boolean }) {
  const { t } = useI18n();
  const s = OUTCOME_STYLE[outcome];
  return (
    <span className={`badge ${small ? 'badge-sm' : ''}`} style={{ color: s.fg, background: s.bg, borderColor: s.fill }} data-outcome={outcome}>
      <span aria-hidden="true" className="badge-sym">{s.symbol}</span> {t(outcomeKey(outcome))}
    </span>
  );
}
