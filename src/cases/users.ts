// Users, passwords (scrypt) and login tokens: what the API and the CLI share.
import { randomBytes, randomUUID, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { sha256 } from '../hash.ts';
import { fail, invalid, type ServiceResult } from './failure.ts';
import type { Role, SessionRow, UserRow } from './model.ts';
import { userCreateSchema, userUpdateSchema } from './schema.ts';
import type { AuditContext, Store } from './store-port.ts';
import { toProblems } from '../core/request.ts';

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));

// N=2^15, r=8, p=1: about 32 MiB and tens of milliseconds per hash on this class of machine.
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const got = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem,
  });
  return timingSafeEqual(expected, got);
}

// Checked when the user does not exist, so a login takes as long whether or not the name is known.
let dummyHash: Promise<string> | undefined;

export const tokenHash = (token: string) => sha256(token);

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  org?: string;
}

export async function createUser(store: Store, ctx: AuditContext, input: unknown, now: Date): Promise<ServiceResult<UserRow>> {
  const parsed = userCreateSchema.safeParse(input);
  if (!parsed.success) return invalid(toProblems(parsed.error));
  const u = parsed.data;
  if (u.role === 'applicant' && !u.org) return invalid([{ code: 'required', path: 'org', message: 'an applicant belongs to an organisation' }]);
  if (await store.users.byUsername(u.username)) return fail('conflict', 'username_taken', 'username', `the username ${u.username} is taken`);
  const at = now.toISOString();
  const row: UserRow = {
    id: randomUUID(), username: u.username, passwordHash: await hashPassword(u.password), role: u.role, org: u.org ?? null,
    disabled: false, version: 1, createdAt: at, updatedAt: at,
  };
  try {
    await store.users.insert(ctx, row);
  } catch (err) {
    // Two creations of one name at once: the database's unique index decides.
    if ((err as { code?: string }).code === '23505') return fail('conflict', 'username_taken', 'username', `the username ${u.username} is taken`);
    throw err;
  }
  return { ok: true, value: row };
}

export async function authenticate(store: Store, username: string, password: string): Promise<UserRow | undefined> {
  const user = await store.users.byUsername(username);
  if (!user || user.disabled) {
    dummyHash ??= hashPassword(randomUUID());
    await verifyPassword(password, await dummyHash);
    return undefined;
  }
  return (await verifyPassword(password, user.passwordHash)) ? user : undefined;
}

export const SESSION_HOURS = 12;

/** Issues a browser session (with its CSRF token) or a bearer token; only the hash is stored. */
export async function issueToken(
  store: Store, ctx: AuditContext, user: UserRow, kind: 'session' | 'token', now: Date, opts: { label?: string; days?: number } = {},
): Promise<{ token: string; session: SessionRow }> {
  const token = (kind === 'token' ? 'gsk_' : '') + randomBytes(32).toString('base64url');
  const ms = kind === 'session' ? SESSION_HOURS * 3600_000 : (opts.days ?? 90) * 86400_000;
  const session: SessionRow = {
    tokenHash: tokenHash(token), kind, userId: user.id, csrf: kind === 'session' ? randomBytes(24).toString('base64url') : null,
    label: opts.label ?? null, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + ms).toISOString(),
  };
  await store.sessions.insert(ctx, session);
  return { token, session };
}

/** The user behind a session cookie or bearer token, if it is valid now. */
export async function resolveToken(store: Store, token: string, now: Date): Promise<{ user: UserRow; session: SessionRow } | undefined> {
  if (!token || token.length > 200) return undefined;
  const session = await store.sessions.get(tokenHash(token));
  if (!session || session.expiresAt <= now.toISOString()) return undefined;
  const user = await store.users.get(session.userId);
  if (!user || user.disabled) return undefined;
  return { user, session };
}

/** What may be shown of a user: never the hash. */
export const publicUser = (u: UserRow) => ({ id: u.id, username: u.username, role: u.role, org: u.org, disabled: u.disabled, version: u.version, createdAt: u.createdAt, updatedAt: u.updatedAt });

/** An admin's change to a user; the last active admin cannot be demoted or disabled. */
export async function updateUser(store: Store, ctx: AuditContext, id: string, input: unknown, now: Date): Promise<ServiceResult<UserRow>> {
  const parsed = userUpdateSchema.safeParse(input);
  if (!parsed.success) return invalid(toProblems(parsed.error));
  const user = await store.users.get(id);
  if (!user) return fail('not_found', 'not_found', '(root)', 'user not found');
  const p = parsed.data;
  if (p.version !== undefined && p.version !== user.version) return fail('conflict', 'version_conflict', 'version', `the user is now at version ${user.version}`, publicUser(user));
  const next: UserRow = {
    ...user,
    role: p.role ?? user.role,
    org: p.org === undefined ? user.org : p.org,
    disabled: p.disabled ?? user.disabled,
    passwordHash: p.password ? await hashPassword(p.password) : user.passwordHash,
    updatedAt: now.toISOString(),
  };
  if (next.role === 'applicant' && !next.org) return invalid([{ code: 'required', path: 'org', message: 'an applicant belongs to an organisation' }]);
  const wasAdmin = user.role === 'admin' && !user.disabled;
  if (wasAdmin && (next.role !== 'admin' || next.disabled) && (await store.users.count('admin')) <= 1) {
    return fail('conflict', 'last_admin', 'role', 'this is the last active admin');
  }
  const res = await store.users.update(ctx, 'user.update', next, user.version);
  // A new password or a disabled account ends every session and token the old state handed out.
  if (res.ok && (p.password || (next.disabled && !user.disabled))) await store.sessions.deleteForUser(ctx, user.id);
  return res.ok ? res : fail('conflict', 'version_conflict', 'version', 'the user was changed by someone else', res.current && publicUser(res.current));
}

/**
 * On a store with no active admin, creates one from the configured first admin (GENSOKU_ADMIN_USER / _PASSWORD).
 * Returns what happened, for the start-up log (null: there is still no admin); never invents a password.
 */
export async function ensureFirstAdmin(store: Store, admin: { username: string; password: string } | undefined, now: Date): Promise<ServiceResult<string | null>> {
  if ((await store.users.count('admin')) > 0) return { ok: true, value: 'admin exists' };
  if (!admin) return { ok: true, value: null };
  const { username, password } = admin;
  const r = await createUser(store, { actor: 'system', at: now.toISOString() }, { username, password, role: 'admin' }, now);
  if (r.ok) return { ok: true, value: `created the first admin ${username} from the environment` };
  // Several servers starting at once on one database: another one created it first.
  if (r.problems[0]?.code === 'username_taken' && (await store.users.count('admin')) > 0) return { ok: true, value: 'admin exists' };
  return r;
}
