/**
 * Mutation fuzzing of verifyCms (used by fuzz.test.ts): bit flips, truncations, byte insertions
 * and ASN.1 length tweaks of valid CMSes; each mutant goes through both engines, which must not
 * throw and must give the same verdict.
 */
import type { VerificationReport } from '../report';
import type { VerifyOptions } from './options';
import { verifyCms } from './verify';

/** Small deterministic PRNG (mulberry32) so a failing case can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Offsets of DER length octets (first length byte of each TLV), walking constructed values. */
export function lengthOffsets(der: Uint8Array): number[] {
  const out: number[] = [];
  const walk = (start: number, end: number, depth: number) => {
    let pos = start;
    while (pos + 2 <= end && depth < 40) {
      const tag = der[pos];
      const lenAt = pos + 1;
      let len = der[lenAt];
      let hdr = 2;
      if (len & 0x80) {
        const n = len & 0x7f;
        if (n === 0 || n > 4 || lenAt + n >= end) return;
        len = 0;
        for (let i = 0; i < n; i++) len = len * 256 + der[lenAt + 1 + i];
        hdr += n;
      }
      out.push(lenAt);
      const contentStart = pos + hdr;
      if (contentStart + len > end) return;
      if (tag & 0x20) walk(contentStart, contentStart + len, depth + 1);
      // OCTET STRINGs often wrap DER (eContent, extension values)
      else if (tag === 0x04 && der[contentStart] === 0x30) walk(contentStart, contentStart + len, depth + 1);
      pos = contentStart + len;
    }
  };
  walk(0, der.length, 0);
  return out;
}

export type MutationKind = 'bitflip' | 'truncate' | 'insert' | 'length' | 'region-bitflip';

export function mutate(
  der: Uint8Array,
  rand: () => number,
  kind: MutationKind,
  region?: { start: number; end: number },
): Uint8Array {
  const at = (n: number) => Math.floor(rand() * n);
  switch (kind) {
    case 'bitflip': {
      const m = new Uint8Array(der);
      m[at(m.length)] ^= 1 << at(8);
      return m;
    }
    case 'region-bitflip': {
      const m = new Uint8Array(der);
      const r = region ?? { start: 0, end: der.length };
      m[r.start + at(r.end - r.start)] ^= 1 << at(8);
      return m;
    }
    case 'truncate':
      return der.slice(0, at(der.length));
    case 'insert': {
      const pos = at(der.length + 1);
      const m = new Uint8Array(der.length + 1);
      m.set(der.subarray(0, pos), 0);
      m[pos] = at(256);
      m.set(der.subarray(pos), pos + 1);
      return m;
    }
    case 'length': {
      const offsets = lengthOffsets(der);
      const m = new Uint8Array(der);
      const off = offsets[at(offsets.length)];
      const tweak = [1, -1, 0x80, 0x7f, 2, -2][at(6)];
      m[off] = tweak === 0x80 || tweak === 0x7f ? tweak : (m[off] + tweak) & 0xff;
      return m;
    }
  }
}

export interface Verdict {
  valid: boolean;
  failed: string[][];
}

export function verdictOf(r: VerificationReport): Verdict {
  return {
    valid: r.valid,
    failed: [r.checks.filter((c) => !c.ok && c.name === 'structure').map((c) => c.name)].concat(
      r.signers.map((s) => s.checks.filter((c) => !c.ok).map((c) => c.name)),
    ),
  };
}

export interface FuzzOutcome {
  verdictFast: Verdict;
  verdictReference: Verdict;
  fastEngine: 'fast' | 'reference';
  ms: number;
  error?: string;
}

/** Runs one input through both engines; exceptions are reported, never thrown. */
export async function runBoth(input: Uint8Array, opts: VerifyOptions): Promise<FuzzOutcome> {
  const t0 = performance.now();
  try {
    const fast = await verifyCms(input, { ...opts, engine: 'fast' });
    const ref = await verifyCms(input, { ...opts, engine: 'reference' });
    const internal = [fast, ref].flatMap((r) => r.checks).find((c) => c.reason?.startsWith('internal_error'));
    if (internal) throw new Error(internal.reason);
    return {
      verdictFast: verdictOf(fast),
      verdictReference: verdictOf(ref),
      fastEngine: fast.engine,
      ms: performance.now() - t0,
    };
  } catch (err) {
    const none = { valid: false, failed: [] };
    return {
      verdictFast: none,
      verdictReference: none,
      fastEngine: 'fast',
      ms: performance.now() - t0,
      error: (err as Error).stack ?? String(err),
    };
  }
}
