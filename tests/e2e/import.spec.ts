import { expect, test, type Page } from './support/test';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const docsDir = process.env.E2E_DOCS!;
const samples = path.resolve(here, '../fixtures/samples');
const editor = (page: Page) => page.locator('.editor-body');

async function paste(page: Page, data: Record<string, string>) {
  await page.evaluate((entries) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(entries)) transfer.setData(type, value);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

test('pasting from Google Docs gives clean text: no stray bold, no inline styles, real lists and links', async ({ page }) => {
  await page.goto('/');
  await editor(page).click();
  const html = readFileSync(path.resolve(here, '../fixtures/clipboard/google-docs.html'), 'utf8');
  await paste(page, { 'text/html': html, 'text/plain': 'ignored' });
  const body = editor(page);
  await expect(body.locator('p').first()).not.toBeEmpty();
  const styled = await body.evaluate((root) =>
    [...root.querySelectorAll('[style]')].map((el) => el.getAttribute('style')).filter((s) => s && s.trim()),
  );
  expect(styled).toEqual([]);
  // The docs-internal-guid wrapper is a <b style="font-weight:normal">: it must not bold everything.
  const boldText = await body.locator('strong, b, .ed-bold').allTextContents();
  const allText = await body.innerText();
  expect(boldText.join('').length).toBeLessThan(allText.length / 2);
  await expect(body.locator('ul li, ol li').first()).toBeVisible();
});

test('pasting Word HTML keeps list levels and drops Word markup', async ({ page }) => {
  await page.goto('/');
  await editor(page).click();
  const html = readFileSync(path.resolve(here, '../fixtures/clipboard/word.html'), 'utf8');
  await paste(page, { 'text/html': html, 'text/plain': 'ignored' });
  const body = editor(page);
  await expect(body.locator('li').first()).toBeVisible();
  expect(await body.innerHTML()).not.toMatch(/mso-|MsoNormal|o:p|supportLists/);
  expect(await body.locator('li li, li ul, li ol').count()).toBeGreaterThan(0);
});

test('pasting a copied article as plain text makes tweet, photo and helpline blocks; one undo gives back the plain paste', async ({
  page,
}) => {
  await page.goto('/');
  await editor(page).click();
  const text = readFileSync(path.join(samples, 'seed-teigen-clinton.txt'), 'utf8');
  await paste(page, { 'text/plain': text });
  await expect(page.locator('[data-block="tweet"]')).toHaveCount(2);
  await expect(page.locator('[data-block="photo"]')).toHaveCount(1);
  await expect(page.locator('[data-block="helpline"] li')).toHaveCount(9);
  await expect(page.getByLabel('Dateline')).toHaveValue('2020-10-29');
  // The quoted-in-prose tweet stays prose
  await expect(editor(page)).toContainText('Thank you, @chrissyteigen, for your bravery and grace');
  await expect(page.getByRole('status')).toContainText('recognised');

  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-block]')).toHaveCount(0);
  await expect(editor(page)).toContainText('— chrissy teigen (@chrissyteigen) October 28, 2020');
  await expect(editor(page)).toContainText('Where to get help:');
});

test('a plain paste with blank lines between paragraphs gives those paragraphs, no empty ones between them', async ({ page }) => {
  await page.goto('/');
  await editor(page).click();
  await paste(page, { 'text/plain': 'A.\n\nB.\n\nC.' });
  await expect(editor(page).locator('p')).toHaveText(['A.', 'B.', 'C.']);

  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  const many = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n');
  await paste(page, { 'text/plain': many });
  await expect(editor(page).locator('p').last()).toHaveText('Paragraph 2000.');
  expect(await editor(page).locator('p').count()).toBe(2000);
});

test('File → Import turns a Word file into a new, unsaved story', async ({ page }) => {
  copyFileSync(path.join(samples, 'docx', 'docx4j-sample-docxv2.docx'), path.join(docsDir, 'sample.docx'));
  copyFileSync(path.join(samples, 'nj-south-dakota-slogan.txt'), path.join(docsDir, 'slogan.txt'));
  await page.goto('/');
  await expect(editor(page)).toBeVisible();
  await page.keyboard.press('Control+Shift+O');
  const dialog = page.getByRole('dialog', { name: /Import a text, web page or Word file/ });
  await dialog.getByRole('button', { name: /sample\.docx/ }).click();
  await expect(page.getByRole('status')).toContainText('Imported “sample.docx”');
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue('Docx sample document');
  await expect(editor(page).locator('h1, h2').first()).toContainText('This is style Heading 1');
  await expect(page.locator('[data-block="photo"]')).toHaveCount(3);
  await expect(page.getByTestId('save-state')).toHaveText('Edited');

  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByRole('dialog', { name: 'Save changes to “Docx sample document”?' }).getByRole('button', { name: 'Don’t Save' }).click();
  await page
    .getByRole('dialog', { name: /Import/ })
    .getByRole('button', { name: /slogan\.txt/ })
    .click();
  await expect(page.getByRole('status')).toContainText('5 tweets');
  await expect(page.locator('[data-block="tweet"]')).toHaveCount(5);
});
