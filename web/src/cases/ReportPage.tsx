// The annual report as METI publishes it: approvals by the policy's report categories for a year, the audit head
// at the time (an anchor to keep), and a CSV download.
import { useApi } from '../api/useApi.ts';
import type { AnnualReport } from '../../../src/cases/report.ts';
import { TextField } from '../components/Fields.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { today } from '../lib/dates.ts';
import { navigate, useLocation } from '../router.tsx';
import { japanTime } from './record.ts';
import { RequireLogin } from './RequireLogin.tsx';

function Report() {
  const { t, lang, pick } = useI18n();
  const { query } = useLocation();
  const asked = Number(query.get('year'));
  const year = Number.isInteger(asked) && asked >= 1967 && asked <= 9999 ? asked : Number(today().slice(0, 4));
  const report = useApi<AnnualReport>(`/api/v1/reports/annual?year=${year}`);
  const fmt = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB');
  return (
    <div className="page narrow">
      <header className="page-head">
        <h1>{t('reportTitle')}</h1>
        <p className="lead">{t('reportIntro')}</p>
      </header>
      <div className="toolbar">
        <TextField id="report-year" label={t('year')} type="number" min="1967" max="9999" value={String(year)} onChange={(v) => /^\d{4}$/.test(v) && navigate(`/reports?year=${v}`, { replace: true })} />
      </div>
      {report.error ? <ErrorBox error={report.error} /> : !report.data ? <Loading /> : (
        <div className="card">
          <table className="table">
            <caption className="sr-only">{t('reportTitle')} {year}</caption>
            <thead><tr><th scope="col">{t('category')}</th><th scope="col" className="num">{t('approvals')}</th></tr></thead>
            <tbody>
              {report.data.categories.map((c) => (
                <tr key={c.category} data-category={c.category}><td>{c.title ? <>{pick(c.title)}<div className="muted small">{pick(c.report ?? c.title)}</div></> : c.category === 'uncategorised' ? t('cat.uncategorised') : c.category}</td><td className="num">{fmt.format(c.count)}</td></tr>
              ))}
            </tbody>
            <tfoot><tr><th scope="row">{t('total')}</th><td className="num"><strong>{fmt.format(report.data.total)}</strong></td></tr></tfoot>
          </table>
          <p className="muted small" data-audit-head>{t('reportAuditHead', { seq: report.data.audit.seq, hash: report.data.audit.hash, at: japanTime(report.data.audit.at) })}</p>
          <p><a className="btn btn-small" href={`/api/v1/reports/annual?year=${year}&format=csv`} download>{t('downloadCsv')}</a></p>
        </div>
      )}
    </div>
  );
}

export function ReportPage() {
  return <RequireLogin roles={['examiner', 'nsc', 'auditor']}>{() => <Report />}</RequireLogin>;
}
