import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileItems, type ItemClass } from '../core/items.ts';
import type { Problem, Result } from '../core/model.ts';
import { DEFAULT_POLICY_DIR, readYaml } from './load.ts';

/** Reads and validates policy/items: the item catalogue that matrix, diff and what-if enumerate. */
export function loadItems(dir = DEFAULT_POLICY_DIR): Result<ItemClass[]> {
  const problems: Problem[] = [];
  const folder = join(dir, 'items');
  if (!existsSync(folder)) return { ok: true, value: [] };
  const files = readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort()
    .map((n) => readYaml(join(folder, n), dir, problems))
    .filter((x): x is { file: string; data: unknown } => x !== null);
  if (problems.length) return { ok: false, problems };
  return compileItems(files);
}

let cached: ItemClass[] | undefined;
/** The bundled catalogue, read once per process; a broken bundled catalogue is a bug. */
export function bundledItems(): ItemClass[] {
  if (!cached) {
    const r = loadItems();
    if (!r.ok) throw new Error(`bundled item catalogue is invalid:\n${r.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
    cached = r.value;
  }
  return cached;
}
