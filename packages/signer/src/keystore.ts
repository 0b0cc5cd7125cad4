import type { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type KeyFilter, mismatch } from './filters';
import type { KeyRule, SignerKey } from './types';

/** Turns one PKCS#12 file into keys; throws with a readable message (wrong password, broken file). */
export type P12Loader = (
  der: Uint8Array,
  password: string,
  file: string,
) => SignerKey[] | Promise<SignerKey[]>;

export interface KeystoreOptions {
  /** Folder of *.p12 files; an optional `passwords.json` in it maps file name → password ("*" = default). */
  dir?: string;
  /** Keys already loaded (tests, or a caller that loads them itself). */
  keys?: SignerKey[];
  /** Password for every file not named in passwords.json (the CLI's --password). */
  password?: string;
  /** Extra file name → password entries; win over passwords.json. */
  passwords?: Record<string, string>;
  rule?: KeyRule;
  loader?: P12Loader;
}

export interface LoadProblem {
  file: string;
  message: string;
}

export type Choice =
  | { kind: 'key'; key: SignerKey }
  | { kind: 'cancelled' }
  | { kind: 'none'; reasons: string[] };

export interface Keystore {
  readonly keys: readonly SignerKey[];
  /** Files that could not be loaded (reported by the CLI, never fatal). */
  readonly problems: readonly LoadProblem[];
  readonly rule: KeyRule;
  /** Change how the unattended "user" answers; takes effect for the next request. */
  setRule(rule: KeyRule): void;
  /** The key the rule picks among keys that pass the filter (anchors null = no chain check). */
  choose(filter: KeyFilter, anchors: X509Certificate[] | null): Choice;
}

export const PASSWORDS_FILE = 'passwords.json';

function readPasswordsFile(dir: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(join(dir, PASSWORDS_FILE), 'utf8');
  } catch {
    return {};
  }
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${PASSWORDS_FILE} must be a JSON object mapping file names to passwords`);
  }
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v !== 'string') throw new Error(`${PASSWORDS_FILE}: the password for "${k}" is not a string`);
  }
  return parsed as Record<string, string>;
}

export function validateRule(rule: unknown): KeyRule {
  const r = rule as KeyRule;
  const pickOk =
    r?.pick === 'first' ||
    (typeof r?.pick === 'object' &&
      r.pick !== null &&
      typeof (r.pick as { alias?: unknown }).alias === 'string');
  if (!pickOk) throw new Error("rule.pick must be 'first' or { alias: string }");
  if (r.cancel !== undefined && typeof r.cancel !== 'boolean')
    throw new Error('rule.cancel must be a boolean');
  return { pick: r.pick, cancel: r.cancel ?? false };
}

async function loadFolder(
  dir: string,
  options: KeystoreOptions,
  problems: LoadProblem[],
): Promise<SignerKey[]> {
  if (!options.loader) throw new Error('no PKCS#12 loader given');
  const passwords = { ...readPasswordsFile(dir), ...options.passwords };
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.p12'))
    .sort();
  const keys: SignerKey[] = [];
  for (const file of files) {
    const password = passwords[file] ?? options.password ?? passwords['*'];
    if (password === undefined) {
      problems.push({ file, message: `no password (add it to ${PASSWORDS_FILE} or pass --password)` });
      continue;
    }
    try {
      keys.push(...(await options.loader(readFileSync(join(dir, file)), password, file)));
    } catch (err) {
      problems.push({ file, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return keys;
}

export async function openKeystore(options: KeystoreOptions): Promise<Keystore> {
  const problems: LoadProblem[] = [];
  const keys = [...(options.keys ?? [])];
  if (options.dir) keys.push(...(await loadFolder(options.dir, options, problems)));
  let rule = validateRule(options.rule ?? { pick: 'first' });

  return {
    keys,
    problems,
    get rule() {
      return rule;
    },
    setRule(next) {
      rule = validateRule(next);
    },
    choose(filter, anchors) {
      if (rule.cancel) return { kind: 'cancelled' };
      const reasons: string[] = [];
      const fits = keys.filter((key) => {
        const why = mismatch(key, filter, anchors);
        if (why) reasons.push(`${key.file}: ${why}`);
        return !why;
      });
      const { pick } = rule;
      const key =
        pick === 'first' ? fits[0] : fits.find((k) => k.alias.toLowerCase() === pick.alias.toLowerCase());
      if (!key) {
        if (pick !== 'first') reasons.push(`no suitable key with alias ${pick.alias}`);
        return { kind: 'none', reasons: keys.length ? reasons : ['the keystore is empty'] };
      }
      return { kind: 'key', key };
    },
  };
}
