// The case service: loads, checks, asks the engine, and writes through the store. Every write is audited there.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { todayInJapan } from '../core/clock.ts';
import { toProblems } from '../core/request.ts';
import { sha256 } from '../hash.ts';
import { categoryOf, decisionConditions, evaluateCase, type DecisionEngine } from './evaluate.ts';
import { fail, invalid, notFound, type ServiceResult } from './failure.ts';
import { issueLicence, recordShipment } from './licence.ts';
import { availableActions, checkTransition, OPEN_STATUSES } from './lifecycle.ts';
import type { Actor, CaseData, CaseEvaluation, CaseRow, CaseScreening, ConsentRow, LicenceCondition, RequestContext, ScreeningNotice } from './model.ts';
import { annualReport, yearBounds, type AnnualReport } from './report.ts';
import {
  caseApplicationSchema, caseListQuery, caseUpdateSchema, consentDecisionSchema, consentSchema, dispositionSchema, documentSchema,
  shipmentSchema, transitionSchema,
} from './schema.ts';
import { rescreenOpenCases, screenApplication, type RescreenSummary } from './rescreen.ts';
import { dispose, type ScreeningProvider } from './screening.ts';
import type { AuditContext, Store, Versioned } from './store-port.ts';

export interface CaseServiceDeps {
  store: Store;
  engine: DecisionEngine;
  now?: () => Date;
  /** The sanctions list parties are screened against, read at each use so a re-import takes effect at once. */
  screening?: () => ScreeningProvider | null;
}

export type { RescreenSummary, RescreenedCase } from './rescreen.ts';

/** A case as a viewer may see it: an applicant gets a ScreeningNotice instead of the screening and its dispositions. */
export interface CaseView extends Omit<CaseRow, 'data'> {
  data: Omit<CaseData, 'screening'> & { screening?: CaseScreening | ScreeningNotice | null };
  evaluation: CaseEvaluation | null; // what the rules said at the last status change, as stored
  current: Omit<CaseEvaluation, 'seq'> | null; // what the rules say now, when the policy changed since (or for a draft)
  policyChanged: boolean;
  actions: string[]; // what the viewer may do next
  consents: { id: string; kind: string; recipient: string; status: string; decision: ConsentRow['data']['decision'] }[];
}

export type CaseSummary = Pick<CaseRow, 'id' | 'reference' | 'org' | 'status' | 'version' | 'createdAt' | 'updatedAt' | 'decidedAt'> & {
  recipient: string;
  items: number;
  valueJpy: number;
};

/**
 * What a viewer may see of a case's data. An applicant learns only that screening is under review: names, reference
 * numbers and scores would tip it off and let it refile with spellings until one scores below the threshold.
 */
function forViewer(actor: Actor, data: CaseData): CaseView['data'] {
  if (actor.role !== 'applicant') return data;
  const s = data.screening;
  return {
    ...data,
    screening: s ? { at: s.at, underReview: s.parties.some((p) => p.hits.length > 0) } : s,
    history: data.history.filter((h) => h.action !== 'dispose'),
  };
}

function parse<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.output<S> } | ReturnType<typeof invalid> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : invalid(toProblems(r.error));
}

export class CaseService {
  private readonly store: Store;
  private readonly engine: DecisionEngine;
  private readonly now: () => Date;
  private readonly provider: () => ScreeningProvider | null;

  constructor(deps: CaseServiceDeps) {
    this.store = deps.store;
    this.engine = deps.engine;
    this.now = deps.now ?? (() => new Date());
    this.provider = deps.screening ?? (() => null);
  }

  /** Today in Japan, where the ministry decides: a decision's asOf. */
  private today(at = this.now()): string {
    return todayInJapan(at);
  }

  private audit(rc: RequestContext, at: Date): AuditContext {
    return { actor: rc.actor.username, at: at.toISOString(), requestId: rc.requestId ?? null };
  }

  /** Applicants see their own organisation's cases; staff see all; admins manage users, not cases. */
  canSee(actor: Actor, row: { org: string }): boolean {
    if (actor.role === 'applicant') return actor.org !== null && actor.org === row.org;
    return actor.role === 'examiner' || actor.role === 'nsc' || actor.role === 'auditor';
  }

