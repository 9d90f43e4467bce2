// Screening one party against the index: candidates from blocking keys, the best name of each
// candidate entry, then penalties for contradicting date of birth, nationality or gender. Pure.
import { cjkEntityName, compareNames, prepareQuery, type NameComparison, type PreparedName } from './compare.ts';
import { countryCode } from './countries.ts';
import { queryKeys, suffixKey, type NameQuality, type ScreeningIndex } from './search-index.ts';
import type { BirthDate, EntryType, ListEntry, NameKind, Problem, Result } from './types.ts';

export interface ScreeningQuery {
  name: string;
  type?: EntryType;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  dateOfBirth?: string;
  /** ISO alpha-2 code or an English country name. */
  nationality?: string;
  gender?: string;
}

export interface ScreeningOptions {
  /** A result at or above this score is a match. */
  threshold?: number;
  /** Results below this score are not returned. */
  cutoff?: number;
  limit?: number;
  /** How many candidate names from the blocking index are scored in full. */
  candidates?: number;
}

export const DEFAULTS = { threshold: 0.7, cutoff: 0.5, limit: 10, candidates: 40 } as const;

/** Penalties subtracted from the name score when other facts contradict it. */
export const PENALTIES = {
  dobDisjoint: 0.3,
  dobDayDisjoint: 0.1,
  dobTypo: 0.05,
  nationalityDisjoint: 0.1,
  genderDisjoint: 0.15,
  weakAliasFactor: 0.9,
};

export interface Feature {
  feature: string;
  /** Contribution to the score: the name score itself, or a (negative) penalty. */
  value: number;
  detail: string;
}

export interface ScreeningMatch {
  entry: ListEntry;
  score: number;
  match: boolean;
  matchedName: string;
  nameQuality: NameQuality;
  /** For a translated name (nameQuality 'translated'): its language and the source that writes the entry so. */
  matchedLang?: string;
  matchedSource?: string;
  /** The query was read as Korean (a name in Han characters or Hangul) to reach this entry. */
  reading?: 'korean';
  features: Feature[];
  /** Which name or alias matched, how, and what lowered the score: in English ... */
  explanation: string;
  /** ... and in Japanese, for the examiner who reads it so. */
  explanationJa: string;
}

interface ParsedDate { y: number; m?: number; d?: number; text: string; partial?: boolean }

/** Reads YYYY[-M[-D]]. An impossible month or day (a typo) keeps the year: it still says something. */
export function parseDate(s: string): ParsedDate | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : undefined;
  const d = m[3] ? Number(m[3]) : undefined;
  if ((mo !== undefined && (mo < 1 || mo > 12)) || (d !== undefined && (d < 1 || d > 31))) return { y, text: String(y), partial: true };
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = `${y}${mo !== undefined ? '-' + pad(mo) : ''}${d !== undefined ? '-' + pad(d) : ''}`;
  return { y, ...(mo !== undefined ? { m: mo } : {}), ...(d !== undefined ? { d } : {}), text };
}

/** Strict checks for input typed by a person (CLI, API); screen() itself only requires a name. */
export function validateQuery(q: ScreeningQuery): Problem[] {
  const problems: Problem[] = [];
  if (typeof q.name !== 'string' || q.name.trim() === '') problems.push({ code: 'query.name_required', path: 'name', message: 'a name to screen is required' });
  if (q.type !== undefined && q.type !== 'person' && q.type !== 'entity') problems.push({ code: 'query.bad_type', path: 'type', message: 'type must be person or entity' });
  const dob = q.dateOfBirth !== undefined && q.dateOfBirth !== '' ? parseDate(q.dateOfBirth) : undefined;
  if (q.dateOfBirth !== undefined && q.dateOfBirth !== '' && (!dob || dob.partial)) {
    problems.push({ code: 'query.bad_date', path: 'dateOfBirth', message: `not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${q.dateOfBirth}` });
  }
  if (q.nationality !== undefined && q.nationality !== '' && !countryCode(q.nationality)) {
    problems.push({ code: 'query.bad_country', path: 'nationality', message: `unknown country: ${q.nationality}` });
  }
  return problems;
}

