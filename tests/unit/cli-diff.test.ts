import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareStories } from '../../shared/compare';
import { restoreStoryText, serializeStory, type Story } from '../../shared/story';
import { buildSeedStory, paragraph } from '../fixtures/seed-story';
import { cli, type CliRun } from './support/cli';

const USAGE_LINE = /^usage: copydesk diff <a> <b> \[--format text\|json\|html\] \[--exit-code\]/;

let dir: string;
let filed: string;
let subbed: string;
let broken: string;

/** The reporter's filed copy and the sub's edit: a new credit, a tweet removed, a word changed, status moved on. */
function subbedStory(): Story {
  const story = buildSeedStory();
  const blocks = story.body.root.children;
  blocks[0]!.credit = 'RNZ';
  blocks.splice(4, 1);
  blocks[4] = paragraph(
    'It prompted an excited response from Teigen, who said she was "honoured" to have the former Secretary of State\'s support.',
  );
  story.meta.status = 'subbing';
  return story;
}

function expectOneLine(run: CliRun, pattern: RegExp) {
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at\s/m);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-diff-'));
  filed = path.join(dir, 'filed.story');
  subbed = path.join(dir, 'subbed.story');
  broken = path.join(dir, 'broken.story');
  await fs.writeFile(filed, serializeStory(buildSeedStory()));
  await fs.writeFile(subbed, serializeStory(subbedStory()));
  await fs.writeFile(broken, serializeStory(buildSeedStory()).slice(0, 400));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copydesk diff (real CLI process)', () => {
  it('prints the changes as text, JSON or HTML, and exits 0 though they differ', { timeout: 60_000 }, async () => {
    const [text, json, html] = await Promise.all([
      cli('diff', filed, subbed),
      cli('diff', filed, subbed, '--format', 'json'),
      cli('diff', '--format=html', filed, subbed),
    ]);
    for (const run of [text, json, html]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
    }
    expect(text.stdout).toContain(`--- ${filed}\n+++ ${subbed}\n`);
    expect(text.stdout).toContain('  status: ready → subbing\n');
    expect(text.stdout).toContain('  credit: Photo / Supplied → Photo / RNZ\n');
    expect(text.stdout).toContain('  tweet removed: @chrissyteigen October 28, 2020\n');
    expect(text.stdout).toContain('  It prompted an [-enthusiastic-] {+excited+} response');
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('1 word added, 1 removed; 0 blocks added, 1 removed, 0 moved');

    // JSON: exactly what the shared compare gives for the two restored stories.
    const restore = async (file: string) => {
      const result = restoreStoryText(await fs.readFile(file, 'utf8'));
      if (!result.ok) throw new Error(result.reason);
      return result.story;
    };
    const expected = compareStories(await restore(filed), await restore(subbed));
    const printed = JSON.parse(json.stdout);
    expect(printed).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(Object.keys(printed)).toEqual(['meta', 'blocks', 'stats']);
    expect(printed.stats).toEqual({ wordsInserted: 1, wordsDeleted: 1, blocksInserted: 0, blocksDeleted: 1, blocksMoved: 0 });

    expect(html.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(html.stdout).toContain(`default-src 'none'`);
    expect(html.stdout).toContain('<del>enthusiastic</del><ins>excited</ins>');
  });

  it('--exit-code exits 1 when the stories differ and 0 when they do not', { timeout: 60_000 }, async () => {
    const [differ, same] = await Promise.all([cli('diff', '--exit-code', filed, subbed), cli('diff', filed, filed, '--exit-code')]);
    expect(differ.code).toBe(1);
    expect(differ.stdout).toContain('credit: Photo / Supplied → Photo / RNZ');
    expect(same.code).toBe(0);
    expect(same.stdout.trimEnd().split('\n').at(-1)).toBe('No changes.');
  });

  it('an unreadable story exits 1 with one line naming the file and the reason', { timeout: 60_000 }, async () => {
    const missing = path.join(dir, 'missing.story');
    const [absent, damaged, folder] = await Promise.all([
      cli('diff', filed, missing),
      cli('diff', broken, subbed),
      cli('diff', filed, dir),
    ]);
    expect(absent.code).toBe(1);
    expectOneLine(absent, new RegExp(`^${escape(missing)}: no such file\\n$`));
    expect(damaged.code).toBe(1);
    expectOneLine(damaged, new RegExp(`^${escape(broken)}: .+\\n$`));
    expect(folder.code).toBe(1);
    expectOneLine(folder, new RegExp(`^${escape(dir)}: is a folder, not a story\\n$`));
  });

  it('file.story#version is understood, and answered plainly while versions are not stored', { timeout: 60_000 }, async () => {
    const [version, missingFile] = await Promise.all([cli('diff', `${filed}#filed`, subbed), cli('diff', filed, `${dir}/nope.story#2`)]);
    expect(version.code).toBe(1);
    expectOneLine(version, new RegExp(`^${escape(filed)}: has no version "filed" \\(versions are not stored in this file\\)\\n$`));
    expect(missingFile.code).toBe(1);
    expectOneLine(missingFile, new RegExp(`^${escape(dir)}/nope.story: no such file\\n$`));
  });

  it('usage errors exit 2; --help prints the usage and exits 0', { timeout: 60_000 }, async () => {
    const [one, format, option, help] = await Promise.all([
      cli('diff', filed),
      cli('diff', filed, subbed, '--format', 'pdf'),
      cli('diff', filed, subbed, '--word-diff'),
      cli('diff', '--help'),
    ]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/^copydesk diff: diff compares two stories \(got 1\)\n/);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^copydesk diff: unknown format "pdf" \(use text, json or html\)\n/);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^copydesk diff: unknown option "--word-diff"\n/);
    for (const run of [one, format, option]) expect(run.stderr.split('\n')[1]).toMatch(USAGE_LINE);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(USAGE_LINE);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
