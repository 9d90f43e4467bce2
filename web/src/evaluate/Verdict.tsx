// The answer at a glance: the outcome in its colour and symbol, one sentence, the rules applied and the review.
import { useRegimes } from '../api/catalog.ts';
import type { Decision } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { OUTCOME_STYLE, outcomeKey, sentenceKey } from '../lib/outcome.ts';
import { countryName } from '../lib/countries.ts';

export function Verdict({ decision, recipient, asOf }: { decision: Decision; recipient: string; asOf: string }) {
  const { t, pick, lang } = useI18n();
  const regimes = useRegimes();
  const s = OUTCOME_STYLE[decision.outcome];
  const regime = regimes.data?.regimes.find((r) => r.id === decision.regime);
  const revision = decision.revision !== decision.regime ? regimes.data?.regimes.find((r) => r.id === decision.revision) : undefined;
  return (
    <section className="verdict" style={{ background: s.bg, borderColor: s.fill, color: s.fg }} aria-labelledby="verdict-title" data-outcome={decision.outcome}>
      <div className="verdict-sym" aria-hidden="true" style={{ background: s.fill }}>{s.symbol}</div>
      <div className="verdict-body">
        <p className="verdict-context">{countryName(recipient, lang)} ({recipient}) · {asOf}</p>
        <h2 id="verdict-title" className="verdict-title">{t(outcomeKey(decision.outcome))}</h2>
        <p className="verdict-sentence">{t(sentenceKey(decision.outcome))}</p>
        <dl className="verdict-meta">
          <div>
            <dt>{t('appliedRegime')}</dt>
            <dd>{regime ? pick(regime.title) : decision.regime} <code>{decision.regime}</code>{revision ? <> · {pick(revision.title)} <code>{decision.revision}</code></> : null}</dd>
          </div>
          <div>
            <dt>{t('reviewNeeded')}</dt>
            <dd>{decision.review ? t(`review.${decision.review}`) : t('none')}</dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
