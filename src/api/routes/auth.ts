// Login (a session cookie plus a CSRF token), logout, who am I, and bearer tokens for scripts.
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { loginSchema, tokenSchema } from '../../cases/schema.ts';
import { authenticate, issueToken, publicUser } from '../../cases/users.ts';
import { toProblems } from '../../core/request.ts';
import { invalid } from '../../cases/failure.ts';
import { clientAddress } from '../throttle.ts';
import { one, problemResponse } from '../problem.ts';
import { ok, SESSION_COOKIE, type RouteModule } from '../route.ts';
import { userOut } from './users.ts';


export const auth: RouteModule = {
  name: 'auth',
  routes: [
    {
      method: 'post', path: '/api/v1/auth/login', operationId: 'login', summary: 'Log in', tag: 'auth', access: 'public', body: loginSchema,
      responses: { 200: { description: 'Logged in: the session cookie is set; send csrfToken as x-csrf-token on unsafe requests', schema: z.object({ user: userOut, csrfToken: z.string(), expiresAt: z.string() }) } },
      async handler({ c, services, body, requestId }) {
        const p = loginSchema.safeParse(body);
        if (!p.success) return invalid(toProblems(p.error));
        const { throttle } = services;
        const address = clientAddress(c, services.deps.trustProxy);
        const wait = await throttle.retryAfter(p.data.username, address);
        if (wait > 0) return problemResponse(429, one('too_many_attempts', `too many failed logins from here; try again in ${wait} s`), { requestId, headers: { 'retry-after': String(wait) } });
        const user = await authenticate(services.deps.store, p.data.username, p.data.password);
        if (!user) {
          await throttle.fail(p.data.username, address);
          return problemResponse(401, one('invalid_credentials', 'unknown username or wrong password'), { requestId });
        }
        await throttle.succeed(p.data.username, address);
        const now = services.deps.now();
        const { token, session } = await issueToken(services.deps.store, { actor: user.username, at: now.toISOString(), requestId }, user, 'session', now);
        const secure = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
        setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure, expires: new Date(session.expiresAt) });
        return ok({ user: publicUser(user), csrfToken: session.csrf, expiresAt: session.expiresAt });
      },
    },
    {
      method: 'post', path: '/api/v1/auth/logout', operationId: 'logout', summary: 'Log out', tag: 'auth', access: 'authenticated',
      responses: { 204: { description: 'The session or token is revoked' } },
      async handler({ c, services, session, rc }) {
        if (session) await services.deps.store.sessions.delete({ actor: rc.actor.username, at: services.deps.now().toISOString(), requestId: rc.requestId }, session.tokenHash);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return ok(null, 204);
      },
    },
    {
      method: 'get', path: '/api/v1/auth/me', operationId: 'me', summary: 'Read who you are', tag: 'auth', access: 'authenticated',
      responses: { 200: { description: 'The user, and for a cookie session its CSRF token', schema: z.object({ user: userOut, csrfToken: z.string().nullable() }) } },
      async handler({ services, actor, session }) {
        const user = await services.deps.store.users.get(actor!.id);
        // The token resolved to this user a moment ago; a user is never deleted, only disabled (which revokes its tokens).
        return ok({ user: publicUser(user!), csrfToken: session?.csrf ?? null });
      },
    },
    {
      method: 'post', path: '/api/v1/auth/tokens', operationId: 'createToken', summary: 'Create a bearer token', tag: 'auth', access: 'authenticated', body: tokenSchema,
      responses: { 201: { description: 'The token, shown this once', schema: z.object({ token: z.string(), expiresAt: z.string(), label: z.string().nullable() }) } },
      async handler({ services, body, actor, rc }) {
        const p = tokenSchema.safeParse(body);
        if (!p.success) return invalid(toProblems(p.error));
        const user = await services.deps.store.users.get(actor!.id);
        const now = services.deps.now();
        const { token, session } = await issueToken(services.deps.store, { actor: rc.actor.username, at: now.toISOString(), requestId: rc.requestId }, user!, 'token', now, p.data);
        return ok({ token, expiresAt: session.expiresAt, label: session.label }, 201);
      },
    },
  ],
};
