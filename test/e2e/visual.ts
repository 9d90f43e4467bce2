// Screenshots that guard the look: each is compared with a stored reference (test/e2e/references/NAME.png) by
// pixelmatch, so a layout regression fails the run. The page is made repeatable first: a fixed viewport at scale 1,
// animations and transitions off, no caret, the browser's clock fixed, and volatile text (the date an answer was
// computed for) masked. Refresh the references after an intended change with
//   GENSOKU_UPDATE_REFERENCES=1 npx vitest run test/e2e/web.test.ts
// and look at every changed PNG before committing it (docs/web.md).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { ROOT, SCREENSHOTS } from './server.ts';

export const REFERENCES = join(ROOT, 'test/e2e/references');
const UPDATE = process.env.GENSOKU_UPDATE_REFERENCES === '1';
/** The browser's "today" in every guarded view: the app's default date and the map's last year come from it. */
export const FIXED_NOW = new Date('2026-06-01T03:00:00Z');

/** Per-pixel colour tolerance (pixelmatch's threshold) and the share of pixels that may differ: anti-aliasing and
 * font hinting move a few pixels between machines; a moved block, a wrapped line or a missing section moves many. */
const THRESHOLD = 0.2;
const MAX_DIFF_RATIO = 0.015;

const STILL = `*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; scroll-behavior: auto !important; }`;

/** Makes a page repeatable for screenshots; call before the first navigation. */
export async function steady(page: Page): Promise<void> {
  await page.clock.setFixedTime(FIXED_NOW);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.addInitScript((css) => {
    const add = () => {
      const s = document.createElement('style');
      s.textContent = css;
      document.head.append(s);
    };
    if (document.head) add();
    else document.addEventListener('DOMContentLoaded', add);
  }, STILL);
}

export interface Comparison {
  name: string;
  file: string;
  reference: string;
  diffRatio: number;
  updated: boolean;
}

/** Compares a screenshot with its reference; writes NAME.diff.png beside the screenshot when they differ. */
export function compareWithReference(name: string, png: Buffer): Comparison {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  writeFileSync(file, png);
  const reference = join(REFERENCES, `${name}.png`);
  if (UPDATE || !existsSync(reference)) {
    if (!UPDATE) throw new Error(`no reference screenshot ${reference}: run with GENSOKU_UPDATE_REFERENCES=1 to create it, then look at it`);
    mkdirSync(REFERENCES, { recursive: true });
    writeFileSync(reference, png);
    return { name, file, reference, diffRatio: 0, updated: true };
  }
  const a = PNG.sync.read(readFileSync(reference));
  const b = PNG.sync.read(png);
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`${name}: the page is ${b.width}x${b.height} px, the reference ${a.width}x${a.height} px (layout changed); see ${file}`);
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: THRESHOLD });
  const diffRatio = differing / (a.width * a.height);
  if (diffRatio > MAX_DIFF_RATIO) {
    const diffFile = join(SCREENSHOTS, `${name}.diff.png`);
    writeFileSync(diffFile, PNG.sync.write(diff));
    throw new Error(`${name}: ${(diffRatio * 100).toFixed(2)}% of pixels differ from the reference (at most ${MAX_DIFF_RATIO * 100}%); see ${file} and ${diffFile}`);
  }
  return { name, file, reference, diffRatio, updated: false };
}

/** The viewport as it stands, compared with its reference. */
export async function guard(page: Page, name: string, mask: Locator[] = []): Promise<Comparison> {
  await page.evaluate(() => document.fonts.ready);
  const png = await page.screenshot({ fullPage: false, animations: 'disabled', caret: 'hide', mask, maskColor: '#888888' });
  return compareWithReference(name, png);
}
