import { test as base, expect } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Every end-to-end test starts without crash-recovery journals left by the tests before it
 * (they share one documents folder), so no "Recover unsaved work" prompt gets in the way —
 * except in the recovery test, which makes its own.
 */
export const test = base.extend<{ cleanJournal: void }>({
  cleanJournal: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      rmSync(path.join(process.env.E2E_DOCS!, '.copydesk', 'recovery'), { recursive: true, force: true });
      await use();
    },
    { auto: true },
  ],
});

export { expect };
export type { Page } from '@playwright/test';
