// Lists other than the UN's (METI's End User List, the Ministry of Finance's asset-freeze list, a company's own),
// imported from CSV or JSON with names in any script. Pure: takes the text, returns the list or the problems found.
//
// JSON: { "list": "METI End User List", "version": "2025-09-30", "entries": [ { "reference": "EUL-1", "type": "entity",
//         "name": "...", "aliases": ["...", "..."], "countries": ["IR"], "datesOfBirth": ["1970-01-02"], "programme": "..." } ] }
// CSV:  list,version,reference,type,name,aliases,countries,dates_of_birth,programme   (one entry a row; several
//       aliases, countries or dates in one field are separated by "|")
import { parseCsv } from './csv.ts';
import { parseUnList } from './un-list.ts';
import type { BirthDate, ListEntry, Problem, Result, SanctionsList } from './types.ts';

interface RawEntry { reference?: unknown; type?: unknown; name?: unknown; aliases?: unknown; countries?: unknown; datesOfBirth?: unknown; programme?: unknown }

const strings = (v: unknown): string[] | undefined => {
  if (v === undefined || v === null || v === '') return [];
  if (typeof v === 'string') return v.split('|').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((s) => s.trim()).filter(Boolean);
  return undefined;
};

function birthDate(s: string): BirthDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return undefined;
  return m[2] ? { type: 'exact', date: s, year: Number(m[1]) } : { type: 'exact', year: Number(m[1]) };
}

function entries(listName: string, raws: RawEntry[], path: (i: number) => string): Result<ListEntry[]> {
  const problems: Problem[] = [];
  const out: ListEntry[] = [];
  const seen = new Set<string>();
  raws.forEach((r, i) => {
    const at = path(i);
    const reference = typeof r.reference === 'string' ? r.reference.trim() : '';
    const name = typeof r.name === 'string' ? r.name.trim() : '';
    const aliases = strings(r.aliases);
    const countries = strings(r.countries);
    const dates = strings(r.datesOfBirth);
    if (!reference) problems.push({ code: 'list.reference_required', path: `${at}.reference`, message: 'every entry needs its reference on the list' });
    else if (seen.has(reference)) problems.push({ code: 'list.duplicate_reference', path: `${at}.reference`, message: `reference ${reference} appears twice` });
    seen.add(reference);
    if (!name) problems.push({ code: 'list.name_required', path: `${at}.name`, message: 'every entry needs a name' });
    if (r.type !== 'person' && r.type !== 'entity') problems.push({ code: 'list.bad_type', path: `${at}.type`, message: 'type must be person or entity' });
    if (!aliases) problems.push({ code: 'list.bad_aliases', path: `${at}.aliases`, message: 'aliases must be a list of names' });
    if (!countries) problems.push({ code: 'list.bad_countries', path: `${at}.countries`, message: 'countries must be a list of ISO codes or country names' });
    const parsedDates = (dates ?? []).map(birthDate);
    if (!dates || parsedDates.some((d) => d === undefined)) problems.push({ code: 'list.bad_date', path: `${at}.datesOfBirth`, message: 'dates of birth must be YYYY, YYYY-MM or YYYY-MM-DD' });
    if (r.programme !== undefined && typeof r.programme !== 'string') problems.push({ code: 'list.bad_programme', path: `${at}.programme`, message: 'programme must be text' });
    if (problems.length) return;
    out.push({
      id: reference, referenceNumber: reference, type: r.type as 'person' | 'entity', name, nameParts: [],
      aliases: aliases!.map((a) => ({ name: a, quality: 'good' as const })), originalScriptNames: [], titles: [], designations: [],
      regime: typeof r.programme === 'string' && r.programme.trim() ? r.programme.trim() : listName, lastUpdated: [],
      datesOfBirth: parsedDates as BirthDate[], placesOfBirth: [], nationalities: countries!, addresses: [], documents: [], list: listName,
    });
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: out };
}

function finish(listName: unknown, version: unknown, raws: RawEntry[], path: (i: number) => string, where: string): Result<SanctionsList> {
  const problems: Problem[] = [];
  if (typeof listName !== 'string' || !listName.trim()) problems.push({ code: 'list.name_missing', path: `${where}list`, message: 'the list needs its name (e.g. "METI End User List")' });
  if (typeof version !== 'string' || !version.trim()) problems.push({ code: 'list.version_missing', path: `${where}version`, message: 'the list needs its version (the date it was published)' });
  if (problems.length) return { ok: false, problems };
  const e = entries((listName as string).trim(), raws, path);
  if (!e.ok) return e;
  return { ok: true, value: { source: (listName as string).trim(), version: (version as string).trim(), entries: e.value } };
}

export function parseJsonList(text: string): Result<SanctionsList> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ code: 'list.malformed', path: '(root)', message: `not JSON: ${(e as Error).message}` }] };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !Array.isArray((doc as Record<string, unknown>)['entries'])) {
    return { ok: false, problems: [{ code: 'list.malformed', path: '(root)', message: 'expected { "list", "version", "entries": [...] }' }] };
  }
  const d = doc as Record<string, unknown>;
  return finish(d['list'], d['version'], d['entries'] as RawEntry[], (i) => `entries.${i}`, '');
}

