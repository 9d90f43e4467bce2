// The public's questions, each answered live by the engine (GET /api/v1/questions): outcome, deciding clause and
// instrument, with a permalink per question. Nothing here is typed in: the answers follow the policy.
import type { AskAnswer, ChangesAnswer, CountriesAnswer, QuestionAnswer } from '../../../src/core/questions.ts';
import { useSources } from '../api/catalog.ts';
import { useApi } from '../api/useApi.ts';
import { OutcomeBadge } from '../components/OutcomeBadge.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { countryName } from '../lib/countries.ts';
import { sentenceKey } from '../lib/outcome.ts';
import { encodeForm, formOf, emptyForm } from '../lib/requestUrl.ts';
import { encodeMap } from '../map/mapUrl.ts';
import { Link } from '../router.tsx';

type Clause = AskAnswer['deciding'][number];

function DecidingClause({ c }: { c: Clause }) {
  const { t, pick, lang } = useI18n();
  const sources = useSources();
  const src = c.source ? sources.data?.get(c.source) : undefined;
  return (
    <div className="q-clause" data-rule={c.rule}>
      <p className="q-rule"><Link href={`/law/rules/${encodeURIComponent(c.rule)}`}>{pick(c.title)}</Link></p>
      {c.clause[lang] ? <blockquote className="clause" lang={lang}><p>{c.clause[lang]}</p></blockquote> : null}
      {src ? (
        <p className="muted small q-source">{t('source')}: {src.url ? <a href={src.url} target="_blank" rel="noreferrer noopener">{pick(src.title)}</a> : pick(src.title)}{src.date ? ` (${src.date})` : ''}</p>
      ) : null}
    </div>
  );
}

function Ask({ a }: { a: AskAnswer }) {
  const { t, pick, lang } = useI18n();
  const r = a.request;
  const what = a.label ? pick(a.label) : t('qRequest', { item: r.item.name ?? t('item'), country: countryName(r.recipient, lang), date: r.asOf });
  return (
    <div className="q-ask" data-outcome={a.outcome}>
      <h3 className="h-sub">{what}</h3>
      <p className="q-outcome"><OutcomeBadge outcome={a.outcome} /> {t(sentenceKey(a.outcome))}</p>
      {a.deciding.map((c) => <DecidingClause key={c.rule} c={c} />)}
      {a.open.length ? <ul className="plain-list">{a.open.map((q) => <li key={q.id}>{pick(q.question)}</li>)}</ul> : null}
      <p className="small"><Link href={`/?${encodeForm(formOf(r, a.itemClass)).toString()}`}>{t('openInEvaluate')}</Link></p>
    </div>
  );
}

function Changes({ c }: { c: ChangesAnswer }) {
  const { t, pick } = useI18n();
  const map = encodeMap({ form: { ...emptyForm(c.to.date), regime: c.to.kind === 'draft' ? c.to.revision : '' }, compare: true, fromDate: c.from.date, fromRegime: '' });
  return (
    <div className="q-changes">
      <p>{c.changed === 0 ? t('qNoChange') : t('qChanged', { n: c.changed.toLocaleString(), of: c.compared.toLocaleString() })}</p>
      {c.byOutcome.length ? (
        <ul className="plain-list q-transitions">
          {c.byOutcome.map((b) => (
            <li key={`${b.from}-${b.to}`}><OutcomeBadge outcome={b.from} small /> <span aria-hidden="true">→</span><span className="sr-only">{t('qBecame')}</span> <OutcomeBadge outcome={b.to} small /> {b.count.toLocaleString()}</li>
          ))}
        </ul>
      ) : null}
      {c.rules.length ? (
        <>
          <h3 className="h-sub">{t('qRulesBehind')}</h3>
          {c.rules.slice(0, 3).map((r) => <DecidingClause key={r.rule} c={r} />)}
          {c.rules.length > 3 ? <p className="muted small">{t('qMoreRules', { n: c.rules.length - 3 })}: {c.rules.slice(3).map((r) => pick(r.title)).join(' · ')}</p> : null}
        </>
      ) : null}
      {c.items.length ? <p className="small">{t('qItemsMost')}: {c.items.slice(0, 5).map((i) => `${pick(i.name)} (${t('counts', { n: i.countries })})`).join(' · ')}</p> : null}
      <p className="small"><Link href={`/map?${map}`}>{t('seeOnMap')}</Link></p>
    </div>
  );
}

function Countries({ c }: { c: CountriesAnswer }) {
  const { t, pick, lang } = useI18n();
  const map = encodeMap({ form: { ...emptyForm(c.asOf), preset: c.itemClass }, compare: false, fromDate: c.asOf, fromRegime: '' });
  return (
    <div className="q-countries">
      <p>{t('qCountriesFor', { item: pick(c.item), date: c.asOf })}</p>
      {c.byOutcome.map((o) => {
        const names = o.countries.map((cc) => countryName(cc, lang)).sort((a, b) => a.localeCompare(b, lang));
        return (
          <section key={o.outcome} data-outcome={o.outcome}>
            <h3 className="h-sub"><OutcomeBadge outcome={o.outcome} small /> {t('counts', { n: o.countries.length })}</h3>
            {o.countries.length <= 40 ? <p className="q-country-list">{names.join(lang === 'en' ? ', ' : '、')}</p> : null}
            {o.deciding.slice(0, 2).map((d) => <DecidingClause key={d.rule} c={d} />)}
          </section>
        );
      })}
      <p className="small"><Link href={`/map?${map}`}>{t('seeOnMap')}</Link></p>
    </div>
  );
}

function Question({ q, single }: { q: QuestionAnswer; single: boolean }) {
  const { t, pick } = useI18n();
  const H = single ? 'h1' : 'h2';
  return (
    <article className="card question" id={q.id} data-question={q.id} aria-labelledby={`q-${q.id}`}>
      <H id={`q-${q.id}`} className="q-title">{single ? pick(q.question) : <Link href={q.link}>{pick(q.question)}</Link>}</H>
      <p className="muted small q-asof">{t('qAnsweredOn', { date: q.asOf })}</p>
      {q.asks?.map((a, i) => <Ask key={i} a={a} />)}
      {q.changes ? <Changes c={q.changes} /> : null}
      {q.countries ? <Countries c={q.countries} /> : null}
      {!single ? <p className="small"><Link href={q.link} className="permalink">{t('qPermalink')}</Link></p> : null}
    </article>
  );
}

export function QuestionsPage({ id }: { id: string | null }) {
  const { t } = useI18n();
  const all = useApi<{ asOf: string; questions: QuestionAnswer[] }>(id ? null : '/api/v1/questions');
  const one = useApi<QuestionAnswer>(id ? `/api/v1/questions/${encodeURIComponent(id)}` : null);
  if (id) {
    return (
      <div className="page narrow questions">
        <p><Link href="/questions">{t('qAll')}</Link></p>
        {one.error ? <ErrorBox error={one.error} /> : !one.data ? <Loading /> : <Question q={one.data} single />}
      </div>
    );
  }
  return (
    <div className="page narrow questions">
      <header className="page-head">
        <h1>{t('qTitle')}</h1>
        <p className="lead">{t('qIntro')}</p>
      </header>
      {all.error ? <ErrorBox error={all.error} /> : !all.data ? <Loading /> : all.data.questions.map((q) => <Question key={q.id} q={q} single={false} />)}
    </div>
  );
}
