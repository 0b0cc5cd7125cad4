/** Shared driver of the fuzz tests: N mutants of a few valid CMSes through both engines. */
import { addSignature, signCms } from '../cms-sign';
import type { TestCA } from '../test-ca';
import { IINS, pooledKeyPair, sharedTestCa } from '../testing/fixtures';
import { parseSignedDataFast } from './fast-parse';
import { type MutationKind, mutate, prng, runBoth } from './fuzz';
import type { VerifyOptions } from './options';

export interface FuzzStats {
  total: number;
  accepted: number;
  /** One engine accepted, the other refused, or their accepted verdicts differ. */
  acceptMismatches: string[];
  /** Both refused, naming different first checks (different parsers, both correct to refuse). */
  refusalsNamedDifferently: number;
  /** Mutants the fast engine handed to the reference reader. */
  fallbacks: number;
  errors: string[];
  maxMs: number;
}

export interface Corpus {
  ca: TestCA;
  inputs: { cms: Uint8Array; opts: Partial<VerifyOptions>; certRegion: { start: number; end: number } }[];
}

export async function buildCorpus(): Promise<Corpus> {
  const ca = await sharedTestCa();
  const pair = await ca.issue({
    template: 'individual',
    iin: IINS[0],
    surname: 'FUZZ',
    firstName: 'TEST',
    keyPair: await pooledKeyPair(0),
  });
  const data = new TextEncoder().encode('tereze fuzz document');
  const attached = await signCms(data, pair.sign);
  const detached = await signCms(data, pair.sign, { detached: true });
  const twoSigners = await addSignature(attached, pair.sign);
  const region = (cms: Uint8Array) => {
    const certs = parseSignedDataFast(cms).certificates;
    const first = certs[0];
    const last = certs[certs.length - 1];
    return { start: first.byteOffset - cms.byteOffset, end: last.byteOffset - cms.byteOffset + last.length };
  };
  return {
    ca,
    inputs: [
      { cms: attached, opts: {}, certRegion: region(attached) },
      { cms: detached, opts: { data }, certRegion: region(detached) },
      { cms: twoSigners, opts: {}, certRegion: region(twoSigners) },
    ],
  };
}

export async function fuzz(
  corpus: Corpus,
  n: number,
  seed: number,
  kinds: MutationKind[],
  inCertificates = false,
): Promise<FuzzStats> {
  const rand = prng(seed);
  const stats: FuzzStats = {
    total: 0,
    accepted: 0,
    acceptMismatches: [],
    refusalsNamedDifferently: 0,
    fallbacks: 0,
    errors: [],
    maxMs: 0,
  };
  for (let i = 0; i < n; i++) {
    const input = corpus.inputs[i % corpus.inputs.length];
    const kind = kinds[Math.floor(rand() * kinds.length)];
    const mutant = mutate(input.cms, rand, kind, inCertificates ? input.certRegion : undefined);
    const o = await runBoth(mutant, {
      trustAnchors: [corpus.ca.root.certificate],
      purpose: 'document',
      revocation: 'off',
      ...input.opts,
    });
    stats.total++;
    stats.maxMs = Math.max(stats.maxMs, o.ms);
    if (o.fastEngine === 'reference') stats.fallbacks++;
    if (o.error) {
      stats.errors.push(`#${i} ${kind}: ${o.error}`);
      continue;
    }
    const f = o.verdictFast;
    const r = o.verdictReference;
    if (f.valid || r.valid) {
      if (JSON.stringify(f) !== JSON.stringify(r)) {
        stats.acceptMismatches.push(
          // The mutant and its options go into the message: the corpus is signed afresh each run, so a rare
          // split verdict can only be replayed from these bytes.
          `#${i} ${kind}: fast ${JSON.stringify(f)} reference ${JSON.stringify(r)} detachedData ${
            input.opts.data ? Buffer.from(input.opts.data).toString('base64') : '-'
          } mutant ${Buffer.from(mutant).toString('base64')} root ${Buffer.from(corpus.ca.root.certificate.der).toString('base64')}`,
        );
      } else stats.accepted++;
    } else if (JSON.stringify(f) !== JSON.stringify(r)) {
      stats.refusalsNamedDifferently++;
    }
  }
  return stats;
}