  private async load(rc: RequestContext, id: string): Promise<CaseRow | undefined> {
    const row = await this.store.cases.get(id);
    return row && this.canSee(rc.actor, row) ? row : undefined;
  }

  private async view(rc: RequestContext, row: CaseRow): Promise<CaseView> {
    const evaluation = (await this.store.cases.latestEvaluation(row.id)) ?? null;
    const policyChanged = evaluation !== null && evaluation.policyDigest !== this.engine.policyDigest;
    const current = evaluation === null || policyChanged
      ? evaluateCase(this.engine, row.data.application, evaluation?.asOf ?? this.today(), this.now().toISOString(), row.status)
      : null;
    const consents = (await this.store.consents.listByCase(row.id)).map((c) => ({ id: c.id, kind: c.data.kind, recipient: c.data.recipient, status: c.status, decision: c.data.decision }));
    const actions = availableActions(row.status, rc.actor.role, { trueMatch: row.data.screening?.trueMatch ?? false });
    return { ...row, data: forViewer(rc.actor, row.data), evaluation, current, policyChanged, actions, consents };
  }

  private async conflict(rc: RequestContext, result: Versioned<CaseRow>): Promise<ServiceResult<CaseView>> {
    if (result.ok) return { ok: true, value: await this.view(rc, result.value) };
    const current = result.current && this.canSee(rc.actor, result.current) ? await this.view(rc, result.current) : undefined;
    return fail('conflict', 'version_conflict', 'version', 'the case was changed by someone else; here is its current state', current);
  }

  private async staleCheck(rc: RequestContext, row: CaseRow, version: number | undefined): Promise<ServiceResult<CaseView> | null> {
    if (version === undefined || version === row.version) return null;
    return fail('conflict', 'version_conflict', 'version', `you read version ${version}; the case is now at version ${row.version}`, await this.view(rc, row));
  }

  async create(rc: RequestContext, input: unknown): Promise<ServiceResult<CaseView>> {
    if (rc.actor.role !== 'applicant' || !rc.actor.org) return fail('forbidden', 'role_cannot_act', '(root)', 'only an applicant with an organisation files cases');
    const p = parse(caseApplicationSchema, input);
    if (!p.ok) return p;
    const now = this.now();
    const at = now.toISOString();
    const row: CaseRow = {
      id: randomUUID(), reference: await this.store.cases.nextReference(Number(this.today(now).slice(0, 4))), org: rc.actor.org,
      status: 'draft', version: 1, data: { application: p.value, documents: [], history: [], licence: null, shipments: [] },
      createdBy: rc.actor.username, createdAt: at, updatedAt: at, decidedAt: null, category: null,
    };
    await this.store.cases.insert(this.audit(rc, now), row);
    return { ok: true, value: await this.view(rc, row) };
  }

  async list(rc: RequestContext, query: unknown): Promise<ServiceResult<CaseSummary[]>> {
    const q = parse(caseListQuery, query);
    if (!q.ok) return q;
    if (rc.actor.role === 'admin' || (rc.actor.role === 'applicant' && !rc.actor.org)) return { ok: true, value: [] };
    const rows = await this.store.cases.list({ ...q.value, org: rc.actor.role === 'applicant' ? rc.actor.org! : undefined });
    return {
      ok: true,
      value: rows.filter((r) => this.canSee(rc.actor, r)).map((r) => ({
        id: r.id, reference: r.reference, org: r.org, status: r.status, version: r.version, createdAt: r.createdAt, updatedAt: r.updatedAt,
        decidedAt: r.decidedAt, recipient: r.data.application.recipient, items: r.data.application.items.length,
        valueJpy: r.data.application.items.reduce((n, l) => n + l.valueJpy, 0),
      })),
    };
  }

  async get(rc: RequestContext, id: string): Promise<ServiceResult<CaseView>> {
    const row = await this.load(rc, id);
    return row ? { ok: true, value: await this.view(rc, row) } : notFound('case');
  }

  async evaluations(rc: RequestContext, id: string): Promise<ServiceResult<CaseEvaluation[]>> {
    const row = await this.load(rc, id);
    return row ? { ok: true, value: await this.store.cases.evaluations(id) } : notFound('case');
  }

