// The record in words: audit verbs in Japanese and English, times in Japan with the zone named, and a case's
// history (status changes, screening dispositions, consent decisions) as one timeline. Pure.
import type { CaseView } from '../api/types.ts';

type Text = { en: string; ja: string };

/** Every verb the store writes to the audit log, in words. */
export const AUDIT_VERBS: Record<string, Text> = {
  'user.create': { en: 'created a user', ja: '利用者を作成' },
  'user.update': { en: 'changed a user', ja: '利用者を変更' },
  'session.create': { en: 'logged in', ja: 'ログイン' },
  'session.delete': { en: 'logged out', ja: 'ログアウト' },
  'token.create': { en: 'created an API token', ja: 'APIトークンを発行' },
  'token.delete': { en: 'revoked an API token', ja: 'APIトークンを失効' },
  'sessions.revoke': { en: 'revoked all sessions of a user', ja: '利用者の全セッションを失効' },
  'case.create': { en: 'filed a case', ja: '案件を作成' },
  'case.update': { en: 'edited a draft', ja: '下書きを編集' },
  'case.document.add': { en: 'attached a document', ja: '書類を添付' },
  'case.submit': { en: 'submitted a case', ja: '案件を提出' },
  'case.start_review': { en: 'started the review', ja: '審査を開始' },
  'case.refer_nsc': { en: 'referred a case to the NSC', ja: 'NSCに付議' },
  'case.return_to_examiner': { en: 'returned a case to the examiner', ja: '審査官に差し戻し' },
  'case.approve': { en: 'approved a case', ja: '案件を許可' },
  'case.deny': { en: 'denied a case', ja: '案件を不許可' },
  'case.withdraw': { en: 'withdrew a case', ja: '案件を取り下げ' },
  'case.shipment': { en: 'recorded a shipment', ja: '出荷を記録' },
  'case.rescreen': { en: 'screened a case again', ja: '案件を再照合' },
  'case.screening.dispose': { en: 'disposed of a screening hit', ja: '照合の該当を処理' },
  'consent.create': { en: 'filed a consent request', ja: '同意申請を提出' },
  'consent.approve': { en: 'approved a consent request', ja: '同意申請を承認' },
  'consent.deny': { en: 'denied a consent request', ja: '同意申請を不承認' },
  'screening.list.import': { en: 'imported a sanctions list', ja: '制裁リストを取り込み' },
};

export function verbLabel(verb: string, lang: 'en' | 'ja'): string {
  return AUDIT_VERBS[verb]?.[lang] ?? verb;
}

const JST = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** An instant as Japan time with its zone: 2026-04-01 10:00:00 JST. */
export function japanTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(JST.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} JST`;
}

export type TimelineEntry =
  | { kind: 'status'; at: string; actor: string; action: string; from: string; to: string; reason: string | null }
  | { kind: 'disposition'; at: string; actor: string; referenceNumber: string; party: string; verdict: 'false_positive' | 'true_match'; reason: string }
  | { kind: 'consent'; at: string; actor: string; recipient: string; outcome: 'approved' | 'denied'; reason: string };

/** Status changes, dispositions and consent decisions of a case, oldest first. */
export function caseTimeline(view: Pick<CaseView, 'data' | 'consents'>): TimelineEntry[] {
  const out: TimelineEntry[] = view.data.history.map((h) => (h.action === 'dispose'
    ? { kind: 'disposition', at: h.at, actor: h.actor, referenceNumber: h.referenceNumber, party: h.party, verdict: h.verdict, reason: h.reason }
    : { kind: 'status', at: h.at, actor: h.actor, action: h.action, from: h.from, to: h.to, reason: h.reason }));
  for (const c of view.consents) {
    if (c.decision) out.push({ kind: 'consent', at: c.decision.at, actor: c.decision.by, recipient: c.recipient, outcome: c.decision.outcome, reason: c.decision.reason });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
