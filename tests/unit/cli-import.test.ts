import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, PROJECT, type CliRun as Run } from './support/cli';
import { decodeText, IMPORT_USAGE } from '../../electron/cli/import';
import { restoreStoryText } from '../../shared/story';
import { readStoryFile } from '../../electron/services/story-files';

const SEED = path.resolve(PROJECT, 'tests/fixtures/samples/seed-teigen-clinton.txt');
const NJ = path.resolve(PROJECT, 'tests/fixtures/samples/nj-south-dakota-slogan.txt');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);

function expectNoStackTrace(run: Run) {
  const all = run.stdout + run.stderr;
  expect(all).not.toMatch(/^\s+at\s/m);
  expect(all).not.toContain('Error:');
}

let dir: string;

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-import-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copydesk import (real CLI process)', () => {
  it('imports the seed story, prints the summary and writes a story that validates', async () => {
    const out = path.join(dir, 'seed.story');
    const run = await cli('import', SEED, '-o', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^2 tweets, 1 photo, 1 helpline footer, \d+ paragraphs\n$/);
    expect(run.stdout).toBe('2 tweets, 1 photo, 1 helpline footer, 16 paragraphs\n');

    const restored = restoreStoryText((await readStoryFile(out)).text);
    expect(restored.ok).toBe(true);
    if (restored.ok) {
      expect(restored.story.meta.dateline).toBe('2020-10-29');
      expect(restored.story.body.root.children.filter((n) => n.type === 'tweet')).toHaveLength(2);
    }
    const validate = await cli('validate', out);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toBe(`${out}: ok\n`);
    expect((await fs.readdir(dir)).sort()).toEqual(['seed.story']);
  });

  it('refuses to replace an existing story without --force, and writes nothing', async () => {
    const out = path.join(dir, 'kept.story');
    await fs.writeFile(out, 'the reporter’s own story');
    const run = await cli('import', NJ, '-o', out);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${out}: already exists; nothing was written (add --force to replace it)\n`);
    expect(await fs.readFile(out, 'utf8')).toBe('the reporter’s own story');
    expectNoStackTrace(run);
  });

  it('accepts --output=… and replaces an earlier import with --force', async () => {
    const out = path.join(dir, 'nj.story');
    await fs.writeFile(out, 'old');
    const run = await cli('import', `--output=${out}`, NJ, '--force');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('5 tweets, 19 paragraphs\n');
    expect(restoreStoryText((await readStoryFile(out)).text).ok).toBe(true);
  });

  const failures: Array<[string, (file: string) => Promise<void>, string]> = [
    ['an empty file', (f) => fs.writeFile(f, ''), 'is empty'],
    ['a whitespace-only file', (f) => fs.writeFile(f, ' \n\t\r\n  \n'), 'is empty'],
    ['PNG bytes', (f) => fs.writeFile(f, PNG), 'is a PNG image, not text'],
    ['bytes with NULs', (f) => fs.writeFile(f, Buffer.from('abc\0def\0', 'latin1')), 'is a binary file, not text'],
    [
      'Latin-1 bytes',
      (f) => fs.writeFile(f, Buffer.from('café au lait\n', 'latin1')),
      'is not UTF-8 text (save it as UTF-8 and try again)',
    ],
    ['a folder', (f) => fs.mkdir(f), 'is a folder, not a file'],
  ];
  for (const [label, make, reason] of failures) {
    it(`exits 1 with one line for ${label}, and writes nothing`, async () => {
      const input = path.join(dir, `${label.replace(/\W+/g, '-')}.txt`);
      await make(input);
      const out = path.join(dir, `${label.replace(/\W+/g, '-')}.story`);
      const before = (await fs.readdir(dir)).sort();
      const run = await cli('import', input, '-o', out);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`${input}: ${reason}\n`);
      // Neither the story nor a temporary file is left behind.
      expect((await fs.readdir(dir)).sort()).toEqual(before);
      expectNoStackTrace(run);
    });
  }

  it('exits 1 for a missing file', async () => {
    const input = path.join(dir, 'missing.txt');
    const out = path.join(dir, 'missing.story');
    const run = await cli('import', input, '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${input}: no such file\n`);
    expect(await exists(out)).toBe(false);
  });

  it('exits 1 for a kind of file it has no reader for', async () => {
    const input = path.join(dir, 'scan.pdf');
    await fs.writeFile(input, '%PDF-1.7');
    const out = path.join(dir, 'scan.story');
    const run = await cli('import', input, '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr.startsWith(`${input}: cannot import .pdf files (Copydesk imports .txt, `)).toBe(true);
    expect(run.stderr.endsWith(')\n')).toBe(true);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(await exists(out)).toBe(false);
  });

  it('exits 1 when the story cannot be written, leaving nothing behind', async () => {
    const out = path.join(dir, 'no-such-folder', 'x.story');
    const run = await cli('import', SEED, '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${out}: cannot write the story (the folder does not exist)\n`);
    expect(run.stdout).toBe('');
  });

  it('exits 2 without -o', async () => {
    const run = await cli('import', SEED);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`copydesk import: no output file (-o <out.story>)\n${IMPORT_USAGE}\n`);
  });

  it('exits 2 for an unknown flag, no input, or -o without a name', async () => {
    const out = path.join(dir, 'usage.story');
    const [unknown, noInput, noName, twoInputs] = await Promise.all([
      cli('import', SEED, '-o', out, '--overwrite'),
      cli('import', '-o', out),
      cli('import', SEED, '-o'),
      cli('import', SEED, NJ, '-o', out),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('copydesk import: unknown option "--overwrite"');
    expect([noInput.code, noName.code, twoInputs.code]).toEqual([2, 2, 2]);
    expect(noInput.stderr.split('\n')[0]).toBe('copydesk import: no file to import');
    expect(noName.stderr.split('\n')[0]).toBe('copydesk import: -o needs a file name');
    expect(twoInputs.stderr.split('\n')[0]).toBe('copydesk import: import one file at a time');
    expect(await exists(out)).toBe(false);
  });

  it('names every format it imports, and --force, in the usage', async () => {
    const [general, own] = await Promise.all([cli('--help'), cli('import', '--help')]);
    expect([general.code, own.code]).toEqual([0, 0]);
    expect(general.stdout).toContain('import <file.txt|file.html|file.docx> -o <out.story> [--force]');
    expect(own.stdout).toBe(`${IMPORT_USAGE}\n`);
    for (const format of ['.txt', '.html', '.docx']) expect(own.stdout).toContain(format);
    expect(own.stdout).toContain('--force');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 (with or without a BOM) and UTF-16 with a BOM', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFKia ora'))).toEqual({ ok: true, text: 'Kia ora' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Māori news', 'utf16le')]);
    expect(decodeText(new Uint8Array(utf16))).toEqual({ ok: true, text: 'Māori news' });
  });

  it('refuses images, PDFs, zips and control-character soup', () => {
    expect(decodeText(PNG)).toEqual({ ok: false, reason: 'is a PNG image, not text' });
    expect(decodeText(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).toEqual({ ok: false, reason: 'is a JPEG image, not text' });
    expect(decodeText(new TextEncoder().encode('%PDF-1.7\n'))).toEqual({ ok: false, reason: 'is a PDF, not text' });
    expect(decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0]))).toMatchObject({ ok: false });
    expect(decodeText(new TextEncoder().encode('\u0001\u0002\u0003abc'))).toEqual({ ok: false, reason: 'is a binary file, not text' });
  });
});
