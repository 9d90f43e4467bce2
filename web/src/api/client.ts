// One fetch wrapper: JSON in and out, the CSRF header on unsafe calls, and problem+json turned into ApiError.
import type { Problem } from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problems: Problem[],
    readonly detail: string,
    readonly current?: unknown,
  ) {
    super(detail || `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** The CSRF token of the cookie session, sent as x-csrf-token on unsafe requests. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
}

export function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function problemsOf(res: Response): Promise<ApiError> {
  let body: { problems?: Problem[]; detail?: string; current?: unknown } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    body = {};
  }
  return new ApiError(res.status, body.problems ?? [], body.detail ?? res.statusText, body.current);
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(withQuery(path, opts.query), {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    credentials: 'same-origin',
    signal: opts.signal,
  });
  if (!res.ok) throw await problemsOf(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
