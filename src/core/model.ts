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
/** Who transfers: the Minister of Defense (e.g. under SDF Act art. 116-3), another government body, or a company exporting under licence. */
export const TRANSFERORS = ['defense-minister', 'government', 'company'] as const;
/** Sub-items of item 1 (arms) of Appended Table 1 of the Export Trade Control Order; policy/classification maps each to ML categories. */
export const ETCO_ITEM1 = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '13-2', '14', '15', '16', '17'] as const;

export type Form = (typeof FORMS)[number];
export type ItemFunction = (typeof FUNCTIONS)[number];
export type Origin = (typeof ORIGINS)[number];
export type Purpose = (typeof PURPOSES)[number];
export type EndUserType = (typeof END_USER_TYPES)[number];
export type MunitionType = (typeof MUNITION_TYPES)[number];
export type Transferor = (typeof TRANSFERORS)[number];
export type EtcoItem1 = (typeof ETCO_ITEM1)[number];

export interface Item {
  name?: string;
  defenseEquipment?: boolean; // absent means unknown (true when etcoItem is given): the first question of every decision
  etcoItem?: EtcoItem1; // Export Trade Control Order, Appended Table 1, item 1, sub-item (1)..(17)
  weapon?: boolean; // absent means unknown
  form?: Form;
  function?: ItemFunction;
  origin?: Origin;
  partners?: CountryCode[];
  licensor?: CountryCode;
  program?: string;
  controlList?: string; // ML1..ML22
  munitionType?: MunitionType; // absent: none of the treaty-banned types for a non-weapon, else unknown
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
  transferor?: Transferor;
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

/** What the decision would be if an unstated attribute of the request took this value. */
export interface OpenOption {
  value: string;
  outcome: Outcome;
  rules: string[]; // the rules that would decide
}

export interface OpenQuestion {
  id: string; // the rule or fact that left it open; a request path (e.g. "purpose") for an unstated attribute
  question: Text;
  by: string; // who decides: 'meti' | 'nsc' | 'cabinet' | 'operator' | 'applicant'
  options?: OpenOption[]; // traced decisions: for an unstated attribute with a finite set of values, what each value would give
}

/** A law that may govern an item outside the rules on defense equipment. */
export interface OtherControl {
  id: string;
  title: Text;
  governs: Text;
  citations: string[];
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
  instead?: OtherControl[]; // out of scope, or possibly so: the laws that may govern the item instead
  trace: TraceEntry[];
  policyDigest: string;
}

export type RuleKind = 'scope' | 'prohibition' | 'permission' | 'exception' | 'requirement' | 'default';
