// Transfer applications: file, edit, attach documents, move through the lifecycle, record shipments, ask consent.
import { z } from 'zod';
import {
  caseApplicationSchema, caseListQuery, caseUpdateSchema, consentDecisionSchema, consentSchema, documentSchema, shipmentSchema, transitionSchema,
} from '../../cases/schema.ts';
import type { Role } from '../../cases/model.ts';
import type { ServiceResult } from '../../cases/failure.ts';
import { ok, type Reply, type RouteModule } from '../route.ts';

const READERS: Role[] = ['applicant', 'examiner', 'nsc', 'auditor'];
const caseDoc = { description: 'The case with its stored decision, and the current one if the policy changed since', contentType: 'application/json' };
const consentDoc = { description: 'The consent request, with the engine\'s decision for the third country on its date', contentType: 'application/json' };
const wrap = <T>(r: ServiceResult<T>, status = 200): Reply => (r.ok ? ok(r.value, status) : r);

export const cases: RouteModule = {
  name: 'cases',
  routes: [
    {
      method: 'get', path: '/api/v1/cases', operationId: 'listCases', summary: 'List cases', tag: 'cases', access: READERS, query: caseListQuery,
      responses: { 200: { description: 'Case summaries (an applicant sees its own organisation\'s only)', schema: z.object({ cases: z.array(z.unknown()) }) } },
      async handler({ services, rc, query }) {
        const r = await services.cases.list(rc, query);
        return r.ok ? ok({ cases: r.value }) : r;
      },
    },
    {
      method: 'post', path: '/api/v1/cases', operationId: 'createCase', summary: 'File a case', tag: 'cases', access: ['applicant'], body: caseApplicationSchema,
      responses: { 201: { ...caseDoc, description: 'The new draft case' } },
      handler: async ({ services, rc, body }) => wrap(await services.cases.create(rc, body), 201),
    },
    {
      method: 'get', path: '/api/v1/cases/:id', operationId: 'getCase', summary: 'Read a case', tag: 'cases', access: READERS,
      responses: { 200: caseDoc },
      handler: async ({ services, rc, params }) => wrap(await services.cases.get(rc, params.id)),
    },
    {
      method: 'put', path: '/api/v1/cases/:id', operationId: 'updateCase', summary: 'Edit a draft case', tag: 'cases', access: ['applicant'], body: caseUpdateSchema,
      responses: { 200: caseDoc },
      handler: async ({ services, rc, params, body }) => wrap(await services.cases.update(rc, params.id, body)),
    },
    {
      method: 'get', path: '/api/v1/cases/:id/evaluations', operationId: 'caseEvaluations', summary: 'Read every decision stored with a case', tag: 'cases', access: READERS,
      responses: { 200: { description: 'Every stored decision, oldest first', schema: z.object({ evaluations: z.array(z.unknown()) }) } },
      handler: async ({ services, rc, params }) => {
        const r = await services.cases.evaluations(rc, params.id);
        return r.ok ? ok({ evaluations: r.value }) : r;
      },
    },
    {
      method: 'post', path: '/api/v1/cases/:id/documents', operationId: 'addDocument', summary: 'Attach a document', tag: 'cases',
      access: ['applicant', 'examiner', 'nsc'], body: documentSchema, bodyLimit: 12 * 1024 * 1024,
      responses: { 201: caseDoc },
      handler: async ({ services, rc, params, body }) => wrap(await services.cases.addDocument(rc, params.id, body), 201),
    },
    {
      method: 'post', path: '/api/v1/cases/:id/transitions', operationId: 'transitionCase', summary: 'Move a case along its lifecycle', tag: 'cases',
      access: ['applicant', 'examiner', 'nsc'], body: transitionSchema,
      responses: { 200: caseDoc, 409: { description: 'Stale version or illegal transition; the problem carries the current state' } },
      handler: async ({ services, rc, params, body }) => wrap(await services.cases.transition(rc, params.id, body)),
    },
    {
      method: 'post', path: '/api/v1/cases/:id/shipments', operationId: 'recordShipment', summary: 'Record a shipment against the licence', tag: 'cases',
      access: ['applicant'], body: shipmentSchema,
      responses: { 201: caseDoc },
      handler: async ({ services, rc, params, body }) => wrap(await services.cases.recordShipment(rc, params.id, body), 201),
    },
    {
      method: 'get', path: '/api/v1/cases/:id/consents', operationId: 'listConsents', summary: 'List consent requests under a case', tag: 'consents', access: READERS,
      responses: { 200: { description: 'The consent requests filed under the case', schema: z.object({ consents: z.array(z.unknown()) }) } },
      handler: async ({ services, rc, params }) => {
        const r = await services.cases.listConsents(rc, params.id);
        return r.ok ? ok({ consents: r.value }) : r;
      },
    },
    {
      method: 'post', path: '/api/v1/cases/:id/consents', operationId: 'fileConsent', summary: 'Ask consent for a third-party transfer or extra-purpose use', tag: 'consents',
      access: ['applicant'], body: consentSchema,
      responses: { 201: consentDoc },
      handler: async ({ services, rc, params, body }) => wrap(await services.cases.fileConsent(rc, params.id, body), 201),
    },
    {
      method: 'get', path: '/api/v1/consents/:id', operationId: 'getConsent', summary: 'Read a consent request', tag: 'consents', access: READERS,
      responses: { 200: consentDoc },
      handler: async ({ services, rc, params }) => wrap(await services.cases.getConsent(rc, params.id)),
    },
    {
      method: 'post', path: '/api/v1/consents/:id/decision', operationId: 'decideConsent', summary: 'Decide a consent request', tag: 'consents',
      access: ['examiner', 'nsc'], body: consentDecisionSchema,
      responses: { 200: { ...consentDoc, description: 'The decided consent request' }, 409: { description: 'Stale version, or already decided; the problem carries the current state' } },
      handler: async ({ services, rc, params, body }) => wrap(await services.cases.decideConsent(rc, params.id, body)),
    },
  ],
};
