// The actions the viewer may take now (the server says which): a reason where needed; conditions and licence on approval.
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { CaseAction, CaseView } from '../api/types.ts';
import { TextField } from '../components/Fields.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ProblemNotice } from './ProblemNotice.tsx';

const NEEDS_REASON: ReadonlySet<string> = new Set(['refer_nsc', 'return_to_examiner', 'approve', 'deny', 'withdraw']);

export function CaseActions({ view, onChange }: { view: CaseView; onChange: (v: CaseView, note?: string) => void }) {
  const { t } = useI18n();
  const actions = view.actions as CaseAction[];
  // After a confirmed sanctions match the server offers deny as the only decision: it comes chosen, with its reason.
  const s = view.data.screening;
  const onlyDeny = !!s && 'trueMatch' in s && s.trueMatch && actions.includes('deny');
  const [action, setAction] = useState<CaseAction | ''>(onlyDeny ? 'deny' : '');
  const [reason, setReason] = useState(onlyDeny ? t('trueMatchDenyReason') : '');
  const [conditions, setConditions] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  // The match may be confirmed while the page is open: the choice and its reason follow.
  useEffect(() => {
    if (!onlyDeny) return;
    setAction('deny');
    setReason((r) => r || t('trueMatchDenyReason'));
  }, [onlyDeny]);
  if (actions.length === 0) return null;

  const run = async (a: CaseAction) => {
    setBusy(true);
    setError(null);
    try {
      const extra = conditions.split('\n').map((s) => s.trim()).filter(Boolean);
      const next = await api<CaseView>(`/api/v1/cases/${view.id}/transitions`, {
        body: {
          action: a, version: view.version,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(a === 'approve' && extra.length ? { conditions: extra } : {}),
          ...(a === 'approve' && validUntil ? { licence: { validUntil } } : {}),
        },
      });
      setAction('');
      setReason('');
      setConditions('');
      onChange(next);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.current) onChange(e.current as CaseView, t('versionConflict'));
      else setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (action) void run(action);
  };
  const quick = actions.filter((a) => !NEEDS_REASON.has(a));
  const withReason = actions.filter((a) => NEEDS_REASON.has(a));
  return (
    <section className="card actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('decide')}</h2>
      {onlyDeny ? <p className="alert alert-warn">{t('screeningTrueMatch')}</p> : null}
      {error ? <ProblemNotice error={error} /> : null}
      {quick.length ? (
        <div className="btn-row">
          {quick.map((a) => <button key={a} type="button" className="btn btn-primary" disabled={busy} onClick={() => void run(a)}>{t(`action.${a}`)}</button>)}
        </div>
      ) : null}
      {withReason.length ? (
        <form onSubmit={submit} className="form">
          <fieldset className="radios">
            <legend className="sr-only">{t('decide')}</legend>
            <div className="radio-row">
              {withReason.map((a) => (
                <label key={a} className={`radio action-${a}`}>
                  <input type="radio" name="action" value={a} checked={action === a} onChange={() => setAction(a)} /> {t(`action.${a}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {action ? (
            <>
              <TextField id="reason" label={t('reasonRequired')} value={reason} onChange={setReason} multiline required />
              {action === 'approve' ? (
                <>
                  <TextField id="conditions" label={t('extraConditions')} value={conditions} onChange={setConditions} multiline />
                  <TextField id="valid-until" label={t('validUntil')} type="date" value={validUntil} onChange={setValidUntil} />
                </>
              ) : null}
              <div className="form-actions">
                <button type="submit" className={`btn ${action === 'deny' || action === 'withdraw' ? 'btn-danger' : 'btn-primary'}`} disabled={busy || !reason.trim()}>{t(`action.${action}`)}</button>
              </div>
            </>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
