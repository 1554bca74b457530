import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializeStory } from '../../shared/story/create';
import { buildSeedStory } from '../fixtures/seed-story';
import { expect, test, type Page } from './support/test';

/**
 * axe-core over the main view and the Settings and Export dialogs, in the light and the dark
 * look (the OS setting, as Chromium reports prefers-color-scheme): no serious or critical
 * violations. Colour contrast is among axe's checks, so this is also the contrast check of
 * both palettes in renderer/styles.css.
 */

const docsDir = process.env.E2E_DOCS!;

async function openSeed(page: Page) {
  writeFileSync(path.join(docsDir, 'a11y-seed.story'), serializeStory(buildSeedStory()));
  await page.goto(`/?open=${encodeURIComponent('a11y-seed.story')}`);
  await expect(page.locator('[data-block="helpline"]')).toHaveCount(1);
  await expect(page.locator('[data-block="photo"] img')).toBeVisible();
}

async function seriousViolations(page: Page, include?: string) {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function settingsTheme(page: Page, label: string) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Appearance').selectOption({ label });
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in the ${scheme} look`, () => {
    test.use({ colorScheme: scheme });

    test('the main view with a story open has no serious accessibility problems', async ({ page }) => {
      await openSeed(page);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(20, 21, 24)' : 'rgb(244, 244, 241)');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the Settings dialog has no serious accessibility problems', async ({ page }) => {
      await openSeed(page);
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
      expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
    });

    test('the Export dialog has no serious accessibility problems', async ({ page }) => {
      await openSeed(page);
      await page.keyboard.press('Control+e');
      await expect(page.getByRole('dialog', { name: 'Export story' })).toBeVisible();
      expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
    });
  });
}

test.describe('the Appearance setting', () => {
  test.use({ colorScheme: 'light' });

  test('overrides the system look, is kept across a reload, and "Same as the system" follows it again', async ({ page }) => {
    await openSeed(page);
    const desk = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await desk()).toBe('rgb(244, 244, 241)');
    try {
      await settingsTheme(page, 'Dark');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(await desk()).toBe('rgb(20, 21, 24)');
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(await desk()).toBe('rgb(20, 21, 24)');
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await settingsTheme(page, 'Same as the system');
    }
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
    expect(await desk()).toBe('rgb(244, 244, 241)');
  });
});