/** Digit strings one edit apart (a typed 1989 for 1988, 07 for 06): a typo, not another person. */
function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/** Penalty and explanation for a query date of birth against the entry's dates. */
export function dobPenalty(q: ParsedDate, dates: BirthDate[]): Feature | undefined {
  if (dates.length === 0) return undefined;
  let best: Feature | undefined;
  for (const b of dates) {
    let f: Feature;
    const exact = b.date ? parseDate(b.date) : undefined;
    if (exact) {
      if (exact.text === q.text || (exact.y === q.y && (q.m === undefined || exact.m === undefined || (exact.m === q.m && (q.d === undefined || exact.d === undefined || exact.d === q.d))))) {
        f = { feature: 'dob_match', value: 0, detail: `date of birth ${q.text} agrees with ${b.date}` };
      } else if (oneDigitApart(exact.text, q.text)) {
        f = { feature: 'dob_typo', value: -PENALTIES.dobTypo, detail: `date of birth ${q.text} is one digit from ${b.date}` };
      } else if (exact.y === q.y) {
        f = { feature: 'dob_day_disjoint', value: -PENALTIES.dobDayDisjoint, detail: `same year, different day: ${q.text} vs ${b.date}` };
      } else {
        f = { feature: 'dob_year_disjoint', value: -PENALTIES.dobDisjoint, detail: `date of birth ${q.text} contradicts ${b.date}` };
      }
    } else {
      const from = b.fromYear ?? b.year;
      const to = b.toYear ?? b.year;
      if (from === undefined || to === undefined) continue;
      const slack = b.type === 'approximately' || b.type === 'between' ? 1 : 0;
      const label = from === to ? `${b.type === 'approximately' ? 'about ' : ''}${from}` : `${from}-${to}`;
      if (q.y >= from - slack && q.y <= to + slack) f = { feature: 'dob_match', value: 0, detail: `year of birth ${q.y} fits ${label}` };
      else if (oneDigitApart(String(q.y), String(from)) || oneDigitApart(String(q.y), String(to))) f = { feature: 'dob_typo', value: -PENALTIES.dobTypo, detail: `year of birth ${q.y} is one digit from ${label}` };
      else f = { feature: 'dob_year_disjoint', value: -PENALTIES.dobDisjoint, detail: `year of birth ${q.y} contradicts ${label}` };
    }
    if (!best || f.value > best.value) best = f;
  }
  return best;
}

const BASIS_JA: Record<string, string> = {
  exact: '完全一致', typo: '綴りの違い', phonetic: '発音が同じ', initial: '頭文字', prefix: '接頭', transliteration: '翻字',
  different: '不一致', joined: '連結', suffix: '末尾一致',
};
const QUALITY_JA: Record<NameQuality, string> = { primary: '主たる名称', good: '別名', low: '低品質の別名', original: '原語表記', translated: '日本語名' };
const FEATURE_JA: Record<string, string> = {
  dob_year_disjoint: '生年の不一致', dob_day_disjoint: '生年月日の日の不一致', dob_typo: '生年月日の1桁違い',
  country_disjoint: '国籍・出生国の不一致', gender_disjoint: '性別の不一致',
};

/** The aligned parts in Japanese: 一致した部分（方法 スコア）、不一致、一方にだけある部分. */
function describeJa(c: NameComparison): string {
  const parts = c.parts.map((p) => (p.conflict ? `${p.query}≠${p.candidate}（不一致）` : p.basis === 'exact' ? p.query : `${p.query}〜${p.candidate}（${BASIS_JA[p.basis] ?? p.basis} ${p.score}）`));
  const extra = [...c.extraQuery.map((t) => `照会側のみ:${t}`), ...c.extraCandidate.map((t) => `リスト側のみ:${t}`)];
  return [...parts, ...extra].join('、');
}

