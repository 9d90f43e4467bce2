// A rule quoted: its title, the clause in the reader's language (the other language one click away), and sources.
import type { RuleInfo } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { Link } from '../router.tsx';
import { SourceList } from './Sources.tsx';

export function RuleCard({ rule, headingLevel = 3 }: { rule: RuleInfo; headingLevel?: 3 | 4 }) {
  const { t, lang, pick } = useI18n();
  const other = lang === 'en' ? 'ja' : 'en';
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article className="rule-card" data-rule={rule.id}>
      <header className="rule-head">
        <span className={`tag tag-kind tag-${rule.kind}`}>{t(`kind.${rule.kind}` as MessageKey)}</span>
        <H className="rule-title">{pick(rule.title)}</H>
        <Link href={`/law/rules/${encodeURIComponent(rule.id)}`} className="rule-id"><code>{rule.id}</code></Link>
      </header>
      <blockquote className="clause" lang={lang}>
        <p>{rule.clause[lang]}</p>
      </blockquote>
      <details className="clause-other">
        <summary>{t('clauseOther', { lang: t(`langName_${other}`) })}</summary>
        <blockquote className="clause" lang={other}><p>{rule.clause[other]}</p></blockquote>
      </details>
      <div className="rule-meta">
        <span className="muted">{t('introducedBy', { id: rule.revision })}</span>
        {rule.review ? <span className="tag">{t('review')}: {t(`review.${rule.review}`)}</span> : null}
        {rule.confirmed === false ? <span className="tag tag-warn">{t('unconfirmed')}</span> : null}
      </div>
      <SourceList ids={rule.citations} />
    </article>
  );
}
