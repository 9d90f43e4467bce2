// Adapter: finds and reads a UN list file from disk, then hands the text to the pure parser.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseExtraNames } from './extra-names.ts';
import { parseAnyList } from './other-list.ts';
import type { ExtraName, Problem, Result, SanctionsList } from './types.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_LIST = resolve(REPO, 'data', 'un-sc-consolidated', 'consolidated-2026-05-08.xml');
/** Japanese names of listed entries, reviewed, each with its source (data/screening-ja/names.csv). */
export const JAPANESE_NAMES = resolve(REPO, 'data', 'screening-ja', 'names.csv');

let japanese: ExtraName[] | undefined;
/** The bundled Japanese names, read once per process; a broken file is a bug in the repository, so it throws. */
export function japaneseNames(): ExtraName[] {
  if (japanese) return japanese;
  const r = parseExtraNames(readFileSync(JAPANESE_NAMES, 'utf8'), 'ja');
  if (!r.ok) throw new Error(`${JAPANESE_NAMES}: ${r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  japanese = r.value;
  return japanese;
}

/** The list file to use: the given path, else $GENSOKU_UN_LIST, else the bundled copy under data/. */
export function resolveListPath(given: string | undefined, env: Record<string, string | undefined> = process.env): string | undefined {
  if (given) return given;
  if (env['GENSOKU_UN_LIST']) return env['GENSOKU_UN_LIST'];
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
  return parseAnyList(xml);
}