  async update(rc: RequestContext, id: string, input: unknown): Promise<ServiceResult<CaseView>> {
    const row = await this.load(rc, id);
    if (!row) return notFound('case');
    if (rc.actor.role !== 'applicant') return fail('forbidden', 'role_cannot_act', '(root)', 'only the applicant edits a case');
    const p = parse(caseUpdateSchema, input);
    if (!p.ok) return p;
    const stale = await this.staleCheck(rc, row, p.value.version);
    if (stale) return stale;
    if (row.status !== 'draft') return fail('conflict', 'not_editable', '(root)', `a ${row.status.replace(/_/g, ' ')} case can no longer be edited`, await this.view(rc, row));
    const { version: _v, ...application } = p.value;
    const now = this.now();
    const next: CaseRow = { ...row, data: { ...row.data, application }, updatedAt: now.toISOString() };
    return this.conflict(rc, await this.store.cases.update(this.audit(rc, now), 'case.update', next, row.version));
  }

  async addDocument(rc: RequestContext, id: string, input: unknown): Promise<ServiceResult<CaseView>> {
    const row = await this.load(rc, id);
    if (!row) return notFound('case');
    if (!['applicant', 'examiner', 'nsc'].includes(rc.actor.role)) return fail('forbidden', 'role_cannot_act', '(root)', `a ${rc.actor.role} cannot add documents`);
    const p = parse(documentSchema, input);
    if (!p.ok) return p;
    const stale = await this.staleCheck(rc, row, p.value.version);
    if (stale) return stale;
    if (!OPEN_STATUSES.includes(row.status)) return fail('conflict', 'case_closed', '(root)', `the case is ${row.status}`, await this.view(rc, row));
    const d = p.value;
    const content = d.contentBase64 !== undefined ? Buffer.from(d.contentBase64, 'base64') : null;
    const now = this.now();
    const doc = {
      id: randomUUID(), name: d.name, mediaType: d.mediaType,
      size: content ? content.length : d.size!,
      sha256: content ? sha256(content) : 'sha256:' + d.sha256!.replace(/^sha256:/, ''),
      addedBy: rc.actor.username, addedAt: now.toISOString(),
    };
    const next: CaseRow = { ...row, data: { ...row.data, documents: [...row.data.documents, doc] }, updatedAt: now.toISOString() };
    return this.conflict(rc, await this.store.cases.update(this.audit(rc, now), 'case.document.add', next, row.version));
  }

  /** Moves a case along its lifecycle, running the engine and storing its decision with the change. */
  async transition(rc: RequestContext, id: string, input: unknown): Promise<ServiceResult<CaseView>> {
    const row = await this.load(rc, id);
    if (!row) return notFound('case');
    const p = parse(transitionSchema, input);
    if (!p.ok) return p;
    const stale = await this.staleCheck(rc, row, p.value.version);
    if (stale) return stale;
    const { action, reason } = p.value;
    const now = this.now();
    const at = now.toISOString();
    const check0 = checkTransition(row.status, action, rc.actor.role, reason, undefined);
    if (!check0.ok) return check0.kind === 'conflict' ? { ...check0, ok: false, current: await this.view(rc, row) } : { ...check0, ok: false };
    const evaluation = evaluateCase(this.engine, row.data.application, this.today(now), at, check0.to);
    const check = checkTransition(row.status, action, rc.actor.role, reason, evaluation);
    if (!check.ok) return { ...check, ok: false };
    const screening = action === 'submit' ? await this.screen(row.data.application, at) : row.data.screening ?? null;
    if ((action === 'approve' || action === 'refer_nsc') && screening?.hold) {
      return invalid([{ code: 'screening_hold', path: 'action', message: 'a party has an undisposed sanctions-list hit: record a disposition first' }]);
    }
    if ((action === 'approve' || action === 'refer_nsc') && screening?.trueMatch) {
      return invalid([{ code: 'sanctioned_party', path: 'action', message: 'A party of this case was confirmed as a match on the sanctions list, so the case can only be denied.' }]);
    }

    const next: CaseRow = {
      ...row, status: check.to, updatedAt: at,
      data: {
        ...row.data, screening,
        history: [...row.data.history, { at, actor: rc.actor.username, action, from: row.status, to: check.to, reason: reason?.trim() || null }],
      },
    };
    if (action === 'approve') {
      const extra: LicenceCondition[] = (p.value.conditions ?? []).map((text, i) => ({ id: `examiner-${i + 1}`, text, rule: null }));
      const licence = issueLicence(row.data.application, {
        number: `${row.reference}-L`, issuedAt: at, issuedBy: rc.actor.username, validUntil: p.value.licence?.validUntil,
        conditions: [...decisionConditions(evaluation.items), ...extra], lines: p.value.licence?.lines,
      });
      if (!licence.ok) return invalid(licence.problems);
      next.data = { ...next.data, licence: licence.value };
      next.decidedAt = at;
      next.category = categoryOf(this.engine, evaluation.items);
    } else if (action === 'deny') {
      next.decidedAt = at;
    }
    return this.conflict(rc, await this.store.cases.update(this.audit(rc, now), `case.${action}`, next, row.version, evaluation));
  }

