import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Problem, Result, Text } from '../core/model.ts';
import { textSchema } from '../core/policy-schema.ts';
import { toProblems } from '../core/request.ts';
import { DEFAULT_POLICY_DIR, readYaml } from './load.ts';

/** Reads policy/authorities.yaml: each source issuer as written (en) with its Japanese name; no file means none. */
export function loadAuthorities(dir = DEFAULT_POLICY_DIR): Result<Text[]> {
  const file = join(dir, 'authorities.yaml');
  if (!existsSync(file)) return { ok: true, value: [] };
  const problems: Problem[] = [];
  const read = readYaml(file, dir, problems);
  if (!read) return { ok: false, problems };
  const parsed = z.array(textSchema).safeParse(read.data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: toProblems(parsed.error).map((p) => ({ ...p, path: `${read.file}:${p.path}` })) };
}
