import { useRegimes, useRule } from '../api/catalog.ts';
import { RuleCard } from '../components/RuleCard.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

/** One rule: its clause in both languages with sources, where it came from and whether it was repealed. */
export function RulePage({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const rule = useRule(id);
  const regimes = useRegimes();
  const title = (rid: string) => pick(regimes.data?.regimes.find((r) => r.id === rid)?.title) || rid;
  return (
    <div className="page narrow">
      <p><Link href="/law">← {t('navLaw')}</Link></p>
      {rule.error ? <ErrorBox error={rule.error} /> : !rule.data ? <Loading /> : (
        <>
          <h1>{pick(rule.data.title)}</h1>
          <RuleCard rule={rule.data} />
          <dl className="facts-dl">
            <dt>{t('introducedLabel')}</dt>
            <dd><Link href={`/law#regime-${rule.data.revision}`}>{title(rule.data.revision)}</Link> <code>{rule.data.revision}</code></dd>
            {rule.data.repealedBy ? (
              <>
                <dt>{t('repealedLabel')}</dt>
                <dd><Link href={`/law#regime-${rule.data.repealedBy}`}>{title(rule.data.repealedBy)}</Link> <code>{rule.data.repealedBy}</code></dd>
              </>
            ) : null}
            {rule.data.category ? (<><dt>{t('category')}</dt><dd><code>{rule.data.category}</code></dd></>) : null}
            {rule.data.defeats?.length ? (<><dt>{t('kind.exception')}</dt><dd>{rule.data.defeats.map((d) => <Link key={d} href={`/law/rules/${encodeURIComponent(d)}`}><code>{d}</code> </Link>)}</dd></>) : null}
          </dl>
          {rule.data.note ? <p className="muted">{rule.data.note}</p> : null}
        </>
      )}
    </div>
  );
}
