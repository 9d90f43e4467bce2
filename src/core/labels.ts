// Names of the request's enumerated values, outcome sentences and review levels, in both languages: one place for
// the CLI's explanations, what-if texts and the web app.
import type { Expr, Rule } from './policy-schema.ts';
import type { EndUserType, Form, ItemFunction, Lang, MunitionType, Origin, Outcome, Purpose, Review, Text, Transferor } from './model.ts';

export const FORM_LABEL: Record<Form, Text> = {
  complete: { en: 'Complete item', ja: '完成品' },
  part: { en: 'Part or component', ja: '部品' },
  technology: { en: 'Technology', ja: '技術' },
};

export const FUNCTION_LABEL: Record<ItemFunction, Text> = {
  rescue: { en: 'Rescue', ja: '救難' },
  transport: { en: 'Transport', ja: '輸送' },
  warning: { en: 'Warning', ja: '警戒' },
  surveillance: { en: 'Surveillance', ja: '監視' },
  minesweeping: { en: 'Minesweeping', ja: '掃海' },
  protection: { en: 'Protection', ja: '防護' },
  other: { en: 'Other', ja: 'その他' },
};

export const ORIGIN_LABEL: Record<Origin, Text> = {
  domestic: { en: 'Domestic', ja: '国産' },
  'joint-development': { en: 'International joint development', ja: '国際共同開発' },
  'licensed-production': { en: 'Licensed production', ja: 'ライセンス生産' },
};

export const PURPOSE_LABEL: Record<Purpose, Text> = {
  'peace-contribution': { en: 'Peace contribution', ja: '平和貢献' },
  'international-cooperation': { en: 'International cooperation', ja: '国際協力' },
  'joint-development': { en: 'Joint development and production', ja: '国際共同開発・生産' },
  'security-cooperation': { en: 'Security and defense cooperation', ja: '安全保障・防衛協力' },
  'sdf-support': { en: 'Support of SDF activities', ja: '自衛隊の活動支援' },
  'nationals-protection': { en: 'Protection of Japanese nationals', ja: '邦人の安全確保' },
  'return-to-licensor': { en: 'Return to the licensor or supplier', ja: 'ライセンス元又は供与元への提供・返還' },
  'aid-against-aggression': { en: 'Aid to a country under aggression', ja: '侵略を受けている国への支援' },
  'very-small-impact': { en: 'Very small security impact', ja: '安全保障上の影響が極めて小さい場合' },
  commercial: { en: 'Commercial', ja: '商業目的' },
};

export const END_USER_LABEL: Record<EndUserType, Text> = {
  government: { en: 'Government', ja: '政府' },
  military: { en: 'Armed forces', ja: '軍' },
  'international-organization': { en: 'International organisation', ja: '国際機関' },
  company: { en: 'Company', ja: '企業' },
  individual: { en: 'Individual', ja: '個人' },
};

export const TRANSFEROR_LABEL: Record<Transferor, Text> = {
  'defense-minister': { en: 'the Minister of Defense', ja: '防衛大臣' },
  government: { en: 'the government', ja: '政府' },
  company: { en: 'a company', ja: '企業' },
};

export const MUNITION_LABEL: Record<MunitionType, Text> = {
  'chemical-weapon': { en: 'Chemical weapon', ja: '化学兵器' },
  'biological-weapon': { en: 'Biological weapon', ja: '生物兵器' },
  'cluster-munition': { en: 'Cluster munition', ja: 'クラスター弾' },
  'anti-personnel-mine': { en: 'Anti-personnel mine', ja: '対人地雷' },
  other: { en: 'None of these', ja: 'いずれにも該当しない' },
};

/** An outcome's name, as a heading. */
export const OUTCOME_NAME: Record<Outcome, Text> = {
  prohibited: { en: 'PROHIBITED', ja: '禁止' },
  not_permitted: { en: 'NOT PERMITTED', ja: '認められない' },
  permissible: { en: 'PERMISSIBLE', ja: '認め得る' },
  requires_judgment: { en: 'REQUIRES JUDGMENT', ja: '判断を要する' },
  out_of_scope: { en: 'OUT OF SCOPE', ja: '対象外' },
};

