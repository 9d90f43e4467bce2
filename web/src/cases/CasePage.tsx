// One case: its status and the actions open to the viewer, the engine's decision then and now, the application,
// its history, licence and shipments, and consent requests.
import { useEffect, useState } from 'react';
import { useApi } from '../api/useApi.ts';
import type { CaseStatus, CaseView, User } from '../api/types.ts';
import { Section } from '../components/Fields.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { countryName } from '../lib/countries.ts';
import { describeItem, END_USER_LABEL, PURPOSE_LABEL, transferorOptions } from '../lib/labels.ts';
import { Link } from '../router.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseConsents } from './CaseConsents.tsx';
import { EvaluationView } from './CaseDecision.tsx';
import { CaseLicence } from './CaseLicence.tsx';
import { CaseScreening } from './CaseScreening.tsx';
import { DocumentUpload } from './DocumentUpload.tsx';
import { caseTimeline, japanTime } from './record.ts';
import { RequireLogin } from './RequireLogin.tsx';

const OPEN: readonly string[] = ['draft', 'submitted', 'under_review', 'nsc_deliberation'];
import { StatusBadge } from './StatusBadge.tsx';

function CaseBody({ id, user }: { id: string; user: User }) {
  const { t, lang } = useI18n();
  const loaded = useApi<CaseView>(`/api/v1/cases/${encodeURIComponent(id)}`);
  const [view, setView] = useState<CaseView | undefined>(undefined);
  const [note, setNote] = useState<string | undefined>(undefined);
  useEffect(() => setView(loaded.data), [loaded.data]);
  if (loaded.error) return <ErrorBox error={loaded.error} onRetry={loaded.reload} />;
  if (!view) return <Loading />;
  const app = view.data.application;
  const timeline = caseTimeline(view);
  const fmt = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB');
  const update = (v: CaseView, n?: string) => {
    setView(v);
    setNote(n);
  };
  return (
    <>
      <header className="page-head row">
        <div>
          <p><Link href="/cases">← {t('navCases')}</Link></p>
          <h1>{t('caseTitle', { ref: view.reference })} <StatusBadge status={view.status} /></h1>
          <p className="muted">{view.org} · {view.createdBy} · {view.createdAt.slice(0, 10)} · v{view.version}</p>
        </div>
        {view.status === 'draft' && user.role === 'applicant' ? <Link className="btn" href={`/cases/${view.id}/edit`}>{t('editDraft')}</Link> : null}
      </header>
      {note ? <p className="alert alert-info" role="status">{note}</p> : null}
      <div className="case-layout">
        <div className="case-main">
          <Section title={t('engineDecision')}>
            {view.policyChanged ? <p className="alert alert-warn">{t('policyChanged')}</p> : null}
            <div className="two-col">
              {view.evaluation ? <EvaluationView title={t('engineThen')} evaluation={view.evaluation} recipient={app.recipient} items={app.items} context={app} /> : <p className="muted">{t('notEvaluatedYet')}</p>}
              {view.current ? <EvaluationView title={t('engineNow')} evaluation={view.current} recipient={app.recipient} items={app.items} context={app} /> : null}
            </div>
          </Section>
          <CaseScreening view={view} user={user} onChange={update} />
          <Section title={t('application')}>
            <dl className="facts-dl">
              <dt>{t('recipient')}</dt><dd>{countryName(app.recipient, lang)} ({app.recipient})</dd>
              <dt>{t('purpose')}</dt><dd>{app.purpose ? PURPOSE_LABEL[app.purpose][lang] : t('notStated')}</dd>
              <dt>{t('transferor')}</dt><dd>{transferorOptions(lang).find((o) => o.value === app.transferor)?.label ?? t('notStated')}</dd>
              <dt>{t('endUser')}</dt><dd>{app.endUser.name} ({END_USER_LABEL[app.endUser.type][lang]}){app.endUser.address ? `, ${app.endUser.address}` : ''}</dd>
              <dt>{t('consignees')}</dt>
              <dd>
                {app.consignees.length ? (
                  <ol className="plain-list consignee-list">
                    {app.consignees.map((c, i) => (
                      <li key={i} data-consignee={i}>
                        <strong>{c.name}</strong> ({END_USER_LABEL[c.type][lang]})
                        {c.country ? <> · {countryName(c.country, lang)} ({c.country})</> : null}
                        {c.address ? <span className="muted">, {c.address}</span> : null}
                      </li>
                    ))}
                  </ol>
                ) : <span className="muted">{t('noConsignees')}</span>}
              </dd>
              <dt>{t('route')}</dt>
              <dd className="route">
                {app.route.length ? (
                  <ol className="route-legs" aria-label={t('route')}>
                    <li>{countryName('JP', lang)}</li>
                    {app.route.map((r, i) => (
                      <li key={i} data-leg={i}><span aria-hidden="true" className="arrow">→ </span>{countryName(r.country, lang)} ({r.country}){r.place ? <span className="muted"> · {r.place}</span> : null}</li>
                    ))}
                    <li><span aria-hidden="true" className="arrow">→ </span>{countryName(app.recipient, lang)}</li>
                  </ol>
                ) : <span className="muted">{t('direct')}</span>}
              </dd>
            </dl>
            <div className="table-wrap">
              <table className="table">
                <thead><tr><th scope="col">#</th><th scope="col">{t('item')}</th><th scope="col" className="num">{t('quantity')}</th><th scope="col" className="num">{t('valueJpy')}</th></tr></thead>
                <tbody>
                  {app.items.map((l, i) => (
                    <tr key={i}>
                      <td>{i + 1}</td>
                      <td>{l.item.name ?? '—'} <span className="muted small">{describeItem({ ...l.item, name: undefined }, t, lang)}</span></td>
                      <td className="num">{fmt.format(l.quantity)}</td>
                      <td className="num">{fmt.format(l.valueJpy)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {app.justification ? <><h3 className="h-sub">{t('justification')}</h3><p className="prewrap">{app.justification}</p></> : null}
            <h3 className="h-sub">{t('documents')}</h3>
            {view.data.documents.length ? (
              <ul className="plain-list">{view.data.documents.map((d) => <li key={d.id}>{d.name} <span className="muted small">{d.mediaType}, {fmt.format(d.size)} B, {d.addedBy}, <code title={d.sha256}>{d.sha256.slice(0, 19)}…</code></span></li>)}</ul>
            ) : <p className="muted">{t('none')}</p>}
            {OPEN.includes(view.status) && user.role !== 'auditor' ? <DocumentUpload view={view} onChange={update} /> : null}
          </Section>
          <CaseLicence view={view} user={user} onChange={update} />
          <CaseConsents view={view} user={user} />
        </div>
        <aside className="case-side">
          <CaseActions view={view} onChange={update} />
          <Section title={t('history')}>
            {timeline.length === 0 ? <p className="muted">{t('none')}</p> : (
              <ol className="history">
                {timeline.map((h, i) => (
                  <li key={i} data-history={h.kind}>
                    <time dateTime={h.at}>{japanTime(h.at)}</time>
                    {h.kind === 'status' ? (
                      <>
                        <div><strong>{t(`action.${h.action}` as MessageKey)}</strong> · {h.actor}</div>
                        <div className="small"><StatusBadge status={h.from as CaseStatus} /> → <StatusBadge status={h.to as CaseStatus} /></div>
                      </>
                    ) : h.kind === 'disposition' ? (
                      <div><strong>{t('hitDisposed', { ref: h.referenceNumber, verdict: t(h.verdict === 'true_match' ? 'trueMatch' : 'falsePositive') })}</strong> · {h.actor}</div>
                    ) : (
                      <div><strong>{t('consentDecided', { recipient: h.recipient, outcome: t(h.outcome === 'approved' ? 'action.approve' : 'action.deny') })}</strong> · {h.actor}</div>
                    )}
                    {h.reason ? <p className="small">{h.reason}</p> : null}
                  </li>
                ))}
              </ol>
            )}
          </Section>
        </aside>
      </div>
    </>
  );
}

export function CasePage({ id }: { id: string }) {
  return (
    <RequireLogin roles={['applicant', 'examiner', 'nsc', 'auditor']}>
      {(user) => <div className="page wide"><CaseBody id={id} user={user} /></div>}
    </RequireLogin>
  );
}
