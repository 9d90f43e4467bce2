import type { CaseStatus } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return <span className={`status status-${status}`} data-status={status}>{t(`status.${status}`)}</span>;
}