  async recordShipment(rc: RequestContext, id: string, input: unknown): Promise<ServiceResult<CaseView>> {
    const row = await this.load(rc, id);
    if (!row) return notFound('case');
    if (rc.actor.role !== 'applicant') return fail('forbidden', 'role_cannot_act', '(root)', 'the exporter records its shipments');
    const p = parse(shipmentSchema, input);
    if (!p.ok) return p;
    const stale = await this.staleCheck(rc, row, p.value.version);
    if (stale) return stale;
    if (row.status !== 'approved' || !row.data.licence) return fail('conflict', 'no_licence', '(root)', 'shipments are recorded against an approved case', await this.view(rc, row));
    const now = this.now();
    const shipment = { id: randomUUID(), date: p.value.date, recordedBy: rc.actor.username, recordedAt: now.toISOString(), lines: p.value.lines, ...(p.value.note ? { note: p.value.note } : {}) };
    const licence = recordShipment(row.data.licence, shipment);
    if (!licence.ok) return invalid(licence.problems);
    const next: CaseRow = { ...row, updatedAt: now.toISOString(), data: { ...row.data, licence: licence.value, shipments: [...row.data.shipments, shipment] } };
    return this.conflict(rc, await this.store.cases.update(this.audit(rc, now), 'case.shipment', next, row.version));
  }

  /** A Principle 3 consent request (third-party transfer or extra-purpose use) against an approved case. */
  async fileConsent(rc: RequestContext, caseId: string, input: unknown): Promise<ServiceResult<ConsentRow>> {
    const row = await this.load(rc, caseId);
    if (!row) return notFound('case');
    if (rc.actor.role !== 'applicant') return fail('forbidden', 'role_cannot_act', '(root)', 'the applicant files consent requests');
    const p = parse(consentSchema, input);
    if (!p.ok) return p;
    if (row.status !== 'approved') return fail('conflict', 'not_approved', '(root)', 'consent is asked for under an approved case');
    const now = this.now();
    const at = now.toISOString();
    const asOf = p.value.asOf ?? this.today(now);
    const { status: _s, ...evaluation } = evaluateCase(this.engine, {
      recipient: p.value.recipient, purpose: p.value.purpose ?? row.data.application.purpose, items: row.data.application.items,
      endUser: p.value.endUser,
    }, asOf, at, 'submitted');
    const consent: ConsentRow = {
      id: randomUUID(), caseId, org: row.org, status: 'filed', version: 1, createdAt: at, updatedAt: at,
      data: {
        kind: p.value.kind, recipient: p.value.recipient, ...(p.value.endUser ? { endUser: p.value.endUser } : {}),
        ...(p.value.purpose ? { purpose: p.value.purpose } : {}), asOf, justification: p.value.justification, filedBy: rc.actor.username,
        evaluation, decision: null,
      },
    };
    await this.store.consents.insert(this.audit(rc, now), consent);
    return { ok: true, value: consent };
  }

  async listConsents(rc: RequestContext, caseId: string): Promise<ServiceResult<ConsentRow[]>> {
    const row = await this.load(rc, caseId);
    return row ? { ok: true, value: await this.store.consents.listByCase(caseId) } : notFound('case');
  }

  async getConsent(rc: RequestContext, id: string): Promise<ServiceResult<ConsentRow>> {
    const c = await this.store.consents.get(id);
    return c && this.canSee(rc.actor, c) ? { ok: true, value: c } : notFound('consent request');
  }

