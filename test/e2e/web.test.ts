// End to end: the real server (`gensoku serve` on a fresh embedded database) and the built web UI, driven in real
// Chromium. Screenshots of the main views go to screenshots/ (git-ignored) for a person to look at; a handful of them
// (both languages, phone width) are compared with stored references so a layout regression fails (visual.ts).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { CHROMIUM, ROOT, SCREENSHOTS, startServer, type Server } from './server.ts';
import { guard, steady } from './visual.ts';

const hasBrowser = existsSync(CHROMIUM);
const vests = JSON.parse(readFileSync(join(ROOT, 'data/cases/ukraine-vests-2022.json'), 'utf8')) as {
  request: { asOf: string; recipient: string; purpose: string; transferor: string; item: { name: string; weapon: boolean; form: string; function: string; origin: string; etcoItem: string } };
};

/** The server answers in milliseconds; the margin is for a loaded machine. */
const POLL = { timeout: 15_000, interval: 100 };

const APPLICANT = { username: 'alice', password: 'alice-password-1', role: 'applicant' as const, org: 'Acme Heavy Industries' };
const EXAMINER = { username: 'bob', password: 'bob-password-123', role: 'examiner' as const };
const AUDITOR = { username: 'carol', password: 'carol-password-1', role: 'auditor' as const };
/** A consignee whose name is close to a listed entity (UN ref IQe.197), so its screening hit shows beside the end user's. */
const CONSIGNEE = { name: 'Al Wasel and Babel General Trading', address: 'Jebel Ali Free Zone, Dubai' };

/** The item's first question (scope), and whether it is a weapon: each a group of Yes / No / not stated. */
const scopeGroup = (p: Page) => p.getByRole('group', { name: /defense equipment/ });
const weaponGroup = (p: Page) => p.getByRole('group', { name: /^Weapon/ });

