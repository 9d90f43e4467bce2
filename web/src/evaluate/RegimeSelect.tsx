import { useRegimes } from '../api/catalog.ts';
import { SelectField } from '../components/Fields.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** The rules to apply: the ones in force on the date (default), a named regime or revision, or a draft. */
export function RegimeSelect({ value, onChange, label, id }: { value: string; onChange: (v: string) => void; label?: string; id?: string }) {
  const { t, pick } = useI18n();
  const regimes = useRegimes();
  const list = regimes.data?.regimes ?? [];
  const opt = (r: (typeof list)[number]) => ({ value: r.id, label: `${r.from ?? r.id} · ${pick(r.title)}` });
  return (
    <SelectField
      id={id}
      label={label ?? t('regime')}
      value={value}
      empty={t('regimeInForce')}
      onChange={(v) => onChange(v)}
      groups={[
        { label: t('regimeGroupLaw'), options: list.filter((r) => r.kind !== 'draft').map(opt) },
        { label: t('regimeGroupDrafts'), options: list.filter((r) => r.kind === 'draft').map(opt) },
      ].filter((g) => g.options.length > 0)}
    />
  );
}