function describe(c: NameComparison): string {
  const parts = c.parts.map((p) => (p.conflict ? `${p.query}≠${p.candidate}` : p.basis === 'exact' ? p.query : `${p.query}~${p.candidate} (${p.basis} ${p.score})`));
  const extra = [...c.extraQuery.map((t) => `+${t}`), ...c.extraCandidate.map((t) => `(${t})`)];
  return [...parts, ...extra].join(' ');
}

/** Screens one query against the index. Results at or above the cutoff, best first. */
export function screen(index: ScreeningIndex, query: ScreeningQuery, options: ScreeningOptions = {}): Result<ScreeningMatch[]> {
  if (typeof query.name !== 'string' || query.name.trim() === '') {
    return { ok: false, problems: [{ code: 'query.name_required', path: 'name', message: 'a name to screen is required' }] };
  }
  const threshold = options.threshold ?? DEFAULTS.threshold;
  const cutoff = options.cutoff ?? DEFAULTS.cutoff;
  const limit = options.limit ?? DEFAULTS.limit;
  const maxCandidates = options.candidates ?? DEFAULTS.candidates;

  const prepared = new Map<NameKind, PreparedName[]>();
  const prep = (kind: NameKind) => {
    let p = prepared.get(kind);
    if (!p) { p = prepareQuery(query.name, kind); prepared.set(kind, p); }
    return p;
  };
  // Blocking: names sharing rare keys with the query score higher; keep the best few dozen.
  const total = index.names.length;
  const acc = new Map<number, number>();
  for (const t of prep(query.type ?? 'person').flatMap((p) => p.tokens)) {
    const seenForToken = new Map<number, number>();
    const loose = t.script === 'kana' || t.script === 'korean';
    for (const key of queryKeys(t)) {
      const ids = index.postings.get(key);
      // A katakana skeleton of two consonants is shared by hundreds of names: it ranks nothing and costs time.
      if (!ids || (loose && ids.length > Math.max(50, total / 20))) continue;
      const idf = Math.log(1 + total / ids.length);
      for (const id of ids) if ((seenForToken.get(id) ?? 0) < idf) seenForToken.set(id, idf);
    }
    for (const [id, w] of seenForToken) acc.set(id, (acc.get(id) ?? 0) + w);
  }
  const cjk = query.type === 'entity' ? cjkEntityName(prep('entity')[0]!) : undefined;
  const bySuffix = cjk ? index.postings.get(suffixKey(cjk)) : undefined;
  for (const id of bySuffix ?? []) acc.set(id, (acc.get(id) ?? 0) + Math.log(1 + total));
  // Katakana and Korean readings share only loose keys with romanised names: look further down the ranking.
  const loose = prep(query.type ?? 'person').some((p) => p.tokens.some((t) => t.script === 'kana' || t.script === 'korean'));
  const ranked = [...acc.entries()].sort((a, b) => b[1] - a[1]).slice(0, loose ? maxCandidates * 3 : maxCandidates);

  const best = new Map<number, { score: number; name: number; cmp: NameComparison; q: PreparedName }>();
  for (const [id] of ranked) {
    const n = index.names[id]!;
    const e = index.entries[n.entry]!;
    if (query.type && e.type !== query.type) continue;
    // A Korean entry is compared on Korean syllables when the query can be read so: its kanji or katakana
    // read any other way would meet Korean names by chance (金庸 as pinyin, キム・ヨナ as heard). Its Japanese
    // names are written as the query is, so the query as written meets them too (チェ・ソンミン for Ch'oe So'k-min).
    const variants = prep(e.type);
    const korean = variants.filter((v) => v.reading === 'korean');
    const facts = index.facts[n.entry]!;
    const koreanOnly = korean.length > 0 && n.quality !== 'translated' && facts.countries.some((c) => c === 'KP' || c === 'KR');
    const useVariants = koreanOnly ? korean : variants;
    for (const q of useVariants) {
      const cmp = compareNames(q, n.name);
      const score = n.quality === 'low' ? cmp.score * PENALTIES.weakAliasFactor : cmp.score;
      const prev = best.get(n.entry);
      if (!prev || score > prev.score) best.set(n.entry, { score, name: id, cmp, q });
    }
  }

  const qDob = query.dateOfBirth ? parseDate(query.dateOfBirth) : undefined;
  // Facts that cannot be read (an impossible date, an unknown country) are used as far as they go.
  const qCountry = query.nationality ? countryCode(query.nationality) : undefined;
  const qGender = query.gender?.toLowerCase();
  const out: ScreeningMatch[] = [];
  for (const [entryIdx, b] of best) {
    if (b.score < cutoff) continue;
    const n = index.names[b.name]!;
    const facts = index.facts[entryIdx]!;
    const features: Feature[] = [{ feature: `name_match`, value: b.cmp.score, detail: describe(b.cmp) }];
    for (const a of b.cmp.adjustments) features.push({ feature: a.feature, value: a.effect, detail: 'included in name_match' });
    let score = b.score;
    if (n.quality === 'low') {
      features.push({ feature: 'weak_alias', value: round(b.score - b.cmp.score), detail: 'matched a low-quality alias' });
    }
    if (qDob) {
      const f = dobPenalty(qDob, facts.datesOfBirth);
      if (f) { features.push(f); score += f.value; }
    }
    if (qCountry && facts.countries.length > 0) {
      if (facts.countries.includes(qCountry)) {
        features.push({ feature: 'country_match', value: 0, detail: `${qCountry} is among ${facts.countries.join(', ')}` });
      } else {
        features.push({ feature: 'country_disjoint', value: -PENALTIES.nationalityDisjoint, detail: `${qCountry} is not among ${facts.countries.join(', ')}` });
        score -= PENALTIES.nationalityDisjoint;
      }
    }
    if (facts.gender && (qGender === 'male' || qGender === 'female') && qGender !== facts.gender) {
      features.push({ feature: 'gender_disjoint', value: -PENALTIES.genderDisjoint, detail: `${qGender} vs ${facts.gender}` });
      score -= PENALTIES.genderDisjoint;
    }
    score = round(Math.max(0, Math.min(1, score)));
    if (score < cutoff) continue;
    const entry = index.entries[entryIdx]!;
    const penalties = features.filter((f) => f.value < 0 && f.feature !== 'name_match' && f.detail !== 'included in name_match');
    const explanation =
      `name "${query.name}"${b.q.reading === 'korean' ? ' read as Korean' : ''} ~ "${n.name.raw}" (${n.quality === 'translated' ? `${n.lang} name, source ${n.source}` : n.quality}) ${b.cmp.score.toFixed(2)}: ${describe(b.cmp)}` +
      (penalties.length ? `; ${penalties.map((p) => `${p.feature} ${p.value.toFixed(2)}`).join(', ')}` : '') +
      (entry.list ? `; on ${entry.list}` : '');
    const explanationJa =
      `名前「${query.name}」${b.q.reading === 'korean' ? '（朝鮮語読み）' : ''}〜「${n.name.raw}」（${n.quality === 'translated' ? `${QUALITY_JA.translated}、出典 ${n.source}` : QUALITY_JA[n.quality]}）一致度 ${b.cmp.score.toFixed(2)}：${describeJa(b.cmp)}` +
      (penalties.length ? `；減点 ${penalties.map((p) => `${FEATURE_JA[p.feature] ?? (p.feature === 'weak_alias' ? QUALITY_JA.low : p.feature)} ${p.value.toFixed(2)}`).join('、')}` : '') +
      (entry.list ? `；掲載リスト ${entry.list}` : '');
    out.push({
      entry, score, match: score >= threshold, matchedName: n.name.raw, nameQuality: n.quality,
      ...(n.source ? { matchedLang: n.lang!, matchedSource: n.source } : {}), ...(b.q.reading ? { reading: b.q.reading } : {}),
      features, explanation, explanationJa,
    });
  }
  out.sort((a, b) => b.score - a.score || a.entry.referenceNumber.localeCompare(b.entry.referenceNumber));
  return { ok: true, value: out.slice(0, limit) };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
