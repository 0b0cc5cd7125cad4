import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePort, runSignerCli } from './cli';
import { type Fixture, makeFixture, RawClient } from './test-fixtures';

let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture();
});
afterAll(() => fx?.cleanup());

describe('tereze signer CLI', () => {
  it('starts on the given port, lists the keys and answers like NCALayer', async () => {
    const lines: string[] = [];
    const signer = await runSignerCli({ keystores: fx.dir, port: 0, insecure: true }, (l) => lines.push(l));
    expect(lines[0]).toBe(`tereze signer listening on ${signer.url}`);
    expect(lines.filter((l) => l.includes(' key '))).toHaveLength(4);
    const client = await RawClient.open(signer.url);
    expect(JSON.parse(await client.next())).toEqual({ result: { version: '1.2' } });
    await client.call({ module: 'kz.gov.pki.knca.commonUtils', method: 'getActiveTokens' });
    expect(lines.at(-1)).toMatch(/kz\.gov\.pki\.knca\.commonUtils\.getActiveTokens: ok$/);
    client.close();
    await signer.close();
  });

  it('applies --cancel and --alias', async () => {
    const signer = await runSignerCli(
      { keystores: fx.dir, port: 0, insecure: true, cancel: true },
      () => undefined,
    );
    expect(signer.keystore.rule).toEqual({ pick: 'first', cancel: true });
    await signer.close();
    const named = await runSignerCli(
      { keystores: fx.dir, port: 0, insecure: true, alias: 'abc' },
      () => undefined,
    );
    expect(named.keystore.rule).toEqual({ pick: { alias: 'abc' }, cancel: false });
    await named.close();
  });

  it('refuses a missing folder and a bad port', async () => {
    await expect(runSignerCli({ keystores: '/nonexistent/keys' })).rejects.toThrow(/--keystores/);
    expect(() => parsePort('http')).toThrow(/--port/);
    expect(() => parsePort(70000)).toThrow(/--port/);
    expect(parsePort(undefined)).toBe(13579);
  });

  it('warns when the folder has no keys', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tereze-empty-'));
    const lines: string[] = [];
    const signer = await runSignerCli({ keystores: empty, port: 0, insecure: true }, (l) => lines.push(l));
    expect(lines).toContain('  warning: no keys loaded');
    await signer.close();
    rmSync(empty, { recursive: true, force: true });
  });
});
