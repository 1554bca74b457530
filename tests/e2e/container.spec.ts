import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { expect, test, type Page } from './support/test';
import { makePng } from '../fixtures/images';

const docsDir = process.env.E2E_DOCS!;
const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const editor = (page: Page) => page.locator('.editor-body');

/**
 * A photographer's original: a real PNG (the window decodes it) followed by 20 MB of
 * seeded noise, which PNG readers ignore after IEND — so the file is as large as a full-size
 * JPEG from a camera without taking seconds to encode.
 */
function largePhoto(): Buffer {
  const noise = Buffer.alloc(20 * 1024 * 1024);
  let x = 0x9e3779b9;
  for (let i = 0; i < noise.length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    noise.writeUInt32LE(x >>> 0, i);
  }
  return Buffer.concat([makePng(64, 48, 11), noise]);
}

const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['scripts/cli.mjs', ...args], { cwd: project, encoding: 'utf8', timeout: 120_000 });

test('a story with a 20 MB photo saves as a container, reopens byte-identical, and exports with --assets dir and inline', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const photo = largePhoto();
  const key = createHash('sha256').update(photo).digest('hex');
  // Playwright passes buffers only up to 50 MB; a file on disk is the honest path anyway.
  const source = path.join(mkdtempSync(path.join(os.tmpdir(), 'copydesk-large-photo-')), 'harbour.png');
  writeFileSync(source, photo);

  await page.goto('/');
  await editor(page).click();
  await page.getByTestId('photo-file-input').setInputFiles(source);
  await expect(page.locator('[data-block="photo"]')).toHaveCount(1, { timeout: 60_000 });
  await page.keyboard.press('Control+s');
  await page.getByLabel('File name').fill('large-photo');
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 60_000 });

  // The crash journal of the unsaved story (20 MB of photo) is cleared once its last write has
  // landed; reopening before that would be offered the saved work back as unsaved.
  const recovery = path.join(docsDir, '.copydesk', 'recovery');
  await expect
    .poll(() => (existsSync(recovery) ? readdirSync(recovery).filter((f) => f.endsWith('.json')) : []), { timeout: 60_000 })
    .toEqual([]);

  const file = path.join(docsDir, 'large-photo.story');
  const first = unzipSync(readFileSync(file));
  expect(Object.keys(first).slice(0, 3)).toEqual(['mimetype', 'story.json', 'summary.json']);
  expect(Buffer.from(first[`assets/${key}.png`]!).equals(photo)).toBe(true);
  expect(JSON.parse(Buffer.from(first['story.json']!).toString()).assets[key]).toMatchObject({ mime: 'image/png', bytes: photo.length });

  // Reopened, edited and saved again: the photo's entry comes back exactly.
  await page.goto('/?open=large-photo.story');
  await expect(page.locator('img.photo-preview')).toHaveCount(1, { timeout: 60_000 });
  await editor(page).locator('p').last().click();
  await page.keyboard.type('Reopened.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 60_000 });
  const again = unzipSync(readFileSync(file));
  expect(Buffer.from(again['story.json']!).toString()).toContain('Reopened.');
  expect(Buffer.from(again[`assets/${key}.png`]!).equals(photo)).toBe(true);

  // Exported by the CLI: the original file beside the page, and inline as a data: URI.
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'copydesk-large-export-')), 'large.html');
  cli('export', file, '--format', 'page', '--assets', 'dir', '-o', out);
  expect(readFileSync(path.join(path.dirname(out), 'images', `${key}.png`)).equals(photo)).toBe(true);
  const inline = path.join(path.dirname(out), 'inline.html');
  cli('export', file, '--format', 'html', '-o', inline);
  const html = readFileSync(inline, 'utf8');
  const uri = /src="data:image\/png;base64,([A-Za-z0-9+/=]+)"/.exec(html);
  expect(uri).not.toBeNull();
  expect(Buffer.from(uri![1]!, 'base64').equals(photo)).toBe(true);
  expect(cli('validate', file).trim()).toBe(`${file}: ok`);
});
