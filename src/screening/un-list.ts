// Import of the UN Security Council Consolidated List (official XML) and diffs between versions.
// Pure: takes the XML text, returns the list or the problems found.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Alias, BirthDate, IdentityDocument, ListDiff, ListEntry, Place, Problem, Result, SanctionsList } from './types.ts';

export const UN_SOURCE = 'UN Security Council Consolidated List';

const ARRAY_TAGS = new Set([
  'INDIVIDUAL', 'ENTITY', 'INDIVIDUAL_ALIAS', 'ENTITY_ALIAS', 'INDIVIDUAL_ADDRESS', 'ENTITY_ADDRESS',
  'INDIVIDUAL_DATE_OF_BIRTH', 'INDIVIDUAL_PLACE_OF_BIRTH', 'INDIVIDUAL_DOCUMENT', 'VALUE', 'NAME_ORIGINAL_SCRIPT',
]);

type Node = Record<string, unknown>;

const problem = (code: string, path: string, message: string): Problem => ({ code, path, message });

/** The five XML entities and character references, decoded by hand since entity processing is off. */
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    const s = decode(String(v)).replace(/\s+/g, ' ').trim();
    return s === '' ? undefined : s;
  }
  if (typeof v === 'object' && '#text' in (v as Node)) return text((v as Node)['#text']);
  return undefined;
}

