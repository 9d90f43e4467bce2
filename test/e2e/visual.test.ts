// The comparison itself, without a browser (it writes its screenshots to screenshots/, git-ignored): equal images pass, a small speckle passes, a moved block fails.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it, vi } from 'vitest';

function image(w: number, h: number, paint: (x: number, y: number) => number): Buffer {
  const png = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = (y * w + x) * 4;
    const v = paint(x, y);
    png.data[i] = png.data[i + 1] = png.data[i + 2] = v;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

describe('screenshot comparison', () => {
  it('passes equal and nearly equal images, and fails a moved block or another size', async () => {
    vi.stubEnv('GENSOKU_UPDATE_REFERENCES', '1');
    vi.resetModules();
    const block = (left: number) => image(200, 100, (x, y) => (x >= left && x < left + 60 && y >= 20 && y < 80 ? 0 : 255));
    const update = await import('./visual.ts');
    const ref = join(update.REFERENCES, '__selftest.png');
    update.compareWithReference('__selftest', block(20));
    vi.stubEnv('GENSOKU_UPDATE_REFERENCES', '0');
    vi.resetModules();
    const { compareWithReference } = await import('./visual.ts');
    try {
      expect(compareWithReference('__selftest', block(20)).diffRatio).toBe(0);
      expect(compareWithReference('__selftest', image(200, 100, (x, y) => (x === 5 && y === 5 ? 0 : x >= 20 && x < 80 && y >= 20 && y < 80 ? 0 : 255))).diffRatio).toBeLessThan(0.001);
      expect(() => compareWithReference('__selftest', block(100))).toThrow(/pixels differ/);
      expect(() => compareWithReference('__selftest', image(200, 120, () => 255))).toThrow(/layout changed/);
    } finally {
      rmSync(ref, { force: true });
      vi.unstubAllEnvs();
    }
  });
});
