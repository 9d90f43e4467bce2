import { loadPolicy } from '../policy-files/load.ts';
import type { Engine } from '../core/engine.ts';
import { EXIT, printProblems, type Io } from './io.ts';

/** Loads the policy named by --policy or GENSOKU_POLICY (default: the bundled one); an invalid policy is exit 3. */
export function engineOrExit(io: Io, dir?: string): Engine | number {
  const r = loadPolicy(dir ?? process.env.GENSOKU_POLICY ?? undefined);
  if (r.ok) return r.value;
  printProblems(io, r.problems, 'invalid policy');
  return EXIT.invalidPolicy;
}
