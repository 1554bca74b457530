import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, type CliRun as Run } from './support/cli';
import { runCli } from '../../electron/cli/run';
import { exportStory } from '../../shared/export';
import { serializeStory } from '../../shared/story';
import { SEED_PNG, SEED_PNG_SHA256, buildSeedStory, restoredSeedStory } from '../fixtures/seed-story';
import { cmsValidator, ninjsValidator, schemaErrors } from './support/schemas';

const USAGE_LINE = /^usage: copydesk export <story> --format html\|page\|json\|ninjs/;

function expectNoStackTrace(run: Run) {
  const all = run.stdout + run.stderr;
  expect(all).not.toMatch(/^\s+at\s/m);
  expect(all).not.toContain('Error:');
}

let dir: string;
let seedFile: string;
let broken: string;
let badField: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-export-'));
  seedFile = path.join(dir, 'seed.story');
  broken = path.join(dir, 'broken.story');
  badField = path.join(dir, 'bad-link.story');
  const text = serializeStory(buildSeedStory());
  await fs.writeFile(seedFile, text);
  await fs.writeFile(broken, text.slice(0, 500));
  await fs.writeFile(badField, text.replace('"https://twitter.com/chrissyteigen/status/1321573421466869760"', '"javascript:alert(1)"'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copydesk export (real CLI process)', () => {
  it('writes the HTML fragment to stdout, exactly what the app exports, well within 10 s', async () => {
    const run = await cli('export', seedFile, '--format', 'html');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(exportStory(restoredSeedStory(), { format: 'html' }).text);
    expect(run.stdout).toContain('<blockquote class="twitter-tweet">');
    expect(run.ms).toBeLessThan(10_000);
  });

  it('writes page, CMS JSON and ninjs to stdout, with the options applied', { timeout: 60_000 }, async () => {
    const [page, json, ninjs] = await Promise.all([
      cli('export', seedFile, '--format=page', '--tweet-script', '--credit-style', 'image-parens'),
      cli('export', '--format', 'json', seedFile),
      cli('export', seedFile, '--format', 'ninjs'),
    ]);
    for (const run of [page, json, ninjs]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
    }
    expect(page.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(page.stdout).toContain('<span class="credit">(Image: Supplied)</span>');
    expect(page.stdout).toContain('<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>');
    expect(schemaErrors(cmsValidator(), JSON.parse(json.stdout))).toEqual([]);
    expect(schemaErrors(ninjsValidator(), JSON.parse(ninjs.stdout))).toEqual([]);
  });

  it('writes to -o and says so', async () => {
    const out = path.join(dir, 'story.json');
    const run = await cli('export', seedFile, '--format', 'json', '-o', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`wrote ${out}\n`);
    expect(run.stderr).toBe('');
    expect(await fs.readFile(out, 'utf8')).toBe(exportStory(restoredSeedStory(), { format: 'json' }).text);
  });

  it('with --assets dir, writes images/<sha256>.png beside the output and refers to it', async () => {
    const folder = path.join(dir, 'web');
    await fs.mkdir(folder);
    const out = path.join(folder, 'index.html');
    const run = await cli('export', seedFile, '--format', 'page', '--assets', 'dir', '-o', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`wrote ${out} and 1 image in ${path.join(folder, 'images')}\n`);
    const image = await fs.readFile(path.join(folder, 'images', `${SEED_PNG_SHA256}.png`));
    expect(image.equals(SEED_PNG)).toBe(true);
    const html = await fs.readFile(out, 'utf8');
    expect(html).toContain(`<img src="images/${SEED_PNG_SHA256}.png"`);
    expect(html).not.toContain('base64');
    // Nothing else: no temporary files left behind.
    expect((await fs.readdir(folder)).sort()).toEqual(['images', 'index.html']);
    expect(await fs.readdir(path.join(folder, 'images'))).toEqual([`${SEED_PNG_SHA256}.png`]);
  });

  it('exits 1 with one "path: reason" line for a missing file', async () => {
    const missing = path.join(dir, 'missing.story');
    const run = await cli('export', missing, '--format', 'html');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${missing}: no such file\n`);
  });

  it('exits 1 for a broken story and writes nothing', async () => {
    const out = path.join(dir, 'broken.html');
    const run = await cli('export', broken, '--format', 'page', '-o', out);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(`${broken}: the file is cut short — it may not have finished saving`);
    await expect(fs.stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
    expectNoStackTrace(run);
  });

  it('exits 1 for a story restore refuses (a javascript: link), leaving an existing output as it was', async () => {
    const out = path.join(dir, 'keep.html');
    await fs.writeFile(out, 'previous export\n');
    const run = await cli('export', badField, '--format', 'html', '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([`${badField}: body block 5 (tweet): url must be a tweet status link`]);
    expect(await fs.readFile(out, 'utf8')).toBe('previous export\n');
  });

  it('exits 1 when the output cannot be written, leaving no partial file', async () => {
    const out = path.join(dir, 'no-such-folder', 'story.html');
    const run = await cli('export', seedFile, '--format', 'html', '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${out}: cannot be written (no such folder)\n`);
    await expect(fs.stat(path.dirname(out))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('exits 2 for an unknown format', async () => {
    const run = await cli('export', seedFile, '--format', 'docx');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines[0]).toBe('copydesk export: unknown format "docx" (use html, page, json or ninjs)');
    expect(lines[1]).toMatch(USAGE_LINE);
    expectNoStackTrace(run);
  });

  it('exits 2 for a missing option value, as a process too', async () => {
    const run = await cli('export', seedFile, '--format');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe('copydesk export: --format needs a value');
    expectNoStackTrace(run);
  });

  // The same entry point the process runs (runCli), in-process: ten child processes at once
  // are slow on a busy machine and prove nothing more.
  it('exits 2 for other usage errors, each with its reason', async () => {
    const cases: [string[], string][] = [
      [['export', seedFile], '--format is required (html, page, json or ninjs)'],
      [['export', seedFile, '--format'], '--format needs a value'],
      [['export', seedFile, '--format=', 'html'], '--format needs a value'],
      [['export', seedFile, '--format', 'html', '-o'], '-o needs a value'],
      [['export', seedFile, '--format', 'html', '-o', '--assets'], '-o needs a value'],
      [['export', seedFile, '--format', 'html', '--pretty'], 'unknown option "--pretty"'],
      [['export', seedFile, '--format', 'html', '--tweet-script=yes'], '--tweet-script takes no value'],
      [['export', seedFile, '--format', 'html', '--assets', 'zip'], 'unknown --assets "zip" (use inline or dir)'],
      [['export', seedFile, '--format', 'html', '--assets', 'dir'], '--assets dir writes images/ beside the output: give -o <out>'],
      [
        ['export', seedFile, '--format', 'html', '--credit-style', 'bold'],
        'unknown --credit-style "bold" (use photo-slash, photo-colon, image-parens)',
      ],
      [['export', '--format', 'html'], 'which story? (export <story> --format …)'],
      [['export', seedFile, seedFile, '--format', 'html'], 'export takes one story (got 2)'],
      [['export', seedFile, '--format', 'html', '-o', seedFile], 'the output would overwrite the story itself'],
    ];
    for (const [args, reason] of cases) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
      expect(code, args.join(' ')).toBe(2);
      expect(out, args.join(' ')).toEqual([]);
      expect(err[0], args.join(' ')).toBe(`copydesk export: ${reason}`);
      expect(err[1], args.join(' ')).toMatch(USAGE_LINE);
    }
    // The story was not touched by the attempt to overwrite it.
    expect(await fs.readFile(seedFile, 'utf8')).toBe(serializeStory(buildSeedStory()));
  });

  it('prints its usage for --help and is listed in the main usage', { timeout: 60_000 }, async () => {
    const [help, main] = await Promise.all([cli('export', '--help'), cli('--help')]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(USAGE_LINE);
    expect(main.stdout).toMatch(/^\s+export <story> --format/m);
  });
});
