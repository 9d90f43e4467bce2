// Users for API tests: created through the case domain (a real scrypt hash), each with a bearer token.
import type { Role } from '../../src/cases/model.ts';
import type { Store } from '../../src/cases/store-port.ts';
import { createUser, issueToken } from '../../src/cases/users.ts';

/** Creates each user with one password and returns a bearer token for each, by username. */
export async function usersWithTokens(store: Store, users: { username: string; role: Role; org?: string }[], now: Date, password = 'a long enough password'): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const u of users) {
    const r = await createUser(store, { actor: 'system', at: now.toISOString() }, { ...u, password }, now);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    tokens[u.username] = (await issueToken(store, { actor: 'system', at: now.toISOString() }, r.value, 'token', now)).token;
  }
  return tokens;
}
