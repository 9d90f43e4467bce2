// A refusal the user can act on, in words: the problems' messages without field names, not framed as a failure.
// Anything else (network, 5xx) still goes to ErrorBox.
import { ApiError } from '../api/client.ts';
import { ErrorBox } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function ProblemNotice({ error }: { error: Error }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError) || error.status >= 500 || error.problems.length === 0) return <ErrorBox error={error} />;
  return (
    <div className="alert alert-warn" role="alert" data-problem={error.problems.map((p) => p.code).join(' ')}>
      <strong>{t('cannotDoThatNow')}</strong>
      <ul>{error.problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>
    </div>
  );
}
