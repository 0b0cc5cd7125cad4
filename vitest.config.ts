import { defineConfig } from 'vitest/config';

// One vitest run covers every package; Playwright specs (e2e/) run separately.
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
  },
});
