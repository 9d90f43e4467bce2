// The one error mapping: every refusal, whatever its source, leaves as application/problem+json.
import type { Problem } from '../core/model.ts';
import type { Failure, FailureKind } from '../cases/failure.ts';

export const PROBLEM_TYPE = 'application/problem+json';

const STATUS: Record<FailureKind, number> = { invalid: 422, not_found: 404, forbidden: 403, conflict: 409, upstream: 502 };
const TITLES: Record<number, string> = {
  400: 'Bad request', 401: 'Authentication required', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed',
  409: 'Conflict', 413: 'Request body too large', 415: 'Unsupported media type', 422: 'The request has problems',
  429: 'Too many attempts', 500: 'Internal error', 502: 'Bad gateway', 503: 'Unavailable',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  problems: Problem[];
  requestId?: string;
  current?: unknown;
}

export function problemBody(status: number, problems: Problem[], extra: { requestId?: string; current?: unknown; detail?: string } = {}): ProblemBody {
  return {
    type: `urn:gensoku:problem:${problems[0]?.code ?? 'error'}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: extra.detail ?? problems.map((p) => (p.path && p.path !== '(root)' ? `${p.path}: ${p.message}` : p.message)).join('; '),
    problems,
    ...(extra.requestId ? { requestId: extra.requestId } : {}),
    ...(extra.current === undefined ? {} : { current: extra.current }),
  };
}

export function problemResponse(status: number, problems: Problem[], extra: { requestId?: string; current?: unknown; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(problemBody(status, problems, extra)), {
    status,
    headers: { 'content-type': PROBLEM_TYPE, ...(extra.requestId ? { 'x-request-id': extra.requestId } : {}), ...extra.headers },
  });
}

export function failureResponse(f: Failure, requestId?: string): Response {
  return problemResponse(STATUS[f.kind], f.problems, { requestId, current: f.current });
}

export const one = (code: string, message: string, path = '(root)'): Problem[] => [{ code, path, message }];
