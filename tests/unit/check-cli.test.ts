import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/check';
import { serializeStory } from '../../shared/story';
import { paragraph, photoNode } from '../fixtures/seed-story';
import { cli, type CliRun } from './support/cli';
import { storyOf } from './support/check-story';

let dir: string;
let faulty: string;
let clean: string;
let american: string;

const noStackTrace = (run: CliRun) => {
  expect(run.stdout + run.stderr).not.toMatch(/^\s+at\s/m);
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-check-'));
  faulty = path.join(dir, 'faulty.story');
  clean = path.join(dir, 'clean.story');
  american = path.join(dir, 'american.story');
  const photo = photoNode({
    asset: '',
    src: 'https://example.com/a.jpg',
    alt: 'The council chamber',
    caption: 'The council met on Tuesday.',
    credit: 'Photo: Supplied',
  });
  await fs.writeFile(
    faulty,
    serializeStory(
      storyOf(
        [paragraph('The council will recieve the report TK.'), photo, paragraph('Her son died by suicide last year, the family said.')],
        {
          headline: '',
        },
      ),
    ),
  );
  await fs.writeFile(
    clean,
    serializeStory(
      storyOf([
        paragraph('The council voted on Tuesday to raise rates by 5 per cent, the mayor said.'),
        photoNode({ ...photo, credit: 'Supplied' } as never),
      ]),
    ),
  );
  await fs.writeFile(american, serializeStory(storyOf([paragraph('The color of the center was changed.')], { language: 'en-US' })));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copydesk check (real CLI process)', () => {
  it('prints one line per finding and exits 1 when any is an error', async () => {
    const run = await cli('check', faulty);
    expect(run.code).toBe(1);
    noStackTrace(run);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain(`${faulty}:headline: error headline: The story has no headline`);
    expect(lines).toContain(`${faulty}: error sensitive-footer: This story covers suicide; add a helpline footer (New Zealand list)`);
    expect(lines).toContain(`${faulty}:1:18: warning spelling: "recieve" → "receive" — “recieve” is not in the en-NZ dictionary`);
    expect(lines).toContain(`${faulty}:1:37: error leftover: “TK” is a note left in the copy: fill it in or take it out`);
    expect(lines.find((l) => l.startsWith(`${faulty}:2:credit: warning credit-style: "Photo: Supplied" → "Supplied"`))).toBeDefined();
    expect(run.stderr).toMatch(/faulty\.story: 3 errors, \d+ warnings?, \d+ notes?/);
  });

  it('exits 0 on a clean story', async () => {
    const run = await cli('check', clean);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(`${clean}: no findings`);
    expect(run.code).toBe(0);
  });

  it('writes {path, findings} as JSON, an array for several stories', async () => {
    const [one, two] = await Promise.all([cli('check', '--json', faulty), cli('check', faulty, clean, '--json')]);
    const report = JSON.parse(one.stdout) as { path: string; findings: Finding[] };
    expect(report.path).toBe(faulty);
    expect(report.findings.find((f) => f.rule === 'credit-style')).toMatchObject({
      where: { block: 1, field: 'credit' },
      suggestions: ['Supplied'],
    });
    expect(report.findings.find((f) => f.rule === 'sensitive-footer')).toMatchObject({
      action: { type: 'insert-helpline', presetId: 'nz-mental-health' },
    });
    expect(one.code).toBe(1);
    const reports = JSON.parse(two.stdout) as { path: string; findings: Finding[] }[];
    expect(reports.map((r) => [r.path, r.findings.length > 0])).toEqual([
      [faulty, true],
      [clean, false],
    ]);
  });

  it('picks the dictionary from the story or --lang', async () => {
    const [own, forced] = await Promise.all([cli('check', american), cli('check', american, '--lang', 'en-NZ')]);
    expect(own.stdout).not.toContain('spelling');
    expect(forced.stdout).toContain('"color" → ');
    expect(forced.stdout).toContain('"center" → "centre"');
  });

  it('adds a newsroom rules file, and refuses a broken one with its line and column but still checks', async () => {
    const good = path.join(dir, 'good.json');
    const broken = path.join(dir, 'broken.json');
    await fs.writeFile(
      good,
      JSON.stringify([
        {
          id: 'no-rates',
          pattern: '\\brates\\b',
          replacement: 'council rates',
          category: 'Words',
          description: 'Say council rates',
          severity: 'info',
        },
      ]),
    );
    await fs.writeFile(broken, '[\n  {"id": "a", "pattern": "(", "category": "c", "description": "d", "severity": "info"}\n]');
    const [withGood, withBroken] = await Promise.all([cli('check', clean, '--rules', good), cli('check', clean, '--rules', broken)]);
    expect(withGood.code).toBe(0);
    expect(withGood.stdout).toContain('info house-style/no-rates: "rates" → "council rates" — Say council rates');
    expect(withBroken.code).toBe(2);
    expect(withBroken.stderr).toContain(`${broken}:2:26: rule "a": pattern is not a regular expression`);
    expect(withBroken.stderr).toContain('checking with the shipped New Zealand rules');
    expect(withBroken.stderr).toContain(`${clean}: no findings`);
    noStackTrace(withBroken);
  });

  it('says why a story cannot be read, in one line, and exits 1', async () => {
    const missing = path.join(dir, 'missing.story');
    const run = await cli('check', missing, clean);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${missing}: no such file`);
    expect(run.stderr).toContain(`${clean}: no findings`);
    noStackTrace(run);
  });

  it('exits 2 on usage errors and 0 with --help, for check and every other command', async () => {
    const runs = await Promise.all([
      cli('check'),
      cli('check', clean, '--lang', 'fr'),
      cli('check', clean, '--bogus'),
      cli('check', '--help'),
      cli('validate', '--help'),
      cli('export', '--help'),
      cli('import', '--help'),
      cli('--help'),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 0, 0, 0, 0, 0]);
    expect(runs[1]!.stderr).toContain('unknown --lang "fr"');
    expect(runs[3]!.stdout).toMatch(/^usage: copydesk check <story\.\.\.> \[--json\] \[--rules FILE\] \[--lang/);
    expect(runs[7]!.stdout).toContain('check <story...>');
  });
});
