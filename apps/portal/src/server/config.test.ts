import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults: port 3000, embedded DB under ./data, demo on outside production', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      DEMO: true,
      REVOCATION: 'ocsp+crl',
      PUBLIC_URL: 'http://localhost:3000',
      // egov (seed 002): 10 failures → 15 minutes.
      LOCKOUT_MAX_FAILURES: 10,
      LOCKOUT_MINUTES: 15,
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 12,
      PASSWORD_POLICY: 'techreg',
    });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production' }).DEMO).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEMO: '1' }).DEMO).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://portal.example.kz/' }).PUBLIC_URL).toBe(
      'https://portal.example.kz',
    );
  });

  it.each([
    ['PORT', 'abc', /PORT — expected an integer from 0 to 65535/],
    ['PORT', '70000', /PORT — expected an integer/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL — expected a URL \(postgres:\/\//],
    ['SMTP_URL', 'not a url', /SMTP_URL — expected a URL/],
    ['REVOCATION', 'sometimes', /REVOCATION — expected ocsp, crl, ocsp\+crl or off/],
    ['PASSWORD_POLICY', 'weak', /PASSWORD_POLICY — expected techreg, egz or egov/],
    ['LOCKOUT_MAX_FAILURES', '0', /LOCKOUT_MAX_FAILURES — expected an integer from 1/],
    ['SESSION_IDLE_MINUTES', '0', /SESSION_IDLE_MINUTES — expected an integer from 1/],
    ['SESSION_ABSOLUTE_HOURS', 'x', /SESSION_ABSOLUTE_HOURS — expected an integer from 1/],
    ['DEMO', 'maybe', /DEMO — expected 1 or 0/],
  ])('refuses %s=%s naming the variable', (name, value, message) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(name);
    expect((error as Error).message).toMatch(message);
  });

  it('a wrong value stops the start with one line naming the variable', () => {
    const main = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');
    const res = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim().split('\n')).toEqual([
      'Invalid configuration: PORT — expected an integer from 0 to 65535',
    ]);
  });
});
