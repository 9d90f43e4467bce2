import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { memoryIo } from '../test-io.ts';

const io = (isTTY = false) => memoryIo({ isTTY });

describe('gensoku matrix', () => {
  it('prints every country x item class as JSON, nothing extra on a pipe', async () => {
    const t = io();
    const started = performance.now();
    expect(await main(['matrix', '--as-of', '2022-03-08', '--purpose', 'aid-against-aggression', '--transferor', 'defense-minister', '--format', 'json'], t.io)).toBe(0);
    const cells = JSON.parse(t.out());
    expect(cells.length).toBeGreaterThan(249 * 15);
    expect(cells.find((c: { recipient: string; item: string }) => c.recipient === 'UA' && c.item === 'body-armour')).toEqual({ recipient: 'UA', item: 'body-armour', outcome: 'permissible', reasons: ['C-2022-ukraine-non-lethal'] });
    expect(t.err()).toBe('');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('shows a progress bar on a terminal, a compact table, and CSV for chosen items', async () => {
    const t = io(true);
    await main(['matrix', '--as-of', '2026-05-01'], t.io);
    expect(t.err()).toContain('\rmatrix [');
    expect(t.out()).toMatch(/^ {2}AU .*P/m);
    expect(t.out()).toContain('P permissible');
    const c = io();
    await main(['matrix', '--as-of', '2026-05-01', '--item', 'anti-tank-missile,body-armour', '--format', 'csv'], c.io);
    const lines = c.out().trim().split('\n');
    expect(lines[0]).toBe('recipient,item,outcome,reasons');
    expect(lines).toContain('AU,anti-tank-missile,permissible,D-weapons-agreement-countries');
    expect(lines.length).toBe(1 + 249 * 2);
  });

  it('refuses bad input with every problem, and an unknown item', async () => {
    const t = io();
    expect(await main(['matrix', '--as-of', '2023-02-30', '--purpose', 'fun', '--regime', 'nope'], t.io)).toBe(1);
    expect(t.err()).toMatch(/--as-of/);
    expect(t.err()).toMatch(/--purpose/);
    expect(t.err()).toMatch(/--regime: no regime/);
    const u = io();
    expect(await main(['matrix', '--item', 'death-star'], u.io)).toBe(1);
    expect(u.err()).toContain('no item class "death-star"');
  });
});
