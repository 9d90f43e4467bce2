// A route is data: method, path, who may call it, what it takes and returns. The app, the OpenAPI document
// and the role x endpoint test are all built from the same list.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Engine } from '../core/engine.ts';
import type { ItemClass } from '../core/items.ts';
import type { Question } from '../core/questions.ts';
import type { Text } from '../core/model.ts';
import type { Failure } from '../cases/failure.ts';
import type { DownloadOptions } from '../cases/list-download.ts';
import type { Actor, RequestContext, Role, SessionRow } from '../cases/model.ts';
import type { CaseService } from '../cases/service.ts';
import type { ScreeningProvider } from '../cases/screening.ts';
import type { Store } from '../cases/store-port.ts';
import type { LoginThrottle } from './throttle.ts';

export const SESSION_COOKIE = 'gensoku_session';
export const CSRF_HEADER = 'x-csrf-token';

export type ApiEngine = Pick<Engine, 'evaluate' | 'regimes' | 'factsOf' | 'rule' | 'policyDigest' | 'sources' | 'policy'>;

export type LogLine = Record<string, unknown>;

export interface AppDeps {
  store: Store;
  engine: ApiEngine;
  now?: () => Date;
  /** Receives one JSON-ready object per request; default: a line on stdout. */
  log?: (line: LogLine) => void;
  /** The built web UI; null serves a page saying how to build it. Default: web/dist of this package, if present. */
  webDist?: string | null;
  /** Largest request body in bytes, outside routes that set their own. */
  bodyLimit?: number;
  version?: string;
  /** The item catalogue (policy/items), for pickers and the matrix. */
  items?: ItemClass[];
  /** The public's questions (policy/questions.yaml), answered live at GET /api/v1/questions. */
  questions?: Question[];
  /** Source issuers in both languages (policy/authorities.yaml), keyed by the issuer as the sources write it. */
  authorities?: Text[];
  /** The sanctions list parties are screened against at submission; null: none loaded. */
  screening?: ScreeningProvider | null;
  /** The holder of the list in use, when the caller shares it (gensoku serve: a list announced by another server replaces it). */
  lists?: { current: ScreeningProvider | null };
  /** Where POST /api/v1/screening/list/update downloads the list when the body names none (GENSOKU_LIST_URL); default: the UN's. */
  listUrl?: string;
  /** That download's size limit, timeouts and retries; default: the CLI's (DOWNLOAD_DEFAULTS). */
  listDownload?: DownloadOptions;
  /** Behind a reverse proxy: the client address is the last X-Forwarded-For hop, not the socket's peer. */
  trustProxy?: boolean;
}

export interface Services {
  deps: Required<Pick<AppDeps, 'store' | 'engine' | 'now'>> & AppDeps;
  cases: CaseService;
  /** The list in use; replaced when an admin imports a new one. */
  screening: { current: ScreeningProvider | null };
  /** Today in Japan, from deps.now: the default asOf of public engine routes. */
  today: () => string;
  throttle: LoginThrottle;
  /** Every route the app serves, for the OpenAPI document. */
  routes: RouteDef[];
}

export type Access = 'public' | 'authenticated' | readonly Role[];

export interface RouteContext {
  c: Context;
  services: Services;
  actor: Actor | null;
  session: SessionRow | null;
  /** For calls into services: who, and the request id the audit log records. */
  rc: RequestContext;
  requestId: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** The parsed JSON body, not yet validated: the service validates it with the schema documented below. */
  body: unknown;
}

export type Reply =
  | { ok: true; value: unknown; status?: number; headers?: Record<string, string> }
  | Failure
  | Response;

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
  /** Other representations of the same response (e.g. text/csv), chosen by a query parameter. */
  alternatives?: { contentType: string; description: string }[];
}

export interface RouteDef {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string; // Hono syntax: /api/v1/cases/:id
  operationId: string;
  summary: string;
  tag: string;
  access: Access;
  body?: z.ZodType;
  /** A body that is not a JSON request (read by the handler itself), for the docs: each media type the handler takes. */
  rawBody?: { description: string; content: Record<string, { description: string; schema?: z.ZodType }> };
  query?: z.ZodType;
  bodyLimit?: number;
  responses?: Record<number, ResponseDoc>;
  handler(ctx: RouteContext): Promise<Reply> | Reply;
}

export interface RouteModule {
  name: string;
  routes: RouteDef[];
}

export const ok = (value: unknown, status = 200, headers?: Record<string, string>): Reply => ({ ok: true, value, status, headers });

/** A JSON body the route's schema lets out (`.optional()`): the app takes an empty request, the document says not required. */
export const isOptionalBody = (route: RouteDef): boolean => route.body !== undefined && route.body.safeParse(undefined).success;

/** The roles an access rule admits, for the docs and the role table. */
export function admits(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'authenticated' || access.includes(role);
}
