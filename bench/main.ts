// `npm run bench`: engine side by side with its differential check, matrix and diff, HTTP load and case writes.
// Prints one table, writes bench/results.json, and exits 1 if the engines disagree on any request.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPolicy } from '../src/policy-files/load.ts';
import { differential, mutationCheck, REGIME, sample, timeEngines, type EngineReport } from './engine.ts';
import { applicantToken, loadCreateCases, loadEvaluate, pgliteDb, postgresDb, startReference, startServe, type Db, type LoadResult } from './http.ts';
import { benchLimits, type LimitsReport } from './limits.ts';
import { benchMatrix, type MatrixReport } from './matrix.ts';
import { benchFullDiff, type DiffReport } from './diff.ts';
import { repoRoot } from './repo.ts';
import { fmt, table } from './stats.ts';
import { loadItems } from '../src/policy-files/items.ts';
import { workload } from './workload.ts';

const SECTIONS = ['engine', 'matrix', 'diff', 'limits', 'http', 'cases'] as const;
type Section = (typeof SECTIONS)[number];

interface Target { name: string; target: string; value: string; met: boolean }

interface Results {
  date: string;
  machine: { cpu: string; cores: number; os: string; arch: string; memoryGiB: number };
  /** 1-minute load average before and after: other work on the machine skews every figure, HTTP most. */
  load: { before: number; after?: number };
  node: string;
  commit: string;
  dirty: boolean;
  bundled: boolean;
  engine?: EngineReport & { ratios: Record<string, number>; mutationCaught: number };
  matrix?: MatrixReport;
  diff?: DiffReport;
  limits?: LimitsReport;
  http?: { evaluate: LoadResult; evaluateUntraced: LoadResult; reference?: { evaluate: LoadResult; evaluateUntraced: LoadResult }; connections: number; seconds: number; bodies: number };
  cases?: { pglite?: LoadResult; postgres?: LoadResult | { skipped: string }; connections: number; seconds: number };
  targets: Target[];
}

