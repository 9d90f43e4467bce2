// Transfer applications (cases): the stored shapes. Validation schemas live in schema.ts.
import type { Decision, EndUserType, Item, Outcome, Purpose, Review, Transferor } from '../core/model.ts';

export const ROLES = ['applicant', 'examiner', 'nsc', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CASE_STATUSES = ['draft', 'submitted', 'under_review', 'nsc_deliberation', 'approved', 'denied', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = ['submit', 'start_review', 'refer_nsc', 'return_to_examiner', 'approve', 'deny', 'withdraw'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface Actor {
  id: string;
  username: string;
  role: Role;
  org: string | null;
}

/** Who asks, and the request id the audit log records: passed into every service call. */
export interface RequestContext {
  actor: Actor;
  requestId?: string;
}

export interface Party {
  name: string;
  address?: string;
  type: EndUserType;
  country?: string;
}

export interface ItemLine {
  item: Item;
  quantity: number;
  valueJpy: number;
}

export interface RouteLeg {
  country: string;
  place?: string;
}

export interface CaseApplication {
  recipient: string;
  purpose?: Purpose;
  transferor?: Transferor;
  endUser: Party;
  consignees: Party[];
  items: ItemLine[];
  route: RouteLeg[];
  justification: string;
}

export interface CaseDocument {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedBy: string;
  addedAt: string;
}

export interface StatusChange {
  at: string;
  actor: string;
  action: CaseAction;
  from: CaseStatus;
  to: CaseStatus;
  reason: string | null;
}

/** An examiner's verdict on a screening hit, kept in the history because a new list version resets the screening. */
export interface DispositionChange {
  at: string;
  actor: string;
  action: 'dispose';
  party: string;
  referenceNumber: string;
  verdict: Verdict;
  reason: string;
}

export type HistoryEntry = StatusChange | DispositionChange;

/** What an applicant sees of the screening: that it is under review, never names, reference numbers or scores. */
export interface ScreeningNotice {
  at: string;
  underReview: boolean;
}

export interface LicenceLine {
  item: number; // index into application.items
  quantity: number;
  valueJpy: number;
  shippedQuantity: number;
  shippedValueJpy: number;
}

export interface Licence {
  number: string;
  issuedAt: string;
  issuedBy: string;
  validUntil: string | null;
  conditions: LicenceCondition[];
  lines: LicenceLine[];
}

export interface LicenceCondition {
  id: string;
  text: string;
  rule: string | null; // the rule that imposed it, when it came from the decision
}

export interface Shipment {
  id: string;
  date: string;
  recordedBy: string;
  recordedAt: string;
  lines: { item: number; quantity: number; valueJpy: number }[];
  note?: string;
}

export type Verdict = 'false_positive' | 'true_match';

export interface Disposition {
  verdict: Verdict;
  reason: string;
  by: string;
  at: string;
}

export interface ScreeningHit {
  referenceNumber: string;
  listedName: string;
  matchedName: string;
  score: number;
  explanation: string;
  /** The explanation in Japanese (hits recorded before it existed have none). */
  explanationJa?: string;
  disposition: Disposition | null;
}

export interface PartyScreening {
  party: string; // where the party sits in the application: endUser, consignees.0, ...
  name: string;
  key: string; // the identity dispositions are remembered under
  hits: ScreeningHit[];
}

export interface CaseScreening {
  source: string;
  listVersion: string;
  at: string;
  parties: PartyScreening[];
  /** Some hit has no disposition yet: the case cannot be referred or approved. */
  hold: boolean;
  /** Some hit was confirmed: the case cannot be approved. */
  trueMatch: boolean;
}

export interface CaseData {
  application: CaseApplication;
  /** Party screening at submission; absent before submission or when no list is loaded. */
  screening?: CaseScreening | null;
  documents: CaseDocument[];
  history: HistoryEntry[];
  licence: Licence | null;
  shipments: Shipment[];
}

export interface CaseRow {
  id: string;
  reference: string;
  org: string;
  status: CaseStatus;
  version: number;
  data: CaseData;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  category: string | null;
}

/** The engine's answer for a whole case: one Decision per item line, summed up. */
export interface CaseEvaluation {
  seq: number;
  at: string;
  status: CaseStatus;
  asOf: string;
  policyDigest: string;
  outcome: Outcome;
  review: Review | null;
  items: Decision[];
}

export const CONSENT_KINDS = ['third-party-transfer', 'extra-purpose-use'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const CONSENT_STATUSES = ['filed', 'approved', 'denied', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export interface ConsentData {
  kind: ConsentKind;
  recipient: string;
  endUser?: Party;
  purpose?: Purpose;
  asOf: string;
  justification: string;
  filedBy: string;
  evaluation: Omit<CaseEvaluation, 'seq' | 'status'>;
  decision: { by: string; at: string; outcome: 'approved' | 'denied'; reason: string; conditions: string[] } | null;
}

export interface ConsentRow {
  id: string;
  caseId: string;
  org: string;
  status: ConsentStatus;
  version: number;
  data: ConsentData;
  createdAt: string;
  updatedAt: string;
}

export interface UserRow {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  org: string | null;
  disabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SessionRow {
  tokenHash: string;
  kind: 'session' | 'token';
  userId: string;
  csrf: string | null;
  label: string | null;
  createdAt: string;
  expiresAt: string;
}
