// OpenAPI conformance for tests: every response is held to the document the API serves — its status is documented
// (or is an error answered with the Problem schema), its content type is documented, its body validates against the
// documented schema (JSON Schema 2020-12, with ajv).
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

type Json = Record<string, unknown>;

export interface ResponseSeen {
  method: string;
  path: string; // without the query string
  status: number;
  contentType: string;
  body: string;
}

export function conformance(doc: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'gensoku-openapi', components: doc.components }, 'gensoku-openapi');
  const compiled = new Map<object, ValidateFunction>();
  const validator = (schema: object) => {
    let v = compiled.get(schema);
    if (!v) {
      // Component references resolve inside the document registered above.
      const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"gensoku-openapi#/components/'));
      v = ajv.compile(rebased);
      compiled.set(schema, v);
    }
    return v;
  };
  const paths = Object.entries(doc.paths as Record<string, Record<string, Json>>)
    .map(([p, ops]) => ({ ops, params: (p.match(/\{/g) ?? []).length, re: new RegExp(`^${p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}|\{\w+\}/g, '[^/]+')}$`) }))
    .sort((a, b) => a.params - b.params);

  /** What is wrong with one response; empty when it conforms, or when the path is not an API operation. */
  return function check(r: ResponseSeen): string[] {
    const where = `${r.method} ${r.path} → ${r.status}`;
    const route = paths.find((p) => p.re.test(r.path) && p.ops[r.method.toLowerCase()]);
    const type = r.contentType.split(';')[0].trim().toLowerCase();
    if (!route) {
      // Not an operation of the document (an unknown route, the web app): an error must still be a problem.
      return r.status >= 400 && r.path.startsWith('/api') && type !== 'application/problem+json' ? [`${where}: an error that is not problem+json`] : [];
    }
    const op = route.ops[r.method.toLowerCase()] as { responses: Record<string, { content?: Record<string, { schema?: object }> }> };
    const documented = op.responses[String(r.status)];
    const response = documented ?? (r.status >= 400 ? op.responses.default : undefined);
    if (!response) return [`${where}: status not documented (documented: ${Object.keys(op.responses).join(', ')})`];
    const content = response.content ?? {};
    if (Object.keys(content).length === 0) return r.body.length ? [`${where}: a body where the document says none`] : [];
    const media = content[type];
    if (!media) return [`${where}: content type ${type || '(none)'} not documented (documented: ${Object.keys(content).join(', ')})`];
    if (!/json/.test(type) || !media.schema) return [];
    let body: unknown;
    try {
      body = JSON.parse(r.body);
    } catch {
      return [`${where}: not JSON`];
    }
    const v = validator(media.schema);
    return v(body) ? [] : (v.errors ?? []).slice(0, 5).map((e) => `${where}: ${e.instancePath || '(root)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}`);
  };
}
