import { parseArgs, type ParseArgsConfig } from 'node:util';
import { todayInJapan } from '../core/clock.ts';
import type { Problem } from '../core/model.ts';
import { readConfig, type Config } from '../config.ts';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: () => Promise<string>;
  isTTY?: boolean;
  /** The configuration, parsed once by main; a test's Io without one gets the environment as it is then. */
  config?: Config;
  /** The clock; default the system's. */
  now?: () => Date;
}

export function configOf(io: Io): Config {
  return io.config ?? readConfig();
}

export function nowOf(io: Io): Date {
  return io.now ? io.now() : new Date();
}

/** Today's date in Japan, where the decisions are made. */
export function today(io: Io): string {
  return todayInJapan(nowOf(io));
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
