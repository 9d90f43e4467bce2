// gensoku users add|list: manage users on the database the server uses (stop a PGlite server first).
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { createUser, publicUser, updateUser } from '../../cases/users.ts';
import { DataDirLocked } from '../../store/lock.ts';
import { openStore } from '../../store/open.ts';
import type { Store } from '../../cases/store-port.ts';
import { commandHelp } from '../help.ts';
import { EXIT, UsageError, configOf, json, nowOf, parse, printProblems, type Io } from '../io.ts';

const OPTIONS = {
  username: { type: 'string' },
  role: { type: 'string' },
  org: { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;

const SET_OPTIONS = {
  ...OPTIONS,
  password: { type: 'boolean' },
  disable: { type: 'boolean' },
  enable: { type: 'boolean' },
} as const;

const USAGE = commandHelp('users');

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
    store = await openStore(configOf(io));
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

async function readPassword(io: Io, username: string, fromStdin: boolean | undefined): Promise<string> {
  if (fromStdin) return (await io.stdin()).replace(/\r?\n$/, '');
  const configured = configOf(io).password;
  if (configured) return configured;
  if (process.stdin.isTTY) return prompt(`password for ${username}: `);
  throw new UsageError('give the password with --password-stdin, GENSOKU_PASSWORD, or at the prompt on a terminal');
}

/** Changes a user from the command line: the way back in when the last admin's password is lost. */
async function set(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, SET_OPTIONS, false);
  if (!values.username) throw new UsageError(`users set needs --username\n${USAGE}`);
  if (values.disable && values.enable) throw new UsageError('--disable and --enable contradict each other');
  const wantsPassword = values.password || values['password-stdin'];
  const password = wantsPassword ? await readPassword(io, values.username, values['password-stdin']) : undefined;
  return withStore(io, async (store) => {
    const user = await store.users.byUsername(values.username!);
    if (!user) {
      io.stderr(`no user ${values.username}\n`);
      return EXIT.usage;
    }
    const now = nowOf(io);
    const change = {
      ...(values.role ? { role: values.role } : {}), ...(values.org ? { org: values.org } : {}),
      ...(values.disable ? { disabled: true } : values.enable ? { disabled: false } : {}), ...(password ? { password } : {}),
    };
    const r = await updateUser(store, { actor: cliActor(), at: now.toISOString() }, user.id, change, now);
    if (!r.ok) {
      printProblems(io, r.problems, `cannot change ${values.username}`);
      return EXIT.usage;
    }
    io.stdout(`updated ${r.value.username}: ${r.value.role}${r.value.org ? ` of ${r.value.org}` : ''}${r.value.disabled ? ', disabled' : ''}${password ? ', new password (sessions revoked)' : ''}\n`);
    return EXIT.ok;
  });
}

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
  if (sub === 'set') return set(rest, io);
  if (sub !== 'add') throw new UsageError(USAGE);
  const { values } = parse(rest, OPTIONS, false);
  if (!values.username || !values.role) throw new UsageError(`users add needs --username and --role\n${USAGE}`);
  const password = await readPassword(io, values.username, values['password-stdin']);

  return withStore(io, async (store) => {
    const now = nowOf(io);
    const r = await createUser(store, { actor: cliActor(), at: now.toISOString() }, { username: values.username, role: values.role, org: values.org, password }, now);
    if (!r.ok) {
      printProblems(io, r.problems, 'cannot create the user');
      return EXIT.usage;
    }
    io.stdout(`created ${r.value.role} ${r.value.username}${r.value.org ? ` of ${r.value.org}` : ''} (${r.value.id})\n`);
    return EXIT.ok;
  });
}
