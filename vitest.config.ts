import { defineConfig } from 'vitest/config';

// One vitest run covers every package; Playwright specs (e2e/) run separately.
// On CI a JSON report per database kind feeds the final "N passed, N failed" line of .ci/run.
const dbKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/portal/src/**/*.test.ts',
      'apps/portal/web/**/*.test.{ts,tsx}',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: `e2e/artifacts/vitest-${dbKind}.json` },
  },
});
