// Screening in the case system: dispositions of hits, the list in use, importing a new one (stored, diffed,
// re-screening open cases), and screening a name on demand.
import { z } from 'zod';
import { toProblems } from '../../core/request.ts';
import { fail, invalid } from '../../cases/failure.ts';
import { listUpdateView, updateList } from '../../cases/list-update.ts';
import { importList, listImportView } from '../../cases/lists.ts';
import { UN_LIST_URL } from '../../config.ts';
import { dispositionSchema } from '../../cases/schema.ts';
import type { ScreeningProvider } from '../../cases/screening.ts';
import { countryCode, DEFAULTS, parseDate, screen, type ListFormat, type ScreeningMatch } from '../../screening/index.ts';
import { MAX_LIST_BYTES } from '../../screening/load-list.ts';
import { one, problemResponse } from '../problem.ts';
import { ok, type RouteModule } from '../route.ts';

const listShape = z.object({
  source: z.string(), version: z.string().describe("the list's generation date (dateGenerated)"), entries: z.int(),
  id: z.int().optional().describe('the stored import number'), origin: z.string().optional(), importedAt: z.string().optional(), importedBy: z.string().optional(),
  sha256: z.string().optional(), individuals: z.int().optional(), entities: z.int().optional(), aliases: z.int().optional(),
});
const listOut = listShape.nullable();

/** The list in use as the API shows it: its identity, counts and where it was imported from. */
function listView(p: ScreeningProvider | null) {
  if (!p) return null;
  const stored = p.stored ? (({ bytes: _b, ...rest }) => rest)(p.stored) : {};
  return { ...stored, source: p.source, version: p.version, entries: p.entries };
}

/** Names in a field of another list: an array, or one string separating them with "|". */
const several = (what: string) => z.union([z.array(z.string()), z.string()]).nullable().optional().describe(`${what}: an array, or one string separating them with "|"`);

/** Another list as JSON, for the docs; src/screening/other-list.ts reads it (and every problem it finds is a 422). */
const otherListJson = z.object({
  list: z.string().min(1).describe('the list\'s name, e.g. "METI End User List"; each name is its own line of imports'),
  version: z.string().min(1).describe('the date the list was published'),
  entries: z.array(z.object({
    reference: z.string().min(1).describe('the entry\'s reference on its list, unique in the file'),
    type: z.enum(['person', 'entity']),
    name: z.string().min(1).describe('in any script'),
    aliases: several('other names'),
    countries: several('ISO 3166-1 codes or English country names'),
    datesOfBirth: several('YYYY, YYYY-MM or YYYY-MM-DD'),
    programme: z.string().optional().describe('the regime or programme; default: the list\'s name'),
  })).min(1),
});

/** Each media type the list import takes, and the format it is read as: the handler and the OpenAPI document share it. */
const LIST_BODIES: Record<string, { format: ListFormat; description: string; schema?: z.ZodType }> = {
  'application/xml': { format: 'un-xml', description: 'The UN Security Council Consolidated List, as published (XML)' },
  'text/xml': { format: 'un-xml', description: 'The UN list, as application/xml' },
  'text/csv': { format: 'csv', description: 'Another list, one entry a row (RFC 4180), header list,version,reference,type,name,aliases,countries,dates_of_birth,programme; several aliases, countries or dates in one field separated by "|"' },
  'application/json': { format: 'json', description: 'Another list as one JSON document', schema: otherListJson },
};

const importQuery = z.strictObject({
  allowOlder: z.enum(['true', 'false']).optional().describe('accept a list generated before the one in use (going back on purpose)'),
});

/** The body may be left out: the list is then downloaded from GENSOKU_LIST_URL, else the UN's official address. */
const listUpdateBody = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).max(2048).optional().describe('where to download the list; default: GENSOKU_LIST_URL, else the UN\'s official XML'),
}).optional();

const listUpdateOut = z.object({
  status: z.enum(['imported', 'unchanged']), url: z.string().describe('where the list was downloaded from'),
  unchanged: z.boolean().describe('true: nothing was stored'),
  list: listShape.extend({ bytes: z.int().describe('size of the stored content') }).nullable().describe('the list in use after the update (null: none stored)'),
  previous: z.unknown().optional(), changes: z.unknown().optional(), rescreen: z.unknown().optional(),
});

