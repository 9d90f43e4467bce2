// The UN list import refuses XML that declares entities or a DOCTYPE (entity expansion, external entities), in
// any spelling or encoding, quickly and without reading any file the XML points at; elements nested deep and files
// over the size limit are problems too (422 / exit 1), never a crash.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { MAX_LIST_BYTES } from '../../src/screening/load-list.ts';
import { parseUnList } from '../../src/screening/un-list.ts';

const dir = mkdtempSync(join(tmpdir(), 'gensoku-xml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A file only an external entity could pull in; its marker must never reach the parsed list.
const SECRET = join(dir, 'secret.txt');
writeFileSync(SECRET, 'TOP-SECRET-MARKER');

const entry = (name: string) => `<INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>${name}</FIRST_NAME>`
  + '<UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER><LISTED_ON>2020-01-01</LISTED_ON></INDIVIDUAL></INDIVIDUALS><ENTITIES/>';
const list = (prolog: string, name: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${prolog}\n<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">${entry(name)}</CONSOLIDATED_LIST>`;

const LAUGHS = `<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n  ')}
]>`;

const HOSTILE: Record<string, string> = {
  'billion laughs': list(LAUGHS, '&lol9;'),
  'external entity (file)': list(`<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file://${SECRET}"> ]>`, '&xxe;'),
  'external entity (http, loopback)': list('<!DOCTYPE x [ <!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret"> ]>', '&xxe;'),
  'parameter entity': list(`<!DOCTYPE x [ <!ENTITY % p SYSTEM "file://${SECRET}"> %p; ]>`, 'A'),
  'external DTD': list(`<!DOCTYPE CONSOLIDATED_LIST SYSTEM "file://${SECRET}">`, 'A'),
  'public DTD': list('<!DOCTYPE CONSOLIDATED_LIST PUBLIC "-//X//Y" "http://127.0.0.1:9/x.dtd">', 'A'),
  'lower-case doctype': list(`<!doctype x [ <!entity xxe system "file://${SECRET}"> ]>`, '&xxe;'),
  'doctype after a comment': list(`<!-- hello --><!DOCTYPE x [ <!ENTITY xxe SYSTEM "file://${SECRET}"> ]>`, '&xxe;'),
  'elements nested 150 levels': list('', `A${'<x>'.repeat(150)}${'</x>'.repeat(150)}`),
  'elements nested 200,000 levels': list('', `A${'<x>'.repeat(200_000)}${'</x>'.repeat(200_000)}`),
  'entity declared inside the root': `<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="x"><!ENTITY xxe SYSTEM "file://${SECRET}">${entry('&xxe;')}</CONSOLIDATED_LIST>`,
};

function noSecret(value: unknown) {
  const s = JSON.stringify(value);
  expect(s).not.toContain('TOP-SECRET-MARKER');
  expect(s).not.toContain('lollollol');
}

describe('UN list import: XML entities', () => {
  it.each(Object.entries(HOSTILE))('refuses %s', (_name, xml) => {
    const t = performance.now();
    const r = parseUnList(xml);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(r.ok).toBe(false);
    noSecret(r);
  });

  it('names the refusal: xml.dtd_forbidden', () => {
    const r = parseUnList(HOSTILE['billion laughs']);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toContain('xml.dtd_forbidden');
  });

  it('names a nesting refusal: xml.too_deep, a problem and not an exception', () => {
    const r = parseUnList(HOSTILE['elements nested 150 levels']);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['xml.too_deep']);
  });

  it('refuses a list file over 64 MiB through the CLI before reading it, as the API refuses the body', async () => {
    const big = join(dir, 'big.xml');
    writeFileSync(big, '');
    truncateSync(big, MAX_LIST_BYTES + 1); // sparse: no 64 MiB written, none read
    const err: string[] = [];
    const io: Io = { stdout: () => {}, stderr: (s) => { err.push(s); }, stdin: async () => '' };
    const before = process.memoryUsage().rss;
    expect(await main(['lists', 'import', big], io)).toBe(1);
    expect(await main(['lists', 'import', big, '--dry-run'], io)).toBe(1);
    expect(err.join('')).toMatch(new RegExp(`list\\.too_large|at most ${MAX_LIST_BYTES} bytes`));
    expect(process.memoryUsage().rss - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('does not expand an undeclared entity reference, and keeps XInclude inert', () => {
    const r = parseUnList(list('', `A&undeclared;<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://${SECRET}" parse="text"/>`));
    noSecret(r);
  });

  it('refuses the same files through the CLI, in UTF-8 and UTF-16, with exit 1 and a message', async () => {
    const files: string[] = [];
    for (const [name, xml] of Object.entries(HOSTILE)) {
      const utf8 = join(dir, `${name.replace(/\W+/g, '-')}.xml`);
      writeFileSync(utf8, xml);
      const utf16 = join(dir, `${name.replace(/\W+/g, '-')}.utf16.xml`);
      writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('UTF-8', 'UTF-16'), 'utf16le')]));
      files.push(utf8, utf16);
    }
    for (const file of files) {
      const out: string[] = [];
      const err: string[] = [];
      const io: Io = { stdout: (s) => { out.push(s); }, stderr: (s) => { err.push(s); }, stdin: async () => '' };
      const t = performance.now();
      const code = await main(['lists', 'import', file, '--format', 'json'], io);
      expect(performance.now() - t, file).toBeLessThan(2000);
      expect(code, `${file}: ${out.join('')}`).toBe(1);
      expect(err.join('')).toMatch(/cannot import/);
      noSecret([out, err]);
    }
  });
});

describe('UN list import over HTTP (PUT /api/v1/screening/list)', () => {
  it('refuses every hostile list with 422 problem+json, quickly, and leaves the list in use as it was', async () => {
    const { harness, isProblem } = await import('./helpers.ts');
    const h = await harness();
    try {
      const before = await h.call('GET', '/api/v1/screening/list', { as: 'admin' });
      for (const [name, xml] of Object.entries(HOSTILE)) {
        const t = performance.now();
        const r = await h.call('PUT', '/api/v1/screening/list', { as: 'admin', raw: xml, headers: { 'content-type': 'application/xml' } });
        expect(performance.now() - t, name).toBeLessThan(2000);
        expect(r.status, `${name}: ${r.text.slice(0, 200)}`).toBe(422);
        expect(isProblem(r)).toBe(true);
        noSecret(r.json);
      }
      const wrongType = await h.call('PUT', '/api/v1/screening/list', { as: 'admin', raw: HOSTILE['billion laughs'], headers: { 'content-type': 'text/plain' } });
      expect(wrongType.status).toBe(415);
      expect((await h.call('GET', '/api/v1/screening/list', { as: 'admin' })).json).toEqual(before.json);
      expect(h.logs.filter((l) => l.msg === 'unhandled error')).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
