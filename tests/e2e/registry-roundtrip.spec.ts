import { readSavedStory } from './support/story-file';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BLOCK_LIST, pickState, type BlockType } from '../../shared/blocks/registry';
import { EDITOR_BLOCK_LIST } from '../../renderer/editor/blocks/registry';
import { expect, test, type Page } from './support/test';

// Every block in the editor's registry, through the app: pasted into the editor as its own
// markup (the shared renderer's HTML of the block's example), saved, reopened, exported as
// HTML, and that export imported back — the same block each time. A block added to the
// registries is in this test with no other edit.

const docsDir = process.env.E2E_DOCS!;
const editor = (page: Page) => page.locator('.editor-body');

async function paste(page: Page, data: Record<string, string>) {
  await page.evaluate((entries) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(entries)) transfer.setData(type, value);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

async function saveAs(page: Page, name: string) {
  await page.keyboard.press('Control+s');
  await page.getByLabel('File name').fill(name);
  await page.getByRole('dialog', { name: 'Save story' }).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
}

function savedBlock(name: string, type: string): Record<string, unknown> {
  const story = readSavedStory(path.join(docsDir, `${name}.story`));
  const blocks = story.body.root.children.filter((n: { type: string }) => n.type === type);
  expect(blocks).toHaveLength(1);
  return blocks[0];
}

for (const { type } of EDITOR_BLOCK_LIST) {
  const definition = BLOCK_LIST.find((d) => d.type === type)!;
  const state = definition.example();
  const markup = definition.render(state as never, { assets: {}, assetMode: 'inline', creditStyle: 'photo-slash' })!.html.markup;
  const block = (page: Page) => page.locator(`[data-block="${type}"]`);

  test(`the ${type} block: paste, save, reopen, export, import the export — the same block`, async ({ page }) => {
    await page.goto('/');
    await editor(page).click();
    await page.keyboard.type('Before the block.');
    await page.keyboard.press('Enter');
    await paste(page, { 'text/html': markup, 'text/plain': definition.plainText(state as never) });
    await expect(block(page)).toHaveCount(1);

    await saveAs(page, `registry-${type}`);
    expect(pickState(type as BlockType, savedBlock(`registry-${type}`, type)) as unknown).toEqual(state);

    await page.reload();
    await expect(editor(page)).toBeVisible();
    await page.getByRole('navigation', { name: 'File' }).getByRole('button', { name: 'Open…' }).click();
    await page
      .getByRole('dialog', { name: 'Open story' })
      .getByRole('button', { name: new RegExp(`registry-${type}\\.story`) })
      .click();
    await expect(block(page)).toHaveCount(1);

    await page.getByRole('navigation', { name: 'File' }).getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export story' });
    await dialog.getByRole('radio', { name: /Web page/ }).check();
    await dialog.getByRole('radio', { name: /Inside the file/ }).check();
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await page.getByLabel('File name').fill(`registry-${type}-export`);
    await page.getByRole('dialog', { name: 'Export to' }).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status')).toContainText(`registry-${type}-export`);
    const exported = readFileSync(path.join(docsDir, `registry-${type}-export.html`), 'utf8');
    expect(exported).toContain(markup);

    await page.getByRole('navigation', { name: 'File' }).getByRole('button', { name: 'Import…' }).click();
    await page
      .getByRole('dialog', { name: /Import a text, web page or Word file/ })
      .getByRole('button', { name: new RegExp(`registry-${type}-export\\.html`) })
      .click();
    await expect(page.getByRole('status')).toContainText(`Imported “registry-${type}-export.html”`);
    await expect(block(page)).toHaveCount(1);
    await saveAs(page, `registry-${type}-imported`);
    expect(pickState(type as BlockType, savedBlock(`registry-${type}-imported`, type)) as unknown).toEqual(state);
  });
}