  async decideConsent(rc: RequestContext, id: string, input: unknown): Promise<ServiceResult<ConsentRow>> {
    const c = await this.store.consents.get(id);
    if (!c || !this.canSee(rc.actor, c)) return notFound('consent request');
    if (rc.actor.role !== 'examiner' && rc.actor.role !== 'nsc') return fail('forbidden', 'role_cannot_act', '(root)', 'examiners and the NSC decide consent requests');
    const p = parse(consentDecisionSchema, input);
    if (!p.ok) return p;
    if (p.value.version !== undefined && p.value.version !== c.version) return fail('conflict', 'version_conflict', 'version', `the request is now at version ${c.version}`, c);
    if (c.status !== 'filed') return fail('conflict', 'already_decided', '(root)', `the request is already ${c.status}`, c);
    const o = c.data.evaluation.outcome;
    if (p.value.outcome === 'approved' && (o === 'prohibited' || o === 'not_permitted')) {
      return invalid([{ code: 'outcome_forbids_approval', path: 'outcome', message: `the rules give ${o.replace(/_/g, ' ')} for a transfer to ${c.data.recipient} on ${c.data.asOf}` }]);
    }
    const now = this.now();
    const next: ConsentRow = {
      ...c, status: p.value.outcome, updatedAt: now.toISOString(),
      data: { ...c.data, decision: { by: rc.actor.username, at: now.toISOString(), outcome: p.value.outcome, reason: p.value.reason, conditions: p.value.conditions ?? [] } },
    };
    const res = await this.store.consents.update(this.audit(rc, now), `consent.${p.value.outcome === 'approved' ? 'approve' : 'deny'}`, next, c.version);
    return res.ok ? res : fail('conflict', 'version_conflict', 'version', 'the request was decided by someone else', res.current);
  }

  /** Screens the parties against the current list, applying dispositions already made under that list version. */
  private screen(app: CaseRow['data']['application'], at: string): Promise<CaseScreening | null> {
    return screenApplication(this.store, this.provider(), app, at);
  }

  /** An examiner's verdict on one hit: false positive (the case may go on) or true match (it can only be denied). */
  async disposeHit(rc: RequestContext, id: string, input: unknown): Promise<ServiceResult<CaseView>> {
    const row = await this.load(rc, id);
    if (!row) return notFound('case');
    if (rc.actor.role !== 'examiner' && rc.actor.role !== 'nsc') return fail('forbidden', 'role_cannot_act', '(root)', 'examiners and the NSC dispose of screening hits');
    const p = parse(dispositionSchema, input);
    if (!p.ok) return p;
    const stale = await this.staleCheck(rc, row, p.value.version);
    if (stale) return stale;
    const screening = row.data.screening;
    if (!screening || !OPEN_STATUSES.includes(row.status)) return fail('conflict', 'not_screened', '(root)', 'the case has no open screening to dispose of', await this.view(rc, row));
    const now = this.now();
    const disposition = { verdict: p.value.verdict, reason: p.value.reason, by: rc.actor.username, at: now.toISOString() };
    const d = dispose(screening, p.value.party, p.value.referenceNumber, disposition);
    if (!d.ok) return invalid(d.problems);
    const entry = { at: disposition.at, actor: rc.actor.username, action: 'dispose' as const, party: p.value.party, referenceNumber: p.value.referenceNumber, verdict: p.value.verdict, reason: p.value.reason };
    const next: CaseRow = { ...row, updatedAt: now.toISOString(), data: { ...row.data, screening: d.value, history: [...row.data.history, entry] } };
    return this.conflict(rc, await this.store.screening.dispose(this.audit(rc, now), next, row.version, {
      partyKey: d.key, listVersion: screening.listVersion, referenceNumber: p.value.referenceNumber, ...disposition,
    }));
  }

  /** After a list import: screens every submitted, open case again; a new hit puts it on hold. */
  rescreenOpenCases(rc: RequestContext): Promise<RescreenSummary> {
    return rescreenOpenCases({ store: this.store, provider: this.provider(), now: this.now }, rc);
  }

  async annualReport(year: number): Promise<AnnualReport> {
    const { from, to } = yearBounds(year);
    const head = await this.store.audit.head();
    return annualReport(year, await this.store.cases.approvalsByCategory(from, to), this.engine.policy.categories, { ...head, at: this.now().toISOString() });
  }
}
