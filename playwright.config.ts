import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './tests/support/chromium'

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results',
  globalSetup: './tests/support/temp-root.ts',
  fullyParallel: false,
  workers: 1,
  // One retry on CI, reported by Playwright as "flaky" rather than hidden; none locally.
  retries: process.env['CI'] ? 1 : 0,
  timeout: 60_000,
  // The live handout preview renders a PDF and loads pdf.js on first use: seconds on a busy 2-core CI machine.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
})
