import { expect, test, type Page } from './support/test';
import { readSavedStory } from './support/story-file';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePng } from '../fixtures/images';
import { BUILT_IN_PRESETS } from '../../shared/blocks/helpline';
import { serializeStory } from '../../shared/story/create';
import { buildSeedStory, paragraph, photoNode, SEED_PHOTO, SEED_TWEETS, tweetNode } from '../fixtures/seed-story';
import { bodyOf } from '../../shared/story';
import { BLOCK_BATCH } from '../../renderer/editor/plugins/StoryTextPlugin';

const docsDir = process.env.E2E_DOCS!;
const editor = (page: Page) => page.locator('.editor-body');

const EMBED_CODE =
  '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">I’m so honored <a href="https://twitter.com/HillaryClinton?ref_src=twsrc%5Etfw">@hillaryclinton</a>. You have dedicated your life to fighting for women’s and children’s health, so to have you share my piece about my experience means the absolute world to me. Wow. Wow. <a href="https://t.co/9xv5SBDgGX">https://t.co/9xv5SBDgGX</a></p>&mdash; chrissy teigen (@chrissyteigen) <a href="https://twitter.com/chrissyteigen/status/1321606223578812416?ref_src=twsrc%5Etfw">October 28, 2020</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';

/** Pastes like a user would: a real paste event with clipboard data. */
async function paste(page: Page, data: Record<string, string>) {
  await page.evaluate((entries) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(entries)) transfer.setData(type, value);
    const target = document.activeElement ?? document.querySelector('.editor-body')!;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

test('a reporter builds the seed story with a photo, two tweets and the NZ helpline footer', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/');
  await page.getByLabel('Headline', { exact: true }).fill('Hillary Clinton offers support to Chrissy Teigen after pregnancy loss');
  await page.getByLabel('Dateline').fill('2020-10-29');

  // Lead photo from a file
  await editor(page).click();
  await page.getByTestId('photo-file-input').setInputFiles({ name: 'teigen.png', mimeType: 'image/png', buffer: makePng(1600, 900) });
  const photo = page.locator('[data-block="photo"]');
  await expect(photo).toHaveCount(1);
  await expect(photo.locator('img.photo-preview')).toBeVisible();
  // The preview is a scaled copy, not the 1600px original
  const previewWidth = await photo.locator('img.photo-preview').evaluate((img: HTMLImageElement) => img.naturalWidth);
  expect(previewWidth).toBeLessThanOrEqual(960);
  await photo
    .getByLabel('Caption')
    .fill(
      'Former US Secretary of State Hillary Clinton has offered her support to Chrissy Teigen after the star penned a heartbreaking essay on her pregnancy loss.',
    );
  await photo.getByLabel('Credit').fill('Supplied');
  await photo.getByLabel('Alt text (for screen readers)').fill('Chrissy Teigen');
  await expect(photo.locator('.credit')).toHaveText('Photo / Supplied');

  // Paragraph, then a tweet pasted as a link on an empty line (filled by the look-up)
  await editor(page).locator('p').last().click();
  await page.keyboard.type(
    "Hillary Clinton has offered kind words of support to Chrissy Teigen in response to the star's candid essay on losing her unborn son.",
  );
  await page.keyboard.press('Enter');
  await paste(page, { 'text/plain': 'https://x.com/chrissyteigen/status/1321573421466869760?s=20&t=abc' });
  const tweets = page.locator('[data-block="tweet"]');
  await expect(tweets).toHaveCount(1);
  await expect(tweets.first().locator('.tweet-text')).toContainText('oh my god Hillary Clinton just tweeted my essay');
  await expect(tweets.first().locator('.tweet-name')).toHaveText('chrissy teigen');
  await expect(tweets.first().locator('.tweet-date')).toHaveText('October 28, 2020');

  await editor(page).locator('p').last().click();
  await page.keyboard.type('It prompted an enthusiastic response from Teigen.');
  await page.keyboard.press('Enter');

  // A bad link in the tweet panel: an inline message and no block
  await page.getByRole('button', { name: 'Tweet', exact: true }).click();
  await page.getByLabel('Tweet link or embed code').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Insert tweet' }).click();
  await expect(page.getByRole('dialog', { name: 'Insert tweet' }).getByRole('alert')).toBeVisible();
  await page.getByLabel('Tweet link or embed code').fill('https://twitter.com/chrissyteigen/status/12ab');
  await page.getByRole('button', { name: 'Insert tweet' }).click();
  await expect(page.getByRole('dialog', { name: 'Insert tweet' }).getByRole('alert')).toContainText('not all digits');
  await expect(tweets).toHaveCount(1);

  // The second tweet as Twitter's embed code
  await page.getByLabel('Tweet link or embed code').fill(EMBED_CODE);
  await page.getByRole('button', { name: 'Insert tweet' }).click();
  await expect(tweets).toHaveCount(2);
  await expect(tweets.nth(1).locator('.tweet-text')).toContainText('I’m so honored @hillaryclinton');
  await expect(tweets.nth(1).locator('.tweet-text')).toContainText('https://t.co/9xv5SBDgGX');

  await editor(page).locator('p').last().click();
  await page.keyboard.type('She told fans she wrote the essay so she could "move on".');

  // The NZ standard helpline footer from the / menu
  await page.keyboard.press('Enter');
  await page.keyboard.type('/');
  const menu = page.getByRole('listbox', { name: 'Insert block' });
  await expect(menu.getByRole('option', { name: 'Tweet' })).toBeVisible();
  await page.keyboard.type('help');
  await expect(menu.getByRole('option')).toHaveText(['Helpline footer']);
  await menu.getByRole('option', { name: 'Helpline footer' }).click();
  await expect(page.getByRole('dialog', { name: 'Insert helpline footer' })).toBeVisible();
  await expect(page.getByLabel('Helpline list')).toHaveValue('nz-standard');
  await page.getByRole('button', { name: 'Insert footer' }).click();
  const footer = page.locator('[data-block="helpline"]');
  await expect(footer).toHaveCount(1);
  await expect(footer.locator('li')).toHaveCount(9);

  // Text typed after the footer goes above it
  await editor(page).locator('p').last().click();
  await page.keyboard.type('A late paragraph.');
  const lastBlock = editor(page).locator(':scope > :not([data-lexical-decorator-boundary])').last();
  await expect(lastBlock).toHaveAttribute('data-block', 'helpline');

  // Save, reload, reopen: every field survived
  await page.keyboard.press('Control+s');
  await page.getByLabel('File name').fill('seed-story');
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const file = path.join(docsDir, 'seed-story.story');
  const saved = readSavedStory(file);
  const blocks = saved.body.root.children.filter((n: { type: string }) => ['tweet', 'photo', 'helpline'].includes(n.type));
  expect(blocks.map((b: { type: string }) => b.type)).toEqual(['photo', 'tweet', 'tweet', 'helpline']);
  expect(Object.keys(saved.assets)).toHaveLength(1);
  const [photoNode, tweet1, tweet2, helpline] = blocks;
  expect(saved.assets[photoNode.asset]).toMatchObject({ mime: 'image/png', width: 1600, height: 900 });
  expect(photoNode).toMatchObject({ credit: 'Supplied', alt: 'Chrissy Teigen' });
  expect(tweet1).toMatchObject({
    tweetId: '1321573421466869760',
    handle: 'chrissyteigen',
    name: 'chrissy teigen',
    date: 'October 28, 2020',
    lang: 'en',
    url: 'https://twitter.com/chrissyteigen/status/1321573421466869760',
  });
  expect(tweet2).toMatchObject({
    tweetId: '1321606223578812416',
    handle: 'chrissyteigen',
    name: 'chrissy teigen',
    date: 'October 28, 2020',
  });
  expect(tweet2.text).toContain('https://t.co/9xv5SBDgGX');
  expect(JSON.stringify(saved)).not.toContain('<script');
  expect(helpline.presetId).toBe('nz-standard');
  expect(helpline.entries).toHaveLength(9);

  await page.reload();
  await expect(page.locator('[data-block]')).toHaveCount(0);
  await page.keyboard.press('Control+o');
  await page
    .getByRole('dialog', { name: 'Open story' })
    .getByRole('button', { name: /seed-story\.story/ })
    .click();
  await expect(tweets).toHaveCount(2);
  await expect(photo.locator('img.photo-preview')).toBeVisible();
  // A finished photo shows as it will print, its alt text beside it; Edit opens its form.
  await expect(photo.locator('.photo-caption-preview')).toContainText(/^Former US Secretary of State/);
  await expect(photo.locator('.photo-alt')).toHaveText('Alt text: Chrissy Teigen');
  await expect(photo.getByLabel('Caption')).toHaveCount(0);
  await photo.getByRole('button', { name: 'Edit' }).click();
  await expect(photo.getByLabel('Caption')).toHaveValue(/^Former US Secretary of State/);
  await expect(footer.locator('li')).toHaveCount(9);
  await expect(tweets.nth(1).locator('.tweet-name')).toHaveText('chrissy teigen');
  expect(pageErrors).toEqual([]);
});

