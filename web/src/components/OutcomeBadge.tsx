import type { Outcome } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { OUTCOME_STYLE, outcomeKey } from '../lib/outcome.ts';
import { Icon, OUTCOME_ICON } from './Icon.tsx';

export function OutcomeBadge({ outcome, small }: { outcome: Outcome; small?: boolean }) {
  const { t } = useI18n();
  const s = OUTCOME_STYLE[outcome];
  return (
    <span className={`badge ${small ? 'badge-sm' : ''}`} style={{ color: s.fg, background: s.bg, borderColor: s.fill }} data-outcome={outcome}>
      <Icon name={OUTCOME_ICON[outcome]} className="badge-sym" /> {t(outcomeKey(outcome))}
    </span>
  );
}
