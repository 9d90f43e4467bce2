// Not the product: a bare node:http server doing the same work per evaluate request as `gensoku serve` (read the
// body, JSON.parse, validate with parseRequest, evaluate with or without the trace, JSON.stringify, one JSON log
// line), so the HTTP table can show how much of the cost is the engine's and how much the web framework's.
// Run by bench/main.ts as a child process: node bench/.build/reference-server.mjs PORT POLICY_DIR LOG_FILE.
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:http';
import { parseRequest } from '../src/core/request.ts';
import { loadPolicy } from '../src/policy-files/load.ts';

const [port, policyDir, logFile] = process.argv.slice(2);
const loaded = loadPolicy(policyDir);
if (!loaded.ok) throw new Error('policy is invalid');
const engine = loaded.value;
const log = createWriteStream(logFile, { flags: 'a' });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let status = 200;
    let body: string;
    try {
      const p = parseRequest(JSON.parse(Buffer.concat(chunks).toString('utf8')), { today: new Date().toISOString().slice(0, 10) });
      if (p.ok) body = JSON.stringify(engine.evaluate(p.value, { trace: !req.url!.includes('trace=false') }));
      else { status = 422; body = JSON.stringify({ problems: p.problems }); }
    } catch {
      status = 400;
      body = '{"problems":[{"code":"invalid_json","path":"(root)","message":"not JSON"}]}';
    }
    log.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'request', method: req.method, path: req.url, status })}\n`);
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
});
server.listen(Number(port), '127.0.0.1', () => {
  const a = server.address();
  process.stdout.write(`listening on http://127.0.0.1:${typeof a === 'object' && a ? a.port : port}\n`);
});
