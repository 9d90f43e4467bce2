import { Icon, OUTCOME_ICON } from '../components/Icon.tsx';
import type { Outcome } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CHANGE_STYLE, legendOf, NO_DATA_FILL, OUTCOME_STYLE, outcomeKey, type ChangeDirection } from '../lib/outcome.ts';

export function OutcomeLegend({ outcomes }: { outcomes: Iterable<Outcome> }) {
  const { t } = useI18n();
  return (
    <ul className="legend" aria-label={t('legend')}>
      {legendOf(outcomes).map(({ outcome, count }) => (
        <li key={outcome} data-outcome={outcome}>
          <span className="swatch" style={{ background: OUTCOME_STYLE[outcome].fill }} aria-hidden="true"><Icon name={OUTCOME_ICON[outcome]} /></span>
          {t(outcomeKey(outcome))} <span className="muted">({count})</span>
        </li>
      ))}
      <li><span className="swatch" style={{ background: NO_DATA_FILL }} aria-hidden="true" />{t('outcome.none')}</li>
    </ul>
  );
}

export function ChangeLegend({ counts }: { counts: Record<ChangeDirection, number> }) {
  const { t } = useI18n();
  return (
    <ul className="legend" aria-label={t('legend')}>
      {(Object.keys(CHANGE_STYLE) as ChangeDirection[]).map((d) => (
        <li key={d}>
          <span className="swatch" style={{ background: CHANGE_STYLE[d].fill }} aria-hidden="true" />
          {t(CHANGE_STYLE[d].key)} <span className="muted">({counts[d]})</span>
        </li>
      ))}
      <li><span className="swatch" style={{ background: NO_DATA_FILL }} aria-hidden="true" />{t('unchanged')}</li>
    </ul>
  );
}
