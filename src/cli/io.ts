import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Problem } from '../core/model.ts';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: () => Promise<string>;
  isTTY?: boolean;
}

/** CLI exit codes of the contract. */
export const EXIT = { ok: 0, usage: 1, refused: 2, invalidPolicy: 3, judgment: 4 } as const;

export class UsageError extends Error {}

/** node:util parseArgs, with its errors turned into a usage message. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function printProblems(io: Io, problems: Problem[], heading = 'invalid input') {
  io.stderr(`${heading}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
  for (const p of problems) io.stderr(`  ${p.path}: ${p.message} [${p.code}]\n`);
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Today's date in Japan, where the decisions are made. */
export function todayInJapan(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
