import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type Corpus, fuzz } from './fuzz-harness';

let corpus: Corpus;
beforeAll(async () => {
  corpus = await buildCorpus();
});

describe('fuzz: mutated certificates inside the CMS', () => {
  it('4 000 mutations of the embedded certificates: no exception, no hang, no split verdict', async () => {
    const stats = await fuzz(corpus, 4000, 7, ['region-bitflip', 'length'], true);
    console.info('fuzz-cert', { ...stats, acceptMismatches: stats.acceptMismatches.length });
    expect(stats.errors).toEqual([]);
    expect(stats.acceptMismatches).toEqual([]);
    expect(stats.total).toBe(4000);
    expect(stats.maxMs).toBeLessThan(5000);
  }, 240_000);
});
