// Screening of the case's parties against the sanctions list: each hit with its score and disposition.
import type { CaseView } from '../api/types.ts';
import { Section } from '../components/Fields.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** As the case service reports it (src/cases/screening.ts). */
export interface ScreeningHit {
  referenceNumber: string;
  listedName: string;
  matchedName: string;
  score: number;
  explanation: string;
  disposition: { verdict: 'false_positive' | 'true_match'; reason: string; by: string; at: string } | null;
}

export interface CaseScreeningData {
  source: string;
  listVersion: string;
  at: string;
  parties: { party: string; name: string; key: string; hits: ScreeningHit[] }[];
  hold: boolean;
  trueMatch: boolean;
}

export function screeningOf(view: CaseView): CaseScreeningData | null {
  const s = (view as CaseView & { screening?: CaseScreeningData | null }).screening;
  return s ?? null;
}

export function CaseScreening({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const s = screeningOf(view);
  if (!s) return null;
  const hits = s.parties.flatMap((p) => p.hits.map((h) => ({ party: p, hit: h })));
  return (
    <Section title={`${t('screening')} (${hits.length})`}>
      <p className="muted small">{s.source} · {s.listVersion} · {s.at.slice(0, 10)}</p>
      {hits.length === 0 ? <p>{t('none')}</p> : (
        <ul className="plain-list">
          {hits.map(({ party, hit }) => (
            <li key={`${party.key}:${hit.referenceNumber}`} className={hit.disposition ? '' : 'hit-open'}>
              <strong>{party.name}</strong> <span className="muted">({party.party})</span> ≈ {hit.listedName} <code>{hit.referenceNumber}</code> · {Math.round(hit.score * 100)}%
              <div className="small muted">{hit.explanation}</div>
              {hit.disposition ? <div className="small">{hit.disposition.verdict} — {hit.disposition.reason} ({hit.disposition.by})</div> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