export const screenQuerySchema = z.strictObject({
  name: z.string().trim().min(1, 'a name to screen is required').max(500),
  dateOfBirth: z.string().max(10).refine((s) => { const d = parseDate(s); return d !== undefined && !d.partial; }, 'expected a real date as YYYY, YYYY-MM or YYYY-MM-DD')
    .optional().describe('YYYY, YYYY-MM or YYYY-MM-DD; a contradicting date lowers the score'),
  nationality: z.string().max(100).refine((s) => countryCode(s) !== undefined, 'unknown country: give an ISO 3166-1 alpha-2 code or an English name')
    .optional().describe('ISO 3166-1 alpha-2 code or English name; a contradicting one lowers the score'),
  type: z.enum(['person', 'entity']).optional().describe('only entries of this kind'),
  gender: z.enum(['male', 'female']).optional(),
  threshold: z.number().min(0).max(1).optional().describe('score at which a result is a match; default 0.70'),
  limit: z.int().min(1).max(100).optional().describe('most results returned; default 10'),
});

const screenResultOut = z.object({
  score: z.number(), match: z.boolean(), referenceNumber: z.string(), name: z.string(), type: z.enum(['person', 'entity']), regime: z.string(),
  list: z.string().describe('the list the entry is on'),
  matchedLang: z.string().optional().describe('for a translated name (nameQuality translated): its language, e.g. ja'),
  matchedSource: z.string().optional().describe('for a translated name: the address of the notice or article that writes the entry so'),
  listedOn: z.string().optional(), matchedName: z.string(), nameQuality: z.string(),
  features: z.array(z.object({ feature: z.string(), value: z.number(), detail: z.string() })), explanation: z.string(),
  explanationJa: z.string().describe('the explanation in Japanese'),
  entry: z.unknown().describe('the list entry: names, aliases, dates and places of birth, nationalities, addresses, documents'),
});

const resultView = (m: ScreeningMatch, list: string) => ({
  score: m.score, match: m.match, referenceNumber: m.entry.referenceNumber, name: m.entry.name, type: m.entry.type, regime: m.entry.regime,
  list: m.entry.list ?? list, ...(m.matchedSource ? { matchedLang: m.matchedLang, matchedSource: m.matchedSource } : {}),
  ...(m.entry.listedOn ? { listedOn: m.entry.listedOn } : {}), matchedName: m.matchedName, nameQuality: m.nameQuality, features: m.features,
  explanation: m.explanation, explanationJa: m.explanationJa, entry: m.entry,
});

