import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/tereze.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'tereze-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tereze = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', timeout: 60_000 });

describe('the tereze command', () => {
  it('offers the commands of the contract', () => {
    const res = tereze('--help');
    expect(res.status).toBe(0);
    for (const cmd of ['ca', 'sign', 'verify', 'signer'])
      expect(res.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
  });

  it('verify exits non-zero on garbage and says why', () => {
    writeFileSync(path.join(work, 'garbage.cms'), 'not a signature');
    const res = tereze('verify', '--in', 'garbage.cms', '--revocation', 'off');
    expect(res.status).not.toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ valid: false });
  });

  it('an unknown command fails with a message', () => {
    const res = tereze('frobnicate');
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/unknown command/);
  });
});
