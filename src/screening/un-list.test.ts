import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIST, readListFile } from './load-list.ts';
import { diffLists, parseUnList } from './un-list.ts';
import type { SanctionsList } from './types.ts';

const MINI = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">
  <INDIVIDUALS>
    <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>JOHN</FIRST_NAME><SECOND_NAME>DOE</SECOND_NAME><UN_LIST_TYPE>Test</UN_LIST_TYPE>
      <REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER><LISTED_ON>2020-01-01</LISTED_ON><COMMENTS1>Gender: Male. A &amp; B</COMMENTS1>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Johnny</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1960</FROM_YEAR><TO_YEAR>1962</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY><DATAID>2</DATAID><FIRST_NAME>ACME TRADING</FIRST_NAME><UN_LIST_TYPE>Test</UN_LIST_TYPE><REFERENCE_NUMBER>XXe.001</REFERENCE_NUMBER></ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>`;

describe('parseUnList on small documents', () => {
  it('reads names, aliases, dates, gender and decodes the XML entities itself', () => {
    const r = parseUnList(MINI);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const [p, e] = r.value.entries;
    expect(r.value.version).toBe('2026-01-01T00:00:00Z');
    expect(p).toMatchObject({ referenceNumber: 'XXi.001', type: 'person', name: 'JOHN DOE', gender: 'male', comments: 'Gender: Male. A & B' });
    expect(p!.aliases).toEqual([{ name: 'Johnny', quality: 'low' }]);
    expect(p!.datesOfBirth).toEqual([{ type: 'between', fromYear: 1960, toYear: 1962 }]);
    expect(e).toMatchObject({ type: 'entity', name: 'ACME TRADING' });
  });

  it('refuses DOCTYPE and entity declarations before parsing', () => {
    const evil = MINI.replace('<CONSOLIDATED_LIST', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<CONSOLIDATED_LIST');
    const r = parseUnList(evil);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.code).toBe('xml.dtd_forbidden');
  });

  it('reports missing fields with their path', () => {
    const r = parseUnList(MINI.replace('<REFERENCE_NUMBER>XXe.001</REFERENCE_NUMBER>', ''));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ code: 'list.missing_field', path: 'ENTITIES/ENTITY[0]/REFERENCE_NUMBER', message: 'entry has no REFERENCE_NUMBER' }]);
  });

  it('diffs two versions by reference number', () => {
    const a = parseUnList(MINI);
    const b = parseUnList(MINI.replace('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z').replace('ACME TRADING', 'ACME TRADING CO').replace(/<INDIVIDUAL>[\s\S]*<\/INDIVIDUAL>/, ''));
    if (!a.ok || !b.ok) throw new Error('parse failed');
    const d = diffLists(a.value, b.value);
    expect(d.removed.map((e) => e.referenceNumber)).toEqual(['XXi.001']);
    expect(d.added).toEqual([]);
    expect(d.changed).toMatchObject([{ referenceNumber: 'XXe.001', fields: ['name', 'nameParts'] }]);
  });
});

describe.skipIf(!existsSync(DEFAULT_LIST))('parseUnList on the real list', () => {
  let list: SanctionsList;
  beforeAll(() => {
    const r = readListFile(DEFAULT_LIST);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    list = r.value;
  });

  it('parses all 737 individuals and 272 entities with their version', () => {
    expect(list.entries.filter((e) => e.type === 'person')).toHaveLength(737);
    expect(list.entries.filter((e) => e.type === 'entity')).toHaveLength(272);
    expect(list.version).toBe('2026-05-08T23:00:06.922Z');
  });

  it('keeps aliases of both qualities, original-script names, dates, places, nationalities and regimes', () => {
    const e = list.entries.find((x) => x.referenceNumber === 'QDi.335')!;
    expect(e.aliases.filter((a) => a.quality === 'low').length).toBeGreaterThan(0);
    expect(e.aliases.filter((a) => a.quality === 'good').length).toBeGreaterThan(0);
    expect(e.datesOfBirth).toEqual([{ type: 'exact', date: '1973-03-06' }]);
    expect(e.nationalities).toEqual(['Kuwait']);
    expect(e.regime).toBe('Al-Qaida');
    expect(e.listedOn).toBe('2014-09-23');
    expect(list.entries.filter((x) => x.originalScriptNames.length > 0).length).toBeGreaterThan(300);
    expect(list.entries.some((x) => x.placesOfBirth.some((p) => p.city))).toBe(true);
    expect(list.entries.some((x) => x.addresses.some((p) => p.street))).toBe(true);
  });

  it('rejects a truncated copy with the position where it breaks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gensoku-un-'));
    const file = join(dir, 'truncated.xml');
    const xml = readFileSync(DEFAULT_LIST, 'utf8');
    writeFileSync(file, xml.slice(0, Math.floor(xml.length / 2)));
    const r = readListFile(file);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]!.code).toBe('xml.malformed');
      expect(r.problems[0]!.path).toMatch(/^line \d+/);
    }
  });

  it('reports an unreadable file as data', () => {
    const r = readListFile(join(tmpdir(), 'no-such-list.xml'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.code).toBe('list.unreadable');
  });
});
