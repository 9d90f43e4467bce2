// Why: the deciding clauses quoted with sources; the conditions attached; the questions left open.
import { useRules } from '../api/catalog.ts';
import type { Decision } from '../api/types.ts';
import { Section } from '../components/Fields.tsx';
import { RuleCard } from '../components/RuleCard.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { DECIDER_LABEL } from '../../../src/core/labels.ts';

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
          <ul className="plain-list">
            {decision.open.map((q) => (
              <li key={q.id}>{pick(q.question)} <span className="muted">({t('decidedBy', { who: DECIDER_LABEL[q.by] ? pick(DECIDER_LABEL[q.by]) : q.by })})</span> <code className="muted tech-code">{q.id}</code></li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
