// gensoku screen --csv with hostile names: the output never splits a row and never hands a spreadsheet a formula.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../screening/csv.ts';
import { DEFAULT_LIST } from '../../screening/load-list.ts';
import { memoryIo } from '../../../test/support/cli-io.ts';
import { run } from './screen.ts';

const HOSTILE = ['=cmd|\' /C calc\'!A0', '+SUM(1)', '-1+1', '@A1', 'tab\there', 'line\r\nbreak', 'SALEK, ABDULHAI'];

describe.skipIf(!existsSync(DEFAULT_LIST))('gensoku screen --csv output', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'gensoku-screen-')), 'parties.csv');
  writeFileSync(file, `name\r\n${HOSTILE.map((n) => `"${n.replace(/"/g, '""')}"`).join('\r\n')}\r\n`);

  it('writes RFC 4180 CSV with text cells neutralised, one row per party', async () => {
    const t = memoryIo({ isTTY: false });
    expect(await run(['--csv', file, '--list', DEFAULT_LIST, '--format', 'csv'], t.io)).toBe(0);
    const rows = parseCsv(t.out());
    expect(rows.map((r) => r.name)).toEqual(HOSTILE.map((n) => (/^[=+\-@\t\r]/.test(n) ? `'${n}` : n)));
    expect(rows.map((r) => r.row)).toEqual(HOSTILE.map((_, i) => String(i + 2)));
    expect(rows.at(-1)).toMatchObject({ result: 'match', reference_number: 'TAi.108' });
  });

  it('keeps the text format one line per party, with no cell starting a formula', async () => {
    const t = memoryIo({ isTTY: false });
    expect(await run(['--csv', file, '--list', DEFAULT_LIST], t.io)).toBe(0);
    const lines = t.out().split('\n').filter(Boolean);
    expect(lines).toHaveLength(HOSTILE.length + 2); // header, one per party, summary
    for (const line of lines.slice(1, -1)) {
      const cells = line.split('\t');
      expect(cells).toHaveLength(3);
      for (const c of cells) expect(c).not.toMatch(/^[=+\-@\r]/);
    }
  });
});
