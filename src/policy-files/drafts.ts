import { resolve } from 'node:path';
import { compilePolicy } from '../core/compile.ts';
import type { Engine } from '../core/engine.ts';
import type { Problem, Result } from '../core/model.ts';
import type { RawPolicy } from '../core/policy-schema.ts';
import { readPolicy, readYaml } from './load.ts';

/** Reads draft overlays given on the command line; each must say `kind: draft`, the rest is checked by the compiler. */
export function readDrafts(files: readonly string[], cwd = process.cwd()): Result<{ file: string; data: unknown }[]> {
  const problems: Problem[] = [];
  const out: { file: string; data: unknown }[] = [];
  for (const f of files) {
    const read = readYaml(resolve(cwd, f), cwd, problems);
    if (!read) continue;
    const kind = read.data && typeof read.data === 'object' && !Array.isArray(read.data) ? (read.data as { kind?: unknown }).kind : undefined;
    if (kind !== 'draft') problems.push({ code: 'not_a_draft', path: `${read.file}:kind`, message: 'an overlay passed with --draft is one document with kind: draft' });
    else out.push(read);
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: out };
}

/** The policy with the overlays added as drafts: validated and compiled exactly like the shipped ones. */
export function readPolicyWithDrafts(dir: string | undefined, drafts: readonly string[]): Result<RawPolicy> {
  const raw = readPolicy(dir);
  if (!raw.ok) return raw;
  const extra = readDrafts(drafts);
  if (!extra.ok) return extra;
  return { ok: true, value: { ...raw.value, regimes: [...raw.value.regimes, ...extra.value] } };
}

/** The compiled policy and the ids of the overlays in it. */
export function loadPolicyWithDrafts(dir: string | undefined, drafts: readonly string[]): Result<{ engine: Engine; drafts: string[] }> {
  const raw = readPolicyWithDrafts(dir, drafts);
  if (!raw.ok) return raw;
  const compiled = compilePolicy(raw.value);
  if (!compiled.ok) return compiled;
  const ids = raw.value.regimes.slice(raw.value.regimes.length - drafts.length).map((r) => String((r.data as { id?: unknown }).id));
  return { ok: true, value: { engine: compiled.value, drafts: ids } };
}
