// The answer at a glance: the outcome in its colour and icon, one sentence, the instrument of the deciding rules and
// the review. Its heading takes focus after an evaluation; the codes behind it wait under "technical details".
import { forwardRef } from 'react';
import { useRegimes, useRules, useSources } from '../api/catalog.ts';
import type { Decision } from '../api/types.ts';
import { Icon, OUTCOME_ICON } from '../components/Icon.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { OUTCOME_STYLE, outcomeKey, sentenceKey } from '../lib/outcome.ts';
import { countryName } from '../lib/countries.ts';
import { decidingInstruments } from './instruments.ts';

const REFUSED = new Set<Decision['outcome']>(['prohibited', 'not_permitted']);

export const Verdict = forwardRef<HTMLHeadingElement, { decision: Decision; recipient: string; asOf: string }>(function Verdict({ decision, recipient, asOf }, ref) {
  const { t, pick, lang } = useI18n();
  const regimes = useRegimes();
  const rules = useRules(decision.reasons);
  const sources = useSources();
  const s = OUTCOME_STYLE[decision.outcome];
  const regime = regimes.data?.regimes.find((r) => r.id === decision.regime);
  const instruments = decidingInstruments(rules.data ?? [], sources.data, regimes.data?.regimes ?? []);
  return (
    <section className="verdict" style={{ background: s.bg, borderColor: s.fill, color: s.fg }} aria-labelledby="verdict-title" data-outcome={decision.outcome}>
      <div className="verdict-sym" aria-hidden="true" style={{ background: s.fill }}><Icon name={OUTCOME_ICON[decision.outcome]} /></div>
      <div className="verdict-body">
        <p className="verdict-context">{countryName(recipient, lang)} · {asOf}</p>
        <h2 id="verdict-title" className="verdict-title" tabIndex={-1} ref={ref}>{t(outcomeKey(decision.outcome))}</h2>
        <p className="verdict-sentence">{t(sentenceKey(decision.outcome))}</p>
        <dl className="verdict-meta">
          <div>
            <dt>{t('appliedRegime')}</dt>
            <dd className="instruments">
              {instruments.length ? instruments.map((i) => (
                <span key={i.key} className="instrument">{i.url ? <a href={i.url} target="_blank" rel="noreferrer noopener">{pick(i.title)}</a> : pick(i.title)}{i.date ? ` (${i.date})` : ''}</span>
              )) : regime ? pick(regime.title) : null}
              {regime ? <span className="muted small in-force">{t('regimeInForceNamed', { regime: pick(regime.title) })}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t('reviewNeeded')}</dt>
            <dd>{decision.review ? t(`review.${decision.review}`) : decision.outcome === 'out_of_scope' ? t('reviewOutOfScope') : REFUSED.has(decision.outcome) ? t('reviewNotApplicable') : t('none')}</dd>
          </div>
        </dl>
        <dl className="tech-list tech-code">
            <div><dt>outcome</dt><dd><code>{decision.outcome}</code></dd></div>
            <div><dt>regime</dt><dd><code>{decision.regime}</code></dd></div>
            <div><dt>revision</dt><dd><code>{decision.revision}</code></dd></div>
            <div><dt>reasons</dt><dd><code>{decision.reasons.join(', ')}</code></dd></div>
            <div><dt>recipient</dt><dd><code>{recipient}</code></dd></div>
        </dl>
      </div>
    </section>
  );
});
