// gensoku lists import on a PGlite data directory: stores the list, reports changes against the stored one,
// flags a new hit on an open case, refuses a truncated file and a directory held by a running server.
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStoredList } from '../../cases/lists.ts';
import { editList, NEW_PERSON, NEW_VERSION, REIMPORT_EDITS, SHARED_LIST, submitCase } from '../../../test/support/lists.ts';
import { openStore } from '../../store/open.ts';
import type { Io } from '../io.ts';
import { run as lists } from './lists.ts';

const dir = mkdtempSync(join(tmpdir(), 'gensoku-lists-'));
const data = join(dir, 'data');

async function cli(argv: string[]) {
  const saved = { ...process.env };
  Object.assign(process.env, { GENSOKU_DATA: data, DATABASE_URL: '' });
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (s) => { out.push(s); }, stderr: (s) => { err.push(s); }, stdin: async () => '' };
  try {
    const code = await lists(argv, io);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.env = saved;
  }
}

async function withStore<T>(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir: data });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(SHARED_LIST))('gensoku lists import', { timeout: 120_000 }, () => {
  const changed = join(dir, 'consolidated-2026-05-09.xml');
  const truncated = join(dir, 'truncated.xml');
  let caseId = '';

  it('stores the first list in the database', async () => {
    const r = await cli(['import', SHARED_LIST, '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({
      unchanged: false, previous: null,
      list: { id: 1, version: '2026-05-08T23:00:06.922Z', entries: 1009, origin: 'file:consolidated-2026-05-08.xml', importedBy: expect.stringMatching(/^cli/) },
      changes: { fromVersion: null }, rescreen: { screened: 0 },
    });
    const again = await cli(['import', SHARED_LIST]);
    expect(again.out).toMatch(/already in use as list #1.*nothing stored/);
  });

  it('re-imports a changed list: what was added, removed and changed, and the open case now held', async () => {
    caseId = await withStore(async (store) => {
      const provider = await loadStoredList(store);
      if (!provider.ok) throw new Error(JSON.stringify(provider.problems));
      const c = await submitCase(store, provider.value, 'Taro Yamashita');
      expect(c.data.screening?.hold).toBe(false);
      return c.id;
    });
    writeFileSync(changed, editList(readFileSync(SHARED_LIST, 'utf8'), REIMPORT_EDITS));
    const r = await cli(['import', changed]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`imported UN Security Council Consolidated List, generated ${NEW_VERSION}, as list #2`);
    expect(r.out).toContain('changes since 2026-05-08T23:00:06.922Z (list #1): 1 added, 1 removed, 1 changed');
    expect(r.out).toContain(`+ ${NEW_PERSON.referenceNumber} TARO YAMASHITA`);
    expect(r.out).toMatch(/- SDi\.007 GEDO HAMDAN AHMED/);
    expect(r.out).toMatch(/~ QDi\.335 .* \(aliases\)/);
    expect(r.out).toContain('re-screened 1 open case: 1 with new hits, 1 on hold');
    expect(r.out).toMatch(/GSK-\d{4}-\d{6} \(submitted\) now ON HOLD\n {4}new hit: endUser "Taro Yamashita" ~ KPi\.999 TARO YAMASHITA \(\d\.\d\d\)/);

    await withStore(async (store) => {
      const c = (await store.cases.get(caseId))!;
      expect(c.data.screening).toMatchObject({ hold: true, listVersion: NEW_VERSION, parties: [{ hits: [{ referenceNumber: 'KPi.999' }] }, {}] });
      expect((await store.screening.currentList())?.version).toBe(NEW_VERSION);
      const verbs = (await store.audit.list({ limit: 1000 })).map((e) => e.verb);
      expect(verbs.filter((v) => v === 'screening.list.import')).toHaveLength(2);
      expect(verbs).toContain('case.rescreen');
      expect((await store.audit.verify()).ok).toBe(true);
    });
  });

  it('refuses a truncated file with the reason and leaves the stored list untouched', async () => {
    const text = readFileSync(changed, 'utf8');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length * 0.6)));
    const r = await cli(['import', truncated]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot import .*truncated\.xml; the stored list is unchanged/);
    expect(r.err).toContain('xml.malformed');
    const missing = await cli(['import', join(dir, 'nope.xml')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no such file');
    const h = await cli(['history', '--format', 'json']);
    expect(JSON.parse(h.out).map((l: { id: number; version: string }) => [l.id, l.version])).toEqual([[2, NEW_VERSION], [1, '2026-05-08T23:00:06.922Z']]);
  });

  it('refuses an older list unless told to go back', async () => {
    const r = await cli(['import', SHARED_LIST]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('list_older');
    expect(r.err).toContain('--allow-older');
  });

  it('says the server is running and exits 1 while another process holds the data directory; --dry-run needs no database', async () => {
    // The lock names a live process other than this one, as a running gensoku serve would.
    writeFileSync(join(data, 'gensoku.lock'), String(process.ppid));
    try {
      const r = await cli(['import', changed]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(new RegExp(`in use by process ${process.ppid}`));
      expect(r.err).toContain('PUT /api/v1/screening/list');
      const dry = await cli(['import', changed, '--dry-run']);
      expect(dry.code).toBe(0);
      expect(dry.out).toContain(`generated ${NEW_VERSION} (dry run: nothing stored)`);
      expect((await cli(['history'])).code).toBe(1);
    } finally {
      unlinkSync(join(data, 'gensoku.lock'));
    }
    const h = await cli(['history']);
    expect(h.out).toMatch(/^#2 UN Security Council Consolidated List 2026-05-09T23:00:04\.118Z {2}1009 entries {2}imported .* from file:consolidated-2026-05-09\.xml {2}\(in use\)\n#1 /);
  });

  it('imports another list from a .csv file beside the UN list, and history marks both in use', async () => {
    const csv = join(dir, 'mof.csv');
    writeFileSync(csv, 'list,version,reference,type,name,aliases\nMOF asset freeze,2025-10-01,MOF-1,entity,Hanami Shoji,花見商事\nMOF asset freeze,2025-10-01,MOF-2,person,Ivan Petrov,\n');
    const r = await cli(['import', csv]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('imported MOF asset freeze, generated 2025-10-01, as list #3: 1 individuals, 1 entities');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'list,version,reference,type,name\nX,1,A,ship,B\n');
    const refused = await cli(['import', bad]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('list.bad_type');
    const h = await cli(['history']);
    expect(h.out.split('\n').filter((l) => l.endsWith('(in use)')).map((l) => l.split(' ')[0])).toEqual(['#3', '#2']);
  });

  it('checks its usage', async () => {
    expect((await cli(['import'])).code).toBe(1);
    expect((await cli(['history', '--dry-run'])).err).toContain('go with import');
    expect((await cli(['import', changed, '--dry-run', '--allow-older'])).code).toBe(1);
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!pgUrl || !existsSync(SHARED_LIST))('gensoku lists import on PostgreSQL (DATABASE_URL)', { timeout: 120_000 }, () => {
  it('stores the list and re-imports a changed one (servers on the database follow it: serve-scale.test.ts)', async () => {
    const { openPostgres } = await import('../../store/postgres.ts');
    const schema = `gensoku_lists_${process.pid}_${Date.now() % 100000}`;
    const adminSql = await openPostgres(pgUrl!, { max: 1 });
    await adminSql.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(pgUrl!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const saved = { ...process.env };
    try {
      const run = async (argv: string[]) => {
        Object.assign(process.env, { DATABASE_URL: url.toString() });
        const out: string[] = [];
        const err: string[] = [];
        const code = await lists(argv, { stdout: (s) => { out.push(s); }, stderr: (s) => { err.push(s); }, stdin: async () => '' });
        return { code, out: out.join(''), err: err.join('') };
      };
      expect((await run(['import', SHARED_LIST])).code).toBe(0);
      const changedFile = join(dir, 'pg-changed.xml');
      writeFileSync(changedFile, editList(readFileSync(SHARED_LIST, 'utf8'), REIMPORT_EDITS));
      const r = await run(['import', changedFile]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('1 added, 1 removed, 1 changed');
      const check = await openPostgres(pgUrl!, { schema, max: 1 });
      expect((await check.query<{ version: string }>('SELECT version FROM screening_lists ORDER BY id')).rows.map((x) => x.version)).toEqual(['2026-05-08T23:00:06.922Z', NEW_VERSION]);
      await check.close();
    } finally {
      process.env = saved;
      await adminSql.query(`DROP SCHEMA ${schema} CASCADE`);
      await adminSql.close();
    }
  });
});
