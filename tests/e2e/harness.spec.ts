import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializeStory } from '../../shared/story/create';
import { buildSeedStory } from '../fixtures/seed-story';
import { expect, test, type Page } from './support/test';

/** The browser harness's own rough edges: replacing an export, and one story in two tabs. */

const docsDir = process.env.E2E_DOCS!;

async function openStory(page: Page, name: string) {
  await page.goto(`/?open=${encodeURIComponent(name)}`);
  await expect(page.locator('[data-block="helpline"]')).toHaveCount(1);
}

test('Export asks before replacing an existing web page of the same name, and Cancel keeps it', async ({ page }) => {
  writeFileSync(path.join(docsDir, 'harness-export.story'), serializeStory(buildSeedStory()));
  const existing = path.join(docsDir, 'harness-export.html');
  writeFileSync(existing, '<p>the page already sent</p>');
  await openStory(page, 'harness-export.story');
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export story' });
  await dialog
    .getByRole('radio', { name: /web page/i })
    .first()
    .check();
  await dialog.getByRole('button', { name: 'Export…' }).click();
  const picker = page.getByRole('dialog', { name: 'Export to' });
  await page.getByLabel('File name').fill('harness-export');
  await picker.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(picker.getByRole('alert')).toHaveText('“harness-export.html” already exists. Save again to replace it.');
  await expect(picker.getByRole('button', { name: 'Replace' })).toBeVisible();
  await picker.getByRole('button', { name: 'Cancel' }).click();
  expect(readFileSync(existing, 'utf8')).toBe('<p>the page already sent</p>');
});

test('a story already open in one tab opens in a second tab only after the lock warning', async ({ context }) => {
  writeFileSync(path.join(docsDir, 'two-tabs.story'), serializeStory(buildSeedStory()));
  const lock = path.join(docsDir, '.~lock.two-tabs.story#');
  rmSync(lock, { force: true });
  const first = await context.newPage();
  await openStory(first, 'two-tabs.story');
  await expect.poll(() => existsSync(lock)).toBe(true);

  const second = await context.newPage();
  await second.goto(`/?open=${encodeURIComponent('two-tabs.story')}`);
  const prompt = second.getByRole('dialog', { name: 'This story is open elsewhere' });
  await expect(prompt).toContainText('"two-tabs.story" is open in another browser tab of this Copydesk');
  await prompt.getByRole('button', { name: 'Open read-only' }).click();
  await expect(second.getByText('Read-only', { exact: true })).toBeVisible();
});
