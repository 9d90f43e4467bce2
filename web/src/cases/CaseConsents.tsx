// Principle 3 consent requests under an approved case: applicants ask, examiners and the NSC decide; each carries
// the engine's decision for the third country on its date.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import type { CaseView, ConsentRow, User } from '../api/types.ts';
import { CountryPicker } from '../components/CountryPicker.tsx';
import { Section, SelectField, TextField } from '../components/Fields.tsx';
import { OutcomeBadge } from '../components/OutcomeBadge.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ProblemNotice } from './ProblemNotice.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { countryName } from '../lib/countries.ts';

type Kind = ConsentRow['data']['kind'];

function ConsentItem({ c, user, onDone }: { c: ConsentRow; user: User; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const canDecide = (user.role === 'examiner' || user.role === 'nsc') && c.status === 'filed';
  const decide = async (outcome: 'approved' | 'denied') => {
    setError(null);
    try {
      await api(`/api/v1/consents/${c.id}/decision`, { body: { outcome, reason, version: c.version } });
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  };
  return (
    <li className="consent" data-status={c.status}>
      <div className="row">
        <strong>{t(`consent.${c.data.kind}` as MessageKey)}</strong> → {countryName(c.data.recipient, lang)} ({c.data.recipient}) · {c.data.asOf}
        <span className={`status status-${c.status}`}>{t(`consentStatus.${c.status}` as MessageKey)}</span>
        <OutcomeBadge outcome={c.data.evaluation.outcome} small />
      </div>
      <p className="small">{c.data.justification}</p>
      {c.data.decision ? <p className="small muted">{c.data.decision.by}, {c.data.decision.at.slice(0, 10)}: {c.data.decision.reason}</p> : null}
      {canDecide ? (
        <div className="form sub-form">
          {error ? <ProblemNotice error={error} /> : null}
          <TextField id={`consent-reason-${c.id}`} label={t('reasonRequired')} value={reason} onChange={setReason} />
          <div className="btn-row">
            <button type="button" className="btn btn-primary" disabled={!reason.trim()} onClick={() => void decide('approved')}>{t('approveConsent')}</button>
            <button type="button" className="btn btn-danger" disabled={!reason.trim()} onClick={() => void decide('denied')}>{t('denyConsent')}</button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

export function CaseConsents({ view, user }: { view: CaseView; user: User }) {
  const { t } = useI18n();
  const list = useApi<{ consents: ConsentRow[] }>(view.status === 'approved' || view.consents.length ? `/api/v1/cases/${view.id}/consents` : null);
  const [kind, setKind] = useState<Kind>('third-party-transfer');
  const [recipient, setRecipient] = useState('');
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const canFile = user.role === 'applicant' && view.status === 'approved';
  if (!canFile && view.consents.length === 0) return null;

  const file = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/api/v1/cases/${view.id}/consents`, { body: { kind, recipient, justification } });
      setRecipient('');
      setJustification('');
      list.reload();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };

  return (
    <Section title={t('consents')}>
      {list.error ? <ErrorBox error={list.error} /> : list.loading ? <Loading /> : (
        <ul className="plain-list">{(list.data?.consents ?? []).map((c) => <ConsentItem key={c.id} c={c} user={user} onDone={list.reload} />)}</ul>
      )}
      {canFile ? (
        <form className="form sub-form" onSubmit={(e) => void file(e)}>
          <h3 className="h-sub">{t('fileConsent')}</h3>
          {error ? <ProblemNotice error={error} /> : null}
          <div className="grid-3">
            <SelectField<Kind> label={t('consentKind')} value={kind} onChange={(k) => k && setKind(k)} options={[
              { value: 'third-party-transfer', label: t('consent.third-party-transfer') },
              { value: 'extra-purpose-use', label: t('consent.extra-purpose-use') },
            ]} />
            <CountryPicker label={t('recipient')} value={recipient} onChange={setRecipient} required />
          </div>
          <TextField label={t('justification')} value={justification} onChange={setJustification} multiline required />
          <div className="form-actions"><button type="submit" className="btn" disabled={!recipient || !justification.trim()}>{t('fileConsent')}</button></div>
        </form>
      ) : null}
    </Section>
  );
}
