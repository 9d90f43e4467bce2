// Security of the cookie flow and the store: the role x endpoint table again with browser sessions (extending the
// bearer-token table of src/api/app.test.ts), CSRF, session fixation, passwords never logged, SQL only with parameters.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/api/route.ts';
import { rolesOf } from '../../src/api/openapi.ts';
import type { RouteDef } from '../../src/api/route.ts';
import { ROLES, type Role } from '../../src/cases/model.ts';
import { application, harness, isProblem, PASSWORD, ROLE_USER, ROUTES, type Harness, type Reply } from './helpers.ts';

let h: Harness;
let ids: { case: string; consent: string; user: string };

beforeAll(async () => {
  h = await harness();
  const c = await h.call('POST', '/api/v1/cases', { as: 'alice', body: application() });
  await h.call('POST', `/api/v1/cases/${c.json.id}/transitions`, { as: 'alice', body: { action: 'submit' } });
  const consent = await h.call('POST', `/api/v1/cases/${c.json.id}/consents`, { as: 'alice', body: { kind: 'third-party-transfer', recipient: 'NZ', justification: 'spares' } });
  ids = { case: c.json.id, consent: consent.json.id, user: (await h.store.users.byUsername('bob'))!.id };
}, 60_000);
afterAll(async () => h?.close());

interface Session { cookie: string; token: string; csrf: string; setCookie: string }

