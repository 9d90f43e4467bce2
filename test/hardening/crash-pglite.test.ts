// kill -9 the server on the embedded database (PGlite in a data directory) during concurrent case writes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashScenario } from './crash.ts';

const dir = mkdtempSync(join(tmpdir(), 'gensoku-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash safety on PGlite', () => {
  it('keeps every acknowledged write, half-writes nothing, and the audit chain verifies after kill -9', async () => {
    const r = await crashScenario({ GENSOKU_DATA: dir });
    console.info(`crash-pglite: ${JSON.stringify(r)}`);
    expect(r.cases).toBeGreaterThanOrEqual(r.acked);
  }, 120_000);
});
