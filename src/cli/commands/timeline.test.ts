import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { memoryIo } from '../../../test/support/cli-io.ts';

const CASES = 'data/cases';

const io = (stdin = '') => memoryIo({ stdin });

describe('gensoku timeline', () => {
  it('the public vests case shows the 2022-03-08 change', async () => {
    const t = io();
    expect(await main(['timeline', `${CASES}/ukraine-vests-2022.json`], t.io)).toBe(0);
    expect(t.out()).toMatch(/2014-04-01\.\.2022-03-07 +NOT PERMITTED/);
    expect(t.out()).toMatch(/2022-03-08\.\.2023-12-21 +PERMISSIBLE +2022-03-08 +C-2022-ukraine-non-lethal +<- 2022-03-08/);
    const j = io();
    await main(['timeline', `${CASES}/ukraine-vests-2022.json`, '--format', 'json'], j.io);
    const segs = JSON.parse(j.out());
    expect(segs.find((s: { from: string }) => s.from === '2022-03-08')).toMatchObject({ to: '2023-12-21', outcome: 'permissible', reasons: ['C-2022-ukraine-non-lethal'] });
  });

  it('reads stdin, takes a catalogue item, and holds a draft fixed with --regime', async () => {
    const req = JSON.parse(readFileSync(`${CASES}/ukraine-lethal-2022.json`, 'utf8')).request;
    const a = io(JSON.stringify(req));
    await main(['timeline', '-', '--format', 'csv'], a.io);
    expect(a.out().split('\n')[0]).toBe('from,to,regime,revision,outcome,reasons');
    const b = io();
    await main(['timeline', '--to', 'UA', '--item', 'anti-tank-missile', '--purpose', 'aid-against-aggression', '--regime', '2023-03-invasion-victims-proposal', '--format', 'json'], b.io);
    expect(JSON.parse(b.out()).find((s: { outcome: string }) => s.outcome === 'permissible')).toMatchObject({ from: '2022-02-24', reasons: ['DRAFT-2023-invasion-victims'] });
  });

  it('refuses a bad request with every problem', async () => {
    const t = io(JSON.stringify({ recipient: 'ZZ', item: { weapon: 'yes' } }));
    expect(await main(['timeline'], t.io)).toBe(1);
    expect(t.err()).toContain('recipient');
    expect(t.err()).toContain('item.weapon');
  });
});
