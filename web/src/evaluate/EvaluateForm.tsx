// The transfer to evaluate. Submitting puts the request into the URL; the page evaluates what the URL says.
import { useEffect, useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../components/Fields.tsx';
import { CountryPicker } from '../components/CountryPicker.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { END_USER_LABEL, PURPOSE_LABEL, options, transferorOptions } from '../lib/labels.ts';
import type { FormState } from '../lib/requestUrl.ts';
import { ItemFields } from './ItemFields.tsx';
import { RegimeSelect } from './RegimeSelect.tsx';

export function EvaluateForm({ initial, onSubmit, busy }: { initial: FormState; onSubmit: (s: FormState) => void; busy: boolean }) {
  const { t, lang } = useI18n();
  const [s, setS] = useState<FormState>(initial);
  useEffect(() => setS(initial), [initial]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(s);
  };
  return (
    <form className="card form" onSubmit={submit} aria-label={t('evaluateTitle')}>
      <fieldset className="group">
        <legend className="sr-only">{t('recipient')}</legend>
        <div className="grid-3">
          <CountryPicker id="recipient" name="recipient" label={t('recipient')} hint={t('recipientHint')} value={s.recipient} required onChange={(recipient) => setS({ ...s, recipient })} />
          <TextField id="asOf" label={t('asOf')} type="date" min="1967-04-21" value={s.asOf} required onChange={(asOf) => setS({ ...s, asOf })} />
          <RegimeSelect id="regime" value={s.regime} onChange={(regime) => setS({ ...s, regime })} />
        </div>
      </fieldset>
      <ItemFields value={{ preset: s.preset, item: s.item }} onChange={({ preset, item }) => setS({ ...s, preset, item })} />
      <fieldset className="group">
        <legend>{t('purpose')}</legend>
        <div className="grid-3">
          <SelectField id="purpose" label={t('purpose')} value={s.purpose} empty={t('notStated')} options={options(PURPOSE_LABEL, lang)} onChange={(purpose) => setS({ ...s, purpose })} />
          <SelectField id="transferor" label={t('transferor')} hint={t('transferorHint')} value={s.transferor} empty={t('notStated')} options={transferorOptions(lang)} onChange={(transferor) => setS({ ...s, transferor })} />
          <SelectField label={t('endUserType')} value={s.endUserType} empty={t('notStated')} options={options(END_USER_LABEL, lang)} onChange={(endUserType) => setS({ ...s, endUserType })} />
          <TextField label={t('endUserName')} value={s.endUserName} onChange={(endUserName) => setS({ ...s, endUserName })} />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !s.recipient}>{busy ? t('evaluating') : t('evaluate')}</button>
      </div>
    </form>
  );
}