if (!hasBrowser) console.warn(`web e2e skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

describe.skipIf(!hasBrowser)('web UI in Chromium against the real server', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const { chromium } = await import('playwright-core');
    [server, browser] = await Promise.all([
      startServer(),
      chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] }),
    ]);
    await server.addUser(APPLICANT);
    await server.addUser(EXAMINER);
    await server.addUser(AUDITOR);
    await server.importList(readFileSync(join(ROOT, 'data/un-sc-consolidated/consolidated-2026-05-08.xml'), 'utf8'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A page; `still` makes it repeatable for the guarded screenshots (fixed clock, no animation). */
  async function page(width = 1366, height = 900, still = false): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'Asia/Tokyo' });
    const p = await ctx.newPage();
    p.setDefaultTimeout(30_000);
    if (still) await steady(p);
    return p;
  }

  /** To the top, until it stays there: a smooth scroll to the verdict that starts late would otherwise leave the page part-scrolled under the sticky header. */
  const toTop = async (p: Page) => {
    for (let i = 0; i < 20; i++) {
      const top = await p.evaluate(() => new Promise<boolean>((done) => {
        window.scrollTo({ top: 0, behavior: 'instant' });
        setTimeout(() => done(window.scrollY === 0), 150);
      }));
      if (top) return;
    }
  };

  const shot = async (p: Page, name: string, fullPage = true) => {
    await toTop(p);
    await p.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
  };

  /** One part of the page, cut from the whole page so the sticky header does not cover it. */
  const shotOf = async (p: Page, selector: string, name: string) => {
    await toTop(p);
    const clip = await p.locator(selector).first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
    });
    await p.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, clip });
  };

  /** The view at the top of the page, or from `from` down (just under the sticky header), compared with its reference. */
  const guarded = async (p: Page, name: string, opts: { mask?: string[]; from?: string } = {}) => {
    await toTop(p);
    if (opts.from) {
      await p.locator(opts.from).first().evaluate((el) => {
        const header = document.querySelector('header.header')?.getBoundingClientRect().height ?? 0;
        window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - header - 8, behavior: 'instant' });
      });
    }
    // The list's age in the header counts days on the server's own clock, which the browser's fixed clock does not reach.
    await guard(p, name, [...(opts.mask ?? []), '.list-age'].map((m) => p.locator(m)));
  };

  it('evaluates the public Ukraine vests case: permissible, quoting the 2022 clause', async () => {
    const p = await page(1366, 900, true);
    await p.goto(server.url);
    const r = vests.request;
    const recipient = p.getByRole('combobox', { name: 'Recipient country' });
    await recipient.fill('Ukr');
    await p.getByRole('option', { name: /Ukraine/ }).first().click();
    await p.getByLabel('Decision date').fill(r.asOf);
    // Scope first: the sub-item of item 1 states that the item is defense equipment.
    await p.getByLabel('Sub-item of item 1 (optional)').selectOption(r.item.etcoItem);
    expect(await scopeGroup(p).getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    await weaponGroup(p).getByRole('radio', { name: r.item.weapon ? 'Yes' : 'No', exact: true }).check();
    await p.getByLabel('Form', { exact: true }).selectOption(r.item.form);
    await p.getByLabel('Function', { exact: true }).selectOption(r.item.function);
    await p.getByLabel('Origin', { exact: true }).selectOption(r.item.origin);
    await p.locator('#purpose').selectOption(r.purpose);
    await p.locator('#transferor').selectOption(r.transferor);
    await p.getByRole('button', { name: 'Evaluate', exact: true }).click();

    const verdict = p.locator('section.verdict');
    await expect.poll(() => verdict.getAttribute('data-outcome'), POLL).toBe('permissible');
    expect(await verdict.locator('h2').innerText()).toMatch(/permissible/i);
    // Focus moves to the verdict's heading; only the verdict is announced (one live region, holding its words).
    await expect.poll(() => p.evaluate(() => document.activeElement?.id), POLL).toBe('verdict-title');
    expect(await p.locator('[aria-live]:not(button)').evaluateAll((els) => els.map((e) => e.id))).toEqual(['verdict-announcement']);
    expect(await p.locator('#verdict-announcement').innerText()).toMatch(/^Permissible\. A permitted case applies/);
    // The deciding instrument, not the latest revision in force; no code on screen until asked for.
    expect(await verdict.locator('.instrument').first().innerText()).toMatch(/2022-03-08/);
    expect(await verdict.locator('.tech-list').isVisible()).toBe(false);
    const clause = p.locator('article.rule-card[data-rule="C-2022-ukraine-non-lethal"]');
    await clause.waitFor();
    expect(await clause.locator('blockquote').first().innerText()).toMatch(/Ukraine/);
    await clause.locator('.sources a').first().waitFor();
    // The request lives in the URL, so the answer can be shared.
    const url = new URL(p.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      to: 'UA', date: r.asOf, defenseEquipment: 'yes', etcoItem: r.item.etcoItem, weapon: 'no', purpose: r.purpose, transferor: r.transferor,
    });
    await p.locator('ol.strip li').first().waitFor();
    await p.locator('ol.clause-lines li').first().waitFor();
    await shot(p, 'evaluate-ukraine-vests');
    await guarded(p, 'guard-evaluate-en', { from: '.result-head' });
    expect(await axeViolations(p)).toEqual([]);

    // The same answer in Japanese.
    await p.getByRole('button', { name: /Switch to Japanese/ }).click();
    await expect.poll(() => verdict.locator('h2').innerText(), POLL).toBe('認め得る');
    expect(await p.locator('html').getAttribute('lang')).toBe('ja');
    await shot(p, 'evaluate-ukraine-vests-ja');
    await guarded(p, 'guard-evaluate-ja', { from: '.result-head' });

    // The 2022 missiles in English: what would change it and the trace read as sentences, with no code in them.
    await p.getByRole('button', { name: /英語に切り替える/ }).click();
    await p.goto(`${server.url}/?to=UA&date=2022-03-01&defenseEquipment=yes&weapon=yes&form=complete&function=other&origin=domestic&purpose=aid-against-aggression`);
    const whatifEn = p.locator('section[aria-labelledby="whatif"]');
    await whatifEn.locator('.whatif-changes .chip').first().waitFor();
    await whatifEn.locator('details.more summary').click();
    await p.locator('ol.clause-lines li').first().waitFor();
    await p.getByRole('button', { name: 'Expand all' }).click();
    const code = /\b[A-Z]\d?-[A-Za-z][A-Za-z0-9-]+|\b(?:item|endUser|facts)\.[a-zA-Z]+|\([a-z-]+\) for [A-Z]{2}|->|\b(?:aid-against-aggression|international-organization|security-partner|sdf-support|not_permitted)\b/;
    const visible = async (sel: string) => (await p.locator(sel).allInnerTexts()).join('\n');
    expect(await visible('section[aria-labelledby="whatif"]')).not.toMatch(code);
    expect(await visible('ol.clause-lines')).not.toMatch(code);
    expect(await visible('ul.tests')).not.toMatch(code);
    expect(await visible('ol.clause-lines')).toMatch(/Principle 1 \(3\): party to a conflict — does not apply\. Does “Party to a conflict[^”]*” apply to Ukraine\? No\./);
    // The codes are a click away.
    await p.getByRole('button', { name: 'Technical details' }).click();
    expect(await p.locator('section.verdict .tech-list').innerText()).toMatch(/C-default-no-permitted-case/);
    expect(await p.locator('section.verdict').innerText()).toMatch(/Review needed\s+Not applicable/i);
    await p.getByRole('button', { name: /Switch to Japanese/ }).click();

    // What would change the 2022 missiles, in Japanese: the words come from the server, not from the app.
    await p.goto(`${server.url}/?to=UA&date=2022-03-01&defenseEquipment=yes&weapon=yes&form=complete&function=other&origin=domestic&purpose=aid-against-aggression`);
    const whatif = p.locator('section[aria-labelledby="whatif"]');
    const chip = whatif.locator('.whatif-changes .chip').first();
    await chip.waitFor();
    expect(await chip.innerText()).toMatch(/^「案（2023年3月）：[^」]+」を採用する$/);
    await whatif.locator('details.more summary').click();
    const why = whatif.locator('details.more .whatif-result').first();
    expect(await why.innerText()).toMatch(/移転を認め得る場合のいずれにも該当しない/);
    expect(await whatif.innerText()).not.toMatch(/adopt the draft|instead of|no permitted case/);
    await shotOf(p, 'section[aria-labelledby="whatif"]', 'evaluate-whatif-ja');
    // The trace names facts in Japanese, and says what absence from an operator's list means.
    await p.getByRole('button', { name: 'すべて開く' }).click();
    expect(await p.locator('li.fact-leaf .fact-title').allInnerTexts()).toContain('我が国との間で安全保障面での協力関係がある国');
    expect(await p.locator('li.fact-leaf .absent-operator').first().innerText()).toMatch(/運用者の一覧[^]*一覧に記載なし（\d{4}-\d{2}-\d{2} 確認）/);
    expect(await axeViolations(p)).toEqual([]);

    // Scope unstated: an open question saying what each answer would give, and the laws that may govern instead, in Japanese.
    await p.goto(`${server.url}/?to=UA&date=${r.asOf}&weapon=no&form=${r.item.form}&function=${r.item.function}&origin=${r.item.origin}&purpose=${r.purpose}&transferor=${r.transferor}`);
    await expect.poll(() => verdict.getAttribute('data-outcome'), POLL).toBe('requires_judgment');
    const options = p.locator('section[aria-labelledby="open"] ul.options-list');
    expect(await options.locator('li[data-value="true"]').innerText()).toMatch(/^はい：?\s*認め得る/);
    expect(await options.locator('li[data-value="false"]').innerText()).toMatch(/^いいえ：?\s*対象外/);
    const instead = p.locator('section[aria-labelledby="instead"]');
    expect(await instead.locator('h2').innerText()).toBe('代わりに適用され得る法令');
    expect(await instead.innerText()).toMatch(/外為法のリスト規制/);
    await instead.locator('.sources a').first().waitFor();
    await shotOf(p, 'section[aria-labelledby="open"]', 'evaluate-open-options-ja');
    await shotOf(p, 'section[aria-labelledby="instead"]', 'evaluate-instead-ja');
    expect(await axeViolations(p)).toEqual([]);
    await p.context().close();
  });

  it('maps a weapon in 2026: transfer-agreement countries permissible, others not', async () => {
    const p = await page();
    await p.goto(`${server.url}/map?date=2026-06-01&defenseEquipment=yes&weapon=yes&munitionType=other&form=complete&origin=domestic`);
    const fill = (code: string) => p.locator(`svg.world path[data-code="${code}"]`).getAttribute('fill');
    await expect.poll(() => fill('AU'), { timeout: 30_000 }).toBe('#2e8b57');
    // The United States at war with Iran: whether forces fighting abroad count as fighting under way is open.
    expect(await fill('US')).toBe('#e0a800');
    // The UK's agreement was signed in 2013 but its entry into force is not recorded: open, never guessed permissible.
    expect(await fill('GB')).toBe('#e0a800');
    expect(await fill('BR')).not.toBe('#2e8b57');
    expect((await p.locator('ul.legend li[data-outcome="permissible"]').textContent())?.replace(/\s+/g, ' ')).toMatch(/Permissible \(\d+\)/);
    await p.locator('svg.world path[data-code="AU"]').click();
    const panel = p.locator('section.country-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-outcome')).toBe('permissible');
    await p.waitForTimeout(400); // the fill transition
    await shot(p, 'map-weapon-2026', false);
    expect(await axeViolations(p)).toEqual([]);

    // Compare mode, for a class of the catalogue (the analysis matrix): only what the 2026-04-21 revision changed.
    await p.goto(`${server.url}/map?item=anti-tank-missile&date=2026-04-21&compare=yes&fromDate=2026-04-20`);
    const changed = p.locator('ul.change-list li[data-code="AU"]');
    await changed.waitFor({ timeout: 30_000 });
    expect(await p.locator('ul.change-list li[data-code="BR"]').count()).toBe(0);
    await p.waitForTimeout(400);
    await shot(p, 'map-compare-2026-04-21', false);
    expect(await axeViolations(p)).toEqual([]);
    await p.context().close();
  });

  it('shows the law as a timeline with rules quoted in both languages', async () => {
    const p = await page();
    await p.goto(`${server.url}/law`);
    const entry = p.locator('#regime-2022-03-08');
    await entry.waitFor();
    await entry.getByRole('button', { name: /Rules added/ }).click();
    await entry.locator('article.rule-card[data-rule="C-2022-ukraine-non-lethal"]').waitFor();
    await shot(p, 'law-timeline', false);
    expect(await axeViolations(p)).toEqual([]);
    // What the 2026 revision changed, over the whole request space: the summary by rules, then the largest regions.
    const revision = p.locator('#regime-2026-04-21');
    await revision.getByRole('button', { name: /What this changed/ }).click();
    const summary = revision.locator('table.what-changed-summary tbody tr');
    await summary.first().waitFor({ timeout: 30_000 });
    expect(await summary.count()).toBeGreaterThan(5);
    expect(await revision.locator('table.what-changed-summary a[href="/law/rules/D-weapons-agreement-countries"]').count()).toBeGreaterThan(0);
    expect(await revision.locator('li.what-changed-region').count()).toBeGreaterThan(0);
    expect(await axeViolations(p)).toEqual([]);
    await p.goto(`${server.url}/law/countries/UA?date=2022-03-08`);
    await p.locator('table.table tbody tr').first().waitFor();
    // Facts by name; the history from the whole series; what absence from the operator's lists means, with their date.
    const history = p.locator('table.history-table');
    await history.waitFor();
    expect(await history.locator('th.fact-cell .fact-title').allInnerTexts()).toContain('Country judged to be currently engaged in combat as part of an armed conflict');
    expect(await history.locator('tbody', { hasText: 'communist-bloc' }).innerText()).toMatch(/1967-04-21 – 1991-12-26/);
    expect(await history.locator('tr.current').count()).toBeGreaterThan(0);
    expect(await p.locator('.absent-list .absent-operator').first().innerText()).toMatch(/Operator’s list[^]*Not on the list \(reviewed \d{4}-\d{2}-\d{2}\)/);
    await shot(p, 'law-country-ua');
    expect(await axeViolations(p)).toEqual([]);
    await p.context().close();
  });

  it('files a case as an applicant, and decides it as an examiner', async () => {
    const p = await page();
    const login = async (u: { username: string; password: string }) => {
      await p.goto(`${server.url}/login`);
      await p.getByLabel('Username').fill(u.username);
      await p.getByLabel('Password').fill(u.password);
      await p.getByRole('button', { name: 'Log in', exact: true }).click();
    };

    await login(APPLICANT);
    await p.getByRole('link', { name: 'File a case' }).click();
    await p.getByRole('combobox', { name: 'Recipient country' }).fill('Australia');
    await p.getByRole('option', { name: /Australia/ }).first().click();
    await p.locator('#case-purpose').selectOption('security-cooperation');
    // A name close to a listed entity, so the examiner has a screening hit to clear.
    await p.locator('#end-user-name').fill('Korea Mining Development Trading Corporation');
    await p.locator('#end-user-type').selectOption('company');
    await scopeGroup(p).getByRole('radio', { name: 'Yes' }).check();
    await weaponGroup(p).getByRole('radio', { name: 'No', exact: true }).check();
    await p.getByLabel('Form', { exact: true }).selectOption('complete');
    await p.getByLabel('Function', { exact: true }).selectOption('surveillance');
    await p.getByLabel('Origin', { exact: true }).selectOption('domestic');
    await p.getByLabel('Name (optional)').fill('Coastal surveillance radar');
    await p.locator('#qty-0').fill('4');
    await p.locator('#value-0').fill('1200000000');
    await p.locator('#justification').fill('Maritime domain awareness under the 2026 partnership.');
    // A consignee, from the keyboard: adding a row moves focus to its name. Its name is close to a listed entity too.
    await p.getByRole('button', { name: 'Add a consignee' }).click();
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('consignee-name-0');
    await p.keyboard.type(CONSIGNEE.name);
    await p.getByLabel('Type', { exact: true }).selectOption('company');
    await p.getByRole('combobox', { name: 'Country (optional)' }).fill('United Arab');
    await p.keyboard.press('Enter');
    await p.locator('#consignee-address-0').fill(CONSIGNEE.address);
    // A second row, removed again: focus goes back to the add button.
    await p.getByRole('button', { name: 'Add a consignee' }).click();
    await p.getByRole('button', { name: 'Remove consignee 2' }).click();
    expect(await p.locator('[data-row="consignee"]').count()).toBe(1);
    expect(await p.evaluate(() => document.activeElement?.textContent)).toContain('Add a consignee');
    // The route: one transit country, picked with the keyboard.
    await p.getByRole('button', { name: 'Add a transit country' }).click();
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('route-country-0');
    await p.keyboard.type('Singapore');
    await p.keyboard.press('Enter');
    await p.locator('#route-place-0').fill('Changi');
    await shot(p, 'case-new', true);
    expect(await axeViolations(p)).toEqual([]);
    await p.getByRole('button', { name: 'Save as draft' }).click();
    const consignee = p.locator('li[data-consignee="0"]');
    await consignee.waitFor();
    expect(await consignee.innerText()).toMatch(new RegExp(`${CONSIGNEE.name}[^]*Company[^]*United Arab Emirates \\(AE\\)[^]*${CONSIGNEE.address}`));
    expect((await p.locator('dd.route').innerText()).replace(/\s+/g, ' ')).toMatch(/Japan → .*Singapore \(SG\) · Changi → .*Australia/);
    // A draft can still be edited, and keeps its consignees and route.
    await p.getByRole('link', { name: 'Edit the draft' }).click();
    expect(await p.locator('#consignee-name-0').inputValue()).toBe(CONSIGNEE.name);
    expect(await p.locator('#route-country-0').inputValue()).toBe('Singapore (SG)');
    await p.locator('#qty-0').fill('5');
    await p.getByRole('button', { name: 'Save as draft' }).click();
    await p.locator('td.num', { hasText: /^5$/ }).first().waitFor();
    await consignee.waitFor();
    await p.locator('#document-file').setInputFiles({ name: 'end-use-certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 end-use certificate') });
    await p.getByText('end-use-certificate.pdf').waitFor();
    await p.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => p.locator('h1 .status').getAttribute('data-status'), POLL).toBe('submitted');
    const caseUrl = p.url();
    await p.getByRole('button', { name: 'Log out' }).click();
    await p.waitForURL(/\/login/);

    await login(EXAMINER);
    await p.waitForURL(/\/cases$/);
    await p.locator('table.cases-table tbody tr').first().waitFor();
    await shot(p, 'cases-queue', false);
    expect(await axeViolations(p)).toEqual([]);
    await p.goto(caseUrl);
    await p.getByRole('button', { name: 'Start review' }).click();
    await expect.poll(() => p.locator('h1 .status').getAttribute('data-status'), POLL).toBe('under_review');
    await p.locator('section.evaluation[data-outcome="permissible"]').first().waitFor();
    // Every party was screened at submission: the end user and the consignee both have a hit to clear.
    const open = p.locator('li.hit-open');
    await open.first().waitFor();
    expect(await p.locator('li.hit-open .tag-party[data-party="endUser"]').count()).toBeGreaterThan(0);
    const consigneeHit = p.locator('li.hit-open', { has: p.locator('.tag-party[data-party="consignees.0"]') });
    expect(await consigneeHit.count()).toBeGreaterThan(0);
    expect(await consigneeHit.first().innerText()).toMatch(/Consignee 1[^]*Al Wasel and Babel General Trading[^]*AL WASEL AND BABEL GENERAL TRADING LLC/);
    expect(await p.getByText('parties screened: 2').count()).toBe(1);
    await shot(p, 'case-screening');
    for (let n = await open.count(); n > 0; n = await open.count()) {
      const hit = open.first();
      await hit.getByLabel('Reason (required)').fill('Different company: registered importer with no link to the listed entity.');
      await hit.getByRole('button', { name: 'Clear: false positive' }).click();
      await expect.poll(() => open.count(), POLL).toBe(n - 1);
    }
    await p.locator('li.hit:not(.hit-open)').first().waitFor();
    await p.getByRole('radio', { name: 'Approve' }).check();
    await p.locator('#reason').fill('Permissible under the 2026 revision; end-use certificate received.');
    await p.locator('#conditions').fill('Annual end-use report to METI');
    await p.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect.poll(() => p.locator('h1 .status').getAttribute('data-status'), POLL).toBe('approved');
    await p.getByText(/Annual end-use report to METI/).first().waitFor();
    await shot(p, 'case-approved');
    expect(await axeViolations(p)).toEqual([]);
    await p.getByRole('button', { name: 'Log out' }).click();

    await login(AUDITOR);
    await p.waitForURL(/\/audit$/);
    await p.locator('[data-verified="ok"]').waitFor();
    await shot(p, 'audit-log', false);
    expect(await axeViolations(p)).toEqual([]);
    await p.getByRole('link', { name: 'Annual report' }).click();
    const total = p.locator('tfoot td.num');
    await expect.poll(() => total.textContent(), POLL).toBe('1');
    await shot(p, 'annual-report', false);
    expect(await axeViolations(p)).toEqual([]);
    await p.context().close();
  });

  it('answers the public’s questions live, in both languages, each with a permalink', async () => {
    const p = await page(1366, 900, true);
    const api = (await (await fetch(`${server.url}/api/v1/questions`)).json()) as { questions: { id: string; question: { en: string; ja: string }; asks?: { outcome: string; deciding: { rule: string }[] }[]; changes?: { changed: number }; countries?: { byOutcome: { outcome: string; countries: string[] }[] } }[] };
    expect(api.questions.length).toBeGreaterThanOrEqual(8);
    await p.goto(`${server.url}/questions`);
    const articles = p.locator('article.question');
    await expect.poll(() => articles.count(), POLL).toBe(api.questions.length);
    // Each question on the page shows the answer the engine gave through the API: outcome and deciding clause, or what changed.
    for (const q of api.questions) {
      const a = p.locator(`article[data-question="${q.id}"]`);
      expect(await a.locator('h2').innerText()).toBe(q.question.en);
      for (const [i, ask] of (q.asks ?? []).entries()) {
        const shown = a.locator('.q-ask').nth(i);
        expect(await shown.getAttribute('data-outcome')).toBe(ask.outcome);
        expect(await shown.locator('.q-clause').first().getAttribute('data-rule')).toBe(ask.deciding[0].rule);
      }
      if (q.changes) expect(await a.locator('.q-changes').innerText()).toContain(q.changes.changed.toLocaleString('en-GB'));
      if (q.countries) expect(await a.locator('.q-countries section[data-outcome="permissible"] .q-country-list').innerText()).toContain('Australia');
    }
    const byId = (id: string) => api.questions.find((q) => q.id === id)!;
    expect(byId('ukraine-weapons').asks![0].outcome).toBe('not_permitted');
    expect(byId('ukraine-vests').asks![0].outcome).toBe('permissible');
    expect(byId('satellite-radar-imagery').asks!.map((a) => a.outcome)).toContain('out_of_scope');
    // A permalink opens the one question.
    await p.locator('article[data-question="joint-development-only-2023"] a.permalink').click();
    await p.waitForURL(/\/questions\/joint-development-only-2023$/);
    await expect.poll(() => p.locator('h1').innerText(), POLL).toBe(byId('joint-development-only-2023').question.en);
    await p.locator('.q-ask .q-source').first().waitFor();
    await guarded(p, 'guard-question-en', { mask: ['.q-asof'] });
    expect(await axeViolations(p)).toEqual([]);
    // The same in Japanese, at phone width.
    await p.setViewportSize({ width: 390, height: 844 });
    await p.getByRole('button', { name: /Switch to Japanese/ }).click();
    await expect.poll(() => p.locator('h1').innerText(), POLL).toBe(byId('joint-development-only-2023').question.ja);
    const jaOutcome = { not_permitted: '認められない', requires_judgment: '判断を要する', permissible: '認め得る', prohibited: '禁止', out_of_scope: '対象外' } as Record<string, string>;
    expect(await p.locator('.q-ask').first().innerText()).toContain(jaOutcome[byId('joint-development-only-2023').asks![0].outcome]);
    await guarded(p, 'guard-question-ja-phone', { mask: ['.q-asof'] });
    await p.goto(`${server.url}/questions`);
    await expect.poll(() => articles.count(), POLL).toBe(api.questions.length);
    expect(await p.locator('article[data-question="ukraine-weapons"] h2').innerText()).toBe(byId('ukraine-weapons').question.ja);
    await shot(p, 'questions-ja-phone');
    await p.context().close();
  });

  it('keeps the map’s Play and year in view above the map on a phone while it plays', async () => {
    const p = await page(390, 844, true);
    await p.goto(`${server.url}/map?item=small-arms&date=2026-06-01`);
    await p.locator('svg.world path[data-code="AU"][fill="#2e8b57"]').waitFor({ timeout: 30_000 });
    // Regime years are marked and labelled under the slider.
    expect(await p.locator('.regime-ticks .tick').count()).toBeGreaterThanOrEqual(8);
    const labels = await p.locator('.regime-ticks .tick-label').allInnerTexts();
    expect(labels[0]).toBe('1967');
    expect(labels.length).toBeGreaterThanOrEqual(4);
    // The finder for small countries sits right under the map; the list is sorted by name in the reader's language.
    await p.getByRole('combobox', { name: /Find a country/ }).fill('Singa');
    await p.getByRole('option', { name: /Singapore/ }).first().click();
    await p.locator('section.country-panel[data-code="SG"]').waitFor();
    await guarded(p, 'guard-map-phone');
    await p.goto(`${server.url}/map?item=small-arms&date=1990-06-01`);
    await p.locator('svg.world path[data-code="AU"]').first().waitFor();
    await p.getByRole('button', { name: 'Play through time' }).click();
    // Scroll the page down to the map: the bar stays pinned under the header, the map right below it.
    await p.evaluate(() => {
      const bar = document.querySelector('.map-timebar')!.getBoundingClientRect();
      const legend = document.querySelector('ul.legend')!.getBoundingClientRect();
      window.scrollTo({ top: legend.top + window.scrollY - bar.height - (document.querySelector('header.header')?.getBoundingClientRect().height ?? 0), behavior: 'instant' });
    });
    const year = () => p.locator('#map-year').inputValue();
    await expect.poll(async () => Number(await year()), { timeout: 30_000, interval: 200 }).toBeGreaterThan(1991);
    // While it plays, the bar is pinned under the header and the map is on screen below it.
    const box = async (sel: string) => (await p.locator(sel).boundingBox())!;
    const header = await box('header.header');
    const bar = await box('.map-timebar');
    const map = await box('svg.world');
    expect(Math.abs(bar.y - (header.y + header.height))).toBeLessThanOrEqual(2);
    expect(map.y).toBeGreaterThanOrEqual(bar.y + bar.height - 2);
    expect(map.y + map.height).toBeLessThanOrEqual(844);
    expect(await p.getByRole('button', { name: 'Pause' }).getAttribute('aria-pressed')).toBe('true');
    await p.screenshot({ path: join(SCREENSHOTS, 'map-phone-playing.png') });
    await p.getByRole('button', { name: 'Pause' }).click();
    await p.context().close();
  });

  it('lays the evaluate view out for a phone', async () => {
    const p = await page(390, 844, true);
    const r = vests.request;
    await p.goto(`${server.url}/?to=${r.recipient}&date=${r.asOf}&defenseEquipment=yes&transferor=${r.transferor}&weapon=no&form=${r.item.form}&function=${r.item.function}&origin=${r.item.origin}&purpose=${r.purpose}`);
    await p.locator('section.verdict[data-outcome="permissible"]').waitFor();
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await p.locator('ol.clause-lines li').first().waitFor();
    await shot(p, 'evaluate-phone');
    await guarded(p, 'guard-evaluate-phone', { from: '.result-head' });
    expect(await axeViolations(p)).toEqual([]);
    await p.goto(`${server.url}/map?date=2026-06-01&defenseEquipment=yes&weapon=yes&munitionType=other&form=complete`);
    await p.locator('svg.world path[data-code="AU"][fill="#2e8b57"]').waitFor({ timeout: 30_000 });
    await p.waitForTimeout(400);
    await shot(p, 'map-phone', false);
    await p.context().close();
  });
});