const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { cwd: repoRoot(), encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

export async function main(argv: string[]): Promise<number> {
  // Sections may also be named bare: `npm run bench -- diff`.
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seconds: { type: 'string' },
      bundled: { type: 'boolean', default: false },
      out: { type: 'string' },
      'write-docs': { type: 'boolean', default: false },
    },
  });
  const named = [...(values.only?.split(',') ?? []), ...positionals];
  const only = new Set<Section>((named.length ? named : SECTIONS) as Section[]);
  for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s}; choose from ${SECTIONS.join(', ')}`);
  const quick = values.quick!;
  const seconds = Number(values.seconds ?? (quick ? 3 : 10));
  const root = repoRoot();
  const log = (s: string) => process.stderr.write(`${s}\n`);

  const loaded = loadPolicy(join(root, 'policy'));
  if (!loaded.ok) throw new Error(`policy is invalid: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const engine = loaded.value;
  const catalogue = loadItems(join(root, 'policy'));
  if (!catalogue.ok) throw new Error(`item catalogue is invalid: ${catalogue.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const items = catalogue.value;

  const results: Results = {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, os: `${platform()} ${release()}`, arch: arch(), memoryGiB: Math.round(totalmem() / 2 ** 30) },
    load: { before: loadavg()[0] },
    node: process.version,
    commit: git('rev-parse', 'HEAD'),
    dirty: git('status', '--porcelain').length > 0,
    bundled: values.bundled!,
    targets: [],
  };
  const rows: string[][] = [];
  let failed = false;

  if (only.has('engine')) {
    const requests = workload(items);
    log(`engine: differential check on ${requests.length} requests (ours untraced and traced, json-rules-engine, cedar-wasm)...`);
    const diff = await differential(engine, requests);
    if (diff.disagreements.length) {
      failed = true;
      log(`DIFFERENTIAL CHECK FAILED: ${diff.disagreements.length} disagreements`);
      for (const d of diff.disagreements.slice(0, 20)) log(JSON.stringify(d));
    } else {
      log(`engine: all three agree on all ${requests.length} requests ${JSON.stringify(diff.outcomes)}`);
    }
    const caught = mutationCheck(engine, requests);
    log(`engine: a Cedar encoding with one condition dropped disagrees on ${caught} requests (the check is sensitive)`);
    if (caught === 0) {
      failed = true;
      log('MUTATION CHECK FAILED: a broken peer encoding passed the differential check; the workload is too weak');
    }
    const timed = sample(requests, quick ? 2000 : 5000);
    const batch = 50;
    log(`engine: timing ${timed.length} requests in batches of ${batch}...`);
    const perDecisionUs = await timeEngines(engine, timed, { batch, rounds: quick ? 4 : 12, peerRounds: quick ? 1 : 3 });
    const u = perDecisionUs;
    const ratios = {
      jreOverOurs: u.jsonRulesEngine.median / u.ours.median,
      cedarOverOurs: u.cedarWasm.median / u.ours.median,
      jreOverOursTraced: u.jsonRulesEngine.median / u.oursTraced.median,
      cedarOverOursTraced: u.cedarWasm.median / u.oursTraced.median,
    };
    results.engine = { regime: REGIME, requests: requests.length, ...diff, mutationCaught: caught, timedRequests: timed.length, batch, perDecisionUs, ratios };
    const us = (s: { median: number; p99: number }) => [`${fmt(s.median)} µs`, `${fmt(s.p99)} µs`];
    rows.push(['engine', 'gensoku, untraced', ...us(u.ours), '1x']);
    rows.push(['engine', 'gensoku, full trace', ...us(u.oursTraced), `${fmt(u.oursTraced.median / u.ours.median, 1)}x`]);
    rows.push(['engine', 'json-rules-engine', ...us(u.jsonRulesEngine), `${fmt(ratios.jreOverOurs, 1)}x`]);
    rows.push(['engine', 'cedar-wasm (statefulIsAuthorized)', ...us(u.cedarWasm), `${fmt(ratios.cedarOverOurs, 1)}x`]);
    results.targets.push(
      { name: 'differential check', target: 'no disagreement', value: `${diff.disagreements.length} of ${requests.length}`, met: diff.disagreements.length === 0 },
      { name: 'differential check catches a broken peer', target: '> 0 requests', value: String(caught), met: caught > 0 },
      { name: 'json-rules-engine / ours, untraced', target: '>= 10x', value: `${fmt(ratios.jreOverOurs, 1)}x`, met: ratios.jreOverOurs >= 10 },
      { name: 'cedar-wasm / ours, untraced', target: '>= 20x', value: `${fmt(ratios.cedarOverOurs, 1)}x`, met: ratios.cedarOverOurs >= 20 },
      { name: 'json-rules-engine / ours, traced', target: '> 1x', value: `${fmt(ratios.jreOverOursTraced, 1)}x`, met: ratios.jreOverOursTraced > 1 },
      { name: 'cedar-wasm / ours, traced', target: '> 1x', value: `${fmt(ratios.cedarOverOursTraced, 1)}x`, met: ratios.cedarOverOursTraced > 1 },
    );
  }

  if (only.has('matrix')) {
    log('matrix: full matrix on one date, diff across every regime boundary...');
    const m = benchMatrix(engine, items, '2024-06-01', quick ? 3 : 7);
    results.matrix = m;
    rows.push(['matrix', `full matrix ${m.date}: ${m.cells.toLocaleString('en-US')} cells (${m.matrixEvaluations} evaluations)`, `${fmt(m.matrixMs.median, 1)} ms`, `best ${fmt(m.matrixMs.best, 1)} ms`, '']);
    rows.push(['diff', `${m.boundaries} regime boundaries: ${m.diffCells.toLocaleString('en-US')} cells (${m.diffEvaluations.toLocaleString('en-US')} evaluations)`, `${fmt(m.diffMs.median, 0)} ms`, `best ${fmt(m.diffMs.best, 0)} ms`, '']);
    results.targets.push(
      { name: 'full matrix', target: '< 100 ms', value: `${fmt(m.matrixMs.median, 1)} ms`, met: m.matrixMs.median < 100 },
      { name: 'all-regimes diff', target: '< 2 s', value: `${fmt(m.diffMs.median, 0)} ms`, met: m.diffMs.median < 2000 },
    );
  }

  if (only.has('diff')) {
    log('diff: the full request space, one boundary and every regime boundary...');
    const d = benchFullDiff(engine, items, quick ? 1 : 3);
    results.diff = d;
    const one = d.boundaries.find((b) => b.to === d.one.to)!;
    const n = (x: number) => x.toLocaleString('en-US');
    for (const b of d.boundaries) {
      rows.push(['diff', `full space -> ${b.to}: ${n(b.space)} cells, ${n(b.changed)} changed, ${b.regions} regions in ${b.summary} summary lines (catalogue: ${n(b.catalogueCells)} cells, ${n(b.catalogueChanged)} changed)`, `${fmt(b.ms, 0)} ms`, `${n(b.evaluations)} evaluations`, '']);
    }
    rows.push(['diff', `full space, one boundary (-> ${d.one.to})`, `${fmt(d.one.ms.median, 0)} ms`, `best ${fmt(d.one.ms.best, 0)} ms`, '']);
    rows.push(['diff', `full space, all ${d.boundaries.length} boundaries: ${n(d.boundaries.reduce((s, b) => s + b.space, 0))} cells, ${d.boundaries.reduce((s, b) => s + b.regions, 0)} regions`, `${fmt(d.allMs.median, 0)} ms`, `best ${fmt(d.allMs.best, 0)} ms`, '']);
    results.targets.push(
      { name: `full-space diff, one boundary (-> ${d.one.to})`, target: '< 200 ms', value: `${fmt(d.one.ms.median, 0)} ms`, met: d.one.ms.median < 200 },
      { name: 'full-space diff, all boundaries', target: '< 2 s', value: `${fmt(d.allMs.median, 0)} ms`, met: d.allMs.median < 2000 },
      { name: 'full-space regions per boundary', target: 'tens', value: `max ${Math.max(...d.boundaries.map((b) => b.regions))} (-> ${one.to}: ${one.regions})`, met: d.boundaries.every((b) => b.regions < 100) },
      { name: 'full-space summary lines per boundary', target: 'tens', value: `max ${Math.max(...d.boundaries.map((b) => b.summary))} (-> ${one.to}: ${one.summary})`, met: d.boundaries.every((b) => b.summary < 100) },
    );
  }

  if (only.has('limits')) {
    log('limits: screening one listed name, refusing a deeply nested body...');
    const l = benchLimits();
    results.limits = l;
    rows.push(['screening', `one listed name, warm (${l.screenMs.names} names)`, `${fmt(l.screenMs.median, 2)} ms`, `p99 ${fmt(l.screenMs.p99, 2)} ms`, '']);
    rows.push(['api', 'body nested 3,000 deep: parse and refuse', `${fmt(l.deepBodyMs, 1)} ms`, '', '']);
    results.targets.push(
      { name: 'screen one name (median)', target: '< 5 ms', value: `${fmt(l.screenMs.median, 2)} ms`, met: l.screenMs.median < 5 },
      { name: 'refuse a body nested 3,000 deep', target: '< 250 ms', value: `${fmt(l.deepBodyMs, 1)} ms`, met: l.deepBodyMs < 250 },
    );
  }

  const admin = { username: 'bench-admin', password: randomBytes(18).toString('base64url') };
  const adminEnv = { GENSOKU_ADMIN_USER: admin.username, GENSOKU_ADMIN_PASSWORD: admin.password };
  const connections = 50;

  if (only.has('http')) {
    const db = pgliteDb();
    const server = await startServe({ ...db.env, ...adminEnv });
    try {
      const bodies = workload(items, ['2014-04-01', '2022-03-08', '2024-06-01', '2026-05-01']).filter((_, i) => i % 7 === 0);
      log(`http: POST /api/v1/evaluate on ${server.url}, ${connections} connections, ${seconds} s, ${bodies.length} distinct bodies...`);
      await loadEvaluate(server.url, bodies, { seconds: 2, connections }); // warm-up
      const evaluate = await loadEvaluate(server.url, bodies, { seconds, connections });
      log(`http: again with ?trace=false...`);
      const evaluateUntraced = await loadEvaluate(server.url, bodies, { seconds, connections, query: '?trace=false' });
      results.http = { evaluate, evaluateUntraced, connections, seconds, bodies: bodies.length };
      const h = (name: string, r: LoadResult) => rows.push(['http', name, `${fmt(r.rps, 0)} req/s`, `p50 ${fmt(r.p50, 1)} ms`, `p99 ${fmt(r.p99, 1)} ms`]);
      h(`POST /api/v1/evaluate (trace), ${connections} conn`, evaluate);
      h(`POST /api/v1/evaluate?trace=false, ${connections} conn`, evaluateUntraced);
      results.targets.push(
        { name: 'HTTP evaluate throughput', target: '>= 5,000 req/s', value: `${fmt(evaluate.rps, 0)} req/s`, met: evaluate.rps >= 5000 },
        { name: 'HTTP evaluate p99', target: '< 20 ms', value: `${fmt(evaluate.p99, 1)} ms`, met: evaluate.p99 < 20 },
        { name: 'HTTP evaluate non-2xx and errors', target: '0', value: `${evaluate.non2xx + evaluate.errors + evaluateUntraced.non2xx + evaluateUntraced.errors}`, met: evaluate.non2xx + evaluate.errors + evaluateUntraced.non2xx + evaluateUntraced.errors === 0 },
      );
    } finally {
      await server.stop();
      await db.cleanup();
    }
    // The same work on a bare node:http server, to show what the framework around the engine costs.
    const ref = values.bundled ? await startReference(root) : null;
    if (ref && results.http) {
      try {
        const bodies = workload(items, ['2014-04-01', '2022-03-08', '2024-06-01', '2026-05-01']).filter((_, i) => i % 7 === 0);
        log('http: reference node:http server (not the product), same bodies...');
        await loadEvaluate(ref.url, bodies, { seconds: 2, connections });
        const evaluate = await loadEvaluate(ref.url, bodies, { seconds, connections });
        const evaluateUntraced = await loadEvaluate(ref.url, bodies, { seconds, connections, query: '?trace=false' });
        results.http.reference = { evaluate, evaluateUntraced };
        const h = (name: string, r: LoadResult) => rows.push(['http', name, `${fmt(r.rps, 0)} req/s`, `p50 ${fmt(r.p50, 1)} ms`, `p99 ${fmt(r.p99, 1)} ms`]);
        h('reference: bare node:http, same steps (trace)', evaluate);
        h('reference: bare node:http, same steps (no trace)', evaluateUntraced);
      } finally {
        await ref.stop();
      }
    }
  }

  if (only.has('cases')) {
    const caseConns = 10;
    const caseSeconds = quick ? 3 : Math.min(seconds, 10);
    const out: NonNullable<Results['cases']> = { connections: caseConns, seconds: caseSeconds };
    const dbs: (() => Promise<Db>)[] = [async () => pgliteDb()];
    const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    dbs.push(() => postgresDb(pgUrl));
    for (const open of dbs) {
      let db: Db;
      try {
        db = await open();
      } catch (err) {
        log(`cases: PostgreSQL skipped (${(err as Error).message})`);
        out.postgres = { skipped: (err as Error).message };
        continue;
      }
      const server = await startServe({ ...db.env, ...adminEnv });
      try {
        const token = await applicantToken(server.url, admin);
        log(`cases: POST /api/v1/cases on ${db.name}, ${caseConns} connections, ${caseSeconds} s...`);
        const r = await loadCreateCases(server.url, token, { seconds: caseSeconds, connections: caseConns });
        out[db.name] = r;
        rows.push(['cases', `POST /api/v1/cases on ${db.name}, ${caseConns} conn`, `${fmt(r.rps, 0)} req/s`, `p50 ${fmt(r.p50, 1)} ms`, `p99 ${fmt(r.p99, 1)} ms`]);
        results.targets.push({ name: `case creation on ${db.name}: non-2xx and errors`, target: '0', value: String(r.non2xx + r.errors), met: r.non2xx + r.errors === 0 });
      } finally {
        await server.stop();
        await db.cleanup();
      }
    }
    results.cases = out;
  }

  results.load.after = loadavg()[0];
  const busy = Math.max(results.load.before, results.load.after) > results.machine.cores * 0.75;
  const report = [
    `gensoku benchmark — ${results.machine.cpu} x${results.machine.cores}, Node ${results.node}, commit ${results.commit.slice(0, 12)}${results.dirty ? ' (working tree dirty)' : ''}${results.bundled ? ', bundled with esbuild' : ', via tsx'}`,
    `load average ${fmt(results.load.before, 2)} before, ${fmt(results.load.after, 2)} after${busy ? ' — WARNING: the machine was busy with other work; absolute figures are pessimistic (engine ratios are interleaved and hold)' : ''}`,
    '',
    table(['section', 'what', 'median / rate', 'p99 / p50', 'ratio / p99'], rows),
    '',
    table(['target', 'wanted', 'measured', 'met'], results.targets.map((t) => [t.name, t.target, t.value, t.met ? 'yes' : 'NO'])),
  ].join('\n');
  process.stdout.write(`${report}\n`);
  // A partial run (--only, --quick) never replaces the full results kept in the repository.
  const full = only.size === SECTIONS.length && !quick;
  const out = values.out ?? join(root, 'bench', full ? 'results.json' : '.build/results-partial.json');
  mkdirSync(dirname(out), { recursive: true }); // --no-bundle runs without bench/.build
  writeFileSync(out, `${JSON.stringify({ ...results, table: report }, null, 2)}\n`);
  log(`results written to ${out}`);
  if (values['write-docs'] && !full) log('--write-docs ignored: only a full run (all sections, not --quick) updates docs/performance.md');
  if (values['write-docs'] && full) {
    const doc = join(root, 'docs', 'performance.md');
    const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
    const begin = '<!-- bench:begin -->';
    const end = '<!-- bench:end -->';
    const a = text.indexOf(begin);
    const b = text.indexOf(end);
    if (a < 0 || b < a) throw new Error(`${doc} has no ${begin} ... ${end} block`);
    const block = `${begin}\nMeasured ${results.date.slice(0, 16).replace('T', ' ')} UTC with \`npm run bench${argv.filter((x) => x !== '--bundled' && x !== '--write-docs').map((x) => ` ${x}`).join('')}\`:\n\n\`\`\`text\n${report}\n\`\`\`\n${end}`;
    writeFileSync(doc, text.slice(0, a) + block + text.slice(b + end.length));
    log(`table written to ${doc}`);
  }
  return failed ? 1 : 0;
}
