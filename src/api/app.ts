// Builds the Hono app from the route list: one auth step, one body parser, one error mapping, one log line per request.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { CaseService } from '../cases/service.ts';
import { todayInJapan } from '../core/clock.ts';
import type { Actor, SessionRow } from '../cases/model.ts';
import { resolveToken } from '../cases/users.ts';
import { LoginThrottle } from './throttle.ts';
import { failureResponse, one, PROBLEM_TYPE, problemResponse } from './problem.ts';
import { admits, CSRF_HEADER, isOptionalBody, SESSION_COOKIE, type AppDeps, type LogLine, type Reply, type Services } from './route.ts';
import { ROUTE_MODULES } from './routes/index.ts';
import { staticHandler } from './static.ts';

const DEFAULT_BODY_LIMIT = 1024 * 1024;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Env = { Variables: { requestId: string; actor: Actor | null; session: SessionRow | null; services: Services } };

/** One JSON line per request on stdout, written in batches once per turn of the event loop (and at exit). */
function stdoutLogger(): (line: LogLine) => void {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) process.stdout.write(pending.join(''));
    pending = [];
  };
  process.once('exit', flush);
  return (line) => {
    if (pending.push(`${JSON.stringify(line)}\n`) === 1) setImmediate(flush);
  };
}

const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// No schema nests this deep; refusing here keeps recursive validators off untrusted depth.
const MAX_DEPTH = 64;

/**
 * The first place in parsed input that cannot be accepted: text PostgreSQL cannot store (NUL) or that would not
 * survive a round trip (unpaired surrogates), or nesting deeper than any schema has. Iterative: depth cannot
 * overflow the stack.
 */
export function inspectInput(value: unknown): { code: 'invalid_character' | 'too_deep'; path: string } | null {
  const stack: { v: unknown; path: string[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (path.length > MAX_DEPTH) return { code: 'too_deep', path: path.slice(0, MAX_DEPTH).join('.') };
    if (typeof v === 'string') {
      if (BAD_TEXT.test(v)) return { code: 'invalid_character', path: path.join('.') || '(root)' };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, String(i)] });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (BAD_TEXT.test(k)) return { code: 'invalid_character', path: path.join('.') || '(root)' };
        stack.push({ v: x, path: [...path, k] });
      }
    }
  }
  return null;
}

const INPUT_MESSAGES = {
  invalid_character: 'text may not contain NUL characters or unpaired surrogates',
  too_deep: `the body nests deeper than ${MAX_DEPTH} levels`,
};

function toResponse(c: Context, reply: Reply, requestId: string): Response {
  if (reply instanceof Response) return reply;
  if (!reply.ok) return failureResponse(reply, requestId);
  const status = reply.status ?? 200;
  if (status === 204) return c.body(null, 204, reply.headers);
  return c.json(reply.value as object, status as 200, reply.headers);
}

function bearerOrCookie(c: Context): { token: string; via: 'bearer' | 'cookie' } | null {
  const auth = c.req.header('authorization');
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    return m ? { token: m[1], via: 'bearer' } : null;
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

const safeEqual = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Refuses bodies over the limit. A declared length is checked from the header alone, which keeps
 * @hono/node-server on its fast path (it reads the body straight from the socket); only a chunked
 * body, whose size is unknown up front, goes through Hono's streaming bodyLimit.
 */
function limitBody(limit: number): MiddlewareHandler<Env> {
  const onError = (c: Context<Env>) => problemResponse(413, one('body_too_large', `the request body is larger than ${limit} bytes`), { requestId: c.get('requestId') });
  const streaming = bodyLimit({ maxSize: limit, onError });
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(declared) > limit ? onError(c) : next();
    }
    return streaming(c, next);
  };
}

