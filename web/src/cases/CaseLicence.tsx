// The licence of an approved case: authorised amounts against shipments; the exporter records each shipment.
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { CaseView, User } from '../api/types.ts';
import { Section, TextField } from '../components/Fields.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ProblemNotice } from './ProblemNotice.tsx';
import { today } from '../lib/dates.ts';

export function CaseLicence({ view, user, onChange }: { view: CaseView; user: User; onChange: (v: CaseView, note?: string) => void }) {
  const { t, lang } = useI18n();
  const licence = view.data.licence;
  const [date, setDate] = useState(today());
  const [qty, setQty] = useState<string[]>(() => (licence?.lines ?? []).map(() => '0'));
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error | null>(null);
  if (!licence) return null;
  const fmt = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB');
  const items = view.data.application.items;
  const canShip = user.role === 'applicant' && view.status === 'approved';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const lines = licence.lines.map((l, i) => {
      const q = Number(qty[i] || 0);
      const unit = items[l.item] ? items[l.item].valueJpy / Math.max(items[l.item].quantity, 1) : 0;
      return { item: l.item, quantity: q, valueJpy: Math.round(unit * q) };
    }).filter((l) => l.quantity > 0);
    try {
      const next = await api<CaseView>(`/api/v1/cases/${view.id}/shipments`, { body: { date, lines, version: view.version, ...(note ? { note } : {}) } });
      setQty(licence.lines.map(() => '0'));
      setNote('');
      onChange(next, t('saved'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.current) onChange(err.current as CaseView, t('versionConflict'));
      else setError(err instanceof Error ? err : new Error(String(err)));
    }
  };

  return (
    <Section title={t('licenceNumber', { n: licence.number })}>
      <p className="muted small">{licence.issuedAt.slice(0, 10)} · {licence.issuedBy}{licence.validUntil ? ` · ${t('validUntil')}: ${licence.validUntil}` : ''}</p>
      {licence.conditions.length ? (
        <>
          <h3 className="h-sub">{t('conditions')}</h3>
          <ul className="plain-list">{licence.conditions.map((c) => <li key={c.id}>{c.text} {c.rule ? <code className="muted">{c.rule}</code> : null}</li>)}</ul>
        </>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <thead><tr><th scope="col">{t('item')}</th><th scope="col" className="num">{t('authorised')}</th><th scope="col" className="num">{t('shipped')}</th><th scope="col" className="num">{t('valueJpy')}</th></tr></thead>
          <tbody>
            {licence.lines.map((l) => (
              <tr key={l.item}>
                <td>{items[l.item]?.item.name ?? t('itemDecision', { n: l.item + 1 })}</td>
                <td className="num">{fmt.format(l.quantity)}</td>
                <td className="num">{fmt.format(l.shippedQuantity)}</td>
                <td className="num">{fmt.format(l.shippedValueJpy)} / {fmt.format(l.valueJpy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.data.shipments.length ? (
        <>
          <h3 className="h-sub">{t('shipments')}</h3>
          <ul className="plain-list">
            {view.data.shipments.map((s) => (
              <li key={s.id}>{s.date}: {s.lines.map((l) => `${items[l.item]?.item.name ?? `#${l.item + 1}`} × ${fmt.format(l.quantity)}`).join(', ')} <span className="muted">({s.recordedBy}){s.note ? ` — ${s.note}` : ''}</span></li>
            ))}
          </ul>
        </>
      ) : null}
      {canShip ? (
        <form className="form sub-form" onSubmit={(e) => void submit(e)}>
          <h3 className="h-sub">{t('recordShipment')}</h3>
          {error ? <ProblemNotice error={error} /> : null}
          <div className="grid-3">
            <TextField id="ship-date" label={t('shipmentDate')} type="date" value={date} onChange={setDate} required />
            {licence.lines.map((l, i) => (
              <TextField key={l.item} id={`ship-qty-${i}`} type="number" min="0" label={`${t('quantity')}: ${items[l.item]?.item.name ?? `#${l.item + 1}`}`} value={qty[i] ?? '0'} onChange={(v) => setQty(qty.map((q, j) => (j === i ? v : q)))} />
            ))}
            <TextField id="ship-note" label={t('note')} value={note} onChange={setNote} />
          </div>
          <div className="form-actions"><button type="submit" className="btn btn-primary">{t('recordShipment')}</button></div>
        </form>
      ) : null}
    </Section>
  );
}
