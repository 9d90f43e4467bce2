import { countryName } from './countries.ts';
import type { Expr } from './policy-schema.ts';
import type { FactTable } from './facts.ts';
import type { CountryCode, FactTrace, IsoDate, OpenQuestion, Text, TransferRequest, TraceTest } from './model.ts';

/** Three-valued truth as small integers so compiled rules stay cheap. */
export const F = 0, T = 1, U = 2;
export type Tri = typeof F | typeof T | typeof U;
export const TRUTH = ['false', 'true', 'unknown'] as const;

export function and3(a: Tri, b: Tri): Tri { return a === F || b === F ? F : a === U || b === U ? U : T; }
export function or3(a: Tri, b: Tri): Tri { return a === T || b === T ? T : a === U || b === U ? U : F; }
export function not3(a: Tri): Tri { return a === U ? U : a === T ? F : T; }

/** What one evaluation sees. `rec` is null on the fast path; traced evaluation records every test and fact. */
export interface EvalContext {
  req: TransferRequest;
  date: IsoDate;
  facts: FactTable;
  rec: Recorder | null;
}

export interface Recorder {
  tests: TraceTest[];
  open: OpenQuestion[];
  facts: Map<string, FactTrace>;
}

export type Compiled = (ctx: EvalContext) => Tri;

export interface FactInfo { title: Text; defaultNote: Text; decidedBy?: string }

/** What compiled conditions may consult besides the request and the facts: fact titles, and the ML categories of each Export Trade Control Order sub-item. */
export interface CompileInfo {
  facts: ReadonlyMap<string, FactInfo>;
  mlOf: ReadonlyMap<string, readonly string[]>;
}

const FIELD_QUESTIONS: Record<string, Text> = {
  'item.defenseEquipment': {
    en: 'Is this item defense equipment, i.e. in item 1 of Appended Table 1 of the Export Trade Control Order (goods) or item 1 of the Appended Table of the Foreign Exchange Order (technology)? The request does not say. The exporter classifies the item; METI, as the licensing authority, settles a doubtful case.',
    ja: '本品目は防衛装備（輸出貿易管理令別表第一の一の項（貨物）又は外国為替令別表の一の項（技術）に該当するもの）か。要求に記載がない。該非判定は輸出者が行い、疑義がある場合は許可権者である経済産業省が判断する。',
  },
  'item.etcoItem': { en: 'Which sub-item of item 1 of Appended Table 1 of the Export Trade Control Order is the item in? The request does not say.', ja: '品目は輸出貿易管理令別表第一の一の項のいずれの号に該当するか。要求に記載がない。' },
  purpose: { en: 'What is the purpose of the transfer? The request does not say, and some permitted cases turn on it.', ja: '移転の目的は何か。要求に記載がなく、目的により認め得る場合がある。' },
  transferor: { en: 'Who makes the transfer: the Minister of Defense (e.g. under SDF Act art. 116-3), another government body, or a company? The request does not say.', ja: '移転を行うのは防衛大臣（自衛隊法第116条の3等）、その他の政府機関、企業のいずれか。要求に記載がない。' },
  'item.weapon': { en: 'Is the item a weapon (lethal, directly used in combat)? The request does not say.', ja: '品目は武器（殺傷性があり直接戦闘に用いられるもの）に当たるか。要求に記載がない。' },
  'item.form': { en: 'Is the item complete equipment, a part, or technology? The request does not say.', ja: '品目は完成品・部品・技術のいずれか。要求に記載がない。' },
  'item.function': { en: 'What is the function of the item? The request does not say.', ja: '品目の機能は何か。要求に記載がない。' },
  'item.origin': { en: 'Is the item domestic, jointly developed, or made under foreign licence? The request does not say.', ja: '品目は国産・国際共同開発・ライセンス生産のいずれか。要求に記載がない。' },
  'item.licensor': { en: 'Which country licensed the production of the item? The request does not say.', ja: 'ライセンス元の国はどこか。要求に記載がない。' },
  'item.partners': { en: 'Which countries are partners in the joint development? The request does not say.', ja: '共同開発のパートナー国はどこか。要求に記載がない。' },
  'item.controlList': { en: 'Which Munitions List category is the item in? The request does not say.', ja: '品目の軍用品リスト区分は何か。要求に記載がない。' },
  'item.munitionType': { en: 'Is the weapon a chemical or biological weapon, a cluster munition or an anti-personnel mine (treaty-banned), or none of these? The request does not say.', ja: '当該武器は化学兵器・生物兵器・クラスター弾・対人地雷（条約で禁止されるもの）のいずれかに当たるか、いずれにも当たらないか。要求に記載がない。' },
  'endUser.type': { en: 'Who is the end user (government, military, company, ...)? The request does not say.', ja: '最終需要者の種別（政府、軍、企業等）は何か。要求に記載がない。' },
};

