// The audit log for auditors: the chain's verification first, then the rows, newest page loaded on demand.
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import type { AuditEntry, AuditVerification } from '../api/types.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { RequireLogin } from './RequireLogin.tsx';

const PAGE = 100;

function AuditLog() {
  const { t } = useI18n();
  const verify = useApi<AuditVerification>('/api/v1/audit/verify');
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(0);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async (after: number) => {
    setBusy(true);
    try {
      const page = await api<{ entries: AuditEntry[]; next: number | null }>('/api/v1/audit', { query: { after, limit: PAGE } });
      setRows((r) => [...r, ...page.entries]);
      setNext(page.entries.length === PAGE ? page.next : null);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void load(0);
  }, []);
  return (
    <div className="page wide">
      <header className="page-head">
        <h1>{t('auditTitle')}</h1>
        <p className="lead">{t('auditIntro')}</p>
      </header>
      {verify.error ? <ErrorBox error={verify.error} /> : !verify.data ? <p role="status">{t('verifying')}</p> : verify.data.ok ? (
        <p className="alert alert-ok" role="status" data-verified="ok"><span aria-hidden="true">✓</span> {t('chainOk', { n: verify.data.count, head: verify.data.head.slice(0, 23) })}</p>
      ) : (
        <p className="alert alert-error" role="alert" data-verified="broken"><span aria-hidden="true">✕</span> {t('chainBroken', { seq: verify.data.firstBroken, reason: verify.data.reason })}</p>
      )}
      {error ? <ErrorBox error={error} /> : null}
      <div className="table-wrap card">
        <table className="table audit-table">
          <thead>
            <tr><th scope="col">#</th><th scope="col">{t('at')}</th><th scope="col">{t('actor')}</th><th scope="col">{t('verb')}</th><th scope="col">{t('target')}</th><th scope="col">hash</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq} className={!verify.data?.ok && verify.data && r.seq === verify.data.firstBroken ? 'broken' : undefined}>
                <td className="num">{r.seq}</td>
                <td><time dateTime={r.at}>{r.at.slice(0, 19).replace('T', ' ')}</time></td>
                <td>{r.actor}</td>
                <td><code>{r.verb}</code></td>
                <td>
                  {r.targetType} {r.targetType === 'case' ? <Link href={`/cases/${r.targetId}`}><code className="small">{r.targetId.slice(0, 8)}</code></Link> : <code className="muted small">{r.targetId.slice(0, 8)}</code>}
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
      {busy ? <Loading /> : next !== null ? <p><button type="button" className="btn" onClick={() => void load(next)}>{t('loadMore')}</button></p> : null}
    </div>
  );
}

export function AuditPage() {
  return <RequireLogin roles={['auditor']}>{() => <AuditLog />}</RequireLogin>;
}
