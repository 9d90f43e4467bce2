// The request and decision contracts (the JSON other tools rely on, see README), as types. Everything else in the product speaks these.

export type IsoDate = string; // YYYY-MM-DD
export type CountryCode = string; // ISO 3166-1 alpha-2

export type Outcome = 'prohibited' | 'not_permitted' | 'permissible' | 'requires_judgment' | 'out_of_scope';
export type Review = 'meti' | 'nsc' | 'cabinet';
export type Lang = 'en' | 'ja';
export type Text = { en: string; ja: string };

export const FORMS = ['complete', 'part', 'technology'] as const;
export const FUNCTIONS = ['rescue', 'transport', 'warning', 'surveillance', 'minesweeping', 'protection', 'other'] as const;
export const ORIGINS = ['domestic', 'joint-development', 'licensed-production'] as const;
export const PURPOSES = [
  'peace-contribution', 'international-cooperation', 'joint-development', 'security-cooperation', 'sdf-support',
  'nationals-protection', 'return-to-licensor', 'aid-against-aggression', 'very-small-impact', 'commercial',
] as const;
export const END_USER_TYPES = ['government', 'military', 'international-organization', 'company', 'individual'] as const;
export const MUNITION_TYPES = ['chemical-weapon', 'biological-weapon', 'cluster-munition', 'anti-personnel-mine', 'other'] as const;

export type Form = (typeof FORMS)[number];
export type ItemFunction = (typeof FUNCTIONS)[number];
export type Origin = (typeof ORIGINS)[number];
export type Purpose = (typeof PURPOSES)[number];
export type EndUserType = (typeof END_USER_TYPES)[number];
export type MunitionType = (typeof MUNITION_TYPES)[number];

export interface Item {
  name?: string;
  defenseEquipment?: boolean; // absent means true: the product is about defense equipment
  weapon?: boolean; // absent means unknown
  form?: Form;
  function?: ItemFunction;
  origin?: Origin;
  partners?: CountryCode[];
  licensor?: CountryCode;
  program?: string;
  controlList?: string; // ML1..ML22
  munitionType?: MunitionType; // absent means none of the treaty-banned types
}

export interface EndUser {
  name?: string;
  type?: EndUserType;
}

export interface TransferRequest {
  asOf: IsoDate;
  recipient: CountryCode;
  endUser?: EndUser;
  item: Item;
  purpose?: Purpose;
}

/** An expected problem with input or data: returned, never thrown. */
export interface Problem {
  code: string;
  path: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false, problems: Problem[] };

export interface DecisionCondition {
  id: string;
  rule: string;
  text: Text;
}

export interface OpenQuestion {
  id: string; // the rule or fact that left it open
  question: Text;
  by: string; // who decides: 'meti' | 'nsc' | 'cabinet' | 'operator' | 'applicant'
}

export type Truth = 'true' | 'false' | 'unknown';

export interface TraceTest {
  test: string; // human-readable test, e.g. "item.weapon = true"
  value: Truth;
}

export interface RuleTrace {
  type: 'rule';
  rule: string;
  kind: RuleKind;
  revision: string; // the regime or revision that introduced the rule
  result: 'fired' | 'not_fired' | 'unknown' | 'defeated';
  tests: TraceTest[];
  defeatedBy?: string[];
  citations: string[];
}

export interface FactTrace {
  type: 'fact';
  fact: string;
  of: CountryCode;
  value: string | boolean | null; // null: unknown
  from: IsoDate | null; // null: no entry, the list's default applies
  to: IsoDate | null;
  source: string | null;
  confirmed: boolean;
  note?: string;
}

export type TraceEntry = RuleTrace | FactTrace;

export interface Decision {
  outcome: Outcome;
  regime: string;
  revision: string;
  reasons: string[];
  conditions: DecisionCondition[];
  review: Review | null;
  open: OpenQuestion[];
  trace: TraceEntry[];
  policyDigest: string;
}

export type RuleKind = 'scope' | 'prohibition' | 'permission' | 'exception' | 'requirement' | 'default';
