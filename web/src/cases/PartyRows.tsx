// Consignees and the transit route on the case form: rows to add and remove, each field labelled with its row, and
// focus moved to the new row on add (to the add button on remove), so it all works from the keyboard.
import { useEffect, useRef, useState } from 'react';
import { CountryPicker } from '../components/CountryPicker.tsx';
import { SelectField, TextField } from '../components/Fields.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { END_USER_LABEL, options } from '../lib/labels.ts';
import { newConsignee, newLeg, type ConsigneeRow, type LegRow } from './partyForm.ts';

/** Focus the element with this id once it has been rendered. */
function useFocusAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

/** Editing a list of rows: patch one, remove one (focus back to the add button), add one (focus its first field). */
function useRows<R>(rows: R[], onChange: (rows: R[]) => void, make: () => R, firstFieldId: (i: number) => string) {
  const focus = useFocusAfterRender();
  const addButton = useRef<HTMLButtonElement>(null);
  return {
    addButton,
    set: (i: number, patch: Partial<R>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))),
    remove: (i: number) => {
      onChange(rows.filter((_, j) => j !== i));
      addButton.current?.focus();
    },
    add: () => {
      onChange([...rows, make()]);
      focus(firstFieldId(rows.length));
    },
  };
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <div className="field field-action">
      <button type="button" className="btn btn-small" aria-label={label} onClick={onClick}>{t('removeItem')}</button>
    </div>
  );
}

export function ConsigneeRows({ rows, onChange }: { rows: ConsigneeRow[]; onChange: (rows: ConsigneeRow[]) => void }) {
  const { t, lang } = useI18n();
  const { set, remove, add, addButton } = useRows(rows, onChange, newConsignee, (i) => `consignee-name-${i}`);
  return (
    <fieldset className="group rows" aria-describedby="consignees-hint">
      <legend>{t('consignees')}</legend>
      <p id="consignees-hint" className="hint">{t('consigneesHint')}</p>
      {rows.map((r, i) => (
        <fieldset className="row-box" key={i} data-row="consignee">
          <legend>{t('consigneeN', { n: i + 1 })}</legend>
          <div className="grid-3">
            <TextField id={`consignee-name-${i}`} label={t('partyName')} value={r.name} onChange={(name) => set(i, { name })} required />
            <SelectField id={`consignee-type-${i}`} label={t('partyType')} value={r.type} options={options(END_USER_LABEL, lang)} onChange={(type) => type && set(i, { type })} />
            <CountryPicker id={`consignee-country-${i}`} label={t('partyCountry')} value={r.country} onChange={(country) => set(i, { country })} optional />
          </div>
          <div className="grid-3">
            <TextField id={`consignee-address-${i}`} className="span-2" label={t('endUserAddress')} value={r.address} onChange={(address) => set(i, { address })} />
            <RemoveButton label={t('removeConsigneeN', { n: i + 1 })} onClick={() => remove(i)} />
          </div>
        </fieldset>
      ))}
      <p>
        <button ref={addButton} type="button" className="btn btn-small" onClick={add}>+ {t('addConsignee')}</button>
      </p>
    </fieldset>
  );
}

export function RouteRows({ rows, onChange }: { rows: LegRow[]; onChange: (rows: LegRow[]) => void }) {
  const { t } = useI18n();
  const { set, remove, add, addButton } = useRows(rows, onChange, newLeg, (i) => `route-country-${i}`);
  return (
    <fieldset className="group rows" aria-describedby="route-hint">
      <legend>{t('route')}</legend>
      <p id="route-hint" className="hint">{t('routeHint')}</p>
      {rows.length ? (
        <ol className="legs">
          {rows.map((r, i) => (
            <li key={i} data-row="leg">
              <fieldset className="row-box">
                <legend>{t('legN', { n: i + 1 })}</legend>
                <div className="grid-3">
                  <CountryPicker id={`route-country-${i}`} label={t('transitCountry')} value={r.country} onChange={(country) => set(i, { country })} required />
                  <TextField id={`route-place-${i}`} label={t('transitPlace')} value={r.place} onChange={(place) => set(i, { place })} />
                  <RemoveButton label={t('removeLegN', { n: i + 1 })} onClick={() => remove(i)} />
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
      ) : null}
      <p>
        <button ref={addButton} type="button" className="btn btn-small" onClick={add}>+ {t('addLeg')}</button>
      </p>
    </fieldset>
  );
}
