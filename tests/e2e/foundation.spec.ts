import { expect, test, type Page } from './support/test';
import { readSavedStory, savedStoryText } from './support/story-file';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const docsDir = process.env.E2E_DOCS!;
const editor = (page: Page) => page.locator('.editor-body');

async function pressed(page: Page, label: string) {
  return page.getByRole('button', { name: label, exact: true }).getAttribute('aria-pressed');
}

test.beforeEach(async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  (page as Page & { errors?: string[] }).errors = errors;
});

test('a reporter writes a formatted story, saves it, reloads and reopens it unchanged', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Untitled story — Copydesk');

  // Metadata
  await page.getByLabel('Headline').fill('Clinton offers support to Teigen');
  await expect(page.getByLabel('Slug')).toHaveValue('clinton-offers-support-to-teigen');
  await page.getByLabel('Standfirst').fill('The former Secretary of State praised the essay.');
  await page.getByLabel('Byline').fill('Entertainment reporter');
  await page.getByLabel('Section').fill('Entertainment');
  await page.getByLabel('Tags').fill('Chrissy Teigen, Hillary Clinton');
  await page.getByLabel('Dateline').fill('2020-10-29');
  await page.getByLabel('Status').selectOption('subbing');
  await expect(page).toHaveTitle('• Clinton offers support to Teigen — Copydesk');

  // Body: every inline format, from the keyboard and the toolbar
  await editor(page).click();
  await page.keyboard.type('Plain, ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('bold');
  expect(await pressed(page, 'Bold')).toBe('true');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(', ');
  await page.keyboard.press('Control+i');
  await page.keyboard.type('italic');
  expect(await pressed(page, 'Italic')).toBe('true');
  await page.keyboard.press('Control+i');
  await page.keyboard.type(', ');
  await page.keyboard.press('Control+u');
  await page.keyboard.type('underlined');
  await page.keyboard.press('Control+u');
  await page.keyboard.type(', ');
  await page.getByRole('button', { name: 'Strikethrough' }).click();
  await page.keyboard.type('struck');
  expect(await pressed(page, 'Strikethrough')).toBe('true');
  await page.getByRole('button', { name: 'Strikethrough' }).click();
  await page.keyboard.type(' and a ');

  // A link typed with Ctrl+K; a dangerous scheme is refused with a message
  await page.keyboard.press('Control+k');
  await page.getByLabel('Link address').fill('javascript:alert(1)');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Links must start with http, https, mailto or tel');
  await page.getByLabel('Link address').fill('www.nzherald.co.nz');
  await page.keyboard.press('Enter');
  await expect(editor(page).locator('a')).toHaveAttribute('href', 'https://www.nzherald.co.nz');
  await page.keyboard.type('.');

  // Subheadings, lists and a quote from the toolbar
  await page.keyboard.press('Enter');
  await page.keyboard.type('A subheading');
  await page.getByRole('button', { name: 'Subheading', exact: true }).click();
  expect(await pressed(page, 'Subheading')).toBe('true');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A minor subheading');
  await page.getByRole('button', { name: 'Minor subheading' }).click();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Bulleted list' }).click();
  await page.keyboard.type('First bullet');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second bullet');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // leaves the list
  await page.getByRole('button', { name: 'Numbered list' }).click();
  await page.keyboard.type('Step one');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Step two');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Block quote' }).click();
  await page.keyboard.type('A quoted line.');
  expect(await pressed(page, 'Block quote')).toBe('true');

  // Undo and redo from the keyboard
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Paragraph', exact: true }).click();
  await page.keyboard.type('Typo paragraph');
  await expect(editor(page)).toContainText('Typo paragraph');
  await page.waitForTimeout(1100); // let the history close the typing batch
  await page.keyboard.press('Control+z');
  await expect(editor(page)).not.toContainText('Typo paragraph');
  await page.keyboard.press('Control+Shift+z');
  await expect(editor(page)).toContainText('Typo paragraph');
  await page.keyboard.press('Control+z');
  await expect(editor(page)).not.toContainText('Typo paragraph');

  const body = editor(page);
  await expect(body.locator('strong, b').first()).toHaveText('bold');
  await expect(body.locator('em, i').first()).toHaveText('italic');
  await expect(body.locator('h2')).toHaveText('A subheading');
  await expect(body.locator('h3')).toHaveText('A minor subheading');
  await expect(body.locator('ul > li')).toHaveText(['First bullet', 'Second bullet']);
  await expect(body.locator('ol > li')).toHaveText(['Step one', 'Step two']);
  await expect(body.locator('blockquote')).toHaveText('A quoted line.');
  await expect(page.getByTestId('word-count')).not.toHaveText('0 words');
  const editorHtml = await body.innerHTML();

  // Save: the web harness asks for a name inside the documents folder
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('dialog', { name: 'Save story' })).toBeVisible();
  await expect(page.getByLabel('File name')).toHaveValue('clinton-offers-support-to-teigen.story');
  await page.getByLabel('File name').fill('foundation');
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  // The window is named by the headline, not the file name.
  await expect(page).toHaveTitle('Clinton offers support to Teigen — Copydesk');

  const file = path.join(docsDir, 'foundation.story');
  expect(existsSync(file)).toBe(true);
  const firstSave = readFileSync(file);
  const saved = readSavedStory(file);
  const savedText = savedStoryText(file);
  expect(saved.format).toBe('copydesk.story');
  expect(saved.meta).toMatchObject({
    headline: 'Clinton offers support to Teigen',
    slug: 'clinton-offers-support-to-teigen',
    section: 'Entertainment',
    tags: ['Chrissy Teigen', 'Hillary Clinton'],
    dateline: '2020-10-29',
    status: 'subbing',
  });
  expect(savedText).not.toContain('Typo paragraph');
  expect(savedText).toContain('https://www.nzherald.co.nz');

  // Reload: a fresh window, then open the file
  await page.reload();
  await expect(editor(page)).not.toContainText('Plain');
  await page.keyboard.press('Control+o');
  await page
    .getByRole('dialog', { name: 'Open story' })
    .getByRole('button', { name: /foundation\.story/ })
    .click();
  await expect(page.getByLabel('Headline')).toHaveValue('Clinton offers support to Teigen');
  await expect(page.getByLabel('Standfirst')).toHaveValue('The former Secretary of State praised the essay.');
  await expect(page.getByLabel('Byline')).toHaveValue('Entertainment reporter');
  await expect(page.getByLabel('Tags')).toHaveValue('Chrissy Teigen, Hillary Clinton');
  await expect(page.getByLabel('Status')).toHaveValue('subbing');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await editor(page).innerHTML()).toBe(editorHtml);

  // Saving again without changes writes the very same bytes
  await editor(page).click();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.waitForTimeout(200);
  expect(readFileSync(file).equals(firstSave)).toBe(true);

  expect((page as Page & { errors?: string[] }).errors).toEqual([]);
});

