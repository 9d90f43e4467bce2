// The screening index: every name of every list entry prepared once, and a blocking index from
// token, phonetic and skeleton keys to names, so a query scores a few dozen candidates, not the list.
import { cjkEntityName, prepareName, type PreparedName } from './compare.ts';
import { countryCode } from './countries.ts';
import type { TokenInfo } from './similarity.ts';
import type { BirthDate, ExtraName, ListEntry, SanctionsList } from './types.ts';

/** Where a name comes from: the list (primary, alias, original script) or a reviewed translation (translated). */
export type NameQuality = 'primary' | 'good' | 'low' | 'original' | 'translated';

export interface IndexedName {
  entry: number;
  quality: NameQuality;
  name: PreparedName;
  /** For a translated name: its language and the address of the source that writes it so. */
  lang?: string;
  source?: string;
}

export interface EntryFacts {
  datesOfBirth: BirthDate[];
  /** ISO codes of nationalities and countries of birth. */
  countries: string[];
  gender?: 'male' | 'female';
}

export interface ScreeningIndex {
  source: string;
  version: string;
  entries: ListEntry[];
  facts: EntryFacts[];
  names: IndexedName[];
  /** Blocking key -> ids of names carrying it, ascending. */
  postings: Map<string, number[]>;
}

/** Blocking keys of one token: its text, Double Metaphone, consonant skeletons and a prefix. */
export function tokenKeys(t: TokenInfo): string[] {
  if (t.kind !== 'name' && t.kind !== 'number') return [];
  const keys: string[] = [];
  if (t.orig !== undefined) keys.push('o:' + t.orig);
  if (t.text.length >= 2 || t.orig !== undefined) keys.push('t:' + t.text);
  if (t.kind === 'number') return keys;
  if (t.phonetic[0].length >= 2) keys.push('m:' + t.phonetic[0]);
  if (t.skeleton.length >= 2) keys.push('s:' + t.skeleton);
  if (t.kanaSkeleton.length >= 2) keys.push('k:' + t.kanaSkeleton);
  if (t.kanaSkeletonAlt && t.kanaSkeletonAlt.length >= 2) keys.push('k:' + t.kanaSkeletonAlt);
  if (t.text.length >= 5) keys.push('p:' + t.text.slice(0, 4));
  if (t.korean && t.script !== 'korean') keys.push('ko:' + t.korean);
  return keys;
}

/** Blocking key of a Japanese, Chinese or Korean organisation name: its last two characters (see compareNames). */
export const suffixKey = (cjk: string) => 'z:' + [...cjk].slice(-2).join('');

/** Keys a query token looks up: abjad and kana tokens only share skeletons with Latin names. */
export function queryKeys(t: TokenInfo): string[] {
  if (t.script === 'korean') return [t.text, ...(t.alts ?? [])].map((k) => 'ko:' + k);
  const keys = tokenKeys(t).filter((k) => !k.startsWith('ko:'));
  if (t.script === 'abjad') return keys.filter((k) => k.startsWith('s:') || k.startsWith('t:'));
  if (t.script === 'kana') return keys.filter((k) => k.startsWith('k:') || k.startsWith('t:'));
  return keys;
}

function facts(e: ListEntry): EntryFacts {
  const datesOfBirth = [...e.datesOfBirth];
  for (const a of e.aliases) if (a.dateOfBirth) datesOfBirth.push({ type: 'exact', date: a.dateOfBirth });
  const codes = new Set<string>();
  const add = (s: string | undefined) => { const c = s ? countryCode(s) : undefined; if (c) codes.add(c); };
  e.nationalities.forEach(add);
  e.placesOfBirth.forEach((p) => add(p.country));
  e.aliases.forEach((a) => add(a.countryOfBirth));
  const f: EntryFacts = { datesOfBirth, countries: [...codes] };
  if (e.gender) f.gender = e.gender;
  return f;
}

/**
 * Builds the index once per list version; rebuilding from a parsed list takes well under a second. `extra` adds
 * names the list does not carry (Japanese names by reference number); those of entries not on the list are skipped.
 */
export function buildIndex(list: SanctionsList, extra: readonly ExtraName[] = []): ScreeningIndex {
  const names: IndexedName[] = [];
  const postings = new Map<string, number[]>();
  const extraByRef = new Map<string, ExtraName[]>();
  for (const x of extra) extraByRef.set(x.referenceNumber, [...(extraByRef.get(x.referenceNumber) ?? []), x]);
  list.entries.forEach((e, entry) => {
    const kind = e.type;
    const seen = new Set<string>();
    const add = (raw: string, quality: NameQuality, from?: ExtraName) => {
      // Aliases like "Al-Qa'ida/Islamic Army" list two names in one field.
      const variants = kind === 'entity' && raw.includes('/') && !/\b[A-Za-z]\/[A-Za-z]\b/.test(raw) ? [raw, ...raw.split('/')] : [raw];
      for (const v of variants) {
        const key = v.trim().toLowerCase();
        if (!key || seen.has(key)) continue;
        seen.add(key);
        const name = prepareName(v.trim(), kind);
        if (name.tokens.length === 0) continue;
        const id = names.length;
        names.push(from ? { entry, quality, name, lang: from.lang, source: from.source } : { entry, quality, name });
        const keys = new Set(name.tokens.flatMap(tokenKeys));
        const cjk = cjkEntityName(name);
        if (cjk) keys.add(suffixKey(cjk));
        for (const k of keys) {
          const list = postings.get(k);
          if (list) list.push(id);
          else postings.set(k, [id]);
        }
      }
    };
    add(e.name, 'primary');
    for (const a of e.aliases) add(a.name, a.quality);
    for (const o of e.originalScriptNames) add(o, 'original');
    for (const x of extraByRef.get(e.referenceNumber) ?? []) add(x.name, 'translated', x);
  });
  return { source: list.source, version: list.version, entries: list.entries, facts: list.entries.map(facts), names, postings };
}
