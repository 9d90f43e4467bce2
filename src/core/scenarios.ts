import { z } from 'zod';
import { parseRequest, toProblems } from './request.ts';
import type { Engine } from './engine.ts';
import type { Problem } from './model.ts';

export const scenarioSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  source: z.string().optional(),
  note: z.string().optional(),
  request: z.unknown(),
  regime: z.string().optional(),
  expect: z.strictObject({
    outcome: z.enum(['prohibited', 'not_permitted', 'permissible', 'requires_judgment', 'out_of_scope']),
    reasons: z.array(z.string()).optional(),
    review: z.enum(['meti', 'nsc', 'cabinet']).nullable().optional(),
    open: z.array(z.string()).optional(),
  }),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export interface ScenarioReport {
  total: number;
  passed: number;
  problems: Problem[];
}

/** Runs golden scenarios: each checks the outcome and, where given, the deciding rules, review and open questions. */
export function runScenarios(engine: Engine, files: { file: string; data: unknown }[]): ScenarioReport {
  const problems: Problem[] = [];
  let total = 0;
  let passed = 0;
  const ids = new Set<string>();
  for (const { file, data } of files) {
    const list = Array.isArray(data) ? data : [data];
    list.forEach((raw, i) => {
      total++;
      const at = Array.isArray(data) ? `${file}[${i}]` : file;
      const s = scenarioSchema.safeParse(raw);
      if (!s.success) { problems.push(...toProblems(s.error).map((p) => ({ ...p, path: `${at}:${p.path}` }))); return; }
      const sc = s.data;
      if (ids.has(sc.id)) { problems.push({ code: 'duplicate_id', path: `${at}:id`, message: `scenario "${sc.id}" is defined twice` }); return; }
      ids.add(sc.id);
      const req = parseRequest(sc.request, { today: '2026-11-22' });
      if (!req.ok) { problems.push(...req.problems.map((p) => ({ ...p, path: `${at}:request.${p.path}` }))); return; }
      if (sc.regime && !engine.version(sc.regime)) { problems.push({ code: 'unknown_regime', path: `${at}:regime`, message: `no regime "${sc.regime}"` }); return; }
      const d = engine.evaluate(req.value, { regime: sc.regime, trace: false });
      const fails: string[] = [];
      if (d.outcome !== sc.expect.outcome) fails.push(`outcome ${d.outcome}, expected ${sc.expect.outcome}`);
      if (sc.expect.reasons && [...d.reasons].sort().join() !== [...sc.expect.reasons].sort().join()) fails.push(`reasons [${d.reasons.join(', ')}], expected [${sc.expect.reasons.join(', ')}]`);
      if (sc.expect.review !== undefined && d.review !== sc.expect.review) fails.push(`review ${d.review}, expected ${sc.expect.review}`);
      if (sc.expect.open && [...d.open.map((q) => q.id)].sort().join() !== [...sc.expect.open].sort().join()) fails.push(`open [${d.open.map((q) => q.id).join(', ')}], expected [${sc.expect.open.join(', ')}]`);
      if (fails.length) problems.push({ code: 'scenario_failed', path: `${at}:${sc.id}`, message: fails.join('; ') });
      else passed++;
    });
  }
  return { total, passed, problems };
}
