import { defineConfig } from '@playwright/test';

// Real browser: Debian's Chromium, never a downloaded one. The portal is started by e2e/global-setup.ts
// on a free port with a fresh embedded database; its URL is passed to specs as process.env.E2E_BASE_URL.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/artifacts/test-results',
  timeout: 60_000,
  workers: 1,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'e2e/artifacts/playwright.json' }]] : 'list',
  globalSetup: './e2e/global-setup.ts',
  use: {
    headless: true,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
});
