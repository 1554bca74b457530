import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, PROJECT } from './support/cli';
import { bodyPlainText } from '../../shared/story/create';
import { restoreStoryText } from '../../shared/story/restore';
import { readStoryFile } from '../../electron/services/story-files';
import type { Story } from '../../shared/story/schema';
import { makePng } from '../fixtures/images';

const SAMPLES = path.resolve(PROJECT, 'tests/fixtures/samples/docx');
const CLIPBOARD = path.join(PROJECT, 'tests/fixtures/clipboard');

async function readStory(file: string): Promise<Story> {
  const restored = restoreStoryText((await readStoryFile(file)).text);
  if (!restored.ok) throw new Error(restored.reason);
  return restored.story;
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-import-formats-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copydesk import <file.docx>', () => {
  it('imports a Word file with headings, lists and images, printing the summary', async () => {
    const out = path.join(dir, 'docx4j.story');
    const run = await cli('import', path.join(SAMPLES, 'docx4j-sample-docxv2.docx'), '-o', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('3 photos, 6 headings, 2 lists, 28 paragraphs\n');
    const story = await readStory(out);
    expect(story.meta.headline).toBe('Docx sample document');
    expect(
      Object.values(story.assets)
        .map((a) => a.mime)
        .sort(),
    ).toEqual(['image/gif', 'image/jpeg', 'image/png']);
    expect(bodyPlainText(story.body)).toContain('Here is some change tracking. An insertion Followed by.');
  });

  it('imports a table as row paragraphs', async () => {
    const out = path.join(dir, 'tables.story');
    const run = await cli('import', path.join(SAMPLES, 'mammoth-tables.docx'), '-o', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('4 paragraphs\n');
    expect(bodyPlainText((await readStory(out)).body)).toBe('Above\nTop left | Top right\nBottom left | Bottom right\nBelow');
  });

  it('refuses a file that is not a .docx, writing nothing', async () => {
    const fake = path.join(dir, 'fake.docx');
    const out = path.join(dir, 'fake.story');
    await fs.writeFile(fake, 'this is plain text with a .docx name');
    const run = await cli('import', fake, '-o', out);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${fake}: is not a Word .docx file\n`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('copydesk import <file.html>', () => {
  it('imports a Google Docs HTML paste, printing the summary', async () => {
    const input = path.join(dir, 'docs.html');
    await fs.copyFile(path.join(CLIPBOARD, 'google-docs.html'), input);
    const out = path.join(dir, 'docs.story');
    const run = await cli('import', input, '-o', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('1 heading, 2 lists, 4 paragraphs\n');
    const story = await readStory(out);
    expect(story.meta.headline).toBe('Council votes to close Waterworld pool');
    expect(JSON.stringify(story.body)).not.toMatch(/font-weight|docs-internal/);
  });

  it('reads a Word "Save as Web Page" file: windows-1252 text, a data: image and an image saved beside it', async () => {
    const site = path.join(dir, 'site');
    const page = path.join(site, 'Story.htm');
    await fs.mkdir(path.join(site, 'Story_files'), { recursive: true });
    const beside = makePng(8, 6, 1);
    const embedded = makePng(3, 2, 2);
    await fs.writeFile(path.join(site, 'Story_files', 'image001.png'), beside);
    // Outside the page's folder: never read.
    await fs.writeFile(path.join(dir, 'outside.png'), makePng(2, 2));
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"><title>Caf\u00e9 reopens</title></head><body lang=EN-NZ><div class=WordSection1><p class=MsoNormal>The caf\u00e9 \u0093reopens\u0094 today.<o:p></o:p></p><p class=MsoNormal><!--[if gte vml 1]><v:shape id="Picture_x0020_1" o:spid="_x0000_i1025"><v:imagedata src="Story_files/image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=8 height=6 src="Story_files/image001.png" alt="Caf\u00e9 front" v:shapes="Picture_x0020_1"><![endif]></p><p class=MsoNormal><img src="data:image/png;base64,${embedded.toString('base64')}" alt="Map"></p><p class=MsoNormal><img src="../outside.png" alt="Escapes the folder"></p></div></body></html>`;
    // windows-1252: é is 0xE9, curly quotes are 0x93/0x94.
    await fs.writeFile(page, Buffer.from(html, 'latin1'));
    const out = path.join(dir, 'page.story');
    const run = await cli('import', page, '-o', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('2 photos, 1 paragraph\n');
    const story = await readStory(out);
    expect(story.meta.headline).toBe('Café reopens');
    expect(bodyPlainText(story.body)).toBe('The café “reopens” today.');
    const photos = story.body.root.children.filter((n) => n.type === 'photo');
    expect(photos.map((p) => p.alt)).toEqual(['Café front', 'Map']);
    expect(
      Object.values(story.assets)
        .map((a) => [a.width, a.height])
        .sort(),
    ).toEqual([
      [3, 2],
      [8, 6],
    ]);
  });

  it('refuses a zip archive named .html', async () => {
    const fake = path.join(dir, 'zip.html');
    await fs.copyFile(path.join(SAMPLES, 'mammoth-simple-list.docx'), fake);
    const run = await cli('import', fake, '-o', path.join(dir, 'zip.story'));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${fake}: is a zip archive (a .docx saved as .html?), not HTML\n`);
  });
});