export function parseCsvList(text: string): Result<SanctionsList> {
  const rows = parseCsv(text);
  if (rows.length === 0) return { ok: false, problems: [{ code: 'list.empty', path: '(root)', message: 'the file has no rows' }] };
  const missing = ['list', 'version', 'reference', 'type', 'name'].filter((k) => !(k in rows[0]!));
  if (missing.length) return { ok: false, problems: [{ code: 'list.malformed', path: 'header', message: `missing columns: ${missing.join(', ')}` }] };
  const names = new Set(rows.map((r) => r['list']!.trim()));
  const versions = new Set(rows.map((r) => r['version']!.trim()));
  if (names.size > 1 || versions.size > 1) return { ok: false, problems: [{ code: 'list.mixed', path: 'list', message: 'one file holds one list: every row needs the same list name and version' }] };
  const raws: RawEntry[] = rows.map((r) => ({
    reference: r['reference'], type: r['type']?.trim(), name: r['name'], aliases: r['aliases'] ?? '', countries: r['countries'] ?? '',
    datesOfBirth: r['dates_of_birth'] ?? '', ...(r['programme'] ? { programme: r['programme'] } : {}),
  }));
  return finish(rows[0]!['list'], rows[0]!['version'], raws, (i) => `row ${i + 2}`, 'header: ');
}

export type ListFormat = 'un-xml' | 'json' | 'csv';

/** The format of a list file, from its first character: "<" the UN's XML, "{" JSON, anything else CSV. */
export function listFormat(text: string): ListFormat {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '<' ? 'un-xml' : first === '{' ? 'json' : 'csv';
}

/** Parses a list in any supported format; the UN's entries are tagged with the UN list's name like the others. */
export function parseAnyList(text: string): Result<SanctionsList> {
  const format = listFormat(text);
  if (format === 'json') return parseJsonList(text);
  if (format === 'csv') return parseCsvList(text);
  const un = parseUnList(text);
  return un.ok ? { ok: true, value: { ...un.value, entries: un.value.entries.map((e) => ({ ...e, list: un.value.source })) } } : un;
}

/** Several lists screened as one: every entry keeps the name of its list; the version names each list's. */
export function mergeLists(lists: SanctionsList[]): SanctionsList {
  const tag = (l: SanctionsList) => l.entries.map((e) => (e.list ? e : { ...e, list: l.source }));
  if (lists.length === 1) return { ...lists[0]!, entries: tag(lists[0]!) };
  const sorted = [...lists].sort((a, b) => a.source.localeCompare(b.source));
  return {
    source: sorted.map((l) => l.source).join(' + '),
    version: sorted.map((l) => `${l.source}@${l.version}`).join('; '),
    entries: sorted.flatMap(tag),
  };
}
