import { defineConfig } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * End-to-end tests drive the real renderer in Chromium through the web harness
 * (`npm run web`), which answers the same IPC contract as the desktop app.
 * Debian's Chromium is used when present (Playwright cannot download browsers here).
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4517);
const docsDir = process.env.E2E_DOCS ?? mkdtempSync(path.join(os.tmpdir(), 'copydesk-e2e-docs-'));
process.env.E2E_DOCS = docsDir;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 820 },
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The real harness, with a local stand-in for Twitter's oEmbed service.
    command: `node --import tsx tests/e2e/support/harness.ts ${port} "${docsDir}"`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
