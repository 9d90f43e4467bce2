// The peers (json-rules-engine, cedar-wasm), generated from the 2014 rules, agree with our engine on a few thousand
// requests; `npm run bench` checks the whole workload. A change to the engine's semantics that encode.ts does not
// follow, or a policy construct it cannot express, fails here.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy-files/load.ts';
import { loadItems } from '../../src/policy-files/items.ts';
import { differential, mutationCheck, REGIME, sample } from '../engine.ts';
import { repoRoot } from '../repo.ts';
import { workload } from '../workload.ts';
import { translate } from './encode.ts';

const root = repoRoot();
const loaded = loadPolicy(join(root, 'policy'));
const items = loadItems(join(root, 'policy'));
if (!loaded.ok || !items.ok) throw new Error('the bundled policy does not load');
const engine = loaded.value;
const requests = sample(workload(items.value), 3000);

describe('the peer encodings follow the policy', () => {
  it('agree with ours, untraced and traced, on every request, across all five outcomes', { timeout: 120_000 }, async () => {
    const { outcomes, disagreements } = await differential(engine, requests);
    expect(disagreements.slice(0, 3)).toEqual([]);
    expect(Object.keys(outcomes).sort()).toEqual(['not_permitted', 'out_of_scope', 'permissible', 'prohibited', 'requires_judgment']);
    expect(engine.version(REGIME)).toBeDefined();
  });

  it('would notice a peer that drops one test', { timeout: 60_000 }, () => {
    expect(mutationCheck(engine, requests)).toBeGreaterThan(0);
  });

  it('refuses a construct it cannot translate instead of guessing', () => {
    expect(() => translate({ unheardOf: true } as never)).toThrow(/cannot translate/);
  });
});
