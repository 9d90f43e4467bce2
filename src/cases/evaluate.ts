// Turns a case into engine requests (one per item line) and sums the decisions up. Pure.
import type { Category } from '../core/categories.ts';
import type { Decision, Outcome, Review, TransferRequest } from '../core/model.ts';
import type { CaseApplication, CaseEvaluation, CaseStatus, LicenceCondition, Party } from './model.ts';

/** The minimal engine surface the case system needs; the real Engine satisfies it. */
export interface DecisionEngine {
  evaluate(request: TransferRequest, opts?: { regime?: string; trace?: boolean }): Decision;
  rule(id: string): { category?: string } | undefined;
  readonly policyDigest: string;
  /** The annual report's categories (policy/categories.yaml). */
  readonly policy: { readonly categories: readonly Category[] };
}

// Most severe first: a case is as permissible as its least permissible item.
const SEVERITY: Outcome[] = ['prohibited', 'not_permitted', 'requires_judgment', 'permissible', 'out_of_scope'];
const REVIEWS: Review[] = ['meti', 'nsc', 'cabinet'];

export function requestsFor(
  app: Pick<CaseApplication, 'recipient' | 'purpose' | 'transferor' | 'items'> & { endUser?: Party }, asOf: string,
): TransferRequest[] {
  return app.items.map((line) => ({
    asOf,
    recipient: app.recipient,
    ...(app.endUser ? { endUser: { name: app.endUser.name, type: app.endUser.type } } : {}),
    item: line.item,
    ...(app.purpose ? { purpose: app.purpose } : {}),
    ...(app.transferor ? { transferor: app.transferor } : {}),
  }));
}

export function summarise(decisions: Decision[]): { outcome: Outcome; review: Review | null } {
  let outcome: Outcome = 'out_of_scope';
  let review: Review | null = null;
  for (const d of decisions) {
    if (SEVERITY.indexOf(d.outcome) < SEVERITY.indexOf(outcome)) outcome = d.outcome;
    if (d.review && (review === null || REVIEWS.indexOf(d.review) > REVIEWS.indexOf(review))) review = d.review;
  }
  return { outcome, review };
}

export function evaluateCase(
  engine: DecisionEngine, app: Parameters<typeof requestsFor>[0], asOf: string, at: string, status: CaseStatus,
): Omit<CaseEvaluation, 'seq'> {
  const items = requestsFor(app, asOf).map((r) => engine.evaluate(r, { trace: true }));
  return { at, status, asOf, policyDigest: engine.policyDigest, ...summarise(items), items };
}

/** The report category of a decision: the `category` of the first deciding rule that has one. */
export function categoryOf(engine: DecisionEngine, decisions: Decision[]): string | null {
  for (const d of decisions) for (const id of d.reasons) {
    const c = engine.rule(id)?.category;
    if (c) return c;
  }
  return null;
}

/** Conditions the decisions attach (Principle 3 consent and the like), once each. */
export function decisionConditions(decisions: Decision[]): LicenceCondition[] {
  const seen = new Map<string, LicenceCondition>();
  for (const d of decisions) for (const c of d.conditions) if (!seen.has(c.id)) seen.set(c.id, { id: c.id, text: c.text.en, rule: c.rule });
  return [...seen.values()];
}
