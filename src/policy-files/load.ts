import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load as parseYaml } from 'js-yaml';
import { compilePolicy } from '../core/compile.ts';
import type { Engine } from '../core/engine.ts';
import type { Problem, Result } from '../core/model.ts';
import type { RawPolicy } from '../core/policy-schema.ts';

/** The bundled policy/ folder of this package. */
export const DEFAULT_POLICY_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../policy');

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

/** Reads one YAML file; a syntax error is a problem naming the file and line. */
export function readYaml(file: string, root: string, problems: Problem[]): { file: string; data: unknown } | null {
  const rel = relative(root, file) || file;
  try {
    // The core schema keeps unquoted dates as strings, as the policy schemas expect.
    return { file: rel, data: parseYaml(readFileSync(file, 'utf8'), { schema: CORE_SCHEMA, filename: rel }) };
  } catch (e) {
    problems.push({ code: 'yaml_syntax', path: rel, message: (e as Error).message.split('\n')[0] });
    return null;
  }
}

export function readPolicy(dir = DEFAULT_POLICY_DIR): Result<RawPolicy> {
  const problems: Problem[] = [];
  if (!existsSync(dir)) return { ok: false, problems: [{ code: 'not_found', path: dir, message: 'no policy folder here' }] };
  const read = (...sub: string[]) => sub.flatMap((s) => yamlFiles(join(dir, s))).map((f) => readYaml(f, dir, problems)).filter((x): x is { file: string; data: unknown } => x !== null);
  const raw: RawPolicy = {
    sources: read('sources'),
    facts: read('facts'),
    regimes: read('regimes', 'drafts'),
    conditions: read('conditions'),
    classification: read('classification'),
    otherControls: read('other-controls'),
    scenarios: read('scenarios'),
    categories: ['categories.yaml'].map((f) => join(dir, f)).filter((f) => existsSync(f)).map((f) => readYaml(f, dir, problems)).filter((x): x is { file: string; data: unknown } => x !== null),
  };
  return problems.length ? { ok: false, problems } : { ok: true, value: raw };
}

/** Reads, validates and compiles policy/ once; evaluation never touches YAML again. */
export function loadPolicy(dir = DEFAULT_POLICY_DIR): Result<Engine> {
  const raw = readPolicy(dir);
  return raw.ok ? compilePolicy(raw.value) : raw;
}

let cached: Engine | undefined;
/** The bundled policy, compiled once per process; a broken bundled policy is a bug. */
export function bundledEngine(): Engine {
  if (!cached) {
    const r = loadPolicy();
    if (!r.ok) throw new Error(`bundled policy is invalid:\n${r.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
    cached = r.value;
  }
  return cached;
}
