import { expect, test, type Page } from './support/test';
import { readSavedStory } from './support/story-file';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStory, serializeStory } from '../../shared/story/create';
import { buildSeedStory } from '../fixtures/seed-story';
import { makePng } from '../fixtures/images';

const docsDir = process.env.E2E_DOCS!;
const editor = (page: Page) => page.locator('.editor-body');

/** A harness of the test's own, so the test can kill it like a crash. */
async function startOwnHarness(port: number, docs: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/support/harness.ts', String(port), docs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('e2e harness on') && resolve());
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}`)));
  });
  return child;
}

test('after a crash, the unsaved story is offered back with its time, and nothing older than the journal delay is lost', async ({
  browser,
}) => {
  const docs = mkdtempSync(path.join(os.tmpdir(), 'copydesk-crash-'));
  const port = 4619;
  let server = await startOwnHarness(port, docs);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByLabel('Headline', { exact: true }).fill('Never saved: council budget');
    await editor(page).click();
    await page.keyboard.type('The council voted 7-4 to approve the budget.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Last words typed before the crash.');
    await page.keyboard.press('Enter');
    await page.getByTestId('photo-file-input').setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: makePng(300, 200, 9) });
    await expect(page.locator('[data-block="photo"]')).toHaveCount(1);
    await page.locator('[data-block="photo"]').getByLabel('Caption').fill('Councillors vote on the budget.');
    // The journal is written once typing pauses for a second: wait until it holds the last
    // edit (no longer than the journal's own promise, plus the write), then crash the app and
    // the page.
    const journalled = () => {
      const folder = path.join(docs, '.copydesk', 'recovery');
      try {
        return readdirSync(folder).some(
          (f) => f.endsWith('.json') && readFileSync(path.join(folder, f), 'utf8').includes('Councillors vote on the budget.'),
        );
      } catch {
        return false;
      }
    };
    await expect.poll(journalled, { timeout: 5000, intervals: [100] }).toBe(true);
    server.kill('SIGKILL');
    await page.close({ runBeforeUnload: false });
    await context.close();

    server = await startOwnHarness(port, docs);
    const again = await browser.newPage();
    await again.goto(`http://127.0.0.1:${port}/`);
    const dialog = again.getByRole('dialog', { name: 'Recover unsaved work' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Never saved: council budget');
    await expect(dialog).toContainText('unsaved changes from');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect(again.getByLabel('Headline', { exact: true })).toHaveValue('Never saved: council budget');
    await expect(editor(again)).toContainText('The council voted 7-4 to approve the budget.');
    await expect(editor(again)).toContainText('Last words typed before the crash.');
    // The photo came back too (journalled beside the story, not with every keystroke).
    await expect(again.locator('[data-block="photo"] img.photo-preview')).toBeVisible();
    await expect(again.locator('[data-block="photo"]').getByLabel('Caption')).toHaveValue('Councillors vote on the budget.');
    await expect(again.getByTestId('save-state')).toHaveText('Edited');

    // Saving clears the journal: the next start offers nothing.
    await again.keyboard.press('Control+s');
    await again.getByLabel('File name').fill('recovered');
    await again.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await expect(again.getByTestId('save-state')).toHaveText('Saved');
    await again.reload();
    await expect(editor(again)).toBeVisible();
    await again.waitForTimeout(500);
    await expect(again.getByRole('dialog', { name: 'Recover unsaved work' })).toHaveCount(0);
    await again.close();
  } finally {
    server.kill('SIGKILL');
  }
});

