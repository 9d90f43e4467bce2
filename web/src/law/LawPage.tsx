// The law: regimes, revisions and drafts on a timeline; each opens to the rules it added, quoted with sources.
import { useState } from 'react';
import { useRegimes, useRules } from '../api/catalog.ts';
import type { RegimeInfo } from '../api/types.ts';
import { RuleCard } from '../components/RuleCard.tsx';
import { SourceList } from '../components/Sources.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { WhatChanged } from './WhatChanged.tsx';

function AddedRules({ ids }: { ids: string[] }) {
  const rules = useRules(ids);
  if (rules.error) return <ErrorBox error={rules.error} />;
  if (!rules.data) return <Loading />;
  return <div className="rule-list">{rules.data.map((r) => <RuleCard key={r.id} rule={r} headingLevel={4} />)}</div>;
}

function RegimeEntry({ r, base }: { r: RegimeInfo; base?: RegimeInfo }) {
  const { t, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const kind = r.kind === 'regime' ? t('kindRegime') : r.kind === 'revision' ? t('kindRevision') : t('kindDraft');
  const inForce = r.kind !== 'draft' && r.from !== null && r.to === null;
  return (
    <li className={`law-item law-${r.kind}`} id={`regime-${r.id}`}>
      <div className="law-dot" aria-hidden="true" />
      <article className="card">
        <header className="law-head">
          <time dateTime={r.from ?? undefined} className="law-date">{r.from ?? '—'}</time>
          <span className={`tag tag-${r.kind}`}>{kind}</span>
          {inForce ? <span className="tag tag-ok">{t('inForceNow')}</span> : null}
          {r.to ? <span className="muted small">{t('until')} {r.to}</span> : null}
          {!r.confirmed ? <span className="tag tag-warn">{t('unconfirmed')}</span> : null}
        </header>
        <h3>{pick(r.title)} <code className="muted small">{r.id}</code></h3>
        {r.summary ? <p>{pick(r.summary)}</p> : null}
        <SourceList ids={r.sources} />
        {r.repealed.length > 0 ? (
          <p className="small"><strong>{t('rulesRepealed')}:</strong> {r.repealed.map((id, i) => <span key={id}>{i ? ', ' : ''}<Link href={`/law/rules/${encodeURIComponent(id)}`}><code>{id}</code></Link></span>)}</p>
        ) : null}
        {r.added.length > 0 ? (
          <>
            <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
              {open ? t('hide') : t('show')}: {t('rulesAdded', { n: r.added.length })}
            </button>
            {open ? <AddedRules ids={r.added} /> : null}
          </>
        ) : null}
        {base ? <WhatChanged id={r.id} base={base.id} date={r.from ?? base.from ?? ''} draft={r.kind === 'draft'} /> : null}
      </article>
    </li>
  );
}

export function LawPage() {
  const { t } = useI18n();
  const regimes = useRegimes();
  const list = regimes.data?.regimes ?? [];
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('lawTitle')}</h1>
        <p className="lead">{t('lawIntro')}</p>
        <p><Link href="/law/countries" className="btn">{t('countryPage')}</Link></p>
      </header>
      {regimes.error ? <ErrorBox error={regimes.error} /> : !regimes.data ? <Loading /> : (
        <>
          <h2>{t('regimeGroupLaw')}</h2>
          <ol className="law-timeline">{list.filter((r) => r.kind !== 'draft').map((r, i, dated) => <RegimeEntry key={r.id} r={r} base={dated[i - 1]} />)}</ol>
          <h2>{t('regimeGroupDrafts')}</h2>
          <ol className="law-timeline">{list.filter((r) => r.kind === 'draft').map((r) => <RegimeEntry key={r.id} r={r} base={list.find((x) => x.id === r.base)} />)}</ol>
          <p className="muted small">{t('policyDigest')}: <code>{regimes.data.policyDigest}</code></p>
        </>
      )}
    </div>
  );
}
