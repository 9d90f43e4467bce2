import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ItemClass } from '../core/items.ts';
import type { Problem, Result } from '../core/model.ts';
import { compileQuestions, type Question } from '../core/questions.ts';
import { DEFAULT_POLICY_DIR, readYaml } from './load.ts';

/** Reads and validates policy/questions.yaml against the item catalogue; no file means no questions. */
export function loadQuestions(items: readonly ItemClass[], dir = DEFAULT_POLICY_DIR): Result<Question[]> {
  const file = join(dir, 'questions.yaml');
  if (!existsSync(file)) return { ok: true, value: [] };
  const problems: Problem[] = [];
  const read = readYaml(file, dir, problems);
  if (!read) return { ok: false, problems };
  return compileQuestions(read.data, items, read.file);
}
