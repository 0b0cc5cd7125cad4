import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type Corpus, fuzz } from './fuzz-harness';

let corpus: Corpus;
beforeAll(async () => {
  corpus = await buildCorpus();
});

describe('fuzz: mutated CMS', () => {
  it('6 000 bit flips, truncations, insertions and length tweaks: no exception, no hang, no split verdict', async () => {
    const stats = await fuzz(corpus, 6000, 20261122, ['bitflip', 'truncate', 'insert', 'length']);
    console.info('fuzz-cms', { ...stats, acceptMismatches: stats.acceptMismatches.length });
    expect(stats.errors).toEqual([]);
    expect(stats.acceptMismatches).toEqual([]);
    expect(stats.total).toBe(6000);
    expect(stats.maxMs).toBeLessThan(5000);
  }, 240_000);
});
