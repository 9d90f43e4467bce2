// Why: the deciding clauses quoted with sources; the conditions attached; the questions left open.
import { useRules } from '../api/catalog.ts';
import type { Decision } from '../api/types.ts';
import { Section } from '../components/Fields.tsx';
import { RuleCard } from '../components/RuleCard.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { SourceList } from '../components/Sources.tsx';
import { outcomeKey, OUTCOME_STYLE } from '../lib/outcome.ts';
import { DECIDER_LABEL, optionLabel } from '../../../src/core/labels.ts';

export function DecidingRules({ decision }: { decision: Decision }) {
  const { t } = useI18n();
  const rules = useRules(decision.reasons);
  return (
    <Section title={t('decidingRules')} id="deciding">
      {rules.error ? <ErrorBox error={rules.error} /> : !rules.data ? <Loading /> : (
        <div className="rule-list">{rules.data.map((r) => <RuleCard key={r.id} rule={r} />)}</div>
      )}
    </Section>
  );
}

/** Each open question, who decides it, and what each value of an unstated attribute would give; also used by the case view. */
export function OpenQuestionList({ open }: { open: Decision['open'] }) {
  const { t, pick, lang } = useI18n();
  return (
    <ul className="plain-list">
      {open.map((q) => (
        <li key={q.id}>
          {pick(q.question)} <span className="muted">({t('decidedBy', { who: DECIDER_LABEL[q.by] ? pick(DECIDER_LABEL[q.by]) : q.by })})</span> <code className="muted tech-code">{q.id}</code>
          {q.options?.length ? (
            <>
              <p className="small options-intro">{t('optionsIntro')}</p>
              <ul className="options-list">
                {q.options.map((o) => (
                  <li key={o.value} data-value={o.value} data-outcome={o.outcome}>
                    {pick(optionLabel(q.id, o.value))}{lang === 'ja' ? '：' : ': '}<strong className="option-outcome" style={{ color: OUTCOME_STYLE[o.outcome].fg }}>{t(outcomeKey(o.outcome))}</strong>
                    {' '}<code className="muted tech-code">{o.rules.join(', ')}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function ConditionsAndOpen({ decision }: { decision: Decision }) {
  const { t, pick } = useI18n();
  if (decision.conditions.length === 0 && decision.open.length === 0) return null;
  return (
    <div className="two-col">
      {decision.conditions.length > 0 ? (
        <Section title={t('conditions')} id="conditions">
          <ul className="plain-list">
            {decision.conditions.map((c) => (
              <li key={c.id}>{pick(c.text)} <code className="muted tech-code">{c.id}</code></li>
            ))}
          </ul>
        </Section>
      ) : null}
      {decision.open.length > 0 ? (
        <Section title={t('openQuestions')} id="open">
          <OpenQuestionList open={decision.open} />
        </Section>
      ) : null}
    </div>
  );
}

/** The laws that may govern the item instead, with their citations; also used by the case view. */
export function InsteadList({ instead }: { instead: NonNullable<Decision['instead']> }) {
  const { t, pick, lang } = useI18n();
  return (
    <>
      <p className="muted">{t('insteadIntro')}</p>
      <ul className="plain-list instead-list">
        {instead.map((c) => (
          <li key={c.id} data-control={c.id}>
            <strong>{pick(c.title)}</strong>{lang === 'ja' ? '：' : ': '}{pick(c.governs)} <code className="muted tech-code">{c.id}</code>
            <SourceList ids={c.citations} compact />
          </li>
        ))}
      </ul>
    </>
  );
}

/** Out of scope, or possibly so: the laws that may govern the item instead, with their citations. */
export function Instead({ decision }: { decision: Decision }) {
  const { t } = useI18n();
  if (!decision.instead?.length) return null;
  return (
    <Section title={t('insteadTitle')} id="instead">
      <InsteadList instead={decision.instead} />
    </Section>
  );
}