function arr(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

function node(v: unknown): Node {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {};
}

function values(v: unknown): string[] {
  return arr(node(v)['VALUE']).map(text).filter((s): s is string => s !== undefined);
}

function place(n: Node): Place | undefined {
  const p: Place = {};
  const set = (k: keyof Place, tag: string) => { const t = text(n[tag]); if (t) p[k] = t; };
  set('street', 'STREET');
  set('city', 'CITY');
  set('stateProvince', 'STATE_PROVINCE');
  set('zipCode', 'ZIP_CODE');
  set('country', 'COUNTRY');
  set('note', 'NOTE');
  return Object.keys(p).length ? p : undefined;
}

function birthDate(n: Node): BirthDate | undefined {
  const type = (text(n['TYPE_OF_DATE']) ?? '').toLowerCase();
  const b: BirthDate = { type: type === 'exact' || type === 'approximately' || type === 'between' ? type : 'unknown' };
  const date = text(n['DATE']);
  const year = text(n['YEAR']);
  const from = text(n['FROM_YEAR']);
  const to = text(n['TO_YEAR']);
  const note = text(n['NOTE']);
  if (date) b.date = date.slice(0, 10);
  if (year && /^\d{4}$/.test(year)) b.year = Number(year);
  if (from && /^\d{4}$/.test(from)) b.fromYear = Number(from);
  if (to && /^\d{4}$/.test(to)) b.toYear = Number(to);
  if (note) b.note = note;
  return b.date || b.year || b.fromYear || b.toYear || b.note ? b : undefined;
}

function alias(n: Node): Alias | undefined {
  const name = text(n['ALIAS_NAME']);
  if (!name) return undefined;
  const q = (text(n['QUALITY']) ?? '').toLowerCase();
  const a: Alias = { name, quality: q === 'low' ? 'low' : 'good' };
  if (q && q !== 'good' && q !== 'low') a.note = text(n['QUALITY']);
  const note = text(n['NOTE']);
  if (note) a.note = a.note ? `${a.note}; ${note}` : note;
  const dob = text(n['DATE_OF_BIRTH']);
  const city = text(n['CITY_OF_BIRTH']);
  const country = text(n['COUNTRY_OF_BIRTH']);
  if (dob) a.dateOfBirth = dob;
  if (city) a.cityOfBirth = city;
  if (country) a.countryOfBirth = country;
  return a;
}

function documentOf(n: Node): IdentityDocument | undefined {
  const d: IdentityDocument = {};
  const type = text(n['TYPE_OF_DOCUMENT']);
  const type2 = text(n['TYPE_OF_DOCUMENT2']);
  if (type || type2) d.type = [type, type2].filter(Boolean).join(' / ');
  const num = text(n['NUMBER']);
  if (num) d.number = num;
  const country = text(n['ISSUING_COUNTRY']) ?? text(n['COUNTRY_OF_ISSUE']);
  if (country) d.issuingCountry = country;
  const issued = text(n['DATE_OF_ISSUE']);
  if (issued) d.dateOfIssue = issued;
  const note = text(n['NOTE']);
  if (note) d.note = note;
  return Object.keys(d).length ? d : undefined;
}

const defined = <T>(x: T | undefined): x is T => x !== undefined;

function entry(n: Node, type: 'person' | 'entity', path: string, problems: Problem[]): ListEntry | undefined {
  const id = text(n['DATAID']);
  const ref = text(n['REFERENCE_NUMBER']);
  const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((t) => text(n[t])).filter(defined);
  const before = problems.length;
  if (!id) problems.push(problem('list.missing_field', `${path}/DATAID`, 'entry has no DATAID'));
  if (!ref) problems.push(problem('list.missing_field', `${path}/REFERENCE_NUMBER`, 'entry has no REFERENCE_NUMBER'));
  if (parts.length === 0) problems.push(problem('list.missing_field', `${path}/FIRST_NAME`, 'entry has no name'));
  if (problems.length > before) return undefined;
  const aliasTag = type === 'person' ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS';
  const addressTag = type === 'person' ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS';
  const comments = text(n['COMMENTS1']);
  const e: ListEntry = {
    id: id!,
    referenceNumber: ref!,
    type,
    name: parts.join(' '),
    nameParts: parts,
    aliases: arr(n[aliasTag]).map((a) => alias(node(a))).filter(defined),
    originalScriptNames: arr(n['NAME_ORIGINAL_SCRIPT']).map(text).filter(defined),
    titles: values(n['TITLE']),
    designations: values(n['DESIGNATION']),
    regime: text(n['UN_LIST_TYPE']) ?? '',
    lastUpdated: values(n['LAST_DAY_UPDATED']),
    datesOfBirth: arr(n['INDIVIDUAL_DATE_OF_BIRTH']).map((d) => birthDate(node(d))).filter(defined),
    placesOfBirth: arr(n['INDIVIDUAL_PLACE_OF_BIRTH']).map((p) => place(node(p))).filter(defined),
    nationalities: values(n['NATIONALITY']),
    addresses: arr(n[addressTag]).map((p) => place(node(p))).filter(defined),
    documents: arr(n['INDIVIDUAL_DOCUMENT']).map((d) => documentOf(node(d))).filter(defined),
  };
  const listedOn = text(n['LISTED_ON']);
  if (listedOn) e.listedOn = listedOn;
  const version = text(n['VERSIONNUM']);
  if (version) e.versionNum = version;
  if (comments) e.comments = comments;
  // Gender is a field on few entries; most state it in the comments ("Gender: Male.").
  const g = (text(n['GENDER']) ?? /Gender:\s*(Male|Female)/i.exec(comments ?? '')?.[1] ?? '').toLowerCase();
  if (g === 'male' || g === 'female') e.gender = g;
  return e;
}

// The list nests five levels (CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL/INDIVIDUAL_ALIAS/ALIAS_NAME); anything far deeper is hostile.
const MAX_NESTING = 32;

/** Parses the official UN Consolidated List XML. Refuses DTDs and entities; reports every problem. */
export function parseUnList(xml: string): Result<SanctionsList> {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    return { ok: false, problems: [problem('xml.dtd_forbidden', '', 'the file declares a DOCTYPE or entities; refused to avoid entity expansion and external entities')] };
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { code, msg, line, col } = valid.err;
    return { ok: false, problems: [problem('xml.malformed', `line ${line}, column ${col}`, `${code}: ${msg}`)] };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (tagName) => ARRAY_TAGS.has(tagName),
    maxNestedTags: MAX_NESTING,
  });
  let parsed: unknown;
  try {
    parsed = parser.parse(xml);
  } catch (err) {
    // The parser's own depth limit is expected hostile input, not a bug: a problem, never a 500 or exit 70.
    if (/nested tags/i.test((err as Error).message)) return { ok: false, problems: [problem('xml.too_deep', '', `elements nest deeper than ${MAX_NESTING} levels; the list nests 5`)] };
    throw err;
  }
  const doc = node(parsed);
  const root = doc['CONSOLIDATED_LIST'];
  if (root === undefined) return { ok: false, problems: [problem('list.wrong_root', '', 'root element is not CONSOLIDATED_LIST')] };
  const r = node(root);
  const problems: Problem[] = [];
  const version = text(r['@_dateGenerated']);
  if (!version) problems.push(problem('list.missing_field', 'CONSOLIDATED_LIST/@dateGenerated', 'the list has no dateGenerated attribute'));
  if (!('INDIVIDUALS' in r)) problems.push(problem('list.missing_field', 'CONSOLIDATED_LIST/INDIVIDUALS', 'the list has no INDIVIDUALS section'));
  if (!('ENTITIES' in r)) problems.push(problem('list.missing_field', 'CONSOLIDATED_LIST/ENTITIES', 'the list has no ENTITIES section'));
  const entries: ListEntry[] = [];
  arr(node(r['INDIVIDUALS'])['INDIVIDUAL']).forEach((n, i) => {
    const e = entry(node(n), 'person', `INDIVIDUALS/INDIVIDUAL[${i}]`, problems);
    if (e) entries.push(e);
  });
  arr(node(r['ENTITIES'])['ENTITY']).forEach((n, i) => {
    const e = entry(node(n), 'entity', `ENTITIES/ENTITY[${i}]`, problems);
    if (e) entries.push(e);
  });
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    if (seen.has(e.referenceNumber)) {
      problems.push(problem('list.duplicate_reference', e.referenceNumber, `reference number appears twice (entries ${seen.get(e.referenceNumber)} and ${i})`));
    }
    seen.set(e.referenceNumber, i);
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { source: UN_SOURCE, version: version!, entries } };
}