/** One sentence saying what an outcome means. */
export const OUTCOME_SENTENCE: Record<Outcome, Text> = {
  prohibited: { en: 'The transfer is prohibited outright; no permitted case can open it.', ja: '本件移転は禁止されており、いかなる許容類型によっても認められない。' },
  not_permitted: { en: 'Nothing prohibits the transfer, but no permitted case covers it, so it is not permitted.', ja: '移転を禁止する規定はないが、移転を認め得る場合のいずれにも該当しないため、認められない。' },
  permissible: { en: 'A permitted case applies: the transfer may be permitted, subject to the conditions and review below.', ja: '移転を認め得る場合に該当する。以下の条件及び審査を経て移転を認め得る。' },
  requires_judgment: { en: 'The outcome turns on a judgment or a fact that is not settled; see the open questions.', ja: '未確定の判断又は事実により結論が左右される。未決事項を参照。' },
  out_of_scope: { en: 'The item is not defense equipment, so the rules on its transfer do not apply.', ja: '本品目は防衛装備に当たらないため、移転に関する規律の対象外である。' },
};

export const REVIEW_LABEL: Record<Review, Text> = {
  meti: { en: 'METI licence examination', ja: '経済産業省の許可審査' },
  nsc: { en: 'National Security Council deliberation', ja: '国家安全保障会議での審議' },
  cabinet: { en: 'Cabinet decision for the case', ja: '個別案件ごとの閣議決定' },
};

/** Who decides an open question, by name. */
export const DECIDER_LABEL: Record<string, Text> = {
  meti: { en: 'METI', ja: '経済産業省' },
  nsc: { en: 'the National Security Council', ja: '国家安全保障会議' },
  cabinet: { en: 'the Cabinet', ja: '内閣' },
  operator: { en: 'the operator of this system, from its lists', ja: '本システムの運用者（一覧による）' },
  applicant: { en: 'the applicant, by stating it', ja: '申請者（記載による）' },
};

/**
 * METI was the Ministry of International Trade and Industry (MITI) until the central government reform of 2001-01-06,
 * so a decision on an earlier date names the ministry of its day.
 */
export const MITI_UNTIL = '2001-01-05';
export const MITI_DECIDER: Text = { en: 'MITI (now METI)', ja: '通商産業省（現 経済産業省）' };
export const MITI_REVIEW: Text = { en: 'MITI licence examination', ja: '通商産業省の許可審査' };

/** A rule's kind as the subject of a sentence: "the permitted case “…” may apply". */
export const KIND_WORD: Record<string, Text> = {
  scope: { en: 'the scope rule', ja: '対象範囲の規定' },
  prohibition: { en: 'the prohibition', ja: '禁止規定' },
  permission: { en: 'the permitted case', ja: '許容される場合' },
  exception: { en: 'the exception', ja: '例外' },
  requirement: { en: 'the requirement', ja: '要件' },
  default: { en: 'the default', ja: '原則' },
};

/** What a review line says when the outcome leaves nothing to review: a refusal is not reviewed, it is not granted. */
export const REVIEW_NOT_APPLICABLE: Text = { en: 'Not applicable: the transfer is not permitted', ja: '該当なし（移転は認められない）' };

/** What a review line says when the item is outside the rules: nothing of theirs is refused or reviewed. */
export const REVIEW_OUT_OF_SCOPE: Text = { en: 'None under these rules: the item is outside them', ja: 'なし（本規律の対象外）' };

/** What a review line says when the outcome is open and no case that would need review is known yet. */
export const REVIEW_OPEN: Text = { en: 'Not settled: it depends on the answers to the open questions', ja: '未定（未決事項への回答による）' };

/** A rule's result in the trace, as a phrase after the rule's title. */
export const RESULT_PHRASE: Record<'fired' | 'not_fired' | 'unknown' | 'defeated', Text> = {
  fired: { en: 'applies', ja: '該当する' },
  not_fired: { en: 'does not apply', ja: '該当しない' },
  unknown: { en: 'cannot be settled without the answers below', ja: '以下の点が定まらないため決められない' },
  defeated: { en: 'would apply, but an exception sets it aside', ja: '該当し得るが、例外により適用されない' },
};

