import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings, saveSettings } from '../../electron/services/settings-store';
import { StoryFileError } from '../../electron/services/story-files';
import type { HelplinePreset } from '../../shared/blocks/helpline';
import { ruralPreset } from '../fixtures/presets';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-settings-'));
  file = path.join(dir, 'Copydesk', 'settings.json');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const RURAL: HelplinePreset = ruralPreset();

const MINE: Settings = { ...DEFAULT_SETTINGS, creditStyle: 'photo-colon', tweetLookup: false, helplinePresets: [RURAL] };

/** Files in the settings folder other than the settings file itself. */
async function setAside(): Promise<string[]> {
  const names = await fs.readdir(path.dirname(file));
  return names.filter((n) => n !== path.basename(file)).sort();
}

async function saveError(settings: unknown): Promise<StoryFileError> {
  const error = await saveSettings(file, settings).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoryFileError);
  return error as StoryFileError;
}

describe('loadSettings', () => {
  it('gives the defaults when there is no settings file yet, and creates nothing', async () => {
    expect(await loadSettings(file)).toEqual(DEFAULT_SETTINGS);
    await expect(fs.access(path.dirname(file))).rejects.toThrow();
  });

  it('gives a copy of the defaults, not the shared object', async () => {
    const settings = await loadSettings(file);
    settings.helplinePresets.push(RURAL);
    expect(DEFAULT_SETTINGS.helplinePresets).toEqual([]);
  });

  it('fills settings a file does not mention with the defaults', async () => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, JSON.stringify({ creditStyle: 'image-parens' }));
    expect(await loadSettings(file)).toEqual({ ...DEFAULT_SETTINGS, creditStyle: 'image-parens' });
  });
});

describe('saveSettings then loadSettings', () => {
  it('round-trips the user’s settings, own preset included', async () => {
    const saved = await saveSettings(file, MINE);
    expect(saved).toEqual(MINE);
    expect(await loadSettings(file)).toEqual(MINE);
    // Readable JSON on disk, so a colleague can fix it by hand.
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual(MINE);
    expect(await setAside()).toEqual([]);
  });

  it('a later save replaces the earlier one', async () => {
    await saveSettings(file, MINE);
    await saveSettings(file, { ...MINE, tweetLookup: true, helplinePresets: [] });
    expect(await loadSettings(file)).toEqual({ ...MINE, tweetLookup: true, helplinePresets: [] });
  });
});

describe('a damaged settings file', () => {
  const DAMAGED: [what: string, content: string, expected: () => unknown][] = [
    ['broken JSON', '{"creditStyle": "photo-colon", "tweetLookup": fal', () => DEFAULT_SETTINGS],
    [
      'wrong types',
      JSON.stringify({ creditStyle: 'photo-colon', tweetLookup: 'yes', helplinePresets: {} }),
      () => ({ ...DEFAULT_SETTINGS, creditStyle: 'photo-colon' }),
    ],
    [
      'an unknown credit style',
      JSON.stringify({ ...MINE, creditStyle: 'comic-sans' }),
      () => ({ ...MINE, creditStyle: DEFAULT_SETTINGS.creditStyle }),
    ],
    [
      'a preset with a bad phone',
      JSON.stringify({ ...MINE, helplinePresets: [{ ...RURAL, entries: [{ ...RURAL.entries[0], phone: 'call me' }] }] }),
      () => ({ ...MINE, helplinePresets: [] }),
    ],
    ['not an object', '"settings"', () => DEFAULT_SETTINGS],
    ['empty', '', () => DEFAULT_SETTINGS],
  ];

  it.each(DAMAGED)(
    'with %s: every valid part is kept, and a copy of the file is set aside byte for byte',
    async (_what, content, expected) => {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, content);

      expect(await loadSettings(file)).toEqual(expected());

      const aside = await setAside();
      expect(aside).toHaveLength(1);
      expect(aside[0]).toMatch(/^settings\.json\.damaged-\d+$/);
      expect(await fs.readFile(path.join(path.dirname(file), aside[0]!), 'utf8')).toBe(content);
      // The next save replaces the damaged file; the copy stays.
      await saveSettings(file, MINE);
      expect(await loadSettings(file)).toEqual(MINE);
      expect(await setAside()).toEqual(aside);
    },
  );
});

