import { readSavedStory } from './support/story-file';
import { expect, test, type Page } from './support/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EMBED_PROVIDERS, type EmbedProviderId } from '../../shared/blocks/embed';

/** The pull quote and the social embed, driven as a reporter would, through save and export. */

const docsDir = process.env.E2E_DOCS!;
const editor = (page: Page) => page.locator('.editor-body');

/** One post or video per service, as a reporter copies it from the address bar. */
const LINKS: Record<EmbedProviderId, string> = {
  youtube: 'https://youtu.be/dQw4w9WgXcQ?si=share',
  vimeo: 'https://vimeo.com/76979871',
  instagram: 'https://www.instagram.com/reel/C8abcdEFgh/?igsh=abc',
  tiktok: 'https://www.tiktok.com/@scout2015/video/6718335390845095173?lang=en',
  facebook: 'https://www.facebook.com/nzherald/posts/pfbid02Xyz1234567AbCdEf',
  bluesky: 'https://bsky.app/profile/emilyliu.me/post/3lbq7mxsiek2v',
  mastodon: 'https://mastodon.nz/@rnz/112000000000000001',
  threads: 'https://www.threads.net/@zuck/post/CuXFPIeLLod',
};
const LABELS: Record<EmbedProviderId, string> = {
  youtube: 'YouTube video',
  vimeo: 'Vimeo video',
  instagram: 'Instagram post',
  tiktok: 'TikTok video',
  facebook: 'Facebook post',
  bluesky: 'Bluesky post',
  mastodon: 'Mastodon post',
  threads: 'Threads post',
};
/** What each service's exported markup is known by. */
const MARKUP: Record<EmbedProviderId, RegExp> = {
  youtube: /<figure class="embed youtube-embed"><iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ"/,
  vimeo: /<figure class="embed vimeo-embed"><iframe src="https:\/\/player\.vimeo\.com\/video\/76979871\?dnt=1"/,
  instagram:
    /<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="https:\/\/www\.instagram\.com\/reel\/C8abcdEFgh\/"/,
  tiktok:
    /<blockquote class="tiktok-embed" cite="https:\/\/www\.tiktok\.com\/@scout2015\/video\/6718335390845095173" data-video-id="6718335390845095173">/,
  facebook: /<div class="fb-post" data-href="https:\/\/www\.facebook\.com\/nzherald\/posts\/pfbid02Xyz1234567AbCdEf"/,
  bluesky: /<blockquote class="bluesky-embed" data-bluesky-uri="at:\/\/emilyliu\.me\/app\.bsky\.feed\.post\/3lbq7mxsiek2v">/,
  mastodon: /<blockquote class="mastodon-embed" data-embed-url="https:\/\/mastodon\.nz\/@rnz\/112000000000000001\/embed">/,
  threads: /<blockquote class="text-post-media" data-text-post-permalink="https:\/\/www\.threads\.com\/@zuck\/post\/CuXFPIeLLod"/,
};