test('blocks can be selected, moved, deleted and the deletion undone with the keyboard', async ({ page }) => {
  await page.goto('/');
  await editor(page).click();
  await page.keyboard.type('First paragraph.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Tweet', exact: true }).click();
  await page.getByLabel('Tweet link or embed code').fill(EMBED_CODE);
  await page.getByRole('button', { name: 'Insert tweet' }).click();
  const tweet = page.locator('[data-block="tweet"]');
  await expect(tweet).toHaveCount(1);
  await expect(tweet.getByRole('group', { name: 'Tweet' })).toBeVisible();

  // Its move and delete buttons belong to the block in hand: none while the caret is in the
  // text and the pointer elsewhere, there once it is selected (and Tab reaches them).
  await editor(page).locator('p').first().click();
  await page.mouse.move(0, 0);
  await expect(tweet.getByRole('button', { name: 'Delete tweet' })).toHaveCount(0);

  // Select the block by clicking its card, move it up with Alt+↑
  await tweet.locator('.tweet-card').click();
  await expect(tweet.locator('.block')).toHaveClass(/is-selected/);
  await page.mouse.move(0, 0);
  await expect(tweet.getByRole('button', { name: 'Delete tweet' })).toBeVisible();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(editor(page).locator(':scope > :not([data-lexical-decorator-boundary])').first()).toHaveAttribute('data-block', 'tweet');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(editor(page).locator(':scope > :not([data-lexical-decorator-boundary])').nth(1)).toHaveAttribute('data-block', 'tweet');

  // Delete, then undo
  await page.keyboard.press('Delete');
  await expect(tweet).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(tweet).toHaveCount(1);
});

