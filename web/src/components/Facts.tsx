// Facts as a reader sees them: by name in the reader's language (the id beside it), and, where a country is not on a
// list, what that absence means and when the list was last reviewed. For the operator's own lists the assumption is
// spelled out in full; for the law's and the UN's lists it is a click away.
import type { FactDoc } from '../api/types.ts';
import { useFacts } from '../api/catalog.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A fact's title in the reader's language, with its id; the id alone when the server has no catalogue. */
export function FactName({ id, doc }: { id: string; doc?: FactDoc }) {
  const { pick } = useI18n();
  const facts = useFacts();
  const found = doc ?? facts.data?.get(id);
  return found ? <><span className="fact-title">{pick(found.title)}</span> <code className="muted fact-id">{id}</code></> : <code>{id}</code>;
}

/** What it means that a country has no entry on a list on the date asked. */
export function AbsentNote({ id, doc }: { id: string; doc?: FactDoc }) {
  const { t, pick } = useI18n();
  const facts = useFacts();
  const found = doc ?? facts.data?.get(id);
  if (!found) return <span className="muted">{t('factNoEntry')}</span>;
  if (found.maintainedBy === 'operator') {
    return (
      <div className="absent-note absent-operator">
        <span className="tag tag-warn tag-first">{t('operatorList')}</span>{' '}
        <strong>{t('notOnListReviewed', { date: found.listDate })}</strong>
        <p className="small">{pick(found.defaultNote)}</p>
      </div>
    );
  }
  return (
    <div className="absent-note">
      <span className="muted">{t('notOnListReviewed', { date: found.listDate })}</span>
      <details className="small">
        <summary>{t('whatAbsenceMeans')}</summary>
        <p>{pick(found.defaultNote)}</p>
      </details>
    </div>
  );
}