/** How a test on an attribute the request contract gives a meaning when absent reads that absence (ADR 0002). */
export const ABSENT_READ: Record<'munitionType' | 'program', Text> = {
  munitionType: { en: '(Not stated: a non-weapon is read as none of these.)', ja: '（記載がないため、武器でない品目としていずれにも該当しないものとして扱った。）' },
  program: { en: '(Not stated, so read as no programme.)', ja: '（記載がないため、プログラムに属さないものとして扱った。）' },
};

/** The answer to a test put as a question. */
export const ANSWER: Record<'true' | 'false' | 'unknown', Text> = {
  true: { en: 'Yes', ja: 'はい' },
  false: { en: 'No', ja: 'いいえ' },
  unknown: { en: 'Not known', ja: '不明' },
};

/** The value an open question's option names, in words: "Yes" for item.defenseEquipment=true, a purpose by its name. */
export function optionLabel(question: string, value: string): Text {
  const named: Partial<Record<string, Record<string, Text>>> = {
    'item.defenseEquipment': ANSWER, 'item.weapon': ANSWER, 'item.form': FORM_LABEL, 'item.function': FUNCTION_LABEL,
    'item.origin': ORIGIN_LABEL, 'item.munitionType': MUNITION_LABEL, 'endUser.type': END_USER_LABEL, purpose: PURPOSE_LABEL,
    transferor: TRANSFEROR_LABEL,
  };
  return named[question]?.[value] ?? { en: value, ja: value };
}

/** What the wording of a test needs from the policy: fact titles, country names, a judgment's question. */
export interface Wording {
  factTitle: (id: string) => Text | undefined;
  factValue?: (id: string, value: string) => Text | undefined; // an enum fact's value in words
  country: (code: string, lang: Lang) => string;
  judgment?: (id: string) => Text | undefined;
}

const ITEM_FIELD: Record<string, { field: Text; values?: Record<string, Text> }> = {
  form: { field: { en: 'form', ja: '形態' }, values: FORM_LABEL },
  function: { field: { en: 'function', ja: '機能' }, values: FUNCTION_LABEL },
  origin: { field: { en: 'origin', ja: '由来' }, values: ORIGIN_LABEL },
  munitionType: { field: { en: 'treaty-banned type', ja: '条約で禁止される種類' }, values: MUNITION_LABEL },
  controlList: { field: { en: 'Munitions List category', ja: '軍用品リスト区分' } },
  program: { field: { en: 'programme', ja: 'プログラム' } },
};

const quoted = (lang: Lang, s: string) => (lang === 'en' ? `“${s}”` : `「${s}」`);
const or = (lang: Lang, xs: string[]) => xs.join(lang === 'en' ? ' or ' : '又は');
const both = (f: (lang: Lang) => string): Text => ({ en: f('en'), ja: f('ja') });

/** Splits "x = a" or "x in [a, b]" into the left side and its values. */
function operands(rest: string): string[] {
  const m = /^(?:=\s*(.*)|in\s*\[(.*)\])$/.exec(rest.trim());
  if (!m) return [rest.trim()];
  return m[1] !== undefined ? [m[1]] : m[2].split(',').map((s) => s.trim()).filter(Boolean);
}

function countries(w: Wording, lang: Lang, codes: string[]): string {
  const names = codes.slice(0, 6).map((c) => w.country(c, lang));
  const more = codes.length - names.length;
  return names.join(lang === 'en' ? ', ' : '、') + (more > 0 ? (lang === 'en' ? ` and ${more} more` : `ほか${more}か国`) : '');
}

/**
 * A rule's test, as the engine records it ("item.weapon = true", "party-to-conflict(recipient) = true"), put as a
 * question in plain words. Unrecognised tests are returned as they are, so nothing is ever hidden.
 */
