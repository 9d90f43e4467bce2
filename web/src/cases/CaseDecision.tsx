// What the engine said about the case: as stored at its last status change, and today if the policy changed since.
import type { CaseApplication, CaseEvaluation, Decision, Item, ItemLine } from '../api/types.ts';
import { OutcomeBadge } from '../components/OutcomeBadge.tsx';
import { InsteadList, OpenQuestionList } from '../evaluate/DecisionDetails.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { encodeForm, emptyForm } from '../lib/requestUrl.ts';
import { Link } from '../router.tsx';

type Evaluation = Omit<CaseEvaluation, 'seq'> & { seq?: number };

type Context = Pick<CaseApplication, 'purpose' | 'transferor'>;

function evaluateLink(d: Decision, recipient: string, asOf: string, item: Item, { purpose, transferor }: Context): string {
  return `/?${encodeForm({ ...emptyForm(asOf), recipient, asOf, regime: d.revision, item, purpose: purpose ?? '', transferor: transferor ?? '' }).toString()}`;
}

export function EvaluationView({ title, evaluation, recipient, items, context }: {
  title: string;
  evaluation: Evaluation;
  recipient: string;
  items: ItemLine[];
  /** What the application states besides recipient and items: purpose, who transfers. */
  context: Context;
}) {
  const { t, pick } = useI18n();
  return (
    <section className="card evaluation" aria-label={title} data-outcome={evaluation.outcome}>
      <div className="card-head">
        <h3>{title}</h3>
        <OutcomeBadge outcome={evaluation.outcome} />
      </div>
      <p className="muted small">
        {t('asOf')}: {evaluation.asOf} · {t('reviewNeeded')}: {evaluation.review ? t(`review.${evaluation.review}`) : t('none')} · <code title={evaluation.policyDigest}>{evaluation.policyDigest.slice(0, 19)}…</code>
      </p>
      <ol className="plain-list">
        {evaluation.items.map((d, i) => (
          <li key={i}>
            <strong>{t('itemDecision', { n: i + 1 })}</strong>{items[i]?.item.name ? ` — ${items[i].item.name}` : ''}: <OutcomeBadge outcome={d.outcome} small />{' '}
            {d.reasons.map((r) => <Link key={r} href={`/law/rules/${encodeURIComponent(r)}`}><code>{r}</code> </Link>)}
            {d.conditions.length ? <ul className="small">{d.conditions.map((c) => <li key={c.id}>{pick(c.text)}</li>)}</ul> : null}
            {items[i] ? <> <Link className="small" href={evaluateLink(d, recipient, evaluation.asOf, items[i].item, context)}>{t('openInEvaluate')}</Link></> : null}
            {d.open.length ? <div className="small open-questions"><h4>{t('openQuestions')}</h4><OpenQuestionList open={d.open} /></div> : null}
            {d.instead?.length ? <div className="small instead"><h4>{t('insteadTitle')}</h4><InsteadList instead={d.instead} /></div> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