const DIFF_FIELDS: Array<keyof ListEntry> = [
  'name', 'nameParts', 'aliases', 'originalScriptNames', 'titles', 'designations', 'regime', 'listedOn',
  'datesOfBirth', 'placesOfBirth', 'nationalities', 'addresses', 'documents', 'gender', 'comments',
];

/** What changed between two versions of a list, keyed by reference number. */
export function diffLists(before: SanctionsList, after: SanctionsList): ListDiff {
  const a = new Map(before.entries.map((e) => [e.referenceNumber, e]));
  const b = new Map(after.entries.map((e) => [e.referenceNumber, e]));
  const diff: ListDiff = { fromVersion: before.version, toVersion: after.version, added: [], removed: [], changed: [] };
  for (const [ref, e] of b) if (!a.has(ref)) diff.added.push(e);
  for (const [ref, e] of a) {
    const next = b.get(ref);
    if (!next) { diff.removed.push(e); continue; }
    const fields = DIFF_FIELDS.filter((f) => JSON.stringify(e[f]) !== JSON.stringify(next[f]));
    if (fields.length) diff.changed.push({ referenceNumber: ref, before: e, after: next, fields: fields as string[] });
  }
  return diff;
}

/** One-line counts for people and logs. */
export function summarizeList(list: SanctionsList): { version: string; individuals: number; entities: number; aliases: number; originalScriptNames: number; regimes: Record<string, number> } {
  const regimes: Record<string, number> = {};
  let aliases = 0;
  let scripts = 0;
  for (const e of list.entries) {
    regimes[e.regime] = (regimes[e.regime] ?? 0) + 1;
    aliases += e.aliases.length;
    scripts += e.originalScriptNames.length;
  }
  return {
    version: list.version,
    individuals: list.entries.filter((e) => e.type === 'person').length,
    entities: list.entries.filter((e) => e.type === 'entity').length,
    aliases,
    originalScriptNames: scripts,
    regimes,
  };
}