test('an image that is too large or not an image is refused with a message', async ({ page }) => {
  await page.goto('/');
  await editor(page).click();
  await page
    .getByTestId('photo-file-input')
    .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('this is not a picture') });
  await expect(page.getByRole('alert')).toContainText('“notes.png” is not a JPEG, PNG, WebP or GIF image.');
  const big = Buffer.alloc(51 * 1024 * 1024);
  makePng(4, 4).copy(big);
  // Playwright passes buffers only up to 50 MB: a file on disk instead.
  const hugeFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'copydesk-huge-')), 'huge.png');
  writeFileSync(hugeFile, big);
  await page.getByTestId('photo-file-input').setInputFiles(hugeFile);
  await expect(page.getByRole('alert')).toContainText('“huge.png” is 51.0 MB; photos can be at most 50 MB.');
  await expect(page.locator('[data-block="photo"]')).toHaveCount(0);
});

test('the same photo added twice is stored once in the story', async ({ page }) => {
  await page.goto('/');
  await editor(page).click();
  const png = makePng(320, 200, 7);
  await page.getByTestId('photo-file-input').setInputFiles({ name: 'first.png', mimeType: 'image/png', buffer: png });
  await expect(page.locator('[data-block="photo"]')).toHaveCount(1);
  await editor(page).locator('p').last().click();
  await page.getByTestId('photo-file-input').setInputFiles({ name: 'again.png', mimeType: 'image/png', buffer: png });
  await expect(page.locator('[data-block="photo"]')).toHaveCount(2);
  await page.keyboard.press('Control+s');
  await page.getByLabel('File name').fill('same-photo-twice');
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const saved = readSavedStory(path.join(docsDir, 'same-photo-twice.story'));
  const photos = saved.body.root.children.filter((n: { type: string }) => n.type === 'photo');
  expect(photos).toHaveLength(2);
  expect(photos[0].asset).toBe(photos[1].asset);
  expect(Object.keys(saved.assets)).toEqual([photos[0].asset]);
  expect(saved.assets[photos[0].asset].bytes).toBe(png.length);
  expect(saved.assets[photos[0].asset].data).toBe(png.toString('base64'));

  // Reopened, edited and saved again, the photo's bytes come back exactly (file → Blob → file).
  await page.goto('/?open=same-photo-twice.story');
  await expect(page.locator('img.photo-preview')).toHaveCount(2);
  await editor(page).locator('p').last().click();
  await page.keyboard.type('More.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const again = readSavedStory(path.join(docsDir, 'same-photo-twice.story'));
  expect(JSON.stringify(again.body)).toContain('More.');
  expect(again.assets).toEqual(saved.assets);
});

test('a second helpline footer replaces the first, saying so before, and one undo brings the first back', async ({ page }) => {
  await page.goto('/');
  await editor(page).click();
  await page.keyboard.type('A story about loss.');
  const panel = page.getByRole('dialog', { name: 'Insert helpline footer' });
  await page.getByRole('button', { name: 'Helpline', exact: true }).click();
  await expect(panel.getByRole('note')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Insert footer' }).click();
  const footer = page.locator('[data-block="helpline"]');
  await expect(footer).toHaveCount(1);
  await expect(footer.locator('li')).toHaveCount(9);

  await editor(page).locator('p').first().click();
  await page.getByRole('button', { name: 'Helpline', exact: true }).click();
  await expect(panel.getByRole('note')).toHaveText('This story already has a helpline footer; this one will replace it.');
  await panel.getByLabel('Helpline list').selectOption('uk');
  await panel.getByRole('button', { name: 'Replace footer' }).click();
  await expect(footer).toHaveCount(1);
  await expect(footer.locator('li')).toHaveCount(BUILT_IN_PRESETS.find((p) => p.id === 'uk')!.entries.length);
  await expect(footer.locator('li').first()).toContainText('Samaritans');

  await editor(page).locator('p').first().click();
  await page.keyboard.press('Control+z');
  await expect(footer).toHaveCount(1);
  await expect(footer.locator('li')).toHaveCount(9);
});

test('a story with many blocks mounts those near the screen, keeps the text of the rest findable, and mounts them when scrolled to, selected or printed', async ({
  page,
}) => {
  const count = BLOCK_BATCH * 5 + 7;
  const story = buildSeedStory();
  story.body = bodyOf([
    ...Array.from({ length: count }, (_, i) => [
      paragraph(`Update ${i + 1}.`),
      tweetNode({ ...SEED_TWEETS[0]!, text: `Tweet number ${i + 1} of the night` }),
    ]).flat(),
    ...[1, 2, 3].map((n) => photoNode({ ...SEED_PHOTO, caption: `Late photo ${n}` })),
  ]);
  writeFileSync(path.join(docsDir, 'many-blocks.story'), serializeStory(story));
  await page.goto('/?open=many-blocks.story');
  await expect(editor(page).locator('p', { hasText: `Update ${count}.` })).toHaveCount(1);
  const tweets = page.locator('[data-block="tweet"]');
  await expect(tweets).toHaveCount(count);
  // The first ones are real cards; the last is its text, waiting (and found by the browser's find).
  await expect(tweets.first().locator('.tweet-card')).toBeVisible();
  await expect(tweets.last().locator('.block-stand-in')).toContainText(`Tweet number ${count} of the night`);
  await expect(page.locator('.block-host:empty')).toHaveCount(0);

  // Typing at the top works as they wait.
  await editor(page).locator('p').first().click();
  await page.keyboard.press('Home');
  await page.keyboard.type('Live: ');
  await expect(editor(page).locator('p').first()).toHaveText('Live: Update 1.');

  // Scrolled to, the last one is mounted.
  await tweets.last().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(tweets.last().locator('.tweet-card')).toContainText(`Tweet number ${count} of the night`);
  await expect(tweets.last().locator('.block-stand-in')).toHaveCount(0);

  // Deleting a block and undoing brings it back mounted.
  await tweets.nth(3).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await tweets.nth(3).locator('.tweet-card').click();
  await page.keyboard.press('Delete');
  await expect(tweets).toHaveCount(count - 1);
  await page.keyboard.press('Control+z');
  await expect(tweets).toHaveCount(count);
  await expect(tweets.nth(3).locator('.tweet-card')).toContainText('Tweet number 4 of the night');

  // Printing mounts every block, photos with their previews.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('.block-stand-in')).toHaveCount(0);
  await expect(page.locator('.tweet-card')).toHaveCount(count);
  await expect(page.locator('[data-block="photo"] img.photo-preview')).toHaveCount(3);
});
