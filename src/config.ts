// Every environment setting, parsed once with zod: the one module that reads process.env. docs/deploy.md lists them.
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseDuration } from './core/clock.ts';

/** The UN Security Council Consolidated List as the UN publishes it. */
export const UN_LIST_URL = 'https://scsanctions.un.org/resources/xml/en/consolidated.xml';

/** One setting: its name, what it does and its default, for the table in docs/deploy.md (a test keeps them equal). */
export interface Setting {
  name: string;
  description: string;
  default: string;
}

export const SETTINGS: readonly Setting[] = [
  { name: 'PORT', description: '`gensoku serve` port (`--port` wins)', default: '8080' },
  { name: 'HOST', description: '`gensoku serve` address (`--host` wins)', default: '127.0.0.1' },
  { name: 'DATABASE_URL', description: 'PostgreSQL connection URL; when set, the embedded PGlite database is not used', default: '(none: PGlite)' },
  { name: 'GENSOKU_DATA', description: 'the PGlite data directory', default: '`./.gensoku`' },
  { name: 'GENSOKU_POLICY', description: 'the policy directory (`--policy` wins)', default: 'the bundled `policy/`' },
  { name: 'GENSOKU_UN_LIST', description: 'the UN list file stored when the database holds no list, and used by `gensoku screen` (`--list` wins)', default: 'the bundled `data/un-sc-consolidated/` list' },
  { name: 'GENSOKU_LIST_URL', description: 'where `gensoku lists update` and the scheduled refresh download the list (`--url` wins)', default: UN_LIST_URL },
  { name: 'GENSOKU_LIST_REFRESH', description: 'how often `gensoku serve` updates the list from GENSOKU_LIST_URL, e.g. `24h`, `30m`; `off` never (`--list-refresh` wins)', default: 'off' },
  { name: 'GENSOKU_ADMIN_USER', description: 'with GENSOKU_ADMIN_PASSWORD: the first admin, created at start while the database has none', default: '(none)' },
  { name: 'GENSOKU_ADMIN_PASSWORD', description: 'the first admin\'s password (at least 12 characters)', default: '(none)' },
  { name: 'GENSOKU_PASSWORD', description: 'the password for `gensoku users add` / `users set --password` without a prompt', default: '(none: prompt)' },
  { name: 'GENSOKU_AUDIT_KEY', description: 'the audit chain\'s key (at least 32 characters); every server on one database needs the same', default: 'a random key in `GENSOKU_DATA/audit.key`, made on first start' },
  { name: 'GENSOKU_AUDIT_ANCHORS', description: 'the append-only file `gensoku audit anchor` writes the chain\'s head to', default: '`GENSOKU_DATA/audit-anchors.jsonl`' },
  { name: 'GENSOKU_TRUST_PROXY', description: '`true` behind a reverse proxy: the client address for the login throttle is the last `X-Forwarded-For` hop', default: 'false' },
];

const optionalText = z.string().trim().optional().transform((s) => (s ? s : undefined));
const port = z.string().trim().regex(/^\d{1,5}$/, 'a number from 0 to 65535').transform(Number).refine((n) => n <= 65535, 'a number from 0 to 65535');
const duration = z.string().trim().transform((s, ctx) => {
  if (s === '' || s === 'off') return null;
  const ms = parseDuration(s);
  if (ms === null || ms < 60_000) {
    ctx.addIssue({ code: 'custom', message: 'a duration such as 24h, 30m or 1d, at least 1m; or off' });
    return z.NEVER;
  }
  return ms;
});

const schema = z.object({
  PORT: port.default(8080),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'a postgres:// or postgresql:// URL' }).optional()),
  GENSOKU_DATA: optionalText,
  GENSOKU_POLICY: optionalText,
  GENSOKU_UN_LIST: optionalText,
  GENSOKU_LIST_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).optional()),
  GENSOKU_LIST_REFRESH: duration.optional(),
  GENSOKU_ADMIN_USER: optionalText,
  GENSOKU_ADMIN_PASSWORD: z.string().optional().transform((s) => (s ? s : undefined)),
  GENSOKU_PASSWORD: z.string().optional().transform((s) => (s ? s : undefined)),
  GENSOKU_AUDIT_KEY: z.string().optional().transform((s) => (s ? s : undefined)),
  GENSOKU_AUDIT_ANCHORS: optionalText,
  GENSOKU_TRUST_PROXY: z.enum(['true', 'false', '1', '0', '']).optional().transform((s) => s === 'true' || s === '1'),
});

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL when set; else the PGlite directory dataDir. */
  databaseUrl?: string;
  dataDir: string;
  policyDir?: string;
  listFile?: string;
  listUrl: string;
  /** Milliseconds between scheduled list updates; null: none. */
  listRefreshMs: number | null;
  admin?: { username: string; password: string };
  password?: string;
  trustProxy: boolean;
  auditKey?: string;
  auditAnchors?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: { code: string; path: string; message: string }[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
}

/** Parses the environment into the configuration; every bad setting is named in one ConfigError. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable is an unset one (VAR= in a shell or a compose file).
  const raw = Object.fromEntries(SETTINGS.map((s) => [s.name, env[s.name]?.trim() ? env[s.name] : undefined]));
  const r = schema.safeParse(raw);
  const problems = r.success ? [] : r.error.issues.map((i) => ({ code: 'config.invalid', path: String(i.path[0] ?? '(env)'), message: `${i.message} (is "${raw[String(i.path[0])] ?? ''}")` }));
  if (r.success && (r.data.GENSOKU_ADMIN_USER === undefined) !== (r.data.GENSOKU_ADMIN_PASSWORD === undefined)) {
    problems.push({ code: 'config.incomplete', path: r.data.GENSOKU_ADMIN_USER ? 'GENSOKU_ADMIN_PASSWORD' : 'GENSOKU_ADMIN_USER', message: 'GENSOKU_ADMIN_USER and GENSOKU_ADMIN_PASSWORD go together' });
  }
  if (!r.success || problems.length) throw new ConfigError(problems);
  const e = r.data;
  return {
    port: e.PORT,
    host: e.HOST,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    dataDir: resolve(e.GENSOKU_DATA ?? '.gensoku'),
    ...(e.GENSOKU_POLICY ? { policyDir: e.GENSOKU_POLICY } : {}),
    ...(e.GENSOKU_UN_LIST ? { listFile: e.GENSOKU_UN_LIST } : {}),
    listUrl: e.GENSOKU_LIST_URL ?? UN_LIST_URL,
    listRefreshMs: e.GENSOKU_LIST_REFRESH ?? null,
    ...(e.GENSOKU_ADMIN_USER && e.GENSOKU_ADMIN_PASSWORD ? { admin: { username: e.GENSOKU_ADMIN_USER, password: e.GENSOKU_ADMIN_PASSWORD } } : {}),
    ...(e.GENSOKU_PASSWORD ? { password: e.GENSOKU_PASSWORD } : {}),
    trustProxy: e.GENSOKU_TRUST_PROXY,
    ...(e.GENSOKU_AUDIT_KEY ? { auditKey: e.GENSOKU_AUDIT_KEY } : {}),
    ...(e.GENSOKU_AUDIT_ANCHORS ? { auditAnchors: resolve(e.GENSOKU_AUDIT_ANCHORS) } : {}),
  };
}
