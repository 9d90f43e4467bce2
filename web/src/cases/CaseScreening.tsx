// Screening of the case's parties against the sanctions list: each hit with its score and explanation; examiners
// and the NSC clear a hit (false positive) or confirm it (true match), with a reason.
import { useState } from 'react';
import type { ScreeningHit } from '../../../src/cases/model.ts';
import { api, ApiError } from '../api/client.ts';
import type { CaseView, User } from '../api/types.ts';
import { Section, TextField } from '../components/Fields.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ProblemNotice } from './ProblemNotice.tsx';
import { partyPosition } from './partyForm.ts';

function Hit({ view, party, hit, user, onChange }: {
  view: CaseView; party: { party: string; name: string }; hit: ScreeningHit; user: User; onChange: (v: CaseView, note?: string) => void;
}) {
  const { t } = useI18n();
  const partyLabel = (p: string) => {
    const at = partyPosition(p);
    return at.kind === 'endUser' ? t('partyEndUser') : at.kind === 'consignee' ? t('consigneeN', { n: at.n! }) : p;
  };
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const canDispose = !hit.disposition && (user.role === 'examiner' || user.role === 'nsc');
  const dispose = async (verdict: 'false_positive' | 'true_match') => {
    setError(null);
    try {
      const next = await api<CaseView>(`/api/v1/cases/${view.id}/screening/dispositions`, {
        body: { party: party.party, referenceNumber: hit.referenceNumber, verdict, reason, version: view.version },
      });
      onChange(next, t('saved'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.current) onChange(e.current as CaseView, t('versionConflict'));
      else setError(e instanceof Error ? e : new Error(String(e)));
    }
  };
  return (
    <li className={hit.disposition ? 'hit' : 'hit hit-open'} data-ref={hit.referenceNumber}>
      <div>
        <span className="tag tag-first tag-party" data-party={party.party}>{partyLabel(party.party)}</span> <strong>{party.name}</strong> ≈ <strong>{hit.listedName}</strong> <code>{hit.referenceNumber}</code>{' '}
        <span className="tag tag-warn">{Math.round(hit.score * 100)}%</span>
      </div>
      <div className="small muted">{hit.explanation}</div>
      {hit.disposition ? (
        <div className="small">
          <span className={`tag ${hit.disposition.verdict === 'true_match' ? 'tag-prohibition' : 'tag-ok'}`}>{t(hit.disposition.verdict === 'true_match' ? 'trueMatch' : 'falsePositive')}</span>{' '}
          {hit.disposition.reason} <span className="muted">({hit.disposition.by}, {hit.disposition.at.slice(0, 10)})</span>
        </div>
      ) : null}
      {canDispose ? (
        <div className="sub-form">
          {error ? <ProblemNotice error={error} /> : null}
          <TextField label={t('reasonRequired')} value={reason} onChange={setReason} />
          <div className="btn-row">
            <button type="button" className="btn btn-small" disabled={!reason.trim()} onClick={() => void dispose('false_positive')}>{t('clearHit')}</button>
            <button type="button" className="btn btn-small btn-danger" disabled={!reason.trim()} onClick={() => void dispose('true_match')}>{t('confirmHit')}</button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

export function CaseScreening({ view, user, onChange }: { view: CaseView; user: User; onChange: (v: CaseView, note?: string) => void }) {
  const { t } = useI18n();
  const s = view.data.screening;
  if (!s) return null;
  if (!('parties' in s)) {
    // An applicant's view: the server sends only whether screening is under review.
    return (
      <Section title={t('screening')}>
        <p className={s.underReview ? 'alert alert-info' : 'muted'} data-screening={s.underReview ? 'under-review' : 'done'}>{t(s.underReview ? 'screeningUnderReview' : 'screeningNothingToReview')}</p>
      </Section>
    );
  }
  const hits = s.parties.flatMap((p) => p.hits.map((h) => ({ party: p, hit: h })));
  return (
    <Section title={`${t('screening')} (${hits.length})`}>
      <p className="muted small">{s.source} · {s.listVersion} · {s.at.slice(0, 10)} · {t('partiesScreened', { n: s.parties.length })}</p>
      {s.hold ? <p className="alert alert-warn">{t('screeningHold')}</p> : null}
      {s.trueMatch ? <p className="alert alert-error">{t('screeningTrueMatch')}</p> : null}
      {hits.length === 0 ? <p>{t('noHits')}</p> : (
        <ul className="plain-list hits">
          {hits.map(({ party, hit }) => <Hit key={`${party.key}:${hit.referenceNumber}`} view={view} party={party} hit={hit} user={user} onChange={onChange} />)}
        </ul>
      )}
    </Section>
  );
}