export function testQuestion(test: string, w: Wording, recipient: string, licensor?: string): Text {
  let m = /^([a-z0-9][a-z0-9._:-]*)\(recipient\) covers the item's ML category$/.exec(test);
  if (m) {
    const title = w.factTitle(m[1]) ?? { en: m[1], ja: m[1] };
    return both((l) => (l === 'en'
      ? `Does the measure recorded as ${quoted(l, title.en)} for ${w.country(recipient, l)} reach the item’s Munitions List category?`
      : `${w.country(recipient, l)}に対する${quoted(l, title.ja)}の措置は、品目の軍用品リスト区分に及ぶか`));
  }
  m = /^([a-z0-9][a-z0-9._:-]*)\((recipient|licensor)\)\s+(.*)$/.exec(test);
  if (m) {
    const [, fact, of, rest] = m;
    const title = w.factTitle(fact) ?? { en: fact, ja: fact };
    const values = operands(rest);
    const cc = of === 'recipient' ? recipient : licensor;
    const who = (lang: Lang) => (cc ? w.country(cc, lang) : lang === 'en' ? 'the licensor' : 'ライセンス元の国');
    if (values.length === 1 && values[0] === 'true') return both((l) => (l === 'en' ? `Does ${quoted(l, title.en)} apply to ${who(l)}?` : `${who(l)}は${quoted(l, title.ja)}に当たるか`));
    if (values.length === 1 && values[0] === 'false') return both((l) => (l === 'en' ? `Is ${who(l)} outside ${quoted(l, title.en)}?` : `${who(l)}は${quoted(l, title.ja)}に当たらないか`));
    const word = (l: Lang, v: string) => quoted(l, w.factValue?.(fact, v)?.[l] ?? v);
    return both((l) => (l === 'en' ? `Is ${quoted(l, title.en)} for ${who(l)} ${or(l, values.map((v) => word(l, v)))}?` : `${who(l)}の${quoted(l, title.ja)}は${or(l, values.map((v) => word(l, v)))}か`));
  }
  m = /^item\.([a-zA-Z]+)\s+(.*)$/.exec(test);
  if (m) {
    const [, field, rest] = m;
    const values = operands(rest);
    if (field === 'weapon') return values[0] === 'false' ? both((l) => (l === 'en' ? 'Is the item a non-weapon?' : '品目は非武器か')) : both((l) => (l === 'en' ? 'Is the item a weapon?' : '品目は武器か'));
    if (field === 'defenseEquipment') return values[0] === 'false' ? both((l) => (l === 'en' ? 'Is the item something other than defense equipment?' : '品目は防衛装備以外のものか')) : both((l) => (l === 'en' ? 'Is the item defense equipment?' : '品目は防衛装備か'));
    const f = ITEM_FIELD[field];
    if (f) return both((l) => (l === 'en' ? `Is the item’s ${f.field.en} ${or(l, values.map((v) => quoted(l, f.values?.[v]?.en ?? v)))}?` : `品目の${f.field.ja}は${or(l, values.map((v) => quoted(l, f.values?.[v]?.ja ?? v)))}か`));
  }
  m = /^purpose\s+(.*)$/.exec(test);
  if (m) {
    const values = operands(m[1]);
    const label = (l: Lang, v: string) => quoted(l, (PURPOSE_LABEL as Record<string, Text>)[v]?.[l] ?? v);
    return both((l) => (l === 'en' ? `Is the stated purpose ${or(l, values.map((v) => label(l, v)))}?` : `明示された目的は${or(l, values.map((v) => label(l, v)))}か`));
  }
  m = /^endUser\.type\s+(.*)$/.exec(test);
  if (m) {
    const values = operands(m[1]);
    const label = (l: Lang, v: string) => quoted(l, (END_USER_LABEL as Record<string, Text>)[v]?.[l] ?? v);
    return both((l) => (l === 'en' ? `Is the end user ${or(l, values.map((v) => label(l, v)))}?` : `最終需要者は${or(l, values.map((v) => label(l, v)))}か`));
  }
  m = /^recipient in \[(.*)\]$/.exec(test);
  if (m) {
    const codes = m[1].split(',').map((s) => s.trim()).filter(Boolean);
    return both((l) => (l === 'en' ? `Is the recipient ${codes.length > 1 ? 'one of ' : ''}${countries(w, l, codes)}?` : `移転先は${countries(w, l, codes)}${codes.length > 1 ? 'のいずれか' : ''}か`));
  }
  if (test === 'recipient = item.licensor') return both((l) => (l === 'en' ? 'Is the recipient the country that licensed the item?' : '移転先は品目のライセンス元の国か'));
  if (test === 'recipient in item.partners') return both((l) => (l === 'en' ? 'Is the recipient a partner in developing the item?' : '移転先は品目の共同開発の相手国か'));
  m = /^asOf in (\S+)\.\.(\S+)$/.exec(test);
  if (m) {
    const [from, to] = [m[1] === '…' ? null : m[1], m[2] === '…' ? null : m[2]];
    return both((l) => (l === 'en'
      ? `Is the date ${from && to ? `between ${from} and ${to}` : from ? `on or after ${from}` : `on or before ${to}`}?`
      : `判断日は${from ? `${from}以降` : ''}${to ? `${to}以前` : ''}か`));
  }
  m = /^judgment:\s*(.*)$/.exec(test);
  if (m) {
    const q = w.judgment?.(m[1]);
    return q ?? both((l) => (l === 'en' ? 'Is the case judged acceptable, case by case?' : '個別の判断により認められるか'));
  }
  return { en: test, ja: test };
}

