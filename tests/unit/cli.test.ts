import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, PROJECT, type CliRun as Run } from './support/cli';
import { createStory, serializeStory } from '../../shared/story';

function expectNoStackTrace(run: Run) {
  const all = run.stdout + run.stderr;
  expect(all).not.toMatch(/^\s+at\s/m);
  expect(all).not.toMatch(/\bat .*\.[cm]?[jt]s:\d+:\d+/);
  expect(all).not.toContain('Error:');
}

let dir: string;
let good: string;
let good2: string;
let broken: string;
let future: string;
let wrongType: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-cli-'));
  const story = createStory({ id: 'cli-1', now: new Date('2024-05-01T10:00:00.000Z') });
  const text = serializeStory(story);
  good = path.join(dir, 'good.story');
  good2 = path.join(dir, 'good two.story');
  broken = path.join(dir, 'broken.story');
  future = path.join(dir, 'future.story');
  wrongType = path.join(dir, 'wrong-type.story');
  await fs.writeFile(good, text);
  await fs.writeFile(good2, text);
  await fs.writeFile(broken, text.slice(0, text.length / 2));
  await fs.writeFile(future, text.replace('"schemaVersion": 2', '"schemaVersion": 7'));
  await fs.writeFile(wrongType, text.replace('"headline": ""', '"headline": 5'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copydesk validate (real CLI process)', () => {
  it('exits 0 for a valid story, well within 10 s', async () => {
    const run = await cli('validate', good);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${good}: ok\n`);
    expect(run.stderr).toBe('');
    expect(run.ms).toBeLessThan(10_000);
  });

  it('exits 0 for several valid stories', async () => {
    const run = await cli('validate', good, good2);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('2 stories ok\n');
  });

  it('exits 1 with exactly one "path: reason" line per bad file', async () => {
    const run = await cli('validate', broken, good, wrongType);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`${broken}: the file is cut short — it may not have finished saving`);
    expect(lines[1]).toBe(`${wrongType}: headline must be a string`);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stdout).not.toContain(`${good}:`);
    expect(run.stderr).toBe('');
    expectNoStackTrace(run);
  });

  it('reports a future version and a missing file', async () => {
    const missing = path.join(dir, 'missing.story');
    const run = await cli('validate', future, missing);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      `${future}: written by a newer Copydesk (schemaVersion 7); update Copydesk to open it`,
      `${missing}: no such file`,
    ]);
    expectNoStackTrace(run);
  });

  it('reports a folder and an empty file', async () => {
    const empty = path.join(dir, 'empty.story');
    await fs.writeFile(empty, '');
    const run = await cli('validate', dir, empty);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([`${dir}: is a folder, not a story`, `${empty}: the file is empty`]);
    expectNoStackTrace(run);
  });

  it('exits 2 with no arguments', async () => {
    const run = await cli();
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain('usage: copydesk');
    expectNoStackTrace(run);
  });

  it('exits 2 for validate without files', async () => {
    const run = await cli('validate');
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith('usage: copydesk validate <story...>')).toBe(true);
    expect(run.stdout).toBe('');
  });

  it('every command answers --help with its usage and exit 0', async () => {
    const runs = await Promise.all([
      cli('validate', '--help'),
      cli('validate', '-h'),
      cli('import', '--help'),
      cli('export', '--help'),
      cli('help'),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^usage: copydesk/);
      expect(run.stderr).toBe('');
    }
    expect(runs[0]!.stdout).toMatch(/^usage: copydesk validate <story\.\.\.>/);
    // After `--`, "--help" is a file name like any other.
    const file = await cli('validate', '--', '--help');
    expect(file.code).toBe(1);
    expect(file.stdout).toBe('--help: no such file\n');
  });

  it('a story cut short says so plainly and points at the backup beside it', async () => {
    const cut = path.join(dir, 'cut short.story');
    const text = serializeStory(createStory({ id: 'cut-1', now: new Date('2024-05-01T10:00:00.000Z') }));
    await fs.writeFile(cut, text.slice(0, Math.floor(text.length * 0.8)));
    const without = await cli('validate', cut);
    expect(without.code).toBe(1);
    expect(without.stdout).toBe(`${cut}: the file is cut short — it may not have finished saving\n`);
    await fs.writeFile(`${cut}.bak`, text);
    const withBackup = await cli('validate', cut);
    expect(withBackup.stdout).toBe(
      `${cut}: the file is cut short — it may not have finished saving; a backup may be beside it: cut short.story.bak\n`,
    );
    expect(withBackup.stdout).not.toMatch(/position|Unterminated|JSON/);
    expectNoStackTrace(withBackup);
  });

  it('exits 2 for an unknown command', async () => {
    const run = await cli('frobnicate', good);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('copydesk: unknown command "frobnicate"');
    expect(run.stdout).toBe('');
    expectNoStackTrace(run);
  });

  it('exits 2 for an unknown option', async () => {
    const run = await cli('validate', '--strict', good);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('copydesk validate: unknown option "--strict"');
  });
});

describe('the bundled CLI `npm run cli` runs', () => {
  const manifest = path.join(PROJECT, 'dist/cli/inputs.json');
  const read = async () => JSON.parse(await fs.readFile(manifest, 'utf8')) as { builtAt: number; inputs: string[] };

  it('is rebuilt when a source it was made from changes, and only then', async () => {
    expect((await cli('--help')).code).toBe(0);
    const first = await read();
    // The commands and the shared story code it is made from; never node_modules.
    expect(first.inputs).toEqual(
      expect.arrayContaining(['electron/cli.ts', 'electron/cli/export.ts', 'shared/story/restore.ts', 'package-lock.json']),
    );
    expect(first.inputs.some((i) => i.includes('node_modules'))).toBe(false);

    expect((await cli('--help')).code).toBe(0);
    expect((await read()).builtAt).toBe(first.builtAt); // nothing changed: not rebuilt

    const source = path.join(PROJECT, 'electron/cli/run.ts');
    const now = new Date();
    await fs.utimes(source, now, now);
    expect((await cli('--help')).code).toBe(0);
    expect((await read()).builtAt).toBeGreaterThan(first.builtAt);
  });
});
