// What keeps the audit chain honest lives outside the database: the key its hashes are made with, and the anchors
// (the chain's head at moments in time) in an append-only file.
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AuditAnchor } from '../cases/store-port.ts';

const AUDIT_KEY_FILE = 'audit.key';
export const ANCHOR_FILE = 'audit-anchors.jsonl';
const MIN_KEY_LENGTH = 32;

export class AuditKeyError extends Error {}

/**
 * The audit key: the one given (GENSOKU_AUDIT_KEY), else the key file in `dir`, created with 32 random bytes on
 * first start (mode 0600). Several servers on one PostgreSQL database must share it: give them the same key.
 */
export function loadAuditKey(opts: { key?: string; dir: string }): Uint8Array {
  if (opts.key !== undefined) {
    if (opts.key.length < MIN_KEY_LENGTH) throw new AuditKeyError(`GENSOKU_AUDIT_KEY must be at least ${MIN_KEY_LENGTH} characters`);
    return Buffer.from(opts.key, 'utf8');
  }
  const file = join(opts.dir, AUDIT_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(opts.dir, { recursive: true });
    try {
      // 'wx': two processes starting at once cannot both create it; the loser reads the winner's key.
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new AuditKeyError(`${file} does not hold a 64-digit hex audit key`);
  return Buffer.from(hex, 'hex');
}

/** Where anchors are kept: appended to, never rewritten. */
export interface AnchorLog {
  readonly where: string;
  last(): AuditAnchor | null;
  append(anchor: AuditAnchor): void;
}

const isAnchor = (v: unknown): v is AuditAnchor => {
  const a = v as AuditAnchor;
  return !!a && Number.isInteger(a.seq) && typeof a.hash === 'string' && typeof a.at === 'string';
};

/** Anchors as JSON lines in a file opened for appending only. A line that is not an anchor is an error, not skipped. */
export function fileAnchors(file: string): AnchorLog {
  return {
    where: file,
    last() {
      if (!existsSync(file)) return null;
      const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
      if (lines.length === 0) return null;
      let last: unknown;
      try {
        last = JSON.parse(lines[lines.length - 1]);
      } catch {
        last = null;
      }
      if (!isAnchor(last)) throw new AuditKeyError(`the last line of ${file} is not an audit anchor`);
      return last;
    },
    append(anchor) {
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, JSON.stringify(anchor) + '\n', { flag: 'a', mode: 0o600 });
    },
  };
}

/** Anchors held in memory, for a store that lives as long as its process (tests). */
export function memoryAnchors(): AnchorLog {
  const all: AuditAnchor[] = [];
  return { where: 'memory', last: () => all.at(-1) ?? null, append: (a) => void all.push(a) };
}
