import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKeystore, validateRule } from './keystore';
import { loadP12 } from './p12';
import { type Fixture, makeFixture, PERSON_IIN } from './test-fixtures';

let fx: Fixture;
let p12s: string[];
const dirs: string[] = [];

function freshDir(files: string[], passwords?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'tereze-ks-'));
  dirs.push(dir);
  for (const f of files) copyFileSync(join(fx.dir, f), join(dir, f));
  if (passwords !== undefined) writeFileSync(join(dir, 'passwords.json'), JSON.stringify(passwords));
  return dir;
}

beforeAll(async () => {
  fx = await makeFixture();
  p12s = readdirSync(fx.dir).filter((f) => f.endsWith('.p12'));
});
afterAll(() => {
  fx?.cleanup();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('openKeystore', () => {
  it('loads every .p12 with the "*" password and ignores other files', async () => {
    const ks = await openKeystore({ dir: fx.dir, loader: loadP12 });
    expect(ks.keys).toHaveLength(4);
    expect(ks.problems).toEqual([]);
    expect(new Set(ks.keys.map((k) => k.purpose))).toEqual(new Set(['AUTH', 'SIGN']));
    // NCA naming: AUTH_RSA256_<SKI>.p12 / RSA256_<SKI>.p12, alias = SKI
    for (const k of ks.keys) {
      expect(k.file).toBe(`${k.purpose === 'AUTH' ? 'AUTH_' : ''}RSA256_${k.alias}.p12`);
      expect(k.storage).toBe('PKCS12');
    }
  });

  it('uses per-file passwords, then --password, then "*"', async () => {
    const [a, b, c] = p12s;
    const dir = freshDir([a, b, c], { [a]: 'Qwerty12', '*': 'wrong' });
    const ks = await openKeystore({ dir, loader: loadP12, passwords: { [b]: 'Qwerty12' } });
    expect(ks.keys.map((k) => k.file).sort()).toEqual([a, b].sort());
    expect(ks.problems).toHaveLength(1);
    expect(ks.problems[0].file).toBe(c);
    expect(ks.problems[0].message).toMatch(/password/i);

    const withOption = await openKeystore({ dir, loader: loadP12, password: 'Qwerty12' });
    expect(withOption.keys).toHaveLength(3);
  });

  it('reports files without any password and broken files, and keeps the rest', async () => {
    const dir = freshDir([p12s[0]]);
    writeFileSync(join(dir, 'broken.p12'), 'not a pkcs12');
    const none = await openKeystore({ dir, loader: loadP12 });
    expect(none.keys).toHaveLength(0);
    expect(none.problems.map((p) => p.message).join()).toMatch(/no password/);
    const some = await openKeystore({ dir, loader: loadP12, password: 'Qwerty12' });
    expect(some.keys).toHaveLength(1);
    expect(some.problems).toHaveLength(1);
    expect(some.problems[0].file).toBe('broken.p12');
  });

  it('refuses a passwords.json that is not a name → password map', async () => {
    await expect(openKeystore({ dir: freshDir([], ['Qwerty12']), loader: loadP12 })).rejects.toThrow(
      /passwords.json/,
    );
    await expect(openKeystore({ dir: freshDir([], { x: 1 }), loader: loadP12 })).rejects.toThrow(
      /not a string/,
    );
  });
});

describe('rules', () => {
  it('validates rules', () => {
    expect(validateRule({ pick: 'first' })).toEqual({ pick: 'first', cancel: false });
    expect(validateRule({ pick: { alias: 'ab' }, cancel: true })).toEqual({
      pick: { alias: 'ab' },
      cancel: true,
    });
    expect(() => validateRule({ pick: 'last' })).toThrow(/rule.pick/);
    expect(() => validateRule({ pick: { alias: 5 } })).toThrow(/rule.pick/);
    expect(() => validateRule({ pick: 'first', cancel: 'yes' })).toThrow(/cancel/);
  });

  it('chooses the first key that fits, a named alias, or cancels; setRule applies at once', async () => {
    const ks = await openKeystore({ dir: fx.dir, loader: loadP12 });
    const first = ks.choose({ iin: PERSON_IIN }, null);
    expect(first.kind === 'key' && first.key.iin).toBe(PERSON_IIN);

    ks.setRule({ pick: { alias: fx.person.sign.alias.toUpperCase() } });
    const named = ks.choose({}, null);
    expect(named.kind === 'key' && named.key.alias).toBe(fx.person.sign.alias);

    ks.setRule({ pick: 'first', cancel: true });
    expect(ks.choose({}, null)).toEqual({ kind: 'cancelled' });
    expect(() => ks.setRule({ pick: 'nobody' } as never)).toThrow();
    expect(ks.rule).toEqual({ pick: 'first', cancel: true });
  });

  it('says why no key fits', async () => {
    const ks = await openKeystore({ dir: fx.dir, loader: loadP12 });
    const none = ks.choose({ iin: '800416300257' }, null);
    expect(none.kind).toBe('none');
    expect(none.kind === 'none' && none.reasons).toHaveLength(4);
    const empty = await openKeystore({ keys: [] });
    expect(empty.choose({}, null)).toEqual({ kind: 'none', reasons: ['the keystore is empty'] });
  });
});
