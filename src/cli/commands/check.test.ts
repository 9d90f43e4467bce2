import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_DIR } from '../../policy-files/load.ts';
import { main } from '../main.ts';
import { memoryIo } from '../../../test/support/cli-io.ts';

const io = (isTTY = false) => memoryIo({ isTTY });

const OVERLAY = `
id: check-overlay
kind: draft
base: "2026-04-21"
title: { en: Check overlay, ja: 試験用の案 }
sources: [revision-2026-04-21]
rules:
  - id: CHECK-dormant
    kind: permission
    title: { en: Parties to a conflict, ja: 紛争当事国 }
    clause: { en: Parties to a conflict may receive anything., ja: 紛争当事国 }
    citations: [revision-2026-04-21]
    when: { fact: party-to-conflict }
`;

describe('gensoku check', () => {
  it('validates the policy and catalogue, runs the scenarios, and reports analysis warnings with exit 0', async () => {
    const t = io();
    expect(await main(['check'], t.io)).toBe(0);
    expect(t.out()).toMatch(/\d+ item classes/);
    expect(t.out()).toMatch(/coverage: \d+\/\d+ rules \(\d+%\) cite a primary source; \d+\/\d+ dated fact values \(\d+%\) confirmed/);
    expect(t.out()).toMatch(/open legal questions \(\d+\):\n/);
    expect(t.out()).toMatch(/\n {2}fact:security-partner \(nsc; [^)]*C-P2-five-categories/);
    expect(t.out()).toMatch(/\n {2}licence-before-1967 \(meti; P-default-licence\)/);
    expect(t.out()).toMatch(/analysis: \d+ requests over \d+ versions; 0 errors, \d+ warnings/);
    expect(t.out()).toMatch(/warning never_fires: C-P1-party-to-conflict[^\n]*\n +witness: \{"asOf"/);
    const j = io();
    await main(['check', '--format', 'json'], j.io);
    const summary = JSON.parse(j.out());
    expect(summary.analysis.findings.find((f: { rule: string }) => f.rule === 'C-P1-party-to-conflict').witness.recipient).toMatch(/^[A-Z]{2}$/);
  });

  it('fails when a permission in force names no report category, or one policy/categories.yaml does not define', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gensoku-categories-'));
    cpSync(DEFAULT_POLICY_DIR, dir, { recursive: true });
    const file = join(dir, 'regimes', '2026-04-21.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('    category: security-cooperation\n', ''));
    const t = io();
    expect(await main(['check', '--policy', dir, '--no-analysis'], t.io)).toBe(3);
    expect(t.err()).toMatch(/uncategorised_permission[^\n]*D-non-weapons|D-non-weapons[^\n]*no report category/);
    writeFileSync(file, text.replace('category: security-cooperation', 'category: arms-fair'));
    const u = io();
    expect(await main(['check', '--policy', dir, '--no-analysis'], u.io)).toBe(3);
    expect(u.err()).toMatch(/no category "arms-fair"/);
  });

  it('validates and analyses a --draft overlay written to a temp dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gensoku-check-'));
    writeFileSync(join(dir, 'ok.yaml'), OVERLAY);
    writeFileSync(join(dir, 'bad.yaml'), OVERLAY.replace('citations: [revision-2026-04-21]', 'citations: [no-such-source]').replace('kind: permission', 'kind: permit'));
    const t = io();
    expect(await main(['check', '--draft', join(dir, 'ok.yaml')], t.io)).toBe(0);
    expect(t.out()).toMatch(/warning never_fires: CHECK-dormant/);
    const b = io();
    expect(await main(['check', '--draft', join(dir, 'bad.yaml')], b.io)).toBe(3);
    expect(b.err()).toMatch(/bad\.yaml:rules\.0\.kind/);
  });
});
