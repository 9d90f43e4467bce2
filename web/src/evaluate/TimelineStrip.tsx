// A strip from 1967 to today, one band per period with one outcome; a band is a link to the request on that date.
import { Icon, OUTCOME_ICON } from '../components/Icon.tsx';
import type { TransferRequest } from '../api/types.ts';
import { useRegimes } from '../api/catalog.ts';
import { Section } from '../components/Fields.tsx';
import { OutcomeBadge } from '../components/OutcomeBadge.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { OUTCOME_STYLE, outcomeKey } from '../lib/outcome.ts';
import { layoutSegments } from '../lib/timeline.ts';
import { Link } from '../router.tsx';
import { useTimeline } from './useTimeline.ts';

export function TimelineStrip({ request, linkFor, today }: { request: TransferRequest; linkFor: (asOf: string, regime?: string) => string; today: string }) {
  const { t, pick } = useI18n();
  const tl = useTimeline(request);
  const regimes = useRegimes();
  const title = (id: string) => pick(regimes.data?.regimes.find((r) => r.id === id)?.title) || id;
  if (tl.error) return <Section title={t('timelineTitle')}><ErrorBox error={tl.error} /></Section>;
  if (!tl.data) return <Section title={t('timelineTitle')}><Loading /></Section>;
  const placed = layoutSegments(tl.data.segments, today);
  const years = placed.length ? [placed[0].segment.from.slice(0, 4), today.slice(0, 4)] : [];
  return (
    <Section title={t('timelineTitle')} id="timeline">
      <p className="muted">{t('timelineIntro')}</p>
      <ol className="strip" aria-label={t('timelineTitle')}>
        {placed.map(({ segment: s, left, width }) => {
          const st = OUTCOME_STYLE[s.outcome];
          const current = s.from <= request.asOf && (s.to === null || request.asOf <= s.to);
          const label = `${s.from} – ${s.to ?? t('onward')}: ${t(outcomeKey(s.outcome))} (${title(s.regime)})`;
          return (
            <li key={s.from} className={`strip-seg ${current ? 'current' : ''}`} style={{ left: `${left}%`, width: `${width}%`, background: st.fill }}>
              <Link href={linkFor(s.from)} aria-label={label} title={label} aria-current={current ? 'date' : undefined}>
                <span className="strip-sym" aria-hidden="true">{width > 4 ? <Icon name={OUTCOME_ICON[s.outcome]} /> : null}</span>
              </Link>
            </li>
          );
        })}
      </ol>
      <div className="strip-axis" aria-hidden="true"><span>{years[0]}</span><span>{years[1]}</span></div>
      <ul className="strip-list">
        {tl.data.segments.map((s) => (
          <li key={s.from}>
            <Link href={linkFor(s.from)}><time dateTime={s.from}>{s.from}</time> – {s.to ?? t('onward')}</Link>
            {' '}<OutcomeBadge outcome={s.outcome} small /> <span className="muted">{title(s.regime)}</span>
          </li>
        ))}
      </ul>
      {tl.data.drafts.length > 0 ? (
        <>
          <h3 className="h-sub">{t('regimeGroupDrafts')}</h3>
          <ul className="strip-list">
            {tl.data.drafts.map((d) => (
              <li key={d.id}>
                <Link href={linkFor(request.asOf, d.id)}>{title(d.id)}</Link> <OutcomeBadge outcome={d.outcome} small />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
