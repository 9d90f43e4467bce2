// Hostile stdin for every CLI command that reads a request from it: malformed, oversized, deeply nested and
// wrongly typed input is refused with exit 1 and a message on stderr; nothing throws and nothing exits 70.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from '../support/cli-io.ts';

async function run(argv: string[], stdin: string) {
  const m = memoryIo({ stdin });
  const code = await main(argv, m.io);
  return { code, out: m.out(), err: m.err() };
}

const COMMANDS = [['evaluate', '-'], ['evaluate', '-', '--format', 'text', '--lang', 'ja'], ['timeline', '-', '--format', 'json'], ['whatif', '-', '--format', 'json']];
const nested = (depth: number, open: string, close: string, inner = '') => open.repeat(depth) + inner + close.repeat(depth);

const HOSTILE: Record<string, string> = {
  empty: '',
  whitespace: ' \n\t ',
  truncated: '{"recipient": "AU", "item": {',
  'not JSON': 'recipient=AU',
  null: 'null',
  number: '42',
  array: '[]',
  'BOM then JSON': '\uFEFF{"recipient":"AU","item":{}}',
  'NUL bytes': '{"recipient":"A\u0000U","item":{}}',
  'invalid date': '{"asOf":"2024-02-30","recipient":"AU","item":{}}',
  'date before 1967': '{"asOf":"1900-01-01","recipient":"AU","item":{}}',
  'unknown country': '{"recipient":"ZZ","item":{}}',
  'wrong types': '{"asOf":20240101,"recipient":["AU"],"item":{"weapon":"yes","form":1,"partners":"GB"},"purpose":{}}',
  'unknown fields': '{"recipient":"AU","item":{"colour":"red"},"extra":true}',
  'case file with bad request': '{"request": 5, "regime": {"x": 1}}',
  'prototype pollution': '{"__proto__":{"polluted":true},"recipient":"AU","item":{"__proto__":{"weapon":true}}}',
  'huge (5 MB)': JSON.stringify({ recipient: 'AU', item: { name: 'x'.repeat(5_000_000) } }),
  'wide (100k partners)': JSON.stringify({ recipient: 'AU', item: { partners: Array(100_000).fill('GB'), origin: 'joint-development' } }),
  'nested 100,000 deep': `{"recipient":"AU","item":{"name":${nested(100_000, '[', ']')}}}`,
  'nested objects 50,000 deep': nested(50_000, '{"request":', '}', '1'),
};

describe('CLI stdin', () => {
  it('refuses a case file naming an unknown regime (evaluate; timeline and whatif ignore a case file\'s regime by design)', async () => {
    const r = await run(['evaluate', '-'], '{"request": {"recipient":"AU","item":{}}, "regime": "1066-10-14"}');
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown_regime');
  });

  it.each(Object.entries(HOSTILE))('refuses %s with exit 1', async (_name, stdin) => {
    for (const argv of COMMANDS) {
      const r = await run(argv, stdin);
      expect(r.code, `${argv.join(' ')}: ${r.err.slice(0, 300)}`).toBe(1);
      expect(r.err.length, argv.join(' ')).toBeGreaterThan(0);
      expect(r.err).not.toMatch(/internal error/);
      expect(r.out).toBe('');
    }
  });

  it('never throws or exits 70 on any JSON value (property)', async () => {
    const keys = fc.constantFrom('asOf', 'recipient', 'item', 'purpose', 'endUser', 'request', 'regime', 'weapon', 'form', 'function', 'origin', 'partners', 'licensor', 'program', 'type', 'name');
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof({ depthSize: 'small' },
        fc.constantFrom(null, true, false, 0, 'AU', 'KP', 'US', '2022-03-08', 'complete', 'joint-development', 'government', ''),
        fc.string({ maxLength: 12 }), fc.double(),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(keys, tie('v'), { maxKeys: 5 })),
    })).v;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...COMMANDS), value, async (argv, v) => {
      const r = await run(argv, JSON.stringify(v) ?? '');
      expect([0, 1, 2, 4], `${argv.join(' ')} ${JSON.stringify(v)}: ${r.err.slice(0, 200)}`).toContain(r.code);
      if (r.code === 1) expect(r.err.length).toBeGreaterThan(0);
    }), { numRuns: 250, seed: 3 });
  });

  it('random bytes on stdin are refused', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
      const r = await run(['evaluate', '-'], Buffer.from(bytes).toString('utf8'));
      expect([0, 1, 2, 4]).toContain(r.code);
    }), { numRuns: 200, seed: 5 });
  });
});