/**
 * An item attribute as the rules read it, per the request contract: a classification under item 1 of Appended Table 1
 * makes the item defense equipment; a non-weapon with no treaty-banned type is none of them (a weapon stays unknown).
 */
function itemValue(item: TransferRequest['item'], field: keyof TransferRequest['item']): unknown {
  const v = item[field];
  if (v !== undefined) return v;
  if (field === 'defenseEquipment' && item.etcoItem !== undefined) return true;
  if (field === 'munitionType' && item.weapon === false) return 'other';
  return undefined;
}

function listOf(v: boolean | string | string[]): (boolean | string)[] {
  return Array.isArray(v) ? v : [v];
}

function show(v: unknown): string {
  return Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
}

function record(ctx: EvalContext, test: string, value: Tri, open?: OpenQuestion): Tri {
  if (ctx.rec) {
    ctx.rec.tests.push({ test, value: TRUTH[value] });
    if (value === U && open) ctx.rec.open.push(open);
  }
  return value;
}

function fieldQuestion(path: string): OpenQuestion {
  return { id: path, question: FIELD_QUESTIONS[path] ?? { en: `${path} is not given.`, ja: `${path} が記載されていない。` }, by: 'applicant' };
}

/** Compiles a condition once into a closure over the request and the fact table. */
export function compileExpr(expr: Expr, info: CompileInfo): Compiled {
  if (typeof expr === 'boolean') {
    const v: Tri = expr ? T : F;
    return () => v;
  }
  if ('all' in expr) {
    const parts = expr.all.map((e) => compileExpr(e, info));
    return (ctx) => {
      const mark = ctx.rec?.open.length ?? 0;
      let acc: Tri = T;
      for (const p of parts) {
        acc = and3(acc, p(ctx));
        if (acc === F && !ctx.rec) return F;
      }
      // A false conjunction is settled: what was unknown inside it is not an open question.
      if (acc === F && ctx.rec) ctx.rec.open.length = mark;
      return acc;
    };
  }
  if ('any' in expr) {
    const parts = expr.any.map((e) => compileExpr(e, info));
    return (ctx) => {
      const mark = ctx.rec?.open.length ?? 0;
      let acc: Tri = F;
      for (const p of parts) {
        acc = or3(acc, p(ctx));
        if (acc === T && !ctx.rec) return T;
      }
      if (acc === T && ctx.rec) ctx.rec.open.length = mark;
      return acc;
    };
  }
  if ('not' in expr) {
    const inner = compileExpr(expr.not, info);
    return (ctx) => not3(inner(ctx));
  }
  if ('fact' in expr) {
    const { fact, of = 'recipient' } = expr;
    const wanted = listOf(expr.is ?? true);
    const label = `${fact}(${of}) ${wanted.length > 1 ? 'in' : '='} ${show(expr.is ?? true)}`;
    const fi = info.facts.get(fact);
    return (ctx) => {
      const cc: CountryCode | undefined = of === 'recipient' ? ctx.req.recipient : ctx.req.item.licensor;
      if (cc === undefined) return record(ctx, label, U, fieldQuestion('item.licensor'));
      const value = ctx.facts.value(fact, cc, ctx.date);
      if (ctx.rec) {
        const key = `${fact}:${cc}`;
        if (!ctx.rec.facts.has(key)) ctx.rec.facts.set(key, ctx.facts.trace(fact, cc, ctx.date));
      }
      if (value === null && ctx.rec && !ctx.facts.read(fact, cc, ctx.date).entry) {
        // Absent from a list that is not exhaustive: unknown, and the list says who decides.
        return record(ctx, label, U, {
          id: `fact:${fact}:${cc}`,
          question: {
            en: `Does "${fi?.title.en ?? fact}" hold for ${countryName(cc, 'en')} on ${ctx.date}? ${countryName(cc, 'en')} is not on this list, and the list is not exhaustive.`,
            ja: `${ctx.date} 時点の${countryName(cc, 'ja')}について「${fi?.title.ja ?? fact}」が当てはまるか。${countryName(cc, 'ja')}はこの一覧になく、この一覧は網羅的ではない。`,
          },
          by: fi?.decidedBy ?? 'operator',
        });
      }
      if (value === null) {
        // Worded only when recorded: names are looked up for a reader, not for every evaluation.
        return record(ctx, label, U, ctx.rec ? {
          id: `fact:${fact}:${cc}`,
          question: {
            en: `Does "${fi?.title.en ?? fact}" hold for ${countryName(cc, 'en')} on ${ctx.date}? The record leaves it unknown.`,
            ja: `${ctx.date} 時点の${countryName(cc, 'ja')}について「${fi?.title.ja ?? fact}」が当てはまるか。記録上不明である。`,
          },
          by: fi?.decidedBy ?? 'operator',
        } : undefined);
      }
      return record(ctx, label, wanted.includes(value) ? T : F);
    };
  }
  if ('item' in expr) {
    const field = expr.item as keyof TransferRequest['item'];
    const wanted = listOf(expr.is);
    const path = `item.${field}`;
    const label = `${path} ${wanted.length > 1 ? 'in' : '='} ${show(expr.is)}`;
    // An item names its programme only if it has one, so no programme means none.
    const absentIsFalse = field === 'program';
    return (ctx) => {
      const v = itemValue(ctx.req.item, field) as boolean | string | undefined;
      if (v === undefined) return absentIsFalse ? record(ctx, label, F) : record(ctx, label, U, fieldQuestion(path));
      return record(ctx, label, wanted.includes(v) ? T : F);
    };
  }
  if ('purpose' in expr) {
    const wanted = listOf(expr.purpose);
    const label = `purpose ${wanted.length > 1 ? 'in' : '='} ${show(expr.purpose)}`;
    // An unstated purpose is unknown: the decision lists the purposes that would open a case (ADR 0002).
    return (ctx) => {
      const v = ctx.req.purpose;
      if (v === undefined) return record(ctx, label, U, fieldQuestion('purpose'));
      return record(ctx, label, wanted.includes(v) ? T : F);
    };
  }
  if ('transferor' in expr) {
    const wanted = listOf(expr.transferor);
    const label = `transferor ${wanted.length > 1 ? 'in' : '='} ${show(expr.transferor)}`;
    return (ctx) => {
      const v = ctx.req.transferor;
      if (v === undefined) return record(ctx, label, U, fieldQuestion('transferor'));
      return record(ctx, label, wanted.includes(v) ? T : F);
    };
  }
  if ('covers' in expr) {
    // A measure on some item classes: does the recipient's entry reach the item's Munitions List category?
    const fact = expr.covers;
    const label = `${fact}(recipient) covers the item's ML category`;
    const fi = info.facts.get(fact);
    return (ctx) => {
      const { entry } = ctx.facts.read(fact, ctx.req.recipient, ctx.date);
      if (!entry?.covers) {
        return record(ctx, label, U, ctx.rec ? {
          id: `covers:${fact}:${ctx.req.recipient}`,
          question: {
            en: `Which item classes does the measure recorded as "${fi?.title.en ?? fact}" on ${countryName(ctx.req.recipient, 'en')} reach on ${ctx.date}? The record does not say; is this item within them?`,
            ja: `${ctx.date} 時点の${countryName(ctx.req.recipient, 'ja')}に対する「${fi?.title.ja ?? fact}」の措置が及ぶ品目の範囲が記録されていない。本品目はその範囲に含まれるか。`,
          },
          by: 'meti',
        } : undefined);
      }
      const item = ctx.req.item;
      const ml = item.controlList ? [item.controlList.replace(/[a-z]$/, '')] : item.etcoItem ? info.mlOf.get(item.etcoItem) ?? [] : [];
      if (!ml.length) return record(ctx, label, U, fieldQuestion('item.controlList'));
      const inside = ml.filter((c) => entry.covers!.includes(c)).length;
      if (inside === 0) return record(ctx, label, F);
      if (inside === ml.length) return record(ctx, label, T);
      return record(ctx, label, U, fieldQuestion('item.controlList'));
    };
  }
  if ('endUser' in expr) {
    const wanted = listOf(expr.is);
    const label = `endUser.type ${wanted.length > 1 ? 'in' : '='} ${show(expr.is)}`;
    return (ctx) => {
      const v = ctx.req.endUser?.type;
      if (v === undefined) return record(ctx, label, U, fieldQuestion('endUser.type'));
      return record(ctx, label, wanted.includes(v) ? T : F);
    };
  }
  if ('recipient' in expr) {
    const wanted = new Set(expr.recipient);
    const label = `recipient in [${expr.recipient.join(', ')}]`;
    return (ctx) => record(ctx, label, wanted.has(ctx.req.recipient) ? T : F);
  }
  if ('recipientIn' in expr) {
    if (expr.recipientIn === 'licensor') {
      return (ctx) => {
        const lic = ctx.req.item.licensor;
        if (lic === undefined) return record(ctx, 'recipient = item.licensor', U, fieldQuestion('item.licensor'));
        return record(ctx, 'recipient = item.licensor', lic === ctx.req.recipient ? T : F);
      };
    }
    return (ctx) => {
      const partners = ctx.req.item.partners;
      if (partners === undefined) return record(ctx, 'recipient in item.partners', U, fieldQuestion('item.partners'));
      return record(ctx, 'recipient in item.partners', partners.includes(ctx.req.recipient) ? T : F);
    };
  }
  if ('asOf' in expr) {
    // For measures the law itself limits in time (a one-off exception), not for the dates of regimes.
    const { from, to } = expr.asOf;
    const label = `asOf in ${from ?? '…'}..${to ?? '…'}`;
    return (ctx) => record(ctx, label, (from === undefined || ctx.date >= from) && (to === undefined || ctx.date <= to) ? T : F);
  }
  if ('judgment' in expr) {
    const open: OpenQuestion = { id: expr.judgment, question: expr.question, by: expr.by };
    const label = `judgment: ${expr.judgment}`;
    return (ctx) => record(ctx, label, U, open);
  }
  throw new Error(`unhandled expression ${JSON.stringify(expr)}`);
}

/** Every fact id an expression reads, for static checks. */
export function factsIn(expr: Expr, out: { fact: string; is?: unknown }[] = []): { fact: string; is?: unknown }[] {
  if (typeof expr === 'boolean') return out;
  if ('all' in expr) expr.all.forEach((e) => factsIn(e, out));
  else if ('any' in expr) expr.any.forEach((e) => factsIn(e, out));
  else if ('not' in expr) factsIn(expr.not, out);
  else if ('fact' in expr) out.push({ fact: expr.fact, is: expr.is });
  else if ('covers' in expr) out.push({ fact: expr.covers, is: [] });
  return out;
}
