// A case application that states who transfers reaches the engine; one that does not leaves the question open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledEngine } from '../policy-files/load.ts';
import { openPglite } from '../store/pglite.ts';
import { openStoreOver, type SqlStore } from '../store/store.ts';
import type { RequestContext } from './model.ts';
import { CaseService } from './service.ts';

const rc: RequestContext = { actor: { id: 'u1', username: 'alice', role: 'applicant', org: 'ACME' } };
// 2022-03-08 in Japan: the day the Ukraine clause (SDF Act art. 116-3, Minister of Defense only) took effect.
const now = () => new Date('2022-03-08T03:00:00Z');
const vests = {
  recipient: 'UA', purpose: 'aid-against-aggression', endUser: { name: 'Ministry of Defence of Ukraine', type: 'government' },
  items: [{
    item: { defenseEquipment: true, weapon: false, form: 'complete', function: 'protection', origin: 'domestic', etcoItem: '11' },
    quantity: 100, valueJpy: 1_000_000,
  }],
};

let store: SqlStore;
let cases: CaseService;
beforeAll(async () => {
  store = await openStoreOver(await openPglite());
  cases = new CaseService({ store, engine: bundledEngine(), now });
});
afterAll(async () => store.close());

describe('a case application stating who transfers', () => {
  it('vests to Ukraine on 2022-03-08 provided by the Minister of Defense are permissible, and the transferor is kept', async () => {
    const r = await cases.create(rc, { ...vests, transferor: 'defense-minister' });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.value.data.application.transferor).toBe('defense-minister');
    expect(r.value.current).toMatchObject({ asOf: '2022-03-08', outcome: 'permissible' });
    const again = await cases.get(rc, r.value.id);
    expect(again.ok && again.value.data.application.transferor).toBe('defense-minister');
  });

  it('without a transferor the same case requires judgment naming the transferor', async () => {
    const r = await cases.create(rc, vests);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.value.current?.outcome).toBe('requires_judgment');
    expect(r.value.current?.items[0]!.open.map((q) => q.id)).toContain('transferor');
  });

  it('refuses a transferor outside the enum, naming the field', async () => {
    const r = await cases.create(rc, { ...vests, transferor: 'minister' });
    expect(r).toMatchObject({ ok: false, problems: [{ path: 'transferor' }] });
  });
});
