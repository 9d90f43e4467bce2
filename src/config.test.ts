import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig, SETTINGS, UN_LIST_URL } from './config.ts';

describe('the configuration', () => {
  it('has a default for everything', () => {
    expect(readConfig({})).toEqual({ port: 8080, host: '127.0.0.1', dataDir: resolve('.gensoku'), listUrl: UN_LIST_URL, listRefreshMs: null, trustProxy: false });
  });

  it('reads every setting', () => {
    const c = readConfig({
      PORT: '9000', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u@db:5432/g', GENSOKU_DATA: '/var/lib/g', GENSOKU_POLICY: 'p', GENSOKU_UN_LIST: 'l.xml',
      GENSOKU_LIST_URL: 'http://127.0.0.1:1/l.xml', GENSOKU_LIST_REFRESH: '24h', GENSOKU_ADMIN_USER: 'root', GENSOKU_ADMIN_PASSWORD: 'a long password',
      GENSOKU_PASSWORD: 'pw', GENSOKU_TRUST_PROXY: 'true', UNRELATED: 'x',
    });
    expect(c).toEqual({
      port: 9000, host: '0.0.0.0', databaseUrl: 'postgres://u@db:5432/g', dataDir: '/var/lib/g', policyDir: 'p', listFile: 'l.xml', listUrl: 'http://127.0.0.1:1/l.xml',
      listRefreshMs: 86_400_000, admin: { username: 'root', password: 'a long password' }, password: 'pw', trustProxy: true,
    });
  });

  it('names every bad setting at once', () => {
    let error: unknown;
    try {
      readConfig({ PORT: '99999', DATABASE_URL: 'mysql://x', GENSOKU_LIST_REFRESH: 'daily', GENSOKU_TRUST_PROXY: 'yes' });
    } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.path).sort()).toEqual(['DATABASE_URL', 'GENSOKU_LIST_REFRESH', 'GENSOKU_TRUST_PROXY', 'PORT']);
    expect(() => readConfig({ GENSOKU_ADMIN_USER: 'root' })).toThrow(/GENSOKU_ADMIN_PASSWORD: GENSOKU_ADMIN_USER and GENSOKU_ADMIN_PASSWORD go together/);
  });

  it('is documented, setting by setting, in docs/deploy.md', () => {
    const doc = readFileSync(new URL('../docs/deploy.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(SETTINGS.map((s) => s.name));
  });

  it('is read from process.env only here', () => {
    const hits = execFileSync('git', ['grep', '-l', 'process\\.env', '--', 'src/*.ts', ':!*.test.ts'], { encoding: 'utf8', cwd: resolve(import.meta.dirname, '..') }).trim().split('\n');
    expect(hits).toEqual(['src/config.ts']);
  });
});
