// A country's facts: on a chosen date, each value with its period and citation; and how they changed over time.
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { loadRegimes } from '../api/catalog.ts';
import { useApi } from '../api/useApi.ts';
import type { CountryFacts, FactTrace } from '../api/types.ts';
import { CountryPicker } from '../components/CountryPicker.tsx';
import { Section, TextField } from '../components/Fields.tsx';
import { SourceList } from '../components/Sources.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { countryName, flag } from '../lib/countries.ts';
import { today } from '../lib/dates.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { factHistory, type FactPeriod } from './factHistory.ts';

const EARLIEST = '1967-04-21';

function FactValue({ value }: { value: FactTrace['value'] }) {
  const { t } = useI18n();
  if (value === null) return <span className="fact-value fact-unknown">{t('unknown')}</span>;
  if (typeof value === 'boolean') return <span className={`fact-value fact-${value}`}>{value ? t('yes') : t('no')}</span>;
  return <span className="fact-value">{value}</span>;
}

function History({ code, now }: { code: string; now: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ code: string; data?: FactPeriod[]; error?: Error }>({ code: '' });
  useEffect(() => {
    let live = true;
    (async () => {
      const { regimes } = await loadRegimes();
      const seeds = [now, ...regimes.filter((r) => r.kind !== 'draft' && r.from).map((r) => r.from!)];
      return factHistory(async (asOf) => (await api<CountryFacts>(`/api/v1/facts/${code}`, { query: { asOf } })).facts, seeds, { earliest: EARLIEST, latest: now });
    })().then(
      (data) => live && setState({ code, data }),
      (e: unknown) => live && setState({ code, error: e instanceof Error ? e : new Error(String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [code, now]);
  if (state.code !== code) return <Loading />;
  if (state.error) return <ErrorBox error={state.error} />;
  if (!state.data?.length) return <p className="muted">{t('none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table facts-table">
        <thead><tr><th scope="col">{t('fact')}</th><th scope="col">{t('value')}</th><th scope="col">{t('period')}</th><th scope="col">{t('source')}</th></tr></thead>
        <tbody>
          {state.data.map((f) => (
            <tr key={`${f.fact}|${f.from}`}>
              <td><code>{f.fact}</code></td>
              <td><FactValue value={f.value} />{f.confirmed ? null : <span className="tag tag-warn">{t('unconfirmed')}</span>}</td>
              <td>{f.from} – {f.to ?? t('onward')}</td>
              <td><SourceList ids={[f.source]} compact />{f.note ? <span className="muted small">{f.note}</span> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
        <h1>{code ? <><span aria-hidden="true">{flag(code)}</span> {countryName(code, lang)} <code className="muted">{code}</code></> : t('countryPage')}</h1>
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
                        <td><code>{f.fact}</code></td>
                        <td><FactValue value={f.value} />{f.confirmed ? null : <span className="tag tag-warn">{t('unconfirmed')}</span>}</td>
                        <td>{f.source ? `${f.from} – ${f.to ?? t('onward')}` : <span className="muted">{t('factNoEntry')}</span>}</td>
                        <td>{f.source ? <SourceList ids={[f.source]} compact /> : null}{f.note ? <span className="muted small">{f.note}</span> : null}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>
          <Section title={t('factHistory')}>
            <History code={code} now={now} />
          </Section>
        </>
      ) : null}
    </div>
  );
}
