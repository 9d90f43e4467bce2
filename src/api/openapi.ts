// The OpenAPI 3.1 document, generated from the route list and the same zod schemas that validate requests.
import { z } from 'zod';
import type { Role } from '../cases/model.ts';
import { ROLES } from '../cases/model.ts';
import { admits, isOptionalBody, type RouteDef } from './route.ts';

const problemSchema = z.object({
  type: z.string(), title: z.string(), status: z.int(), detail: z.string(),
  problems: z.array(z.object({ code: z.string(), path: z.string(), message: z.string() })),
  requestId: z.string().optional(),
  current: z.unknown().optional().describe('on 409: the resource as it is now'),
});

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const s = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete s.$schema;
  return s;
}

/** Each media type a raw body may have: its documented shape, else text with what it holds. */
const rawContent = (content: NonNullable<RouteDef['rawBody']>['content']): Record<string, Json> =>
  Object.fromEntries(Object.entries(content).map(([type, c]) => [type, {
    schema: c.schema ? { ...jsonSchema(c.schema, 'input'), description: c.description } : { type: 'string', description: c.description },
  }]));

const toOpenApiPath = (p: string) => p.replace(/:(\w+)/g, '{$1}');

export function rolesOf(route: RouteDef): (Role | 'anonymous')[] {
  if (route.access === 'public') return ['anonymous', ...ROLES];
  return ROLES.filter((r) => admits(route.access, r));
}

export function openApiDocument(routes: RouteDef[], info: { version: string }): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = toOpenApiPath(r.path);
    const parameters: Json[] = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (r.query) {
      const q = jsonSchema(r.query, 'input');
      const required = new Set((q.required as string[] | undefined) ?? []);
      for (const [name, schema] of Object.entries((q.properties as Record<string, Json>) ?? {})) {
        parameters.push({ name, in: 'query', required: required.has(name), schema, ...(schema.description ? { description: schema.description } : {}) });
      }
    }
    const responses: Record<string, Json> = {};
    for (const [status, doc] of Object.entries(r.responses ?? { 200: { description: 'OK' } })) {
      const content: Record<string, Json> = {};
      if (doc.schema || doc.contentType) content[doc.contentType ?? 'application/json'] = { schema: doc.schema ? jsonSchema(doc.schema, 'output') : {} };
      // A documented refusal is a problem like any other.
      else if (Number(status) >= 400) content['application/problem+json'] = { schema: { $ref: '#/components/schemas/Problem' } };
      for (const alt of doc.alternatives ?? []) content[alt.contentType] = { schema: { type: 'string', description: alt.description } };
      responses[status] = { description: doc.description, ...(Object.keys(content).length ? { content } : {}) };
    }
    responses.default = { description: 'A problem: every field problem listed', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    const roles = rolesOf(r);
    paths[path] ??= {};
    paths[path][r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      description: r.access === 'public' ? 'Open to anyone.' : `Roles: ${roles.join(', ')}.`,
      'x-roles': roles,
      security: r.access === 'public' ? [] : [{ bearer: [] }, { session: [] }],
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: !isOptionalBody(r), content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      ...(r.rawBody ? { requestBody: { required: true, description: r.rawBody.description, content: rawContent(r.rawBody.content) } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'gensoku API',
      version: info.version,
      description: "Decisions under Japan's rules on transferring defense equipment abroad, and the case system for transfer applications.",
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A token from POST /api/v1/auth/tokens' },
        session: { type: 'apiKey', in: 'cookie', name: 'gensoku_session', description: 'From POST /api/v1/auth/login; unsafe methods also need the x-csrf-token header' },
      },
    },
  };
}