export function createApp(deps: AppDeps): Hono<Env> {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? stdoutLogger();
  const routes = ROUTE_MODULES.flatMap((m) => m.routes);
  const screening = deps.lists ?? { current: deps.screening ?? null };
  const services: Services = {
    deps: { ...deps, now },
    screening,
    cases: new CaseService({ store: deps.store, engine: deps.engine, now, screening: () => screening.current }),
    today: () => todayInJapan(now()),
    throttle: new LoginThrottle(deps.store.throttle, now),
    routes,
  };
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const requestId = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    c.set('requestId', requestId);
    c.set('actor', null);
    c.set('session', null);
    c.set('services', services);
    await next();
    c.res.headers.set('x-request-id', requestId);
    const actor = c.get('actor');
    log({
      time: new Date().toISOString(), level: c.res.status >= 500 ? 'error' : 'info', msg: 'request', requestId,
      method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10,
      ...(actor ? { user: actor.username, role: actor.role } : {}),
    });
  });
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));

  for (const route of routes) {
    const limit = route.bodyLimit ?? deps.bodyLimit ?? DEFAULT_BODY_LIMIT;
    const bodyOptional = isOptionalBody(route);
    app.on(route.method.toUpperCase(), route.path,
      limitBody(limit),
      async (c) => {
        const requestId = c.get('requestId');
        const creds = bearerOrCookie(c);
        let actor: Actor | null = null;
        let session: SessionRow | null = null;
        if (creds) {
          const found = await resolveToken(deps.store, creds.token, now());
          if (found && (creds.via === 'bearer') === (found.session.kind === 'token')) {
            actor = { id: found.user.id, username: found.user.username, role: found.user.role, org: found.user.org };
            session = found.session;
            c.set('actor', actor);
            c.set('session', session);
          } else if (creds.via === 'bearer' && route.access !== 'public') {
            return problemResponse(401, one('invalid_token', 'the bearer token is unknown or expired'), { requestId, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });
          }
        }
        if (!admits(route.access, actor?.role ?? null)) {
          return actor
            ? problemResponse(403, one('forbidden', `a ${actor.role} cannot ${route.summary.toLowerCase()}`), { requestId })
            : problemResponse(401, one('unauthenticated', 'log in, or send a bearer token'), { requestId, headers: { 'www-authenticate': 'Bearer' } });
        }
        // A cookie rides along on cross-site requests; the CSRF header cannot, so unsafe cookie calls must carry it.
        if (session?.kind === 'session' && UNSAFE.has(c.req.method)) {
          const sent = c.req.header(CSRF_HEADER) ?? '';
          if (!session.csrf || !safeEqual(sent, session.csrf)) {
            return problemResponse(403, one('csrf', `send the ${CSRF_HEADER} header you got at login`), { requestId });
          }
        }
        const params = c.req.param() as Record<string, string>;
        const query = c.req.query();
        const badInput = inspectInput(params) ?? inspectInput(query);
        if (badInput) return problemResponse(400, one(badInput.code, INPUT_MESSAGES[badInput.code], badInput.path), { requestId });
        let body: unknown = undefined;
        // A body the route's schema lets out may be left out entirely, whatever the content type.
        const text = route.body ? await c.req.text() : '';
        if (route.body && !(text === '' && bodyOptional)) {
          const type = c.req.header('content-type') ?? '';
          if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
            return problemResponse(415, one('unsupported_media_type', 'send the body as application/json'), { requestId });
          }
          try {
            body = JSON.parse(text);
          } catch (err) {
            return problemResponse(400, one('invalid_json', `the body is not JSON: ${(err as Error).message}`), { requestId });
          }
          const bad = inspectInput(body);
          // Too deep is valid JSON with unacceptable content (422); unstorable text is not text we can take (400).
          if (bad) return problemResponse(bad.code === 'too_deep' ? 422 : 400, one(bad.code, INPUT_MESSAGES[bad.code], bad.path), { requestId });
        }
        const reply = await route.handler({
          c, services, actor, session, requestId, body,
          // Anonymous callers reach only public routes; as an applicant of no organisation they could see nothing anyway.
          rc: { actor: actor ?? { id: '', username: 'anonymous', role: 'applicant', org: null }, requestId },
          params,
          query,
        });
        return toResponse(c, reply, requestId);
      });
  }

  const web = staticHandler(deps.webDist);
  app.on(['GET', 'HEAD'], '*', async (c) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/') || path === '/healthz') {
      return problemResponse(404, one('not_found', `no route ${c.req.method} ${path}`), { requestId: c.get('requestId') });
    }
    return web(c);
  });
  app.notFound((c) => problemResponse(404, one('not_found', `no route ${c.req.method} ${c.req.path}`), { requestId: c.get('requestId') }));
  app.onError((err, c) => {
    const requestId = c.get('requestId');
    log({ time: new Date().toISOString(), level: 'error', msg: 'unhandled error', requestId, error: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined });
    return problemResponse(500, one('internal_error', 'something went wrong on our side; the request id identifies it in the log'), { requestId });
  });
  return app;
}

export { PROBLEM_TYPE };
