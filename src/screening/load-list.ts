// Adapter: finds and reads a UN list file from disk, then hands the text to the pure parser.
import { existsSync, readFileSync, statSync } from 'node:fs';
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

/** The largest list accepted, from a file or over HTTP: the published list is about 2 MB. */
export const MAX_LIST_BYTES = 64 * 1024 * 1024;

/** Reads a list file as UTF-8 text, refusing one over MAX_LIST_BYTES before reading it. */
export function readListText(path: string): Result<string> {
  try {
    const size = statSync(path).size;
    if (size > MAX_LIST_BYTES) {
      return { ok: false, problems: [{ code: 'list.too_large', path, message: `the file is ${size} bytes; a list may be at most ${MAX_LIST_BYTES} bytes (64 MiB), as over HTTP` }] };
    }
    return { ok: true, value: readFileSync(path, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const p: Problem = { code: 'list.unreadable', path, message: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : (e as Error).message };
    return { ok: false, problems: [p] };
  }
}

export function readListFile(path: string): Result<SanctionsList> {
  const xml = readListText(path);
  return xml.ok ? parseUnList(xml.value) : xml;
}
