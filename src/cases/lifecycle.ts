// The case lifecycle as a table: which action moves which status to which, and who may take it. Pure.
import type { Problem } from '../core/model.ts';
import type { CaseAction, CaseEvaluation, CaseStatus, Role } from './model.ts';

export interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus;
  roles: readonly Role[];
  needsReason: boolean;
}

export const TRANSITIONS: Readonly<Record<CaseAction, Transition>> = {
  submit: { from: ['draft'], to: 'submitted', roles: ['applicant'], needsReason: false },
  start_review: { from: ['submitted'], to: 'under_review', roles: ['examiner'], needsReason: false },
  refer_nsc: { from: ['under_review'], to: 'nsc_deliberation', roles: ['examiner'], needsReason: true },
  return_to_examiner: { from: ['nsc_deliberation'], to: 'under_review', roles: ['nsc'], needsReason: true },
  approve: { from: ['under_review', 'nsc_deliberation'], to: 'approved', roles: ['examiner', 'nsc'], needsReason: true },
  deny: { from: ['under_review', 'nsc_deliberation'], to: 'denied', roles: ['examiner', 'nsc'], needsReason: true },
  withdraw: { from: ['draft', 'submitted', 'under_review', 'nsc_deliberation'], to: 'withdrawn', roles: ['applicant'], needsReason: true },
};

/** Who decides in each deciding status: the examiner under review, the NSC once referred to it. */
const DECIDER: Partial<Record<CaseStatus, Role>> = { under_review: 'examiner', nsc_deliberation: 'nsc' };

export const OPEN_STATUSES: readonly CaseStatus[] = ['draft', 'submitted', 'under_review', 'nsc_deliberation'];

export type TransitionCheck =
  | { ok: true; to: CaseStatus }
  | { ok: false; kind: 'forbidden' | 'conflict' | 'invalid'; problems: Problem[] };

/** Whether `role` may take `action` on a case in `status`, given the engine's latest word on it. */
export function checkTransition(
  status: CaseStatus, action: CaseAction, role: Role, reason: string | undefined, evaluation: Pick<CaseEvaluation, 'outcome' | 'review' | 'policyDigest'> | undefined,
): TransitionCheck {
  const t = TRANSITIONS[action];
  if (!t.roles.includes(role)) {
    return { ok: false, kind: 'forbidden', problems: [{ code: 'role_cannot_act', path: 'action', message: `a ${role} cannot ${action.replace(/_/g, ' ')} a case` }] };
  }
  if (!t.from.includes(status)) {
    return { ok: false, kind: 'conflict', problems: [{ code: 'illegal_transition', path: 'action', message: `cannot ${action.replace(/_/g, ' ')} a case that is ${status.replace(/_/g, ' ')}` }] };
  }
  if ((action === 'approve' || action === 'deny') && DECIDER[status] !== role) {
    return { ok: false, kind: 'forbidden', problems: [{ code: 'not_the_decider', path: 'action', message: `a case in ${status.replace(/_/g, ' ')} is decided by the ${DECIDER[status]}` }] };
  }
  const problems: Problem[] = [];
  if (t.needsReason && !reason?.trim()) problems.push({ code: 'required', path: 'reason', message: `${action.replace(/_/g, ' ')} needs a reason` });
  if (action === 'approve' && evaluation) {
    if (evaluation.outcome === 'prohibited' || evaluation.outcome === 'not_permitted') {
      problems.push({ code: 'outcome_forbids_approval', path: 'action', message: `the rules give ${evaluation.outcome.replace(/_/g, ' ')} for this case (policy ${evaluation.policyDigest}); it can only be denied` });
    } else if (role === 'examiner' && (evaluation.review === 'nsc' || evaluation.review === 'cabinet')) {
      problems.push({ code: 'review_required', path: 'action', message: `the rules require ${evaluation.review === 'nsc' ? 'NSC' : 'Cabinet'} review: refer the case to the NSC` });
    }
  }
  return problems.length ? { ok: false, kind: 'invalid', problems } : { ok: true, to: t.to };
}

/** The actions a role could take now, for the case view; after a confirmed sanctions match the only decision is deny. */
export function availableActions(status: CaseStatus, role: Role, screening: { trueMatch: boolean } = { trueMatch: false }): CaseAction[] {
  return (Object.keys(TRANSITIONS) as CaseAction[]).filter((a) => {
    const t = TRANSITIONS[a];
    if (!t.roles.includes(role) || !t.from.includes(status)) return false;
    if (screening.trueMatch && (a === 'approve' || a === 'refer_nsc')) return false;
    return !((a === 'approve' || a === 'deny') && DECIDER[status] !== role);
  });
}
