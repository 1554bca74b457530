import { expect, test, type Page } from './support/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializeStory } from '../../shared/story/create';
import { KEYMAP } from '../../shared/keymap';
import { buildSeedStory } from '../fixtures/seed-story';

const docsDir = process.env.E2E_DOCS!;
const editor = (page: Page) => page.locator('.editor-body');
const focusIsInDialog = (page: Page) => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null);

test('the story text has the keyboard when the window opens', async ({ page }) => {
  await page.goto('/');
  await expect(editor(page)).toBeFocused();
  await page.keyboard.type('Typed straight away.');
  await expect(editor(page)).toContainText('Typed straight away.');
});

test('Save changes? holds the keyboard: Save is the default, Tab stays inside, nothing reaches the page behind, Escape cancels', async ({
  page,
}) => {
  await page.goto('/');
  await editor(page).click();
  await page.keyboard.type('Words nobody has saved yet.');
  await page.keyboard.press('Control+n');
  const prompt = page.getByRole('dialog', { name: /Save changes/ });
  await expect(prompt).toBeVisible();
  // The safe choice has focus: Enter saves, it never throws the work away.
  await expect(prompt.getByRole('button', { name: 'Save', exact: true })).toBeFocused();

  // Tab and Shift+Tab go round the dialog's three buttons and never leave it.
  const seen = new Set<string>();
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(await focusIsInDialog(page)).toBe(true);
    seen.add((await page.evaluate(() => document.activeElement?.textContent)) ?? '');
  }
  expect([...seen].sort()).toEqual(['Cancel', 'Don’t Save', 'Save']);

  // The page behind cannot take focus or keys: the toolbar and the story are inert.
  const reached = await page.evaluate(() => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.app-bar button')].find((b) => b.textContent === 'Copy as HTML')!;
    button.focus();
    return document.activeElement === button;
  });
  expect(reached).toBe(false);
  await prompt.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.type('zzz');
  await expect(editor(page)).toHaveText('Words nobody has saved yet.');

  // Escape is Cancel, and focus goes back to the story.
  await page.keyboard.press('Escape');
  await expect(prompt).toBeHidden();
  await expect(editor(page)).toBeFocused();
  await expect(editor(page)).toHaveText('Words nobody has saved yet.');
  await expect(page.getByTestId('save-state')).toHaveText('Edited');
});

test('"changed on disk" defaults to Save mine as a copy, never to Overwrite', async ({ page }) => {
  const file = path.join(docsDir, 'shell-conflict.story');
  writeFileSync(file, serializeStory(buildSeedStory()));
  await page.goto('/?open=shell-conflict.story');
  await expect(page.locator('[data-block="helpline"]')).toHaveCount(1);
  const theirs = buildSeedStory();
  theirs.meta = { ...theirs.meta, headline: 'Their newer headline' };
  writeFileSync(file, serializeStory(theirs));

  await page.getByLabel('Headline', { exact: true }).fill('My headline');
  await page.keyboard.press('Control+s');
  const prompt = page.getByRole('dialog', { name: 'This story changed on disk' });
  await expect(prompt.getByRole('button', { name: 'Save mine as a copy…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('save-state')).toHaveText('Edited');
});

test('the formatting toolbar is one Tab stop; arrow keys, Home and End move along it', async ({ page }) => {
  await page.goto('/');
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await page.getByLabel('Byline').focus();
  await page.keyboard.press('Tab');
  // Undo and Redo are disabled in a new story: the first live button takes the stop.
  await expect(toolbar.getByRole('button', { name: 'Paragraph', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Subheading', exact: true })).toBeFocused();
  await page.keyboard.press('End');
  await expect(toolbar.getByRole('button', { name: 'Helpline' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Paragraph', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(toolbar.getByRole('button', { name: 'Helpline' })).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Minor subheading' })).toBeFocused();
  // One Tab leaves the toolbar for the story; Shift+Tab comes back to the button used last.
  await page.keyboard.press('Tab');
  await expect(editor(page)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(toolbar.getByRole('button', { name: 'Minor subheading' })).toBeFocused();
  expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
});

test('toolbar buttons are SVG icons with their shortcut in the title', async ({ page }) => {
  await page.goto('/');
  const link = page.getByRole('button', { name: 'Link', exact: true });
  await expect(link.locator('svg')).toHaveCount(1);
  await expect(link).toHaveText('');
  await expect(link).toHaveAttribute('title', 'Link (Ctrl+K)');
  await expect(page.getByRole('button', { name: 'Bold' })).toHaveAttribute('title', 'Bold (Ctrl+B)');
  await expect(page.getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('title', 'Bulleted list (Ctrl+Shift+8)');
});

test('F1 and Ctrl+/ list every shortcut in the keymap; Escape closes the list', async ({ page }) => {
  await page.goto('/');
  await expect(editor(page)).toBeFocused(); // the window is up and listening
  for (const key of ['F1', 'Control+/']) {
    await page.keyboard.press(key);
    const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(list).toBeVisible();
    await expect(list.locator('tr[data-command]')).toHaveCount(KEYMAP.length);
    await expect(list.locator('tr[data-command="save"]')).toContainText('Ctrl+S');
    await expect(list.locator('tr[data-command="shortcuts"]')).toContainText('F1');
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await expect(editor(page)).toBeFocused();
  }
});

test('Escape closes Preview', async ({ page }) => {
  await page.goto('/');
  await expect(editor(page)).toBeFocused();
  await page.keyboard.type('A line to preview.');
  await page.keyboard.press('Control+Shift+P');
  await expect(page.locator('.preview-frame')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.preview-frame')).toHaveCount(0);
  await expect(page.locator('.workspace')).toBeVisible();
});

test('the window title and top bar name the story by its headline, after a save too; a long one never wraps the bar', async ({ page }) => {
  await page.goto('/');
  const bar = page.locator('.app-bar');
  const oneLine = (await bar.boundingBox())!.height;
  await page.getByLabel('Headline').fill('Short headline');
  await page.keyboard.press('Control+s');
  await page.getByLabel('File name').fill('shell-title');
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await expect(page).toHaveTitle('Short headline — Copydesk');

  const long =
    'Council confirms the harbour bridge will close for six weeks of repairs from Monday, with buses replacing trains on every line';
  await page.getByLabel('Headline').fill(long);
  await expect(page.locator('.doc-title')).toHaveText(long);
  expect((await bar.boundingBox())!.height).toBe(oneLine);
  const title = await page
    .locator('.doc-title')
    .evaluate((el) => ({ clipped: el.scrollWidth > el.clientWidth, overflow: getComputedStyle(el).textOverflow }));
  expect(title).toEqual({ clipped: true, overflow: 'ellipsis' });
});

test('the Settings checkbox sits on the same line as its label', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Settings' }).click();
  const box = await page.getByRole('checkbox', { name: /Look up pasted tweet links/ }).boundingBox();
  const text = await page.getByText('Look up pasted tweet links online').boundingBox();
  expect(box && text).toBeTruthy();
  // Side by side: the checkbox is left of its words and overlaps them vertically.
  expect(box!.x + box!.width).toBeLessThanOrEqual(text!.x);
  expect(box!.y).toBeLessThan(text!.y + text!.height);
  expect(box!.y + box!.height).toBeGreaterThan(text!.y);
});