test('a story changed on disk by a colleague is not overwritten without asking', async ({ page }) => {
  const file = path.join(docsDir, 'shared-desk.story');
  writeFileSync(file, serializeStory(buildSeedStory()));
  await page.goto('/?open=shared-desk.story');
  await expect(page.locator('[data-block="helpline"]')).toHaveCount(1);

  // A colleague saves their version meanwhile.
  const theirs = { ...buildSeedStory() };
  theirs.meta = { ...theirs.meta, headline: 'Their headline' };
  const theirText = serializeStory(theirs);
  writeFileSync(file, theirText);

  await page.getByLabel('Headline', { exact: true }).fill('My headline');
  await page.keyboard.press('Control+s');
  const dialog = page.getByRole('dialog', { name: 'This story changed on disk' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Save mine as a copy…' }).click();
  await page.getByLabel('File name').fill('shared-desk-mine');
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(readFileSync(file, 'utf8')).toBe(theirText);
  expect(readSavedStory(path.join(docsDir, 'shared-desk-mine.story')).meta.headline).toBe('My headline');
});

test('"Reload theirs" replaces my unsaved version with the colleague\'s file', async ({ page }) => {
  const file = path.join(docsDir, 'shared-desk-2.story');
  writeFileSync(file, serializeStory(buildSeedStory()));
  await page.goto('/?open=shared-desk-2.story');
  await expect(page.locator('[data-block="helpline"]')).toHaveCount(1);
  const theirs = buildSeedStory();
  theirs.meta = { ...theirs.meta, headline: 'Their newer headline' };
  const theirText = serializeStory(theirs);
  writeFileSync(file, theirText);

  await page.getByLabel('Headline', { exact: true }).fill('My headline');
  await page.keyboard.press('Control+s');
  await page.getByRole('dialog', { name: 'This story changed on disk' }).getByRole('button', { name: 'Reload theirs' }).click();
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue('Their newer headline');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(readFileSync(file, 'utf8')).toBe(theirText);
});

test('a story open on another computer opens read-only on request, and read-only cannot save over it', async ({ page }) => {
  const file = path.join(docsDir, 'locked.story');
  const story = createStory({ id: 'locked-story', now: new Date('2026-11-01T00:00:00Z') });
  const text = serializeStory({ ...story, meta: { ...story.meta, headline: 'Locked story' } });
  writeFileSync(file, text);
  writeFileSync(
    path.join(docsDir, '.~lock.locked.story#'),
    JSON.stringify({ user: 'sam', host: 'subs-desk-7', pid: 4242, createdAt: new Date().toISOString() }),
  );
  await page.goto('/?open=locked.story');
  const prompt = page.getByRole('dialog', { name: 'This story is open elsewhere' });
  await expect(prompt).toContainText('"locked.story" is open by sam on subs-desk-7');
  await prompt.getByRole('button', { name: 'Open read-only' }).click();
  await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue('Locked story');

  await page.getByLabel('Headline', { exact: true }).fill('My edit');
  await page.keyboard.press('Control+s');
  // Save becomes Save As: the file itself is never written.
  await expect(page.getByRole('dialog', { name: 'Save story' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  expect(readFileSync(file, 'utf8')).toBe(text);
});

test('a story and its Save As copy, open in two windows, keep a crash journal each', async ({ browser }) => {
  // A copy made with Save As keeps its original's story id; journalling by that id would let
  // one window's unsaved work overwrite the other's.
  const text = serializeStory(buildSeedStory());
  writeFileSync(path.join(docsDir, 'twin-original.story'), text);
  writeFileSync(path.join(docsDir, 'twin-copy.story'), text);
  const context = await browser.newContext();
  try {
    // Both windows open before either is edited: a window opened after the other's first
    // journal write would (rightly) offer that work back first.
    const pages = [];
    for (const name of ['twin-original', 'twin-copy']) {
      const page = await context.newPage();
      await page.goto(`/?open=${name}.story`);
      await expect(page.locator('[data-block="helpline"]')).toHaveCount(1);
      pages.push(page);
    }
    for (const [page, marker] of [
      [pages[0]!, 'ORIGINAL-EDIT'],
      [pages[1]!, 'COPY-EDIT'],
    ] as const) {
      await editor(page).locator(':scope > p').first().click();
      await page.keyboard.press('End');
      await page.keyboard.type(` ${marker}`);
      await expect(page.getByTestId('save-state')).toHaveText('Edited');
    }
    const folder = path.join(docsDir, '.copydesk', 'recovery');
    const journals = () => {
      try {
        return readdirSync(folder)
          .filter((f) => f.endsWith('.json'))
          .map((f) => readFileSync(path.join(folder, f), 'utf8'));
      } catch {
        return [];
      }
    };
    // Both windows' work on disk at once: two entries, each with only its own words.
    const held = () => {
      const all = journals();
      return {
        original: all.filter((j) => j.includes('ORIGINAL-EDIT') && !j.includes('COPY-EDIT')).length,
        copy: all.filter((j) => j.includes('COPY-EDIT') && !j.includes('ORIGINAL-EDIT')).length,
      };
    };
    await expect.poll(held, { timeout: 5000 }).toEqual({ original: 1, copy: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // and neither overwrites the other later
    expect(held()).toEqual({ original: 1, copy: 1 });
  } finally {
    await context.close();
  }
});