/** Pastes like a user would: a real paste event with clipboard data. */
async function paste(page: Page, data: Record<string, string>) {
  await page.evaluate((entries) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(entries)) transfer.setData(type, value);
    const target = document.activeElement ?? document.querySelector('.editor-body')!;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

async function insertByToolbar(page: Page, source: string) {
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  await page.getByLabel('Post or video link, or its embed code').fill(source);
  await page.getByRole('button', { name: 'Insert embed' }).click();
}

async function exportPage(page: Page, fileName: string): Promise<string> {
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export story' });
  await dialog.getByRole('radio', { name: /Web page/ }).check();
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await page.getByLabel('File name').fill(fileName);
  await page.getByRole('dialog', { name: 'Export to' }).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Exported “${fileName}.html”`);
  return readFileSync(path.join(docsDir, `${fileName}.html`), 'utf8');
}

test('every service’s post goes in by pasting its link and from the toolbar, and exports as the service’s markup', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/');
  await editor(page).click();
  await page.keyboard.type('Live updates from the flood zone.');
  await page.keyboard.press('Enter');
  const embeds = page.locator('[data-block="embed"]');

  for (const [i, provider] of EMBED_PROVIDERS.entries()) {
    // A link alone on an empty line
    await paste(page, { 'text/plain': LINKS[provider] });
    await expect(embeds).toHaveCount(2 * i + 1);
    await expect(embeds.nth(2 * i).getByRole('group', { name: LABELS[provider] })).toBeVisible();
    // The same post from the toolbar's panel
    await editor(page).locator('p').last().click();
    await insertByToolbar(page, LINKS[provider]);
    await expect(embeds).toHaveCount(2 * i + 2);
    await expect(embeds.nth(2 * i + 1).getByRole('group', { name: LABELS[provider] })).toBeVisible();
    await editor(page).locator('p').last().click();
  }

  // With look-up on, the YouTube video was filled from the (stand-in) oEmbed answer; no HTML kept.
  await expect(embeds.first().locator('.embed-title')).toHaveText('Flood waters reach the township');
  await expect(embeds.first().locator('.embed-author')).toHaveText('RNZ (@RNZ)');
  // A post the service does not know: a one-line note, the block stays for filling in by hand.
  await expect(page.getByRole('status')).toContainText(/does not exist.*Fill in the .* post by hand\./);

  // Fill one post by hand.
  const bluesky = embeds.nth(2 * EMBED_PROVIDERS.indexOf('bluesky'));
  await bluesky.getByRole('textbox', { name: 'Display name' }).fill('Emily Liu');
  await bluesky.getByRole('textbox', { name: 'Post text' }).fill('Boats are out on Marine Parade.');
  await bluesky.getByRole('textbox', { name: 'Date' }).fill('February 14, 2023');
  await expect(bluesky.locator('.embed-text')).toHaveText('Boats are out on Marine Parade.');

  const html = await exportPage(page, 'all-services');
  for (const provider of EMBED_PROVIDERS) expect(html.match(new RegExp(MARKUP[provider].source, 'g')), provider).toHaveLength(2);
  expect(html).toContain(
    '— Emily Liu (<a href="https://bsky.app/profile/emilyliu.me">@emilyliu.me</a>) <a href="https://bsky.app/profile/emilyliu.me/post/3lbq7mxsiek2v">February 14, 2023</a>',
  );
  expect(html).toMatch(/frame-src https:\/\/player\.vimeo\.com https:\/\/www\.youtube-nocookie\.com;/);
  expect(html).not.toMatch(/<script|youtube\.com\/embed/);
  expect(pageErrors).toEqual([]);
  await page.screenshot({ path: 'test-results/new-blocks-embeds.png', fullPage: false });
});

test('links that are not one post say why, tweets stay tweets, and embed code goes in as the block', async ({ page }) => {
  await page.goto('/');
  await editor(page).click();
  const panel = page.getByRole('dialog', { name: 'Insert social embed' });
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  for (const [link, reason] of [
    ['https://www.tiktok.com/@scout2015', 'That is a TikTok profile, not a video.'],
    ['https://www.instagram.com/nzherald/', 'That is an Instagram profile, not a post.'],
    ['https://www.youtube.com/@nzherald', 'That is a YouTube channel, not a video.'],
    ['javascript:alert(1)', 'Post links start with https:// (not "javascript:").'],
  ]) {
    await page.getByLabel('Post or video link, or its embed code').fill(link!);
    await page.getByRole('button', { name: 'Insert embed' }).click();
    await expect(panel.getByRole('alert')).toHaveText(reason!);
  }
  await expect(page.locator('[data-block="embed"]')).toHaveCount(0);
  // An X link in the embed panel becomes a tweet block.
  await page.getByLabel('Post or video link, or its embed code').fill('https://x.com/chrissyteigen/status/1321573421466869760');
  await page.getByRole('button', { name: 'Insert embed' }).click();
  await expect(page.locator('[data-block="tweet"]')).toHaveCount(1);
  await expect(page.locator('[data-block="embed"]')).toHaveCount(0);

  // Bluesky's own embed code, script and all, pasted on an empty line.
  await editor(page).locator('p').last().click();
  await paste(page, {
    'text/plain':
      '<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:vjug55kidv6sye7ykr5faxxn/app.bsky.feed.post/3lbq7mxsiek2v" data-bluesky-cid="bafyrei"><p lang="en">also, any replies in this thread will appear as comments</p>&mdash; Emily Liu (<a href="https://bsky.app/profile/did:plc:vjug55kidv6sye7ykr5faxxn?ref_src=embed">@emilyliu.me</a>) <a href="https://bsky.app/profile/did:plc:vjug55kidv6sye7ykr5faxxn/post/3lbq7mxsiek2v?ref_src=embed">November 25, 2024 at 12:58 AM</a></blockquote><script async src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>',
  });
  const embed = page.locator('[data-block="embed"]');
  await expect(embed).toHaveCount(1);
  await expect(embed.locator('.embed-text')).toHaveText('also, any replies in this thread will appear as comments');
  await expect(embed.locator('.embed-author')).toHaveText('Emily Liu (@emilyliu.me)');
});

test('a pull quote goes in from the toolbar and the / menu, moves, deletes and comes back with undo, and survives save', async ({
  page,
}) => {
  await page.goto('/');
  await editor(page).click();
  await page.keyboard.type('The river rose overnight.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Pull quote', exact: true }).click();
  const quotes = page.locator('[data-block="pullquote"]');
  await expect(quotes).toHaveCount(1);
  // The caret is in the new quote's box.
  await expect(quotes.getByRole('textbox', { name: 'Quote', exact: true })).toBeFocused();
  await page.keyboard.type('The water came through the floor.');
  await quotes.getByRole('textbox', { name: 'Said by' }).fill('Mere Paki');
  await quotes.getByRole('textbox', { name: 'Role' }).fill('Resident, Esk Valley');
  await expect(quotes.locator('.pullquote-text')).toHaveText('The water came through the floor.');
  await quotes.screenshot({ path: 'test-results/new-blocks-pullquote-card.png' });

  // The / menu
  await editor(page).locator('p').last().click();
  await page.keyboard.type('/pull');
  await page.getByRole('option', { name: 'Pull quote' }).click();
  await expect(quotes).toHaveCount(2);
  await page.keyboard.type('Second quote.');

  // Select the first by its card, move it up with Alt+↑ and back, delete, undo
  const first = quotes.first();
  await first.locator('.pullquote-card').click();
  await expect(first.locator('.block')).toHaveClass(/is-selected/);
  await page.keyboard.press('Alt+ArrowUp');
  await expect(editor(page).locator(':scope > :not([data-lexical-decorator-boundary])').first()).toHaveAttribute('data-block', 'pullquote');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(editor(page).locator(':scope > :not([data-lexical-decorator-boundary])').nth(1)).toHaveAttribute('data-block', 'pullquote');
  await page.keyboard.press('Delete');
  await expect(quotes).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(quotes).toHaveCount(2);
  await expect(quotes.first().locator('.pullquote-credit')).toHaveText('— Mere Paki, Resident, Esk Valley');

  // An embed moves and deletes the same way
  await editor(page).locator('p').last().click();
  await insertByToolbar(page, LINKS.threads);
  const embed = page.locator('[data-block="embed"]');
  const embedAt = () => editor(page).evaluate((body) => [...body.children].findIndex((c) => c.getAttribute('data-block') === 'embed'));
  const before = await embedAt();
  await embed.locator('.embed-card').click();
  await expect(embed.locator('.block')).toHaveClass(/is-selected/);
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(embedAt).toBe(before + 1);
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(embedAt).toBe(before);
  await page.keyboard.press('Delete');
  await expect(embed).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(embed).toHaveCount(1);
  await page.screenshot({ path: 'test-results/new-blocks-pullquote.png', fullPage: false });

  // Save, open again: the same blocks
  await page.keyboard.press('Control+s');
  await page.getByLabel('File name').fill('new-blocks');
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const saved = readSavedStory(path.join(docsDir, 'new-blocks.story'));
  const blocks = saved.body.root.children.filter((c: { type: string }) => c.type === 'pullquote' || c.type === 'embed');
  expect(blocks.map((b: { type: string }) => b.type).sort()).toEqual(['embed', 'pullquote', 'pullquote']);
  expect(blocks.find((b: { type: string }) => b.type === 'pullquote')).toMatchObject({
    text: 'The water came through the floor.',
    attribution: 'Mere Paki',
    role: 'Resident, Esk Valley',
  });
  expect(blocks.find((b: { type: string }) => b.type === 'embed')).toMatchObject({
    provider: 'threads',
    url: 'https://www.threads.com/@zuck/post/CuXFPIeLLod',
    authorHandle: 'zuck',
  });
  await page.goto('/?open=new-blocks.story');
  await expect(page.locator('[data-block="pullquote"]')).toHaveCount(2);
  await expect(page.locator('[data-block="embed"] .embed-meta')).toContainText('https://www.threads.com/@zuck/post/CuXFPIeLLod');

  const html = await exportPage(page, 'pullquote-page');
  expect(html).toContain(
    '<figure class="pullquote"><blockquote><p>The water came through the floor.</p></blockquote><figcaption><span class="attribution">Mere Paki</span>, <span class="role">Resident, Esk Valley</span></figcaption></figure>',
  );
});

test('hostile text in every field of both blocks exports inert', async ({ page }) => {
  const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>" onmouseover="window.__xss=1';
  await page.goto('/');
  await editor(page).click();
  await page.getByRole('button', { name: 'Pull quote', exact: true }).click();
  const quote = page.locator('[data-block="pullquote"]');
  for (const label of ['Quote', 'Said by', 'Role']) await quote.getByRole('textbox', { name: label, exact: true }).fill(payload);
  await editor(page).locator('p').last().click();
  await insertByToolbar(page, LINKS.youtube);
  const embed = page.locator('[data-block="embed"]');
  await expect(embed.locator('.embed-title')).toHaveText('Flood waters reach the township');
  // Inserted empty, its form is still open after the look-up filled it.
  await expect(embed.getByRole('button', { name: 'Done' })).toBeVisible();
  for (const label of ['Channel or maker', 'Title', 'Date']) await embed.getByRole('textbox', { name: label, exact: true }).fill(payload);
  await embed.getByRole('textbox', { name: 'Handle' }).fill('x"onmouseover="window.__xss=1');
  // A hostile link is refused in the form, and the block keeps its good one.
  await embed.getByRole('textbox', { name: 'YouTube link' }).fill('javascript:window.__xss=1//youtube.com/watch?v=dQw4w9WgXcQ');
  await expect(embed.getByRole('alert')).toContainText('Post links start with https://');

  const html = await exportPage(page, 'hostile-new-blocks');
  expect(html).not.toMatch(/<script|<img|javascript:/i);
  expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
  // Opened as a page, nothing runs.
  await page.setContent(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
  await page.locator('figure.pullquote').hover();
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
});
