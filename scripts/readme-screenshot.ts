// The README's screenshot (docs/screenshot.png): the seed story with a full-size lead photo,
// opened in the real renderer through the web harness in Chromium, its first tweet selected.
// Run after `npm run build:renderer`:  npx tsx scripts/readme-screenshot.ts
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startHarness } from '../electron/web-harness';
import { serializeStory } from '../shared/story';
import { buildSeedStory } from '../tests/fixtures/seed-story';
import { makePng } from '../tests/fixtures/images';

const story = buildSeedStory();
const png = makePng(1600, 900);
const key = createHash('sha256').update(png).digest('hex');
const old = Object.keys(story.assets)[0]!;
story.assets = { [key]: { ...story.assets[old]!, width: 1600, height: 900, bytes: png.length, data: png.toString('base64') } };
for (const node of story.body.root.children) if (node.type === 'photo') Object.assign(node, { asset: key });
// A documents folder named as a reader's would be (~/Copydesk), in a scratch folder.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'copydesk-readme-'));
const docs = path.join(scratch, 'Copydesk');
mkdirSync(docs, { recursive: true });
writeFileSync(path.join(docs, 'seed-story.story'), serializeStory(story));
const harness = await startHarness({ rendererDir: path.resolve('dist/renderer'), docsDir: docs, port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1360, height: 1500 } });
await page.goto(`${harness.url}?open=seed-story.story`);
await page.locator('[data-block="photo"] img.photo-preview').waitFor();
await page.locator('[data-block="tweet"]').first().locator('.tweet-card').click();
// The status bar shows where the story is saved; show it as it reads on a reporter's machine,
// home-relative, not the scratch folder this script made.
await page.locator('.status-path').evaluate((el, shown) => (el.textContent = shown), '~/Copydesk/seed-story.story');
await page.mouse.move(1300, 1400);
await page.waitForTimeout(300);
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
await harness.close();
rmSync(scratch, { recursive: true, force: true });
