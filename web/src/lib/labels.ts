// Names of the request's enumerated values, in both languages.
import type { EndUserType, Item, Purpose } from '../api/types.ts';
import type { Lang, MessageKey } from '../i18n/messages.ts';

type T = { en: string; ja: string };
type Form = NonNullable<Item['form']>;
type Fn = NonNullable<Item['function']>;
type Origin = NonNullable<Item['origin']>;
type Munition = NonNullable<Item['munitionType']>;

export const FORM_LABEL: Record<Form, T> = {
  complete: { en: 'Complete item', ja: '完成品' },
  part: { en: 'Part or component', ja: '部品' },
  technology: { en: 'Technology', ja: '技術' },
};

export const FUNCTION_LABEL: Record<Fn, T> = {
  rescue: { en: 'Rescue', ja: '救難' },
  transport: { en: 'Transport', ja: '輸送' },
  warning: { en: 'Warning', ja: '警戒' },
  surveillance: { en: 'Surveillance', ja: '監視' },
  minesweeping: { en: 'Minesweeping', ja: '掃海' },
  protection: { en: 'Protection', ja: '防護' },
  other: { en: 'Other', ja: 'その他' },
};

export const ORIGIN_LABEL: Record<Origin, T> = {
  domestic: { en: 'Domestic', ja: '国産' },
  'joint-development': { en: 'International joint development', ja: '国際共同開発' },
  'licensed-production': { en: 'Licensed production', ja: 'ライセンス生産' },
};

export const PURPOSE_LABEL: Record<Purpose, T> = {
  'peace-contribution': { en: 'Peace contribution', ja: '平和貢献' },
  'international-cooperation': { en: 'International cooperation', ja: '国際協力' },
  'joint-development': { en: 'Joint development and production', ja: '国際共同開発・生産' },
  'security-cooperation': { en: 'Security and defense cooperation', ja: '安全保障・防衛協力' },
  'sdf-support': { en: 'Support of SDF activities', ja: '自衛隊の活動支援' },
  'nationals-protection': { en: 'Protection of Japanese nationals', ja: '邦人の安全確保' },
  'return-to-licensor': { en: 'Return to the licensor', ja: 'ライセンス元への提供' },
  'aid-against-aggression': { en: 'Aid to a country under aggression', ja: '侵略を受けている国への支援' },
  'very-small-impact': { en: 'Very small security impact', ja: '安全保障上の影響が極めて小さい場合' },
  commercial: { en: 'Commercial', ja: '商業目的' },
};

export const END_USER_LABEL: Record<EndUserType, T> = {
  government: { en: 'Government', ja: '政府' },
  military: { en: 'Armed forces', ja: '軍' },
  'international-organization': { en: 'International organisation', ja: '国際機関' },
  company: { en: 'Company', ja: '企業' },
  individual: { en: 'Individual', ja: '個人' },
};

export const MUNITION_LABEL: Record<Munition, T> = {
  'chemical-weapon': { en: 'Chemical weapon', ja: '化学兵器' },
  'biological-weapon': { en: 'Biological weapon', ja: '生物兵器' },
  'cluster-munition': { en: 'Cluster munition', ja: 'クラスター弾' },
  'anti-personnel-mine': { en: 'Anti-personnel mine', ja: '対人地雷' },
  other: { en: 'None of these', ja: 'いずれにも該当しない' },
};

export const CONTROL_LIST = Array.from({ length: 22 }, (_, i) => `ML${i + 1}`);

export function options<K extends string>(labels: Record<K, T>, lang: Lang): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value][lang] }));
}

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