test('closing or replacing a story with unsaved work asks first', async ({ page }) => {
  await page.goto('/');
  await editor(page).click();
  await page.keyboard.type('Words nobody has saved yet.');
  await expect(page.getByTestId('save-state')).toHaveText('Edited');

  // New story while dirty: Save / Don't Save / Cancel; Cancel keeps the words
  await page.getByRole('button', { name: 'New', exact: true }).click();
  const prompt = page.getByRole('dialog', { name: /Save changes/ });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('button')).toHaveText(['Don’t Save', 'Cancel', 'Save']);
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor(page)).toContainText('Words nobody has saved yet.');

  // Closing the window: the browser's own prompt (beforeunload)
  let asked = '';
  page.on('dialog', async (dialog) => {
    asked = dialog.type();
    await dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe('beforeunload');

  // A clean page closes without asking
});

test('a failed save says why and keeps the story dirty', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Headline').fill('Doomed save');
  // Outside the documents folder: the harness refuses, the editor keeps the work.
  await page.route('**/api/story%3Asave-dialog', (route) =>
    route.fulfill({ json: { ok: true, value: { canceled: false, path: '/etc/forbidden.story', name: 'forbidden.story' } } }),
  );
  await page.keyboard.press('Control+s');
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('outside the documents folder');
  await expect(page.getByTestId('save-state')).toHaveText('Edited');
  await expect(page.getByLabel('Headline')).toHaveValue('Doomed save');
});
