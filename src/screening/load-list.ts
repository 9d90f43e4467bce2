// Adapter: finds and reads a UN list file from disk, then hands the text to the pure parser.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseUnList } from './un-list.ts';
import type { Problem, Result, SanctionsList } from './types.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_LIST = resolve(REPO, 'data', 'un-sc-consolidated', 'consolidated-2026-05-08.xml');

/** The list file to use: the given path, else the configured one (GENSOKU_UN_LIST), else the bundled copy under data/. */
export function resolveListPath(given: string | undefined, configured?: string): string | undefined {
  if (given) return given;
  if (configured) return configured;
  return existsSync(DEFAULT_LIST) ? DEFAULT_LIST : undefined;
}

export function readListFile(path: string): Result<SanctionsList> {
  let xml: string;
  try {
    xml = readFileSync(path, 'utf8');
  } catch (e) {
    const p: Problem = { code: 'list.unreadable', path, message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message };
    return { ok: false, problems: [p] };
  }
  return parseUnList(xml);
}
