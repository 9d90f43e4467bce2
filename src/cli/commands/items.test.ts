import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { memoryIo } from '../../../test/support/cli-io.ts';

const io = () => memoryIo();

describe('gensoku items', () => {
  it('lists the catalogue as text, JSON and CSV', async () => {
    const t = io();
    expect(await main(['items'], t.io)).toBe(0);
    expect(t.out()).toMatch(/^pac3-interceptor +ML4 +PAC-3 interceptor made under US licence/m);
    const j = io();
    await main(['items', '--format', 'json'], j.io);
    const list = JSON.parse(j.out());
    expect(list.length).toBeGreaterThanOrEqual(15);
    expect(list.find((c: { id: string }) => c.id === 'gcap-fighter').item.partners).toEqual(['GB', 'IT']);
    const c = io();
    await main(['items', '--format', 'csv', '--lang', 'ja'], c.io);
    expect(c.out().split('\n')[0]).toBe('id,name,controlList,attributes,summary,source');
    expect(c.out()).toContain('防弾チョッキ・鉄帽');
  });
});
