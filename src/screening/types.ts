// Data shapes of the screening module: the parsed sanctions list, queries and results.

/** An expected problem with input or data: returned, never thrown. Same shape as core's Problem. */
export interface Problem {
  code: string;
  path: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export type EntryType = 'person' | 'entity';

export interface Alias {
  name: string;
  /** UN quality: "Good" and "a.k.a." aliases identify; "Low" ones are weak (nicknames, kunyas). */
  quality: 'good' | 'low';
  /** "a.k.a.", "f.k.a." or the note the list gives, when any. */
  note?: string;
  dateOfBirth?: string;
  cityOfBirth?: string;
  countryOfBirth?: string;
}

export interface BirthDate {
  /** EXACT / APPROXIMATELY / BETWEEN in the list; 'unknown' when the list gives no type. */
  type: 'exact' | 'approximately' | 'between' | 'unknown';
  /** YYYY-MM-DD, YYYY-MM or YYYY, as written. */
  date?: string;
  year?: number;
  fromYear?: number;
  toYear?: number;
  note?: string;
}

export interface Place {
  street?: string;
  city?: string;
  stateProvince?: string;
  zipCode?: string;
  country?: string;
  note?: string;
}

export interface IdentityDocument {
  type?: string;
  number?: string;
  issuingCountry?: string;
  dateOfIssue?: string;
  note?: string;
}

export interface ListEntry {
  /** The list's DATAID. */
  id: string;
  /** e.g. "QDi.335": stable across versions, the key for diffs. */
  referenceNumber: string;
  type: EntryType;
  /** The primary name as the list composes it from its name parts. */
  name: string;
  nameParts: string[];
  aliases: Alias[];
  /** Names in the original script (Arabic, Cyrillic, Korean ...), as given. */
  originalScriptNames: string[];
  titles: string[];
  designations: string[];
  /** UN_LIST_TYPE: the sanctions regime (Al-Qaida, DPRK, Taliban ...). */
  regime: string;
  listedOn?: string;
  lastUpdated: string[];
  datesOfBirth: BirthDate[];
  placesOfBirth: Place[];
  nationalities: string[];
  addresses: Place[];
  documents: IdentityDocument[];
  gender?: 'male' | 'female';
  comments?: string;
  versionNum?: string;
  /** The list the entry is on, when several are screened together (its SanctionsList source). */
  list?: string;
}

export interface SanctionsList {
  source: string;
  /** The list's dateGenerated attribute: the version this parse represents. */
  version: string;
  entries: ListEntry[];
}

/**
 * A name of a listed entry that the list itself does not carry, such as the Japanese name a government notice
 * or the press uses (朝鮮貿易銀行 for the Foreign Trade Bank), with where it was found. Keyed by reference number.
 */
export interface ExtraName {
  referenceNumber: string;
  name: string;
  /** BCP 47 language of the name: 'ja'. */
  lang: string;
  /** Address of the notice or article that writes the entry this way. */
  source: string;
}

export interface ListDiff {
  fromVersion: string;
  toVersion: string;
  added: ListEntry[];
  removed: ListEntry[];
  changed: Array<{ referenceNumber: string; before: ListEntry; after: ListEntry; fields: string[] }>;
}

/** Name tokens, as normalisation makes them and the matcher compares them. */
export type Script = 'latin' | 'abjad' | 'kana' | 'han' | 'hangul' | 'korean' | 'other';
export type TokenKind = 'name' | 'particle' | 'title' | 'initial' | 'number' | 'legal';
export type NameKind = 'person' | 'entity';

export interface Token {
  /** Folded Latin form, [a-z0-9]+. */
  text: string;
  /** Script the token was written in, which decides how it may be compared. */
  script: Script;
  /** Original characters, kept for Han and Hangul, where a different character is a different name. */
  orig?: string;
  kind: TokenKind;
  /** Written inside parentheses: an optional qualifier such as a branch country. */
  optional?: boolean;
  /** Other keys the same token may be spelled as (a Korean surname read North and South: 리 Ri, 이 Yi/Lee). */
  alts?: string[];
}
