// A country's facts: on a chosen date, each value with its period and citation (or, where the country is not on a list,
// what that means); and its whole history, entry by entry, from the series endpoint.
import { useFacts } from '../api/catalog.ts';
import { useApi } from '../api/useApi.ts';
import type { CountryFacts, CountrySeries, FactTrace } from '../api/types.ts';
import { CountryPicker } from '../components/CountryPicker.tsx';
import { AbsentNote, FactName } from '../components/Facts.tsx';
import { Section, TextField } from '../components/Fields.tsx';
import { SourceList } from '../components/Sources.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { countryName } from '../lib/countries.ts';
import { today } from '../lib/dates.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { countryHistory, inForce } from './factHistory.ts';

const EARLIEST = '1967-04-21';

function FactValue({ id, value }: { id: string; value: FactTrace['value'] }) {
  const { t, pick } = useI18n();
  const facts = useFacts();
  if (value === null) return <span className="fact-value fact-unknown">{t('unknown')}</span>;
  if (typeof value === 'boolean') return <span className={`fact-value fact-${value}`}>{value ? t('yes') : t('no')}</span>;
  const words = facts.data?.get(id)?.valueLabels?.[value];
  return <span className="fact-value">{words ? pick(words) : value}</span>;
}

function History({ code, date }: { code: string; date: string }) {
  const { t, pick } = useI18n();
  const series = useApi<CountrySeries>(`/api/v1/facts/${code}/series`);
  const facts = useFacts();
  if (series.error) return <ErrorBox error={series.error} onRetry={series.reload} />;
  // The names can wait for the catalogue; without one (an older server) the ids stand in.
  if (!series.data || (!facts.data && !facts.error)) return <Loading />;
  const h = countryHistory(series.data.facts, facts.data);
  return (
    <>
      {h.listed.length === 0 ? <p className="muted">{t('none')}</p> : (
        <div className="table-wrap">
          <table className="table facts-table history-table">
            <thead><tr><th scope="col">{t('fact')}</th><th scope="col">{t('value')}</th><th scope="col">{t('period')}</th><th scope="col">{t('source')}</th></tr></thead>
            {h.listed.map((f) => (
              <tbody key={f.fact} className="fact-group">
                {f.entries.map((e, i) => {
                  const now = inForce(e, date);
                  return (
                    <tr key={`${e.from}|${i}`} className={now ? 'current' : undefined}>
                      {i === 0 ? <th scope="rowgroup" rowSpan={f.entries.length} className="fact-cell"><FactName id={f.fact} doc={f.doc} /></th> : null}
                      <td><FactValue id={f.fact} value={e.value} />{e.confirmed ? null : <span className="tag tag-warn">{t('unconfirmed')}</span>}</td>
                      <td className="period">{e.from} – {e.to ?? t('onward')}{now ? <span className="tag tag-ok">{t('inForceOn', { date })}</span> : null}</td>
                      <td><SourceList ids={[e.source]} compact />{e.note ? <span className="muted small">{e.note}</span> : null}</td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </div>
      )}
      {h.operatorAbsent.length ? (
        <>
          <h3 className="h-sub">{t('neverOnOperatorList')}</h3>
          <ul className="plain-list absent-list">
            {h.operatorAbsent.map((d) => (
              <li key={d.id}><FactName id={d.id} doc={d} /><AbsentNote id={d.id} doc={d} /></li>
            ))}
          </ul>
        </>
      ) : null}
      {h.otherAbsent.length ? (
        <>
          <h3 className="h-sub">{t('neverListed')}</h3>
          <ul className="plain-list absent-list">
            {h.otherAbsent.map((d) => (
              <li key={d.id}>
                <details className="small">
                  <summary><FactName id={d.id} doc={d} /> <span className="muted">· {t('listReviewed', { date: d.listDate })}</span></summary>
                  <p>{pick(d.defaultNote)}</p>
                </details>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function CountryPage({ code }: { code: string | null }) {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const now = today();
  const date = query.get('date') && /^\d{4}-\d{2}-\d{2}$/.test(query.get('date')!) ? query.get('date')! : now;
  const facts = useApi<CountryFacts>(code ? `/api/v1/facts/${code}?asOf=${date}` : null);
  const go = (c: string, d: string) => navigate(`/law/countries/${c}?date=${d}`, { replace: Boolean(code) });
  return (
    <div className="page">
      <p><Link href="/law">← {t('navLaw')}</Link></p>
      <header className="page-head">
        <h1>{code ? <>{countryName(code, lang)} <code className="muted">{code}</code></> : t('countryPage')}</h1>
        <p className="lead">{t('countryIntro')}</p>
      </header>
      <div className="card form">
        <div className="grid-3">
          <CountryPicker id="country" label={t('chooseCountry')} hint={t('recipientHint')} value={code ?? ''} onChange={(c) => go(c, date)} />
          <TextField id="country-date" label={t('date')} type="date" min={EARLIEST} value={date} onChange={(d) => code && /^\d{4}-\d{2}-\d{2}$/.test(d) && go(code, d)} />
        </div>
      </div>
      {code ? (
        <>
          <Section title={`${t('factsUsed')} · ${date}`}>
            {facts.error ? <ErrorBox error={facts.error} /> : !facts.data ? <Loading /> : (
              <div className="table-wrap">
                <table className="table facts-table">
                  <thead><tr><th scope="col">{t('fact')}</th><th scope="col">{t('value')}</th><th scope="col">{t('period')}</th><th scope="col">{t('source')}</th></tr></thead>
                  <tbody>
                    {facts.data.facts.map((f) => (
                      <tr key={f.fact}>
                        <th scope="row" className="fact-cell"><FactName id={f.fact} /></th>
                        <td><FactValue id={f.fact} value={f.value} />{f.confirmed ? null : <span className="tag tag-warn">{t('unconfirmed')}</span>}</td>
                        {f.source ? (
                          <>
                            <td className="period">{f.from} – {f.to ?? t('onward')}</td>
                            <td><SourceList ids={[f.source]} compact />{f.note ? <span className="muted small">{f.note}</span> : null}</td>
                          </>
                        ) : <td colSpan={2}><AbsentNote id={f.fact} /></td>}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>
          <Section title={t('factHistory')}>
            <History code={code} date={date} />
          </Section>
        </>
      ) : null}
    </div>
  );
}
