// Names of the request's enumerated values, outcome sentences and review levels, in both languages: one place for
// the CLI's explanations, what-if texts and the web app.
import type { EndUserType, Form, ItemFunction, MunitionType, Origin, Outcome, Purpose, Review, Text } from './model.ts';

export const FORM_LABEL: Record<Form, Text> = {
  complete: { en: 'Complete item', ja: '完成品' },
  part: { en: 'Part or component', ja: '部品' },
  technology: { en: 'Technology', ja: '技術' },
};

export const FUNCTION_LABEL: Record<ItemFunction, Text> = {
  rescue: { en: 'Rescue', ja: '救難' },
  transport: { en: 'Transport', ja: '輸送' },
  warning: { en: 'Warning', ja: '警戒' },
  surveillance: { en: 'Surveillance', ja: '監視' },
  minesweeping: { en: 'Minesweeping', ja: '掃海' },
  protection: { en: 'Protection', ja: '防護' },
  other: { en: 'Other', ja: 'その他' },
};

export const ORIGIN_LABEL: Record<Origin, Text> = {
  domestic: { en: 'Domestic', ja: '国産' },
  'joint-development': { en: 'International joint development', ja: '国際共同開発' },
  'licensed-production': { en: 'Licensed production', ja: 'ライセンス生産' },
};

export const PURPOSE_LABEL: Record<Purpose, Text> = {
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

export const END_USER_LABEL: Record<EndUserType, Text> = {
  government: { en: 'Government', ja: '政府' },
  military: { en: 'Armed forces', ja: '軍' },
  'international-organization': { en: 'International organisation', ja: '国際機関' },
  company: { en: 'Company', ja: '企業' },
  individual: { en: 'Individual', ja: '個人' },
};

export const MUNITION_LABEL: Record<MunitionType, Text> = {
  'chemical-weapon': { en: 'Chemical weapon', ja: '化学兵器' },
  'biological-weapon': { en: 'Biological weapon', ja: '生物兵器' },
  'cluster-munition': { en: 'Cluster munition', ja: 'クラスター弾' },
  'anti-personnel-mine': { en: 'Anti-personnel mine', ja: '対人地雷' },
  other: { en: 'None of these', ja: 'いずれにも該当しない' },
};

/** One sentence saying what an outcome means. */
export const OUTCOME_SENTENCE: Record<Outcome, Text> = {
  prohibited: { en: 'The transfer is prohibited outright; no permitted case can open it.', ja: '本件移転は禁止されており、いかなる許容類型によっても認められない。' },
  not_permitted: { en: 'Nothing prohibits the transfer, but no permitted case covers it, so it is not permitted.', ja: '移転を禁止する規定はないが、移転を認め得る場合のいずれにも該当しないため、認められない。' },
  permissible: { en: 'A permitted case applies: the transfer may be permitted, subject to the conditions and review below.', ja: '移転を認め得る場合に該当する。以下の条件及び審査を経て移転を認め得る。' },
  requires_judgment: { en: 'The outcome turns on a judgment or a fact that is not settled; see the open questions.', ja: '未確定の判断又は事実により結論が左右される。未決事項を参照。' },
  out_of_scope: { en: 'The item is not defense equipment, so the rules on its transfer do not apply.', ja: '本品目は防衛装備に当たらないため、移転に関する規律の対象外である。' },
};

export const REVIEW_LABEL: Record<Review, Text> = {
  meti: { en: 'METI licence examination', ja: '経済産業省の許可審査' },
  nsc: { en: 'National Security Council deliberation', ja: '国家安全保障会議での審議' },
  cabinet: { en: 'Cabinet decision for the case', ja: '個別案件ごとの閣議決定' },
};
