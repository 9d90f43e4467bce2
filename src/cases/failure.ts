// How the case system says no: a kind the HTTP layer maps to a status, and the problems as data.
import type { Problem } from '../core/model.ts';

// upstream: a server we fetched from failed or sent something unusable; the request itself was fine.
export type FailureKind = 'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'upstream';

export interface Failure {
  ok: false;
  kind: FailureKind;
  problems: Problem[];
  current?: unknown; // for conflict: the state as it is now
}

/** What a service call returns: the value, or a failure as data (not the decision's Outcome). */
export type ServiceResult<T> = { ok: true; value: T } | Failure;

export const fail = (kind: FailureKind, code: string, path: string, message: string, current?: unknown): Failure => ({
  ok: false, kind, problems: [{ code, path, message }], ...(current === undefined ? {} : { current }),
});
export const invalid = (problems: Problem[]): Failure => ({ ok: false, kind: 'invalid', problems });
export const notFound = (what: string): Failure => fail('not_found', 'not_found', '(root)', `${what} not found`);
