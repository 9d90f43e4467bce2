// File a transfer application (recipient, purpose, who transfers, end user, consignees, route, item lines, justification), saved as a
// draft first;
// or edit a draft the applicant has not yet submitted.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import type { CaseView, EndUserType, Item, Purpose, Transferor } from '../api/types.ts';
import { CountryPicker } from '../components/CountryPicker.tsx';
import { SelectField, TextField } from '../components/Fields.tsx';
import { ItemFields } from '../evaluate/ItemFields.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { END_USER_LABEL, PURPOSE_LABEL, options, transferorOptions } from '../lib/labels.ts';
import { navigate } from '../router.tsx';
import { ConsigneeRows, RouteRows } from './PartyRows.tsx';
import { consigneeRows, legRows, toConsignees, toRoute } from './partyForm.ts';
import { RequireLogin } from './RequireLogin.tsx';

interface Line {
  preset: string;
  item: Item;
  quantity: string;
  valueJpy: string;
}

const newLine = (): Line => ({ preset: '', item: {}, quantity: '1', valueJpy: '0' });

export function CaseForm({ draft }: { draft?: CaseView }) {
  const { t, lang } = useI18n();
  const app = draft?.data.application;
  const [recipient, setRecipient] = useState(app?.recipient ?? '');
  const [purpose, setPurpose] = useState<Purpose | ''>(app?.purpose ?? '');
  const [transferor, setTransferor] = useState<Transferor | ''>(app?.transferor ?? '');
  const [endUser, setEndUser] = useState<{ name: string; type: EndUserType | ''; address: string }>(
    app ? { name: app.endUser.name, type: app.endUser.type, address: app.endUser.address ?? '' } : { name: '', type: 'government', address: '' });
  const [consignees, setConsignees] = useState(() => consigneeRows(app));
  const [route, setRoute] = useState(() => legRows(app));
  const [lines, setLines] = useState<Line[]>(app ? app.items.map((l) => ({ preset: '', item: l.item, quantity: String(l.quantity), valueJpy: String(l.valueJpy) })) : [newLine()]);
  const [justification, setJustification] = useState(app?.justification ?? '');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const setLine = (i: number, patch: Partial<Line>) => setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await api<CaseView>(draft ? `/api/v1/cases/${draft.id}` : '/api/v1/cases', {
        method: draft ? 'PUT' : 'POST',
        body: {
          ...(draft ? { version: draft.version } : {}),
          recipient,
          ...(purpose ? { purpose } : {}),
          ...(transferor ? { transferor } : {}),
          endUser: { name: endUser.name, type: endUser.type || 'government', ...(endUser.address ? { address: endUser.address } : {}) },
          consignees: toConsignees(consignees),
          route: toRoute(route),
          items: lines.map((l) => ({ item: l.item, quantity: Number(l.quantity), valueJpy: Number(l.valueJpy) })),
          justification,
        },
      });
      navigate(`/cases/${saved.id}`);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <header className="page-head"><h1>{draft ? t('caseTitle', { ref: draft.reference }) : t('newCaseTitle')}</h1></header>
      <form className="card form" onSubmit={(e) => void submit(e)}>
        {error ? <ErrorBox error={error} /> : null}
        <div className="grid-3">
          <CountryPicker id="case-recipient" name="recipient" label={t('recipient')} hint={t('recipientHint')} value={recipient} onChange={setRecipient} required />
          <SelectField id="case-purpose" label={t('purpose')} value={purpose} empty={t('notStated')} options={options(PURPOSE_LABEL, lang)} onChange={setPurpose} />
          <SelectField id="case-transferor" label={t('transferor')} hint={t('transferorHint')} value={transferor} empty={t('notStated')} options={transferorOptions(lang)} onChange={setTransferor} />
        </div>
        <fieldset className="group">
          <legend>{t('endUser')}</legend>
          <div className="grid-3">
            <TextField id="end-user-name" label={t('endUserName')} value={endUser.name} onChange={(name) => setEndUser({ ...endUser, name })} required />
            <SelectField id="end-user-type" label={t('endUserType')} value={endUser.type} options={options(END_USER_LABEL, lang)} onChange={(type) => setEndUser({ ...endUser, type })} />
            <TextField label={t('endUserAddress')} value={endUser.address} onChange={(address) => setEndUser({ ...endUser, address })} />
          </div>
        </fieldset>
        <ConsigneeRows rows={consignees} onChange={setConsignees} />
        <RouteRows rows={route} onChange={setRoute} />
        {lines.map((l, i) => (
          <div className="item-line" key={i}>
            <ItemFields legend={t('itemDecision', { n: i + 1 })} value={{ preset: l.preset, item: l.item }} onChange={({ preset, item }) => setLine(i, { preset, item })} />
            <div className="grid-3">
              <TextField id={`qty-${i}`} label={t('quantity')} type="number" min="1" value={l.quantity} onChange={(quantity) => setLine(i, { quantity })} required />
              <TextField id={`value-${i}`} label={t('valueJpy')} type="number" min="0" value={l.valueJpy} onChange={(valueJpy) => setLine(i, { valueJpy })} required />
              {lines.length > 1 ? (
                <div className="field"><button type="button" className="btn btn-small" onClick={() => setLines(lines.filter((_, j) => j !== i))}>{t('removeItem')}</button></div>
              ) : null}
            </div>
          </div>
        ))}
        <p><button type="button" className="btn btn-small" onClick={() => setLines([...lines, newLine()])}>+ {t('addItem')}</button></p>
        <TextField id="justification" label={t('justification')} value={justification} onChange={setJustification} multiline />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !recipient}>{t('saveDraft')}</button>
        </div>
      </form>
    </div>
  );
}

export function NewCasePage() {
  return <RequireLogin roles={['applicant']}>{() => <CaseForm />}</RequireLogin>;
}

function EditDraft({ id }: { id: string }) {
  const loaded = useApi<CaseView>(`/api/v1/cases/${encodeURIComponent(id)}`);
  if (loaded.error) return <div className="page"><ErrorBox error={loaded.error} /></div>;
  if (!loaded.data) return <div className="page"><Loading /></div>;
  return <CaseForm draft={loaded.data} />;
}

export function EditCasePage({ id }: { id: string }) {
  return <RequireLogin roles={['applicant']}>{() => <EditDraft id={id} />}</RequireLogin>;
}
