// The item: a class from the catalogue as a preset, or its attributes by hand.
import { useId } from 'react';
import { useClassification, useItems } from '../api/catalog.ts';
import type { Item } from '../api/types.ts';
import { ETCO_ITEM1, type EtcoItem1 } from '../../../src/core/model.ts';
import { SelectField, TextField, TriState } from '../components/Fields.tsx';
import { CountryPicker } from '../components/CountryPicker.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { CONTROL_LIST, FORM_LABEL, FUNCTION_LABEL, MUNITION_LABEL, ORIGIN_LABEL, options } from '../lib/labels.ts';

const isEtcoItem = (code: string): code is EtcoItem1 => (ETCO_ITEM1 as readonly string[]).includes(code);

export interface ItemValue {
  preset: string;
  item: Item;
}

export function ItemFields({ value, onChange, legend }: { value: ItemValue; onChange: (v: ItemValue) => void; legend?: string }) {
  const { t, lang, pick } = useI18n();
  const items = useItems();
  const subItems = useClassification();
  // Radio names unique per item, so two item lines of one case form are two sets of groups.
  const uid = useId();
  const item = value.item;
  // Editing any attribute by hand leaves the preset behind: the attributes are what is evaluated.
  const set = <K extends keyof Item>(key: K, v: Item[K] | undefined) => {
    const next: Item = { ...item };
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[key];
    else next[key] = v;
    onChange({ preset: '', item: next });
  };
  // Scope first: a sub-item of item 1 states defense equipment, and an item not (or not known to be) defense equipment has no sub-item.
  const setScope = (defenseEquipment: boolean | undefined, etcoItem: Item['etcoItem']) => {
    const rest: Item = { ...item };
    delete rest.defenseEquipment;
    delete rest.etcoItem;
    onChange({ preset: '', item: { ...rest, ...(defenseEquipment !== undefined ? { defenseEquipment } : {}), ...(etcoItem ? { etcoItem } : {}) } });
  };
  const chosen = items.data?.find((c) => c.id === value.preset);
  // By name in the reader's language, not by id.
  const presets = (items.data ?? []).map((c) => ({ value: c.id, label: pick(c.name) || c.id })).sort((a, b) => a.label.localeCompare(b.label, lang));

  return (
    <fieldset className="group">
      <legend>{legend ?? t('item')}</legend>
      {items.data && presets.length > 0 ? (
        <SelectField
          label={t('itemPreset')}
          value={value.preset}
          empty={t('itemByHand')}
          options={presets}
          onChange={(id) => {
            const found = items.data?.find((c) => c.id === id);
            onChange(found ? { preset: found.id, item: { ...found.item, name: pick(found.name) } } : { preset: '', item });
          }}
        />
      ) : null}
      {chosen ? (
        <p className="hint preset-note">
          {pick(chosen.summary)} {chosen.controlList ? <code>{chosen.controlList}</code> : null}{' '}
          <a href={chosen.source} target="_blank" rel="noreferrer noopener">{t('source')}</a>
        </p>
      ) : null}
      <div className="grid-3 scope-row">
        <TriState
          name={`${uid}-defenseEquipment`}
          label={t('defenseEquipment')}
          value={item.defenseEquipment ?? (item.etcoItem ? true : undefined)}
          onChange={(v) => setScope(v, v === true ? item.etcoItem : undefined)}
          labels={{ yes: t('yes'), no: t('no'), unset: t('notStated') }}
        />
        {subItems.data?.length ? (
          <SelectField
            label={t('etcoItem')}
            hint={t('etcoItemHint')}
            className="span-2"
            value={item.etcoItem ?? ''}
            empty={t('notStated')}
            options={subItems.data.filter((c) => isEtcoItem(c.code)).map((c) => ({ value: c.code as EtcoItem1, label: `(${c.code}) ${pick(c.title)}` }))}
            onChange={(v) => setScope(v ? true : item.defenseEquipment, v || undefined)}
          />
        ) : null}
      </div>
      <div className="grid-3">
        <TriState
          name={`${uid}-weapon`}
          label={t('weapon')}
          value={item.weapon}
          onChange={(v) => set('weapon', v)}
          labels={{ yes: t('yes'), no: t('no'), unset: t('unknown') }}
        />
        <SelectField label={t('form')} value={item.form ?? ''} empty={t('notStated')} options={options(FORM_LABEL, lang)} onChange={(v) => set('form', v || undefined)} />
        <SelectField label={t('function')} value={item.function ?? ''} empty={t('notStated')} options={options(FUNCTION_LABEL, lang)} onChange={(v) => set('function', v || undefined)} />
        <SelectField label={t('origin')} value={item.origin ?? ''} empty={t('notStated')} options={options(ORIGIN_LABEL, lang)} onChange={(v) => set('origin', v || undefined)} />
        <TextField label={t('itemName')} value={(chosen && item.name === chosen.name.en ? pick(chosen.name) : item.name) ?? ''} onChange={(v) => set('name', v || undefined)} />
      </div>
      <details className="more" open={Boolean(item.partners || item.licensor || item.program || item.controlList || item.munitionType)}>
        <summary>{t('more')}</summary>
        <div className="grid-3">
          <TextField
            label={t('partners')}
            hint={t('partnersHint')}
            value={(item.partners ?? []).join(', ')}
            onChange={(v) => set('partners', v.toUpperCase().split(/[\s,]+/).filter((x) => /^[A-Z]{2}$/.test(x)))}
          />
          <CountryPicker label={t('licensor')} value={item.licensor ?? ''} onChange={(c) => set('licensor', c || undefined)} />
          <TextField label={t('program')} value={item.program ?? ''} onChange={(v) => set('program', v || undefined)} />
          <SelectField label={t('controlList')} value={item.controlList ?? ''} empty={t('notStated')} options={CONTROL_LIST.map((c) => ({ value: c, label: c }))} onChange={(v) => set('controlList', v || undefined)} />
          <SelectField label={t('munitionType')} value={item.munitionType ?? ''} empty={t('notStated')} options={options(MUNITION_LABEL, lang)} onChange={(v) => set('munitionType', v || undefined)} />
        </div>
      </details>
    </fieldset>
  );
}
