// Loading and error states: errors are announced to screen readers; loading is shown, not announced.
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function Loading() {
  const { t } = useI18n();
  // Not a live region: the container says it is busy, and only the answer itself is announced when it comes.
  return <p className="muted loading"><span className="spinner" aria-hidden="true" /> {t('loading')}</p>;
}

export function ErrorBox({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <div className="alert alert-error" role="alert">
      <strong>{t('error')}</strong>
      {problems.length > 0 ? (
        <ul>{problems.map((p, i) => <li key={i}>{p.path && p.path !== '(root)' ? <code>{p.path}</code> : null} {p.message}</li>)}</ul>
      ) : <p>{error.message}</p>}
      {onRetry ? <button type="button" className="btn" onClick={onRetry}>{t('retry')}</button> : null}
    </div>
  );
}
