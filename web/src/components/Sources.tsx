// Citations: each source id shown as its title, date and link, when the server lists its sources.
import { useSources } from '../api/catalog.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function SourceList({ ids, compact }: { ids: readonly string[]; compact?: boolean }) {
  const { t, pick, lang } = useI18n();
  const sources = useSources();
  if (ids.length === 0) return null;
  return (
    <ul className={compact ? 'sources compact' : 'sources'} aria-label={t('sources')}>
      {ids.map((id) => {
        const s = sources.data?.get(id);
        if (!s) return <li key={id}><span className="source-id">{id}</span></li>;
        const title = pick(s.title);
        return (
          <li key={id}>
            {s.url ? <a href={s.url} target="_blank" rel="noreferrer noopener">{title}</a> : <span>{title}</span>}
            {s.issuer || s.date ? <span className="muted"> — {[s.issuerName ? pick(s.issuerName) : s.issuer, s.date].filter(Boolean).join(lang === 'en' ? ', ' : '、')}</span> : null}
            {s.confirmed === false ? <span className="tag tag-warn">{t('unconfirmed')}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
