// Cases: an applicant's own, or the examiners' work queue with a status filter; auditors read them all.
import { useApi } from '../api/useApi.ts';
import type { CaseStatus, CaseSummary, User } from '../api/types.ts';
import { SelectField } from '../components/Fields.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { countryName } from '../lib/countries.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { RequireLogin } from './RequireLogin.tsx';
import { StatusBadge } from './StatusBadge.tsx';

const STATUSES: CaseStatus[] = ['draft', 'submitted', 'under_review', 'nsc_deliberation', 'approved', 'denied', 'withdrawn'];
const QUEUE: Record<string, CaseStatus[]> = { examiner: ['submitted', 'under_review'], nsc: ['nsc_deliberation'] };

function CaseList({ user }: { user: User }) {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const status = STATUSES.find((s) => s === query.get('status')) ?? '';
  const list = useApi<{ cases: CaseSummary[] }>(`/api/v1/cases${status ? `?status=${status}` : ''}`);
  const queue = QUEUE[user.role];
  const title = user.role === 'applicant' ? t('myCases') : queue && !status ? t('workQueue') : t('allCases');
  // The queue view (no filter) puts the cases waiting on this role first.
  const rows = [...(list.data?.cases ?? [])].sort((a, b) => {
    const wa = queue?.includes(a.status) ? 0 : 1;
    const wb = queue?.includes(b.status) ? 0 : 1;
    return wa - wb || b.updatedAt.localeCompare(a.updatedAt);
  });
  const fmt = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB');
  return (
    <div className="page">
      <header className="page-head row">
        <div>
          <h1>{title}</h1>
          {user.role === 'auditor' ? <p className="tag">{t('readOnly')}</p> : null}
        </div>
        {user.role === 'applicant' ? <Link href="/cases/new" className="btn btn-primary">{t('fileCase')}</Link> : null}
      </header>
      <div className="toolbar">
        <SelectField
          id="status-filter"
          label={t('filterStatus')}
          value={status}
          empty={t('allStatuses')}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(s) => navigate(`/cases${s ? `?status=${s}` : ''}`, { replace: true })}
        />
      </div>
      {list.error ? <ErrorBox error={list.error} onRetry={list.reload} /> : !list.data ? <Loading /> : rows.length === 0 ? <p className="muted">{t('noCases')}</p> : (
        <div className="table-wrap card">
          <table className="table cases-table">
            <thead>
              <tr>
                <th scope="col">{t('reference')}</th>
                <th scope="col">{t('recipient')}</th>
                <th scope="col">{t('status')}</th>
                {user.role !== 'applicant' ? <th scope="col">{t('org')}</th> : null}
                <th scope="col" className="num">{t('items')}</th>
                <th scope="col" className="num">{t('valueJpy')}</th>
                <th scope="col">{t('updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className={queue?.includes(c.status) ? 'waiting' : undefined}>
                  <td><Link href={`/cases/${c.id}`}>{c.reference}</Link></td>
                  <td>{countryName(c.recipient, lang)}</td>
                  <td><StatusBadge status={c.status} /></td>
                  {user.role !== 'applicant' ? <td>{c.org}</td> : null}
                  <td className="num">{c.items}</td>
                  <td className="num">{fmt.format(c.valueJpy)}</td>
                  <td><time dateTime={c.updatedAt}>{c.updatedAt.slice(0, 16).replace('T', ' ')}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function CasesPage() {
  return <RequireLogin roles={['applicant', 'examiner', 'nsc', 'auditor']}>{(user) => <CaseList user={user} />}</RequireLogin>;
}