describe('saveSettings refuses bad settings and keeps the old file', () => {
  const BAD: [what: string, settings: () => unknown, field: RegExp][] = [
    [
      'a preset with a bad id',
      () => ({ ...MINE, helplinePresets: [{ ...RURAL, id: 'Bad Id' }] }),
      /helplinePresets 0 id must be lower-case/,
    ],
    [
      'a preset phone with letters',
      () => ({ ...MINE, helplinePresets: [{ ...RURAL, entries: [RURAL.entries[0], { ...RURAL.entries[1], phone: '0800FARM' }] }] }),
      /helplinePresets 0 entries 1 phone must be digits/,
    ],
    [
      'a preset with no entries',
      () => ({ ...MINE, helplinePresets: [{ ...RURAL, entries: [] }] }),
      /helplinePresets 0 entries needs at least one entry/,
    ],
    [
      'an http:// preset link',
      () => ({ ...MINE, helplinePresets: [{ ...RURAL, entries: [{ ...RURAL.entries[1], url: 'http://farmstrong.co.nz' }] }] }),
      /url must be an https link/,
    ],
    [
      'two presets with the same id',
      () => ({ ...MINE, helplinePresets: [RURAL, { ...RURAL, label: 'Rural support (copy)' }] }),
      /helplinePresets preset ids must be unique/,
    ],
    ['an unknown credit style', () => ({ ...MINE, creditStyle: 'comic-sans' }), /creditStyle/],
    ['tweetLookup not a yes/no', () => ({ ...MINE, tweetLookup: 'yes' }), /tweetLookup/],
  ];

  it.each(BAD)('refuses %s with code "invalid", naming the field', async (_what, settings, field) => {
    await saveSettings(file, MINE);
    const before = await fs.readFile(file);

    const error = await saveError(settings());
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/^Settings not saved: /);
    expect(error.message).toMatch(field);
    expect(error.message).not.toMatch(/\n/);

    expect((await fs.readFile(file)).equals(before)).toBe(true);
    expect(await loadSettings(file)).toEqual(MINE);
    expect(await setAside()).toEqual([]);
  });

  it('refuses bad settings when there is no file yet, and writes nothing', async () => {
    const error = await saveError({ ...MINE, helplinePresets: [{ ...RURAL, id: 'Bad Id' }] });
    expect(error.code).toBe('invalid');
    await expect(fs.access(file)).rejects.toThrow();
  });

  it('a user preset may share an id with a built-in one (it overrides it)', async () => {
    const mine = { ...RURAL, id: 'nz-standard', label: 'NZ standard (our desk)' };
    await saveSettings(file, { ...MINE, helplinePresets: [mine] });
    expect((await loadSettings(file)).helplinePresets).toEqual([mine]);
  });
});

describe('the theme setting', () => {
  it('follows the system by default, keeps light or dark, and refuses anything else', async () => {
    expect(DEFAULT_SETTINGS.theme).toBe('system');
    expect((await saveSettings(file, { ...DEFAULT_SETTINGS, theme: 'dark' })).theme).toBe('dark');
    expect((await loadSettings(file)).theme).toBe('dark');
    const error = await saveError({ ...DEFAULT_SETTINGS, theme: 'sepia' });
    expect(error.message).toMatch(/^Settings not saved: theme /);
    expect((await loadSettings(file)).theme).toBe('dark');
  });

  it('a damaged file keeps a valid theme while the bad parts fall back', async () => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, JSON.stringify({ theme: 'light', creditStyle: 42 }));
    expect(await loadSettings(file)).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
  });
});
