// The audit log for auditors: the chain's verification first (with every row that differs from the record), then
// the rows in words, filtered by case, actor, verb and Japan dates, a page at a time.
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import type { AuditVerification } from '../api/types.ts';
import type { AuditListEntry } from '../../../src/cases/store-port.ts';
import { SelectField, TextField } from '../components/Fields.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AUDIT_VERBS, japanTime, verbLabel } from './record.ts';
import { RequireLogin } from './RequireLogin.tsx';

const PAGE = 100;
const FAMILIES = ['case.', 'consent.', 'user.', 'session.', 'token.', 'screening.'];

interface Filter { case: string; actor: string; verb: string; from: string; to: string }
const NO_FILTER: Filter = { case: '', actor: '', verb: '', from: '', to: '' };

export function AuditLog() {
  const { t, lang } = useI18n();
  const verify = useApi<AuditVerification>('/api/v1/audit/verify');
  const [rows, setRows] = useState<AuditListEntry[]>([]);
  const [next, setNext] = useState<number | null>(0);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const load = async (after: number, f: Filter) => {
    setBusy(true);
    setError(null);
    try {
      const page = await api<{ entries: AuditListEntry[]; next: number | null }>('/api/v1/audit', { query: { after, limit: PAGE, ...f } });
      setRows((r) => (after === 0 ? page.entries : [...r, ...page.entries]));
      setNext(page.entries.length === PAGE ? page.next : null);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void load(0, filter);
  }, [filter]);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft, case: draft.case.trim(), actor: draft.actor.trim() });
  };
  const set = (k: keyof Filter) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const v = verify.data;
  return (
    <div className="page wide">
      <header className="page-head">
        <h1>{t('auditTitle')}</h1>
        <p className="lead">{t('auditIntro')}</p>
      </header>
      {verify.error ? <ErrorBox error={verify.error} /> : !v ? <p role="status">{t('verifying')}</p> : v.ok ? (
        <p className="alert alert-ok" role="status" data-verified="ok"><span aria-hidden="true">✓</span> {t('chainOk', { n: v.count, head: v.head.slice(0, 23) })}{v.anchor ? ` · ${t('anchoredAt', { seq: v.anchor.seq, at: japanTime(v.anchor.at) })}` : ` · ${t('neverAnchored')}`}</p>
      ) : (
        <div className="alert alert-error" role="alert" data-verified="broken">
          <p><span aria-hidden="true">✕</span> {v.firstBroken === null ? t('rowsDiffer', { n: v.differences.length }) : t('chainBroken', { seq: v.firstBroken, reason: v.reason })}</p>
          {v.differences.length ? <ul>{v.differences.map((d) => <li key={`${d.targetType}:${d.targetId}`} data-differs={d.label}><strong>{d.label}</strong>: {d.reason}</li>)}</ul> : null}
        </div>
      )}
      <form className="toolbar audit-filter" onSubmit={apply} aria-label={t('filter')}>
        <TextField id="audit-case" label={t('filterCase')} value={draft.case} onChange={set('case')} />
        <TextField id="audit-actor" label={t('actor')} value={draft.actor} onChange={set('actor')} />
        <SelectField id="audit-verb" label={t('verb')} value={draft.verb} onChange={set('verb')} empty={t('any')}
          groups={FAMILIES.map((f) => ({ label: f.slice(0, -1), options: Object.keys(AUDIT_VERBS).filter((k) => k.startsWith(f)).map((k) => ({ value: k, label: verbLabel(k, lang) })) }))} />
        <TextField id="audit-from" label={t('fromDate')} type="date" value={draft.from} onChange={set('from')} />
        <TextField id="audit-to" label={t('toDate')} type="date" value={draft.to} onChange={set('to')} />
        <button type="submit" className="btn">{t('filter')}</button>
      </form>
      {error ? <ErrorBox error={error} /> : null}
      <div className="table-wrap card">
        <table className="table audit-table">
          <thead>
            <tr><th scope="col">#</th><th scope="col">{t('at')}</th><th scope="col">{t('actor')}</th><th scope="col">{t('verb')}</th><th scope="col">{t('target')}</th><th scope="col">hash</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq} className={v && !v.ok && r.seq === v.firstBroken ? 'broken' : undefined}>
                <td className="num">{r.seq}</td>
                <td><time dateTime={r.at}>{japanTime(r.at)}</time></td>
                <td>{r.actor}</td>
                <td title={r.verb}>{verbLabel(r.verb, lang)}</td>
                <td>
                  {r.targetType === 'case' ? <Link href={`/cases/${r.targetId}`}>{r.label ?? r.targetId.slice(0, 8)}</Link> : <span>{r.label ?? <code className="muted small">{r.targetId.slice(0, 8)}</code>}</span>}
                  <details className="audit-change">
                    <summary className="small">{t('changeDetails')}</summary>
                    <div className="audit-diff">
                      <div><strong className="small">{t('before')}</strong><pre>{JSON.stringify(r.before, null, 2)}</pre></div>
                      <div><strong className="small">{t('after')}</strong><pre>{JSON.stringify(r.after, null, 2)}</pre></div>
                    </div>
                    {r.requestId ? <p className="muted small">request {r.requestId}</p> : null}
                  </details>
                </td>
                <td><code className="muted small" title={r.hash}>{r.hash.slice(7, 19)}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {busy ? <Loading /> : next !== null ? <p><button type="button" className="btn" onClick={() => void load(next, filter)}>{t('loadMore')}</button></p> : null}
    </div>
  );
}

export function AuditPage() {
  return <RequireLogin roles={['auditor']}>{() => <AuditLog />}</RequireLogin>;
}
