import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './e2e/support/chromium';

const chromium = { browserName: 'chromium' as const, launchOptions: CHROMIUM_LAUNCH };

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: { ...chromium, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'desktop',
      testMatch: 'pages/**/*.spec.ts',
      use: { ...devices['Desktop Chrome'], ...chromium, viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      testMatch: 'pages/**/*.spec.ts',
      use: { ...devices['Pixel 7'], ...chromium, viewport: { width: 390, height: 844 } },
    },
    {
      name: 'phone-small',
      testMatch: 'pages/**/*.spec.ts',
      use: { ...devices['Pixel 7'], ...chromium, viewport: { width: 360, height: 740 } },
    },
    {
      // Specs that start their own servers on temporary content (ISR, editing); one viewport is enough.
      name: 'server',
      testMatch: 'server/**/*.spec.ts',
      use: { ...chromium, viewport: { width: 1280, height: 800 } },
    },
  ],
});