async function login(username: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<Session> {
  const r = await h.call('POST', '/api/v1/auth/login', { body: { username, password }, headers });
  expect(r.status, r.text).toBe(200);
  const setCookie = r.headers.get('set-cookie')!;
  const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(setCookie)![1];
  return { cookie: `${SESSION_COOKIE}=${token}`, token, csrf: r.json.csrfToken, setCookie };
}

const pathOf = (route: RouteDef) => route.path.replace(/:(\w+)/g, (_m, name: string) =>
  name === 'country' ? 'JP' : route.path.startsWith('/api/v1/consents') ? ids.consent : route.path.startsWith('/api/v1/users') ? ids.user : ids.case);
const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

describe('role x endpoint with browser sessions (cookie + CSRF)', () => {
  const sessions = {} as Record<Role, Session>;
  beforeAll(async () => {
    for (const role of ROLES) sessions[role] = await login(ROLE_USER[role]);
  }, 60_000);

  const table = ROUTES.flatMap((route) => ROLES.map((role) => ({ route, role, allowed: rolesOf(route).includes(role) })));

  it('covers every endpoint the app serves, and nothing else', () => {
    const served = new Set(h.app.routes.filter((r) => r.method !== 'ALL' && r.path !== '/*').map((r) => `${r.method} ${r.path}`));
    expect(new Set(table.map((t) => `${t.route.method.toUpperCase()} ${t.route.path}`))).toEqual(served);
  });

  it('leaves exactly these endpoints open to anyone (a literal list, not the routes\' own declarations)', () => {
    expect(ROUTES.filter((r) => r.access === 'public').map((r) => `${r.method.toUpperCase()} ${r.path}`).sort()).toEqual([
      'GET /api/docs', 'GET /api/openapi.json', 'GET /api/v1/diff', 'GET /api/v1/diff/boundaries', 'GET /api/v1/facts', 'GET /api/v1/facts/:country',
      'GET /api/v1/facts/:country/series', 'GET /api/v1/items', 'GET /api/v1/matrix', 'GET /api/v1/questions', 'GET /api/v1/questions/:id', 'GET /api/v1/regimes', 'GET /api/v1/rules/:id',
      'GET /api/v1/sources', 'GET /healthz', 'POST /api/v1/auth/login', 'POST /api/v1/evaluate', 'POST /api/v1/timeline', 'POST /api/v1/whatif',
    ]);
  });

  it.each(table.map((t) => [`${t.route.method.toUpperCase()} ${t.route.path}`, t.role, t.allowed ? 'allowed' : 'refused', t] as const))(
    '%s as %s: %s', async (_name, role, _verdict, { route, allowed }) => {
      const method = route.method.toUpperCase();
      // Logging out ends the session: use a throwaway one.
      const s = route.operationId === 'logout' ? await login(ROLE_USER[role]) : sessions[role];
      const body = route.body ? {} : undefined;
      const send = (headers: Record<string, string>) => h.call(method, pathOf(route), { body, headers: { cookie: s.cookie, ...headers } });
      if (!allowed) {
        const r = await send({ [CSRF_HEADER]: s.csrf });
        expect(r.status).toBe(403);
        expect(r.json.problems[0].code).toBe('forbidden');
        return;
      }
      if (UNSAFE.has(route.method)) {
        const none = await send({});
        expect(none.status, 'no CSRF header').toBe(403);
        expect(none.json.problems[0].code).toBe('csrf');
        const wrong = await send({ [CSRF_HEADER]: sessions[role === 'admin' ? 'auditor' : 'admin'].csrf });
        expect(wrong.status, 'another session\'s CSRF token').toBe(403);
        expect(wrong.json.problems[0].code).toBe('csrf');
        const empty = await send({ [CSRF_HEADER]: '' });
        expect(empty.status, 'empty CSRF header').toBe(403);
      }
      const r = await send({ [CSRF_HEADER]: s.csrf });
      expect([401, 403], `${role} should reach ${route.path}: ${r.text.slice(0, 200)}`).not.toContain(r.status);
      expect(r.status).toBeLessThan(500);
    });

  it('a cross-site form post carrying the cookie is refused before anything is read', async () => {
    const r = await h.call('POST', '/api/v1/cases', { raw: 'recipient=AU', headers: { cookie: sessions.applicant.cookie, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(r.status).toBe(403);
    expect(r.json.problems[0].code).toBe('csrf');
  });

  it('safe methods need no CSRF header', async () => {
    expect((await h.call('GET', '/api/v1/auth/me', { headers: { cookie: sessions.examiner.cookie } })).status).toBe(200);
  });
});

describe('session fixation and session lifetime', () => {
  it('ignores a session id chosen by the client before login and issues a fresh one', async () => {
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const s = await login('erin', PASSWORD, { cookie: `${SESSION_COOKIE}=${planted}` });
    expect(s.token).not.toBe(planted);
    expect((await h.call('GET', '/api/v1/auth/me', { headers: { cookie: `${SESSION_COOKIE}=${planted}` } })).status).toBe(401);
    expect((await h.call('GET', '/api/v1/auth/me', { headers: { cookie: s.cookie } })).json.user.username).toBe('erin');
  });

  it('logging in while logged in gives a new session and CSRF token, not the old ones', async () => {
    const a = await login('nora');
    // With a live session cookie, login is an unsafe call of that session: without its CSRF header it is refused
    // (which also stops a cross-site login over a live session).
    const blind = await h.call('POST', '/api/v1/auth/login', { body: { username: 'nora', password: PASSWORD }, headers: { cookie: a.cookie } });
    expect(blind.status).toBe(403);
    const b = await login('nora', PASSWORD, { cookie: a.cookie, [CSRF_HEADER]: a.csrf });
    expect(b.token).not.toBe(a.token);
    expect(b.csrf).not.toBe(a.csrf);
    // The CSRF token is bound to its session.
    const cross = await h.call('POST', '/api/v1/auth/tokens', { body: { label: 'x' }, headers: { cookie: b.cookie, [CSRF_HEADER]: a.csrf } });
    expect(cross.status).toBe(403);
  });

  it('sets the cookie HttpOnly, SameSite=Lax, Path=/, without Domain, and Secure behind HTTPS', async () => {
    const plain = await login('audrey');
    expect(plain.setCookie).toMatch(/HttpOnly/i);
    expect(plain.setCookie).toMatch(/SameSite=Lax/i);
    expect(plain.setCookie).toMatch(/Path=\//);
    expect(plain.setCookie).not.toMatch(/Domain=/i);
    const tls = await login('audrey', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(tls.setCookie).toMatch(/;\s*Secure/i);
  });

  it('a session and a bearer token are not interchangeable', async () => {
    const s = await login('erin');
    expect((await h.call('GET', '/api/v1/auth/me', { headers: { authorization: `Bearer ${s.token}` } })).status).toBe(401);
    expect((await h.call('GET', '/api/v1/auth/me', { headers: { cookie: `${SESSION_COOKIE}=${h.tokens.erin}` } })).status).toBe(401);
  });

  it('logout revokes the session server-side and clears the cookie', async () => {
    const s = await login('audrey');
    const out = await h.call('POST', '/api/v1/auth/logout', { headers: { cookie: s.cookie, [CSRF_HEADER]: s.csrf } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    expect((await h.call('GET', '/api/v1/auth/me', { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it('a new password or a disabled account ends the user\'s sessions', async () => {
    const r = await h.call('POST', '/api/v1/users', { as: 'admin', body: { username: 'carol', password: PASSWORD, role: 'examiner' } });
    const s = await login('carol');
    expect((await h.call('PATCH', `/api/v1/users/${r.json.id}`, { as: 'admin', body: { password: `${PASSWORD} 2` } })).status).toBe(200);
    expect((await h.call('GET', '/api/v1/auth/me', { headers: { cookie: s.cookie } })).status).toBe(401);
    const s2 = await login('carol', `${PASSWORD} 2`);
    expect((await h.call('PATCH', `/api/v1/users/${r.json.id}`, { as: 'admin', body: { disabled: true } })).status).toBe(200);
    expect((await h.call('GET', '/api/v1/auth/me', { headers: { cookie: s2.cookie } })).status).toBe(401);
  });
});

describe('passwords are never logged', () => {
  it('not in request logs, audit rows, or answers: creation, login, failed login, change, invalid input', async () => {
    const secret = 'Zx9-unmistakable-PASSWORD-7261';
    const wrong = 'Qw8-another-WRONG-password-5150';
    const tooShort = 'Kq1-short';
    const replies: Reply[] = [];
    replies.push(await h.call('POST', '/api/v1/users', { as: 'admin', body: { username: 'dave', password: secret, role: 'auditor' } }));
    const id = replies[0].json.id;
    replies.push(await h.call('POST', '/api/v1/auth/login', { body: { username: 'dave', password: secret } }));
    replies.push(await h.call('POST', '/api/v1/auth/login', { body: { username: 'dave', password: wrong } }));
    replies.push(await h.call('POST', '/api/v1/auth/login', { body: { username: 'nobody', password: wrong } }));
    replies.push(await h.call('POST', '/api/v1/auth/login', { body: { username: 123, password: wrong } }));
    replies.push(await h.call('POST', '/api/v1/users', { as: 'admin', body: { username: 'Bad Name!', password: tooShort, role: 'auditor' } }));
    replies.push(await h.call('POST', '/api/v1/users', { as: 'admin', body: { username: 'erin', password: secret, role: 'auditor' } }));
    replies.push(await h.call('PATCH', `/api/v1/users/${id}`, { as: 'admin', body: { password: `${secret}-2` } }));
    replies.push(await h.call('PATCH', `/api/v1/users/${id}`, { as: 'admin', body: { password: tooShort } }));
    replies.push(await h.call('GET', `/api/v1/users/${id}`, { as: 'admin' }));
    replies.push(await h.call('GET', '/api/v1/users', { as: 'auditor' }));
    const user = (await h.store.users.byUsername('dave'))!;
    const audit = await h.store.audit.list({ limit: 1000 });
    const everything = JSON.stringify({ logs: h.logs, audit, replies: replies.map((r) => r.text) });
    for (const s of [secret, wrong, tooShort, user.passwordHash, user.passwordHash.split('$').at(-1)!]) expect(everything).not.toContain(s);
    expect(replies[0].status).toBe(201);
    expect(replies[1].status).toBe(200);
    expect(replies.slice(2, 5).map((r) => r.status)).toEqual([401, 401, 422]);
  });
});

describe('passwords are never logged by the CLI', () => {
  it('users add --password-stdin, users list and audit list print no password or hash', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { main } = await import('../../src/cli/main.ts');
    const dir = mkdtempSync(join(tmpdir(), 'gensoku-cli-pw-'));
    const saved = { data: process.env.GENSOKU_DATA, url: process.env.DATABASE_URL };
    process.env.GENSOKU_DATA = dir;
    delete process.env.DATABASE_URL;
    try {
      const secret = 'Vb7-cli-only-PASSWORD-3141';
      const out: string[] = [];
      const io = (stdin = '') => ({ stdout: (x: string) => { out.push(x); }, stderr: (x: string) => { out.push(x); }, stdin: async () => stdin });
      expect(await main(['users', 'add', '--username', 'ops', '--role', 'auditor', '--password-stdin'], io(`${secret}\n`))).toBe(0);
      expect(await main(['users', 'add', '--username', 'ops2', '--role', 'auditor', '--password-stdin'], io('short\n'))).toBe(1);
      expect(await main(['users', 'list'], io())).toBe(0);
      expect(await main(['audit', 'list', '--limit', '100'], io())).toBe(0);
      const printed = out.join('');
      expect(printed).toContain('ops');
      expect(printed).not.toContain(secret);
      expect(printed).not.toMatch(/scrypt\$/);
    } finally {
      if (saved.data === undefined) delete process.env.GENSOKU_DATA; else process.env.GENSOKU_DATA = saved.data;
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** The SQL text argument of every query/exec call in the store, cases and API code. */
function sqlCalls(): SqlCall[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(full);
    }
  };
  for (const d of ['src/store', 'src/cases', 'src/api', 'src/cli', 'src/screening']) walk(d);
  return files.flatMap((file) => scanSql(file, readFileSync(file, 'utf8')));
}

type SqlCall = { file: string; line: number; arg: string; hasParams: boolean; constants: ReadonlySet<string> };

/** Module-level constants holding fixed SQL fragments (`const COLUMNS = 'a, b'`): safe to splice, unlike values. */
function fixedFragments(src: string): Set<string> {
  const out = new Set<string>();
  const decl = /^(?:export\s+)?const\s+([A-Z][A-Z0-9_]*)\s*=\s*(?:'[^'\n]*'|"[^"\n]*"|`[^`$]*`)\s*;/gm;
  for (let m = decl.exec(src); m; m = decl.exec(src)) out.add(m[1]);
  return out;
}

function scanSql(file: string, src: string): SqlCall[] {
  const out: SqlCall[] = [];
  const constants = fixedFragments(src);
  {
    const call = /\b(?:sql|tx|client|pool|db|admin|root|store\.sql|deps\.store\.sql|services\.deps\.store\.sql)\.(query|exec)\s*(?:<[^>()]*>)?\(/g;
    for (let m = call.exec(src); m; m = call.exec(src)) {
      // Read the first argument up to its top-level comma or the closing parenthesis, minding strings and templates.
      let i = m.index + m[0].length;
      let depth = 0;
      let quote: string | null = null;
      const start = i;
      for (; i < src.length; i++) {
        const ch = src[i];
        if (quote) {
          if (ch === '\\') { i++; continue; }
          if (ch === quote) quote = null;
          else if (quote === '`' && ch === '$' && src[i + 1] === '{') { depth++; quote = null; i++; }
          continue;
        }
        if (ch === '"' || ch === "'" || ch === '`') { quote = ch; continue; }
        if (ch === '(' || ch === '[' || ch === '{') depth++;
        else if (ch === ')' || ch === ']' || ch === '}') {
          if (depth === 0) break;
          depth--;
          // Closing a ${...} returns to the template it interrupted.
          if (ch === '}' && src.slice(start, i).lastIndexOf('${') > src.slice(start, i).lastIndexOf('`')) quote = '`';
        } else if (ch === ',' && depth === 0) break;
      }
      out.push({ file, line: src.slice(0, m.index).split('\n').length, arg: src.slice(start, i).trim(), hasParams: src[i] === ',', constants });
    }
  }
  return out;
}

describe('SQL is built only with parameters', () => {
  const calls = sqlCalls();

  it('finds the store\'s queries (the scanner works)', () => {
    expect(calls.length).toBeGreaterThan(30);
    expect(calls.some((c) => c.file.endsWith('store.ts') && c.arg.includes('INSERT INTO cases'))).toBe(true);
  });

  const unsafe = (c: SqlCall) => {
    const a = c.arg;
    if (/^(['"])[^]*\1$/.test(a) && !/\+/.test(a.replace(/(['"])(?:\\.|(?!\1).)*\1/g, ''))) return false; // one plain string literal
    // A template whose substitutions are only fixed fragments of the same module (column lists), never values.
    if (/^`[^`]*`$/.test(a) && [...a.matchAll(/\$\{([^}]*)\}/g)].every((m) => c.constants.has(m[1].trim()))) return false;
    if (/^(text|script|m\.sql)$/.test(a)) return false; // the adapters pass through; migrations are fixed scripts
    return true;
  };

  it('the scanner flags interpolation and concatenation (self-check)', () => {
    const sample = [
      'await sql.query(`SELECT * FROM cases WHERE id = ${id}`);',
      "await tx.query('SELECT * FROM users WHERE name = ' + name + ' LIMIT 1', []);",
      'await sql.query<{ n: number }>(`SELECT ${col} FROM t WHERE a = $1`, [a]);',
      "await sql.query('SELECT 1 WHERE a = $1', [a]);",
      'await tx.query(`INSERT INTO t (a) VALUES ($1)`, [a]);',
      "const COLUMNS = 'id, name';",
      'let where = `id = ${id}`;',
      'await sql.query(`SELECT ${COLUMNS} FROM t WHERE id = $1`, [id]);',
      'await sql.query(`SELECT ${COLUMNS} FROM t WHERE ${where}`);',
    ].join('\n');
    expect(scanSql('sample.ts', sample).map(unsafe)).toEqual([true, true, true, false, false, false, true]);
  });

  it('every SQL text is a constant: no interpolation, no concatenation', () => {
    const bad = calls.filter(unsafe);
    expect(bad.map((c) => `${c.file}:${c.line}: ${c.arg.slice(0, 120)}`)).toEqual([]);
  });

  it('every statement with $n placeholders is given its parameters', () => {
    const missing = calls.filter((c) => /\$\d/.test(c.arg) && !c.hasParams);
    expect(missing.map((c) => `${c.file}:${c.line}`)).toEqual([]);
  });

  it('hostile strings round-trip as data', async () => {
    const evil = "'); DROP TABLE cases; -- \\' OR '1'='1 $1 $$ E'\\x00'";
    const c = await h.call('POST', '/api/v1/cases', { as: 'alice', body: { ...application(), justification: evil, endUser: { ...application().endUser, name: evil } } });
    expect(c.status).toBe(201);
    expect((await h.call('GET', `/api/v1/cases/${c.json.id}`, { as: 'alice' })).json.data.application.justification).toBe(evil);
    const a = await h.call('GET', `/api/v1/audit?target=${encodeURIComponent("' OR 1=1 --")}`, { as: 'audrey' });
    expect(a.status).toBe(200);
    expect(a.json.entries).toEqual([]);
    const u = await h.call('POST', '/api/v1/auth/login', { body: { username: "admin' --", password: 'x' } });
    expect(u.status).toBe(401);
    expect(isProblem(u)).toBe(true);
    expect((await h.call('GET', '/api/v1/audit/verify', { as: 'audrey' })).json.ok).toBe(true);
  });
});
