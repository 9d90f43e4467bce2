import { describe, expect, it } from 'vitest';
import { delayAfter } from './throttle.ts';

describe('delayAfter', () => {
  it('lets the free failures through, then doubles from 1 s up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => delayAfter(n, 3))).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(delayAfter(14, 3)).toBe(900);
    expect(delayAfter(1e6, 3)).toBe(900);
  });
});
