// gensoku users add|list: manage users on the database the server uses (stop a PGlite server first).
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { createUser, publicUser } from '../../cases/users.ts';
import { DataDirLocked } from '../../store/lock.ts';
import { openStore, storeConfigFromEnv } from '../../store/open.ts';
import type { Store } from '../../store/store.ts';
import { EXIT, UsageError, json, parse, printProblems, type Io } from '../io.ts';

const OPTIONS = {
  username: { type: 'string' },
  role: { type: 'string' },
  org: { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;

/** Reads a password from the terminal without echoing it. */
async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let asked = false;
  out._writeToOutput = (s: string) => {
    if (!asked) {
      out.output.write(s);
      asked = true;
    }
  };
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

export async function withStore<T>(io: Io, fn: (store: Store) => Promise<T>): Promise<T | number> {
  let store: Store;
  try {
    store = await openStore(storeConfigFromEnv());
  } catch (err) {
    io.stderr(`${err instanceof DataDirLocked ? err.message : `cannot open the database: ${(err as Error).message}`}\n`);
    return EXIT.usage;
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export const cliActor = () => {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
};

export async function run(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'list') {
    parse(rest, {}, false);
    const r = await withStore(io, async (store) => {
      io.stdout(json((await store.users.list()).map(publicUser)));
      return EXIT.ok;
    });
    return r;
  }
  if (sub !== 'add') throw new UsageError('usage: gensoku users add --username U --role applicant|examiner|nsc|auditor|admin [--org O] [--password-stdin] | gensoku users list');
  const { values } = parse(rest, OPTIONS, false);
  if (!values.username || !values.role) throw new UsageError('users add needs --username and --role');
  let password: string;
  if (values['password-stdin']) password = (await io.stdin()).replace(/\r?\n$/, '');
  else if (process.env.GENSOKU_PASSWORD) password = process.env.GENSOKU_PASSWORD;
  else if (process.stdin.isTTY) password = await prompt(`password for ${values.username}: `);
  else throw new UsageError('give the password with --password-stdin, GENSOKU_PASSWORD, or at the prompt on a terminal');

  return withStore(io, async (store) => {
    const now = new Date();
    const r = await createUser(store, { actor: cliActor(), at: now.toISOString() }, { username: values.username, role: values.role, org: values.org, password }, now);
    if (!r.ok) {
      printProblems(io, r.problems, 'cannot create the user');
      return EXIT.usage;
    }
    io.stdout(`created ${r.value.role} ${r.value.username}${r.value.org ? ` of ${r.value.org}` : ''} (${r.value.id})\n`);
    return EXIT.ok;
  });
}
