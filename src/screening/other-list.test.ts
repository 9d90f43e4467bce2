import { describe, expect, it } from 'vitest';
import { listFormat, mergeLists, parseCsvList, parseJsonList } from './other-list.ts';
import { screen } from './screen.ts';
import { buildIndex } from './search-index.ts';

const json = JSON.stringify({
  list: 'METI End User List', version: '2025-09-30',
  entries: [
    { reference: 'EUL-0101', type: 'entity', name: 'Test Aerospace Industries', aliases: ['試験航空工業', 'TAI'], countries: ['IR'], programme: 'missile' },
    { reference: 'EUL-0102', type: 'person', name: 'Ivan Petrov', aliases: ['イワン・ペトロフ'], countries: ['RU'], datesOfBirth: ['1970-01-02'] },
  ],
});

describe('other lists (CSV and JSON)', () => {
  it('reads a JSON list with names in any script, and each entry names its list', () => {
    const r = parseJsonList(json);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value).toMatchObject({ source: 'METI End User List', version: '2025-09-30' });
    expect(r.value.entries[0]).toMatchObject({ referenceNumber: 'EUL-0101', type: 'entity', regime: 'missile', list: 'METI End User List', nationalities: ['IR'] });
    expect(r.value.entries[1]!.datesOfBirth).toEqual([{ type: 'exact', date: '1970-01-02', year: 1970 }]);
    const hit = screen(buildIndex(r.value), { name: 'イワン・ペトロフ', type: 'person' });
    expect(hit.ok && hit.value[0]).toMatchObject({ match: true, entry: { referenceNumber: 'EUL-0102' } });
    expect(hit.ok && hit.value[0]!.explanation).toContain('on METI End User List');
  });

  it('reads the same list as CSV, several aliases separated by |', () => {
    const csv = 'list,version,reference,type,name,aliases,countries,dates_of_birth,programme\n'
      + 'MOF asset freeze,2025-10-01,MOF-1,person,Kim Chol,김철|キム・チョル,KP,1960,DPRK\n';
    const r = parseCsvList(csv);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.entries[0]).toMatchObject({ name: 'Kim Chol', aliases: [{ name: '김철' }, { name: 'キム・チョル' }], regime: 'DPRK', datesOfBirth: [{ year: 1960 }] });
  });

  it('names the field of every bad row and refuses the file', () => {
    const r = parseJsonList(JSON.stringify({ list: 'X', version: '1', entries: [{ reference: 'A', type: 'ship', name: '' }, { reference: 'A', type: 'person', name: 'B', datesOfBirth: ['1.2.1970'] }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['list.name_required entries.0.name', 'list.bad_type entries.0.type', 'list.duplicate_reference entries.1.reference', 'list.bad_date entries.1.datesOfBirth']);
    const noVersion = parseCsvList('list,version,reference,type,name\nX,,A,person,B\n');
    expect(!noVersion.ok && noVersion.problems[0]!.code).toBe('list.version_missing');
  });

  it('tells formats apart and merges lists, keeping each entry\'s list', () => {
    expect([listFormat('<CONSOLIDATED_LIST/>'), listFormat(' {"list":1}'), listFormat('list,version')]).toEqual(['un-xml', 'json', 'csv']);
    const a = parseJsonList(json);
    const b = parseCsvList('list,version,reference,type,name\nMOF asset freeze,2025-10-01,MOF-1,person,Kim Chol\n');
    if (!a.ok || !b.ok) throw new Error('parse');
    const m = mergeLists([a.value, b.value]);
    expect(m.version).toBe('METI End User List@2025-09-30; MOF asset freeze@2025-10-01');
    expect(m.entries.map((e) => e.list)).toEqual(['METI End User List', 'METI End User List', 'MOF asset freeze']);
  });
});
