// Names of the request's enumerated values, in both languages (kept in the core, shared with the CLI), and helpers.
import type { Item } from '../api/types.ts';
import type { Lang, MessageKey } from '../i18n/messages.ts';

type T = { en: string; ja: string };

export { END_USER_LABEL, FORM_LABEL, FUNCTION_LABEL, MUNITION_LABEL, ORIGIN_LABEL, PURPOSE_LABEL } from '../../../src/core/labels.ts';
import { FORM_LABEL, FUNCTION_LABEL, ORIGIN_LABEL, TRANSFEROR_LABEL } from '../../../src/core/labels.ts';

export const CONTROL_LIST = Array.from({ length: 22 }, (_, i) => `ML${i + 1}`);

export function options<K extends string>(labels: Record<K, T>, lang: Lang): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value][lang] }));
}

/** Who transfers, as choices: the core's labels read inside a sentence ("the Minister of Defense"), a choice starts with a capital. */
export const transferorOptions = (lang: Lang) => options(TRANSFEROR_LABEL, lang).map((o) => ({ ...o, label: o.label.charAt(0).toUpperCase() + o.label.slice(1) }));

/** A short description of an item described by hand: "Weapon · Complete item · Domestic". */
export function describeItem(item: Item, t: (k: MessageKey) => string, lang: Lang): string {
  const parts = [
    item.name ?? '',
    item.weapon === true ? t('weaponShort') : item.weapon === false ? t('nonWeaponShort') : '',
    item.form ? FORM_LABEL[item.form][lang] : '',
    item.function ? FUNCTION_LABEL[item.function][lang] : '',
    item.origin ? ORIGIN_LABEL[item.origin][lang] : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('item');
}
