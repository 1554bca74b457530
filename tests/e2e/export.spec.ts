import { expect, test, type Page } from './support/test';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializeStory } from '../../shared/story/create';
import { buildSeedStory, SEED_PNG_SHA256 } from '../fixtures/seed-story';

const docsDir = process.env.E2E_DOCS!;

async function openSeed(page: Page, name: string) {
  const story = buildSeedStory();
  writeFileSync(path.join(docsDir, name), serializeStory(story));
  await page.goto(`/?open=${encodeURIComponent(name)}`);
  await expect(page.locator('[data-block="helpline"]')).toHaveCount(1);
  return story;
}

async function exportAs(page: Page, format: RegExp, assets: 'inside' | 'folder', fileName: string) {
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export story' });
  await dialog.getByRole('radio', { name: format }).check();
  await dialog.getByRole('radio', { name: assets === 'inside' ? /Inside the file/ : /images\/ folder/ }).check();
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await page.getByLabel('File name').fill(fileName);
  await page.getByRole('dialog', { name: 'Export to' }).getByRole('button', { name: 'Save', exact: true }).click();
}

test('File → Export writes a web page with its images folder, and remembers the choice', async ({ page }) => {
  await openSeed(page, 'export-seed.story');
  await exportAs(page, /Web page/, 'folder', 'seed-page');
  await expect(page.getByRole('status')).toContainText('Exported “seed-page.html” with 1 image in images/');
  const html = readFileSync(path.join(docsDir, 'seed-page.html'), 'utf8');
  expect(html).toContain('<!doctype html>');
  expect(html.match(/<blockquote class="twitter-tweet">/g)).toHaveLength(2);
  expect(html).toContain('https://twitter.com/chrissyteigen/status/');
  expect(html).toMatch(/<figcaption>[^]*<span class="credit">Photo \/ Supplied<\/span><\/figcaption>/);
  expect(html.match(/<li>/g)?.length).toBeGreaterThanOrEqual(9);
  expect(html).toContain(`src="images/${SEED_PNG_SHA256}.png"`);
  expect(html).not.toContain('<script');
  expect(existsSync(path.join(docsDir, 'images', `${SEED_PNG_SHA256}.png`))).toBe(true);

  // The dialog remembers the last choice
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export story' });
  await expect(dialog.getByRole('radio', { name: /Web page/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /images\/ folder/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // CMS JSON and ninjs land as JSON files
  await exportAs(page, /CMS JSON/, 'inside', 'seed-cms');
  await expect(page.getByRole('status')).toContainText('Exported “seed-cms.json”');
  const cms = JSON.parse(readFileSync(path.join(docsDir, 'seed-cms.json'), 'utf8'));
  expect(cms.format).toBe('copydesk.cms');
  expect(cms.blocks.filter((b: { type: string }) => b.type === 'tweet')).toHaveLength(2);
  await exportAs(page, /ninjs/, 'inside', 'seed-ninjs');
  await expect(page.getByRole('status')).toContainText('Exported “seed-ninjs.json”');
  const ninjs = JSON.parse(readFileSync(path.join(docsDir, 'seed-ninjs.json'), 'utf8'));
  expect(ninjs.bodies.map((b: { role: string }) => b.role)).toEqual(['richtext', 'footer']);
});

test('an export that cannot be written says why and leaves nothing behind', async ({ page }) => {
  await openSeed(page, 'export-fail.story');
  rmSync(path.join(docsDir, 'images'), { recursive: true, force: true });
  // The image is written for real; the document then fails as on a full disk.
  let calls = 0;
  await page.route('**/api/export%3Awrite-file', async (route) => {
    calls++;
    const body = route.request().postDataJSON() as { relative: string | null };
    if (body.relative === null) {
      await route.fulfill({ json: { ok: false, error: 'Could not export to "doomed.html": the disk is full.', code: 'io' } });
    } else await route.continue();
  });
  await exportAs(page, /Web page/, 'folder', 'doomed');
  await expect(page.getByRole('alert')).toContainText('Could not export to "doomed.html": the disk is full. Nothing was left behind.');
  expect(calls).toBe(2);
  expect(existsSync(path.join(docsDir, 'doomed.html'))).toBe(false);
  expect(existsSync(path.join(docsDir, 'images', `${SEED_PNG_SHA256}.png`))).toBe(false);
  expect(existsSync(path.join(docsDir, 'images'))).toBe(false);
});

test('Copy as HTML puts the HTML source and rich HTML on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSeed(page, 'copy-seed.story');
  await page.getByRole('button', { name: 'Copy as HTML' }).click();
  await expect(page.getByRole('status')).toContainText('Copied the story’s HTML');
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return {
      types: item!.types,
      plain: await (await item!.getType('text/plain')).text(),
      html: await (await item!.getType('text/html')).text(),
    };
  });
  expect(clip.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
  expect(clip.plain).toContain('<blockquote class="twitter-tweet">');
  expect(clip.plain).toContain('<aside class="helpline">');
  expect(clip.html).toContain('twitter-tweet');
  expect(clip.plain).not.toContain('<script');
});

test('the preview shows the exported page in a sandboxed frame that runs no script', async ({ page }) => {
  await openSeed(page, 'preview-seed.story');
  // A hostile headline must show as text, and nothing in the frame may run.
  await page
    .getByLabel('Headline', { exact: true })
    .fill('<img src=x onerror="window.parent.pwned=1"><script>window.parent.pwned=2</script>Headline');
  await page.getByRole('button', { name: 'Preview' }).click();
  const frame = page.frameLocator('iframe[title="Preview of the exported page"]');
  await expect(frame.locator('h1')).toContainText('<script>window.parent.pwned=2</script>Headline');
  await expect(frame.locator('blockquote.twitter-tweet')).toHaveCount(2);
  await expect(frame.locator('aside.helpline li')).toHaveCount(9);
  expect(await page.locator('iframe').getAttribute('sandbox')).toBe('');
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('.editor-body')).toBeVisible();
});
