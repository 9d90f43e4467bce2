// Shared by the hardening tests: the real app in-process (real engine, real store), users of every role, a caller.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Role } from '../../src/cases/model.ts';
import { hashPassword, issueToken } from '../../src/cases/users.ts';
import type { UserRow } from '../../src/cases/model.ts';
import { createApp } from '../../src/api/app.ts';
import type { LogLine } from '../../src/api/route.ts';
import { ROUTE_MODULES } from '../../src/api/routes/index.ts';
import { bundledEngine } from '../../src/policy-files/load.ts';
import { bundledItems } from '../../src/policy-files/items.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { openPostgres } from '../../src/store/postgres.ts';
import type { Store } from '../../src/cases/store-port.ts';
import { openStoreOver } from '../../src/store/store.ts';

export const PASSWORD = 'hardening horse battery staple';
export const USERS: { username: string; role: Role; org?: string }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'alice', role: 'applicant', org: 'ACME' },
  { username: 'bob', role: 'applicant', org: 'BETA' },
  { username: 'erin', role: 'examiner' },
  { username: 'nora', role: 'nsc' },
  { username: 'audrey', role: 'auditor' },
];
export const ROLE_USER: Record<Role, string> = { admin: 'admin', applicant: 'alice', examiner: 'erin', nsc: 'nora', auditor: 'audrey' };

export const ROUTES = ROUTE_MODULES.flatMap((m) => m.routes);

export interface Harness {
  store: Store;
  app: ReturnType<typeof createApp>;
  logs: LogLine[];
  tokens: Record<string, string>;
  call(method: string, path: string, opts?: { as?: string; body?: unknown; raw?: string | Uint8Array; headers?: Record<string, string> }): Promise<Reply>;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  type: string;
  text: string;
  json: any;
  headers: Headers;
}

/** A fresh schema on TEST_DATABASE_URL (loopback only), or undefined when it is not set. */
export async function freshPostgres(url = process.env.TEST_DATABASE_URL): Promise<{ store: Store; url: string; schema: string; drop(): Promise<void> } | undefined> {
  if (!url) return undefined;
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) throw new Error(`refusing non-loopback TEST_DATABASE_URL host ${host}`);
  const schema = `gensoku_hard_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = await openPostgres(url, { max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = await openStoreOver(await openPostgres(url, { schema, max: 8 }));
  return {
    store, url, schema,
    async drop() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

let hashed: Promise<string> | undefined;

/**
 * Adds a user with PASSWORD and returns a bearer token for it. The scrypt hash is computed once and shared (every
 * user here has the same password), which keeps set-up quick; login still verifies it for real.
 */
export async function addUser(store: Store, u: { username: string; role: Role; org?: string }, now = new Date()): Promise<{ user: UserRow; token: string }> {
  hashed ??= hashPassword(PASSWORD);
  const at = now.toISOString();
  const user: UserRow = { id: randomUUID(), username: u.username, passwordHash: await hashed, role: u.role, org: u.org ?? null, disabled: false, version: 1, createdAt: at, updatedAt: at };
  await store.users.insert({ actor: 'system', at }, user);
  const { token } = await issueToken(store, { actor: 'system', at }, user, 'token', now);
  return { user, token };
}

/** A loopback list server that answers every download with 304: an admin's list update in these runs stores nothing and leaves the machine. */
async function unchangedListServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => { res.writeHead(304); res.end(); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/list.xml`,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

export async function harness(opts: { store?: Store; now?: () => Date } = {}): Promise<Harness> {
  const store = opts.store ?? await openStoreOver(await openPglite());
  const logs: LogLine[] = [];
  const now = opts.now ?? (() => new Date());
  const lists = await unchangedListServer();
  const app = createApp({ store, engine: bundledEngine(), items: bundledItems(), now, log: (l) => logs.push(l), webDist: null, listUrl: lists.url, listDownload: { attempts: 1 } });
  const tokens: Record<string, string> = {};
  for (const u of USERS) tokens[u.username] = (await addUser(store, u, now())).token;
  const call: Harness['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.as) headers.authorization = `Bearer ${tokens[o.as]}`;
    let body: string | Uint8Array | undefined = o.raw;
    if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    const res = await app.request(path, { method, headers, body: body as BodyInit | undefined });
    const text = await res.text();
    let json: any = null;
    try { json = JSON.parse(text); } catch { json = null; }
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, json, headers: res.headers };
  };
  return { store, app, logs, tokens, call, close: async () => { await lists.close(); await store.close(); } };
}

export const application = (recipient = 'AU', n = 0) => ({
  recipient,
  purpose: 'security-cooperation',
  endUser: { name: 'Department of Defence', type: 'government', address: 'Canberra', country: recipient },
  consignees: [{ name: 'Freight Forwarder Pty', type: 'company', address: 'Sydney' }],
  items: [
    { item: { name: `coastal surveillance radar ${n}`, weapon: false, form: 'complete', function: 'surveillance', origin: 'domestic' }, quantity: 4, valueJpy: 400_000_000 },
  ],
  route: [{ country: 'SG', place: 'Port of Singapore' }],
  justification: `Maritime domain awareness (${n}).`,
});

/** A problem+json refusal with its problems listed. */
export function isProblem(r: Reply): boolean {
  return r.type.includes('application/problem+json') && Array.isArray(r.json?.problems) && r.json.problems.length > 0
    && r.json.problems.every((p: { code?: unknown; path?: unknown; message?: unknown }) => typeof p.code === 'string' && typeof p.path === 'string' && typeof p.message === 'string');
}
