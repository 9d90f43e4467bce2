import { loadPolicy } from '../policy-files/load.ts';
import type { Engine } from '../core/engine.ts';
import { EXIT, configOf, printProblems, type Io } from './io.ts';

/** Loads the policy named by --policy or GENSOKU_POLICY (default: the bundled one); an invalid policy is exit 3. */
const loaded = new Map<string, Engine>();

export function engineOrExit(io: Io, dir?: string): Engine | number {
  const key = dir ?? configOf(io).policyDir ?? '';
  const known = loaded.get(key);
  if (known) return known;
  const r = loadPolicy(key || undefined);
  if (r.ok) { loaded.set(key, r.value); return r.value; }
  printProblems(io, r.problems, 'invalid policy');
  return EXIT.invalidPolicy;
}
