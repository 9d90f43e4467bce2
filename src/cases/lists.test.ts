// The list import service on an in-memory database: store, diff, re-screen, refuse bad files without a trace.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../store/pglite.ts';
import { openStoreOver, type SqlStore } from '../store/store.ts';
import { importList, listChanges, loadStoredList, validateListXml, type ListHolder } from './lists.ts';
import { editList, NEW_PERSON, NEW_VERSION, REIMPORT_EDITS, SHARED_LIST, submitCase } from '../../test/support/lists.ts';

const admin = { actor: { id: 'u-admin', username: 'admin', role: 'admin' as const, org: null }, requestId: 'req-1' };

describe.skipIf(!existsSync(SHARED_LIST))('importing the sanctions list', { timeout: 60_000 }, () => {
  const original = existsSync(SHARED_LIST) ? readFileSync(SHARED_LIST, 'utf8') : '';
  const changed = editList(original, REIMPORT_EDITS);
  let store: SqlStore;
  const holder: ListHolder = { current: null };
  const deps = () => ({ store, screening: holder });
  let caseId = '';

  beforeAll(async () => {
    store = await openStoreOver(await openPglite());
  });
  afterAll(async () => store?.close());

  it('stores the first list with everything in it added, and puts it in use', async () => {
    const r = await importList(deps(), admin, original, { origin: 'file:consolidated-2026-05-08.xml' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value).toMatchObject({
      unchanged: false, previous: null,
      list: { id: 1, version: '2026-05-08T23:00:06.922Z', individuals: 737, entities: 272, importedBy: 'admin', origin: 'file:consolidated-2026-05-08.xml' },
      changes: { fromVersion: null, toVersion: '2026-05-08T23:00:06.922Z', removed: [], changed: [] },
      rescreen: { screened: 0, cases: [] },
    });
    expect(r.value.changes.added).toHaveLength(1009);
    expect(holder.current).toMatchObject({ version: '2026-05-08T23:00:06.922Z', entries: 1009, stored: { id: 1 } });
    const stored = await loadStoredList(store);
    expect(stored.ok && stored.value?.stored?.sha256).toBe(r.value.list.sha256);
  });

  it('stores nothing when the same file comes again', async () => {
    const r = await importList(deps(), admin, original, { origin: 'http' });
    expect(r.ok && r.value).toMatchObject({ unchanged: true, list: { id: 1 }, changes: { added: [], removed: [], changed: [] } });
    expect(await store.screening.listHistory()).toHaveLength(1);
  });

  it('screens a new case clean against it', async () => {
    const c = await submitCase(store, holder.current, 'Taro Yamashita');
    caseId = c.id;
    expect(c.data.screening).toMatchObject({ hold: false, listVersion: '2026-05-08T23:00:06.922Z' });
  });

  it('refuses a malformed, truncated or empty file with the reason, and leaves the stored list and the list in use untouched', async () => {
    const auditBefore = (await store.audit.verify()).count;
    const bad = {
      truncated: changed.slice(0, Math.floor(changed.length / 2)),
      'not XML': 'this is not a list',
      empty: '<CONSOLIDATED_LIST dateGenerated="2026-06-01T00:00:00Z"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>',
      'NUL inside': changed.replace('TARO', 'TA\u0000RO'),
    };
    const codes: Record<string, string> = {};
    for (const [name, xml] of Object.entries(bad)) {
      const r = await importList(deps(), admin, xml, { origin: 'http' });
      expect(r.ok, name).toBe(false);
      if (!r.ok) {
        expect(r.kind).toBe('invalid');
        codes[name] = r.problems[0].code;
        expect(r.problems[0].message.length).toBeGreaterThan(0);
      }
    }
    expect(codes).toEqual({ truncated: 'xml.malformed', 'not XML': 'xml.malformed', empty: 'list.empty', 'NUL inside': 'list.invalid_character' });
    expect((await store.screening.listHistory()).map((l) => l.id)).toEqual([1]);
    expect(holder.current?.stored?.id).toBe(1);
    expect((await store.audit.verify()).count).toBe(auditBefore);
    expect((await store.cases.get(caseId))?.data.screening?.hold).toBe(false);
  });

  it('re-imports a changed list: reports what was added, removed and changed, and holds the open case the new entry hits', async () => {
    const r = await importList(deps(), admin, changed, { origin: 'file:changed.xml' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const { changes, rescreen } = r.value;
    expect(r.value.previous).toMatchObject({ id: 1, version: '2026-05-08T23:00:06.922Z' });
    expect(r.value.list).toMatchObject({ id: 2, version: NEW_VERSION, individuals: 737 });
    expect(changes.fromVersion).toBe('2026-05-08T23:00:06.922Z');
    expect(changes.added).toEqual([{ referenceNumber: NEW_PERSON.referenceNumber, name: 'TARO YAMASHITA', type: 'person', regime: 'DPRK' }]);
    expect(changes.removed.map((e) => e.referenceNumber)).toEqual(['SDi.007']);
    expect(changes.changed).toEqual([expect.objectContaining({ referenceNumber: 'QDi.335', fields: ['aliases'] })]);
    expect(rescreen).toMatchObject({ listVersion: NEW_VERSION, screened: 1, changed: 1, held: 1 });
    expect(rescreen.cases).toEqual([{
      id: caseId, reference: expect.any(String), status: 'submitted', hold: true, wasHeld: false, clearedHits: [],
      newHits: [{ party: 'endUser', name: 'Taro Yamashita', referenceNumber: NEW_PERSON.referenceNumber, listedName: 'TARO YAMASHITA', score: expect.any(Number) }],
    }]);
    const c = (await store.cases.get(caseId))!;
    expect(c.data.screening).toMatchObject({ hold: true, listVersion: NEW_VERSION, parties: [{ party: 'endUser', hits: [{ referenceNumber: 'KPi.999', disposition: null }] }, { hits: [] }] });
    expect(holder.current).toMatchObject({ version: NEW_VERSION, stored: { id: 2 } });

    const audit = await store.audit.list({ limit: 1000 });
    expect(audit.find((e) => e.verb === 'screening.list.import' && (e.after as { id: number }).id === 2)).toMatchObject({
      actor: 'admin', requestId: 'req-1', before: { id: 1 }, after: { version: NEW_VERSION, added: 1, removed: 1, changed: 1, origin: 'file:changed.xml' },
    });
    expect(audit.filter((e) => e.verb === 'case.rescreen').map((e) => e.targetId)).toEqual([caseId]);
    expect((await store.audit.verify()).ok).toBe(true);
  });

  it('diffs against the stored list when this process holds none (a CLI, a fresh start)', async () => {
    const fresh: ListHolder = { current: null };
    const again = editList(changed, { version: '2026-05-10T00:00:00Z', remove: [NEW_PERSON.referenceNumber] });
    const r = await importList({ store, screening: fresh }, admin, again, { origin: 'cli' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.changes).toMatchObject({ fromVersion: NEW_VERSION, added: [], changed: [], removed: [{ referenceNumber: NEW_PERSON.referenceNumber }] });
    expect(r.value.rescreen.cases).toEqual([expect.objectContaining({ id: caseId, hold: false, wasHeld: true, newHits: [], clearedHits: [{ party: 'endUser', referenceNumber: 'KPi.999' }] })]);
    expect(fresh.current?.stored?.id).toBe(3);
  });

  it('refuses a list generated before the one in use, unless asked to go back', async () => {
    const r = await importList(deps(), admin, original, { origin: 'http' });
    expect(r).toMatchObject({ ok: false, kind: 'conflict', problems: [{ code: 'list_older' }], current: { id: 3 } });
    const back = await importList(deps(), admin, original, { origin: 'http', allowOlder: true });
    expect(back.ok && back.value).toMatchObject({ list: { id: 4, version: '2026-05-08T23:00:06.922Z' }, changes: { fromVersion: '2026-05-10T00:00:00Z' } });
  });

  it('imports another list (JSON) beside the UN list: both are screened, and each hit names its list', async () => {
    const other = JSON.stringify({ list: 'METI End User List', version: '2025-09-30', entries: [
      { reference: 'EUL-0001', type: 'entity', name: 'Yamashita Trading Ltd', aliases: ['山下貿易'], countries: ['JP'] },
    ] });
    const r = await importList(deps(), admin, other, { origin: 'file:eul.json', format: 'json' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value).toMatchObject({ previous: null, list: { id: 5, source: 'METI End User List', version: '2025-09-30', entities: 1 }, changes: { fromVersion: null } });
    expect(holder.current?.version).toBe('METI End User List@2025-09-30; UN Security Council Consolidated List@2026-05-08T23:00:06.922Z');
    const hits = holder.current!.check({ name: '山下貿易', type: 'entity' });
    expect(hits).toEqual([expect.objectContaining({ referenceNumber: 'EUL-0001', explanation: expect.stringContaining('on METI End User List') })]);
    expect(holder.current!.check({ name: 'Hannibal Muammar Qadhafi', type: 'person' })[0]?.explanation).toContain('on UN Security Council Consolidated List');
    // The UN list's next import still diffs against the UN list alone, and the other list stays in use.
    expect(await store.screening.listHistory(1, 'UN Security Council Consolidated List')).toMatchObject([{ id: 4 }]);
    const loaded = await loadStoredList(store);
    expect(loaded.ok && loaded.value?.entries).toBe(1010);
    const again = await importList({ store, screening: { current: null } }, admin, other, { origin: 'http', format: 'json' });
    expect(again.ok && again.value.unchanged).toBe(true);
  });

  it('refuses to start from a stored list whose content was changed in the database', async () => {
    await store.sql.query("UPDATE screening_lists SET content = replace(content, 'GEDO', 'GEDDO') WHERE id = 4");
    const r = await loadStoredList(store);
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'list.digest_mismatch' }] });
  });

  it('names the changes of a first import and of an identical list', () => {
    const parsed = validateListXml(original);
    if (!parsed.ok) throw new Error('parse');
    expect(listChanges(parsed.value, parsed.value)).toMatchObject({ added: [], removed: [], changed: [] });
    expect(listChanges(null, parsed.value).added).toHaveLength(1009);
  });
});
