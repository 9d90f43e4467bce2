import { describe, expect, it } from 'vitest';
import { bundledEngine } from './load.ts';
import { loadAuthorities } from './authorities.ts';

describe('authorities', () => {
  it('names every issuer of the bundled sources in Japanese', () => {
    const a = loadAuthorities();
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const known = new Set(a.value.map((t) => t.en));
    const issuers = [...bundledEngine().sources.values()].map((s) => s.issuer).filter((i): i is string => Boolean(i));
    expect([...new Set(issuers.filter((i) => !known.has(i)))]).toEqual([]);
    expect(a.value.every((t) => /[\u3040-\u30ff\u4e00-\u9fff]|^[\w.-]+$/.test(t.ja))).toBe(true);
  });
});
