import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as screenRun } from '../cli/commands/screen.ts';
import { run as listsRun } from '../cli/commands/lists.ts';
import { DEFAULT_LIST } from './load-list.ts';

function io(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => { out.push(s); }, stderr: (s: string) => { err.push(s); }, stdin: async () => '', isTTY } };
}

describe.skipIf(!existsSync(DEFAULT_LIST))('CLI: gensoku screen and gensoku lists', () => {
  it('screens a known listed name and prints the entry, score and explanation as JSON', async () => {
    const t = io();
    const code = await screenRun(['--name', 'Abdulhai Salek', '--dob', '1965', '--format', 'json', '--list', DEFAULT_LIST], t.io);
    expect(code).toBe(0);
    const body = JSON.parse(t.out.join(''));
    expect(body.results[0]).toMatchObject({ referenceNumber: 'TAi.108', match: true });
    expect(body.results[0].explanation).toContain('ABDULHAI SALEK');
  });

  it('screens a CSV batch; no progress bar when not on a terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gensoku-csv-'));
    const file = join(dir, 'parties.csv');
    writeFileSync(file, 'name,date_of_birth,nationality\n"SALEK, ABDULHAI",1965,af\nIngeborg Abrahamsen,1972-11-21,FR\n');
    const t = io(false);
    expect(await screenRun(['--csv', file, '--list', DEFAULT_LIST], t.io)).toBe(0);
    expect(t.out.join('')).toContain('1 of 2 rows matched');
    expect(t.err.join('')).toBe('');
    const tty = io(true);
    await screenRun(['--csv', file, '--list', DEFAULT_LIST], tty.io);
    expect(tty.err.join('')).toContain('2/2');
  });

  it('returns 1 with a message for bad usage or input', async () => {
    const t = io();
    expect(await screenRun([], t.io)).toBe(1);
    expect(t.err.join('')).toContain('usage');
    const d = io();
    expect(await screenRun(['--name', 'X', '--dob', 'yesterday', '--list', DEFAULT_LIST], d.io)).toBe(1);
    expect(d.err.join('')).toContain('dateOfBirth');
  });

  it('parses a list and prints its summary (--dry-run, no database); a truncated list is rejected', async () => {
    const t = io();
    expect(await listsRun(['import', DEFAULT_LIST, '--dry-run', '--format', 'json'], t.io)).toBe(0);
    expect(JSON.parse(t.out.join(''))).toMatchObject({ individuals: 737, entities: 272, version: '2026-05-08T23:00:06.922Z' });
    const dir = mkdtempSync(join(tmpdir(), 'gensoku-list-'));
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, '<CONSOLIDATED_LIST dateGenerated="x"><INDIVIDUALS><INDIVIDUAL>');
    const b = io();
    expect(await listsRun(['import', bad], b.io)).toBe(1);
    expect(b.err.join('')).toContain('xml.malformed');
  });
});