/** The question each judgment in these rules asks, by its id: what a judgment test is worded with. */
export function judgmentQuestions(rules: readonly Pick<Rule, 'when'>[]): (id: string) => Text | undefined {
  const found = new Map<string, Text>();
  const walk = (e: Expr | undefined): void => {
    if (typeof e !== 'object' || e === null) return;
    if ('all' in e) e.all.forEach(walk);
    else if ('any' in e) e.any.forEach(walk);
    else if ('not' in e) walk(e.not);
    else if ('judgment' in e) found.set(e.judgment, e.question);
  };
  rules.forEach((r) => walk(r.when));
  return (id) => found.get(id);
}

/** A test and its answer as one line: "Is the item a weapon? No." */
export function testSentence(test: string, value: 'true' | 'false' | 'unknown', w: Wording, recipient: string, licensor?: string): Text {
  const q = testQuestion(test, w, recipient, licensor);
  if (test.startsWith('judgment:')) return { en: `A judgment is needed: ${q.en}`, ja: `判断を要する：${q.ja}` };
  return { en: `${q.en} ${ANSWER[value].en}.`, ja: `${q.ja}：${ANSWER[value].ja}` };
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The what-if analysis in words: each change a person could make, and why one is not enough. Names come in
 * resolved (country names, titles of facts, rules and versions), so no code reaches a reader.
 */
export const WHATIF_TEXT = {
  summary: (item: string | undefined, country: Text, asOf: string, purpose: Purpose | undefined): Text => ({
    en: `${item ?? 'the item'} to ${country.en} on ${asOf}${purpose ? `, for “${PURPOSE_LABEL[purpose].en}”` : ''}`,
    ja: `${asOf}時点の${country.ja}への${item ? `「${item}」` : '品目'}の移転${purpose ? `（目的：${PURPOSE_LABEL[purpose].ja}）` : ''}`,
  }),
  draft: (title: Text): Text => ({ en: `adopt the proposal “${title.en}”`, ja: `${title.ja.startsWith('案') ? '' : '案'}「${title.ja}」を採用する` }),
  fact: (title: Text, country: Text, to: boolean | string, from: string): Text => (typeof to === 'boolean'
    ? {
      en: `${to ? 'count' : 'no longer count'} ${country.en} as “${lower(title.en)}” from ${from}`,
      ja: `${from}以降、${country.ja}を「${title.ja}」に${to ? '当たる' : '当たらない'}ものとする`,
    }
    : { en: `take “${lower(title.en)}” for ${country.en} to be “${to}” from ${from}`, ja: `${from}以降、${country.ja}の「${title.ja}」を「${to}」とする` }),
  nonWeapon: { en: 'a non-weapon instead of a weapon', ja: '武器ではなく非武器とする' } as Text,
  form: (to: Form, from: Form | undefined): Text => ({
    en: `${lower(FORM_LABEL[to].en)} instead of ${from ? lower(FORM_LABEL[from].en) : 'an unstated form'}`,
    ja: from ? `形態を${FORM_LABEL[from].ja}から${FORM_LABEL[to].ja}に変える` : `形態を${FORM_LABEL[to].ja}と明示する`,
  }),
  function: (to: ItemFunction, from: ItemFunction | undefined, askedBy: Text | undefined): Text => ({
    en: `an item for ${lower(FUNCTION_LABEL[to].en)} instead of ${from ? lower(FUNCTION_LABEL[from].en) : 'an unstated function'}${askedBy ? `, as “${askedBy.en}” asks` : ''}`,
    ja: `${from ? `機能を${FUNCTION_LABEL[from].ja}から` : '機能を'}${FUNCTION_LABEL[to].ja}${from ? 'に変える' : 'と明示する'}${askedBy ? `（「${askedBy.ja}」の求めるもの）` : ''}`,
  }),
  jointWith: (country: Text): Text => ({ en: `developed jointly with ${country.en}`, ja: `${country.ja}との国際共同開発品とする` }),
  licensedFrom: (country: Text): Text => ({ en: `made in Japan under licence from ${country.en}`, ja: `${country.ja}のライセンスに基づき日本で生産した品目とする` }),
  domestic: { en: 'developed by Japan alone', ja: '日本が単独で開発した品目とする' } as Text,
  notMunition: (m: MunitionType): Text => ({ en: `not a ${lower(MUNITION_LABEL[m].en)}`, ja: `${MUNITION_LABEL[m].ja}に当たらない品目とする` }),
  purpose: (p: Purpose): Text => ({ en: `state the purpose as “${PURPOSE_LABEL[p].en}”`, ja: `目的を「${PURPOSE_LABEL[p].ja}」と明示する` }),
  endUser: (t: EndUserType): Text => ({ en: `state the end user as “${END_USER_LABEL[t].en}”`, ja: `最終需要者を${END_USER_LABEL[t].ja}と明示する` }),
  waitUntil: (d: string): Text => ({ en: `wait until ${d}`, ja: `${d}まで待つ` }),
  asItWas: (d: string): Text => ({ en: `as it was on ${d}`, ja: `${d}の時点で判断する（当時の規律と事実による）` }),
  prohibitedBy: (rules: Text[]): Text => ({ en: `still prohibited by ${list('en', rules)}`, ja: `なお${list('ja', rules)}により禁止される` }),
  needsJudgment: (rules: Text[], open: Text[]): Text => ({
    en: `a permitted case may apply (${list('en', rules)}) but it still needs a judgment: ${open.map((q) => q.en).join(' ')}`,
    ja: `移転を認め得る場合に該当し得る（${list('ja', rules)}）が、なお判断を要する：${open.map((q) => q.ja).join('')}`,
  }),
  outOfScope: { en: 'the item would not be defense equipment at all', ja: '品目がそもそも防衛装備に当たらなくなる' } as Text,
  exceptionCloses: (rules: Text[]): Text => ({ en: `the exception ${list('en', rules)} still closes the permitted case`, ja: `例外${list('ja', rules)}により、なお移転を認め得る場合に当たらない` }),
  noPermittedCase: (version: Text): Text => ({ en: `no permitted case of “${version.en}” applies`, ja: `「${version.ja}」の規律では、移転を認め得る場合のいずれにも該当しない` }),
  notRead: (version: Text, fact: Text, first: { rule: Text; from: string } | null): Text => ({
    en: `; no rule of “${version.en}” looks at “${lower(fact.en)}”${first ? `: the first rule that does is “${first.rule.en}”, in force from ${first.from}` : ''}`,
    ja: `。「${version.ja}」の規律には「${fact.ja}」を参照する規定がない${first ? `。これを参照する最初の規定は「${first.rule.ja}」であり、${first.from}から適用される` : ''}`,
  }),
};

function list(lang: Lang, xs: Text[]): string {
  return xs.map((x) => quoted(lang, x[lang])).join(lang === 'en' ? ', ' : '、');
}