export const caseScreening: RouteModule = {
  name: 'case-screening',
  routes: [
    {
      method: 'post', path: '/api/v1/cases/:id/screening/dispositions', operationId: 'disposeScreeningHit',
      summary: 'Record a disposition of a screening hit', tag: 'screening', access: ['examiner', 'nsc'], body: dispositionSchema,
      responses: { 200: { description: 'The case, its screening updated; the disposition holds for this party and list version', contentType: 'application/json' } },
      async handler({ services, rc, params, body }) {
        const r = await services.cases.disposeHit(rc, params.id, body);
        return r.ok ? ok(r.value) : r;
      },
    },
    {
      method: 'get', path: '/api/v1/screening/list', operationId: 'screeningList', summary: 'Read which sanctions list is in use', tag: 'screening',
      access: ['examiner', 'nsc', 'auditor', 'admin'],
      responses: { 200: { description: 'The list, or null when none is loaded', schema: z.object({ list: listOut }) } },
      handler: ({ services }) => ok({ list: listView(services.screening.current) }),
    },
    {
      method: 'put', path: '/api/v1/screening/list', operationId: 'importScreeningList', summary: 'Import a sanctions list and re-screen open cases', tag: 'screening',
      access: ['admin'], bodyLimit: MAX_LIST_BYTES, query: importQuery,
      rawBody: { description: 'The UN list, or another list as CSV or JSON (docs/screening.md: "Other lists"). Each list stays in use; its last import is screened with the others', content: LIST_BODIES },
      responses: {
        200: { description: 'The list now in use (stored: it survives a restart), the one it replaced, what was added, removed and changed, and what re-screening open cases found', contentType: 'application/json' },
        409: { description: 'list_older: generated before the list in use (send allowOlder=true to go back on purpose); list_changed: another import finished first' },
        422: { description: 'The file is malformed, truncated or empty: the problems, and the stored list is untouched' },
      },
      async handler({ c, services, rc, requestId, query }) {
        const media = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
        const format = Object.hasOwn(LIST_BODIES, media) ? LIST_BODIES[media]!.format : undefined;
        if (!format) return problemResponse(415, one('unsupported_media_type', `send the UN list as application/xml (or text/xml), another list as text/csv or application/json, not ${media || 'no content type'}`), { requestId });
        const q = importQuery.safeParse(query);
        if (!q.success) return invalid(toProblems(q.error, 'query'));
        const r = await importList({ store: services.deps.store, screening: services.screening, now: services.deps.now }, rc, await c.req.text(),
          { origin: 'http', allowOlder: q.data.allowOlder === 'true', format });
        if (!r.ok) return r;
        return ok(listImportView(r.value));
      },
    },
    {
      method: 'post', path: '/api/v1/screening/list/update', operationId: 'updateScreeningList', summary: 'Download the sanctions list and import it if it changed', tag: 'screening',
      access: ['admin'], body: listUpdateBody,
      responses: {
        200: { description: 'imported: the list now in use, what changed and what re-screening open cases found, as for PUT /api/v1/screening/list. unchanged (a 304, or the bytes of the list in use): nothing stored, and the list in use', schema: listUpdateOut },
        409: { description: 'list_older: the download was generated before the list in use (import it with PUT and allowOlder=true to go back on purpose); list_changed: another import finished first' },
        422: { description: 'The body: url is not an http:// or https:// URL, or an unknown field' },
        502: { description: `The download failed (no answer, a timeout, an error status after the retries, over ${MAX_LIST_BYTES} bytes) or is not a valid list: the problems, recorded for /healthz; the list in use is unchanged` },
      },
      async handler({ services, rc, body }) {
        const b = listUpdateBody.safeParse(body);
        if (!b.success) return invalid(toProblems(b.error));
        const { store, now, listUrl, listDownload } = services.deps;
        const r = await updateList({ store, screening: services.screening, now, ...(listDownload ? { download: listDownload } : {}) }, rc, b.data?.url ?? listUrl ?? UN_LIST_URL);
        return r.ok ? ok(listUpdateView(r.value)) : r;
      },
    },
    {
      method: 'post', path: '/api/v1/screening/rescreen', operationId: 'rescreenOpenCases', summary: 'Re-screen open cases against the list in use', tag: 'screening',
      access: ['examiner', 'admin'],
      responses: { 200: { description: 'How many open cases were screened, changed and held, and the cases whose hits or hold changed', contentType: 'application/json' } },
      handler: async ({ services, rc }) => ok(await services.cases.rescreenOpenCases(rc)),
    },
    {
      // Staff only: an applicant could otherwise try spellings of a listed party until one scores below the threshold.
      method: 'post', path: '/api/v1/screen', operationId: 'screenName', summary: 'Screen a name against the sanctions list in use', tag: 'screening',
      access: ['examiner', 'nsc', 'auditor', 'admin'], body: screenQuerySchema,
      responses: {
        200: { description: 'Results at or above the cutoff (0.50), best first, each with its list entry, score and explanation; match is score >= threshold', schema: z.object({ query: z.unknown(), list: listOut, threshold: z.number(), results: z.array(screenResultOut) }) },
        409: { description: 'no_list: no sanctions list is loaded; an admin imports one first' },
      },
      handler({ services, body }) {
        const p = screenQuerySchema.safeParse(body);
        if (!p.success) return invalid(toProblems(p.error));
        const provider = services.screening.current;
        if (!provider?.index) return fail('conflict', 'no_list', '(root)', 'no sanctions list is loaded: an admin imports one (PUT /api/v1/screening/list or gensoku lists import)');
        const { threshold, limit, ...query } = p.data;
        const r = screen(provider.index, query, { ...(threshold !== undefined ? { threshold } : {}), ...(limit !== undefined ? { limit } : {}) });
        if (!r.ok) return invalid(r.problems);
        return ok({ query, list: listView(provider), threshold: threshold ?? DEFAULTS.threshold, results: r.value.map((m) => resultView(m, provider.source)) });
      },
    },
  ],
};
