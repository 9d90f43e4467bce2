// The public's questions over HTTP, each with its answer computed by the engine on today's date. Public, like the law.
import { Engine } from '../../core/engine.ts';
import { answerQuestion, type QuestionAnswer } from '../../core/questions.ts';
import { notFound } from '../../cases/failure.ts';
import { ok, type Reply, type RouteContext, type RouteModule } from '../route.ts';
import { fullEngine } from './analysis.ts';

// The answers change only with the date (and the policy, fixed for a process): computed once per question, and only
// today's are kept.
const answered = new WeakMap<Engine, { day: string; byId: Map<string, QuestionAnswer> }>();

function answers(ctx: RouteContext, ids?: string[]): { asOf: string; answers: QuestionAnswer[] } | Reply {
  const eng = fullEngine(ctx);
  if (!(eng instanceof Engine)) return eng;
  const today = ctx.services.today();
  const all = ctx.services.deps.questions ?? [];
  const wanted = ids ? all.filter((q) => ids.includes(q.id)) : all;
  const held = answered.get(eng);
  const cache = held?.day === today ? held.byId : new Map<string, QuestionAnswer>();
  answered.set(eng, { day: today, byId: cache });
  const out = wanted.map((q) => {
    if (!cache.has(q.id)) cache.set(q.id, answerQuestion(eng, ctx.services.deps.items ?? [], q, today));
    return cache.get(q.id)!;
  });
  return { asOf: today, answers: out };
}

export const questions: RouteModule = {
  name: 'questions',
  routes: [
    {
      method: 'get', path: '/api/v1/questions', operationId: 'listQuestions', summary: "The public's questions, each answered by the engine today", tag: 'analysis', access: 'public',
      responses: { 200: { description: '{ asOf, policyDigest, questions: [{ id, kind, question {en, ja}, asOf, link, asks? | changes? | countries? }] }: answers computed, never stored', contentType: 'application/json' } },
      handler(ctx) {
        const r = answers(ctx);
        return 'answers' in r ? ok({ asOf: r.asOf, policyDigest: ctx.services.deps.engine.policyDigest, questions: r.answers }) : r;
      },
    },
    {
      method: 'get', path: '/api/v1/questions/:id', operationId: 'getQuestion', summary: 'One question with its answer today', tag: 'analysis', access: 'public',
      responses: { 200: { description: '{ id, kind, question, asOf, link, asks? | changes? | countries? }', contentType: 'application/json' } },
      handler(ctx) {
        const r = answers(ctx, [ctx.params.id]);
        if (!('answers' in r)) return r;
        return r.answers.length ? ok(r.answers[0]) : notFound(`question "${ctx.params.id}"`);
      },
    },
  ],
};
