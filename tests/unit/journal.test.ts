import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DISCARDED_FOLDER,
  DISCARDED_KEEP_MS,
  JOURNAL_FORMAT,
  createJournal,
  isSafeJournalId,
  recoveryFolderFor,
  type Journal,
} from '../../electron/services/journal';
import { MAX_STORY_BYTES, restoreStoryText, serializeStory } from '../../shared/story';
import { largeStory, richStory } from './support/rich-story';
import { storyFileError } from './support/errors';

// write-file-atomic is the real one unless a test sets `failure.code`.
const failure = vi.hoisted(() => ({ code: null as string | null, calls: [] as { file: string; options: unknown }[] }));

vi.mock('write-file-atomic', async (importOriginal) => {
  const actual = await importOriginal<{ default: (file: string, data: string | Buffer, options?: unknown) => Promise<void> }>();
  const fake = (file: string, data: string | Buffer, options?: unknown): Promise<void> => {
    failure.calls.push({ file, options });
    if (failure.code) return Promise.reject(Object.assign(new Error(`${failure.code}: simulated`), { code: failure.code }));
    return actual.default(file, data, options);
  };
  return { default: fake };
});

let base: string;
let folder: string;
let clock: Date;
let journal: Journal;

beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-journal-'));
  folder = recoveryFolderFor(path.join(base, 'userData'));
  clock = new Date('2024-05-01T10:00:00.000Z');
  journal = createJournal(folder, { now: () => clock });
  failure.code = null;
  failure.calls = [];
});

afterEach(async () => {
  failure.code = null;
  await fs.rm(base, { recursive: true, force: true });
});

const later = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};
const teigen = () => serializeStory(richStory('teigen-1'));
const ls = async (dir = folder) => (await fs.readdir(dir)).sort();

const rejection = storyFileError;

describe('recovery folder', () => {
  it('is <base>/recovery (userData for the app, <docs>/.copydesk for the harness)', () => {
    expect(recoveryFolderFor('/home/jo/.config/Copydesk')).toBe(path.join('/home/jo/.config/Copydesk', 'recovery'));
    expect(recoveryFolderFor(path.join('/docs', '.copydesk'))).toBe(path.join('/docs', '.copydesk', 'recovery'));
  });
});

describe('journal.write', () => {
  it('writes <storyId>.json atomically (fsync) with the story text exactly as given', async () => {
    const text = teigen();
    const result = await journal.write({
      storyId: 'teigen-1',
      path: '/stories/teigen.story',
      name: 'teigen.story',
      text,
      savedAt: '2024-05-01T09:55:00.000Z',
    });
    expect(result).toEqual({ storyId: 'teigen-1', journalledAt: '2024-05-01T10:00:00.000Z' });

    const file = path.join(folder, 'teigen-1.json');
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({
      format: JOURNAL_FORMAT,
      version: 1,
      storyId: 'teigen-1',
      path: '/stories/teigen.story',
      name: 'teigen.story',
      journalledAt: '2024-05-01T10:00:00.000Z',
      savedAt: '2024-05-01T09:55:00.000Z',
      story: text,
    });
    expect(failure.calls).toEqual([{ file, options: { fsync: true } }]);
    // Nothing but the journal: no temporary file left behind.
    expect(await ls()).toEqual(['teigen-1.json']);
  });

  it('creates the recovery folder (and its parents) on first use', async () => {
    await expect(fs.stat(folder)).rejects.toMatchObject({ code: 'ENOENT' });
    await journal.write({ storyId: 'a', path: null, name: 'Untitled', text: teigen() });
    expect((await fs.stat(folder)).isDirectory()).toBe(true);
  });

  it('replaces the previous journal of the same story', async () => {
    await journal.write({ storyId: 'teigen-1', path: null, name: 'Untitled', text: 'first draft' });
    later(1);
    await journal.write({ storyId: 'teigen-1', path: null, name: 'Untitled', text: teigen() });
    const [entry] = await journal.list();
    expect(entry).toEqual({ storyId: 'teigen-1', path: null, name: 'Untitled', journalledAt: '2024-05-01T10:00:01.000Z', text: teigen() });
    expect(await ls()).toEqual(['teigen-1.json']);
  });

  it('keeps calls for one story in order: the last of many quick writes wins', async () => {
    const texts = Array.from({ length: 20 }, (_, i) =>
      serializeStory({ ...richStory('quick'), meta: { ...richStory('quick').meta, headline: `Take ${i}` } }),
    );
    await Promise.all(texts.map((text) => journal.write({ storyId: 'quick', path: null, name: 'Quick', text })));
    const [entry] = await journal.list();
    expect(entry!.text).toBe(texts[19]);
  });

  it('a clear called after a write (without waiting for it) leaves nothing behind', async () => {
    const write = journal.write({ storyId: 'saved', path: '/s/a.story', name: 'a.story', text: teigen() });
    const clear = journal.clear('saved');
    await Promise.all([write, clear]);
    expect(await ls()).toEqual([]);
    expect(await journal.list()).toEqual([]);
  });

  it('a write called after a clear survives it', async () => {
    await journal.write({ storyId: 'again', path: null, name: 'Again', text: teigen() });
    const clear = journal.clear('again');
    const write = journal.write({ storyId: 'again', path: null, name: 'Again', text: teigen() });
    await Promise.all([clear, write]);
    expect((await journal.list()).map((e) => e.storyId)).toEqual(['again']);
  });

  it('journals a story of a few MB (photo and all) and gives it back byte for byte', async () => {
    const text = serializeStory(largeStory({ megabytes: 3, paragraphs: 200, seed: 7 }));
    await journal.write({ storyId: 'big', path: null, name: 'Big', text });
    const [entry] = await journal.list();
    expect(entry!.text === text).toBe(true);
  });

  it.each([
    ['../evil'],
    ['a/b'],
    ['a\\b'],
    [''],
    ['.hidden'],
    ['-dash'],
    ['with space'],
    ['tab\t'],
    ['nul\0byte'],
    ['é'],
    ['x'.repeat(129)],
    ['CON'],
    ['nul'],
    ['com1'],
    ['Lpt9.txt'],
  ])('refuses the unsafe id %j and writes nothing anywhere', async (storyId) => {
    const error = await rejection(journal.write({ storyId, path: null, name: 'Bad', text: teigen() }));
    expect(error.code).toBe('invalid');
    expect(error.message).toBe('Could not keep a recovery copy: storyId is not a usable recovery id.');
    expect(failure.calls).toEqual([]);
    expect(await ls(base)).toEqual([]);
    await expect(rejection(journal.clear(storyId))).resolves.toMatchObject({ code: 'invalid' });
    await expect(rejection(journal.discard(storyId))).resolves.toMatchObject({ code: 'invalid' });
  });

  it('accepts the ids the app uses', () => {
    expect(isSafeJournalId(randomUUID())).toBe(true);
    expect(isSafeJournalId('story_1.v2')).toBe(true);
    expect(isSafeJournalId('x'.repeat(128))).toBe(true);
    expect(isSafeJournalId('console')).toBe(true);
    expect(isSafeJournalId(42)).toBe(false);
    expect(isSafeJournalId(null)).toBe(false);
  });

  it('refuses a non-string id, a bad path and a text over 500 MB', async () => {
    expect((await rejection(journal.write({ storyId: 7 as unknown as string, path: null, name: 'x', text: 'x' }))).code).toBe('invalid');
    const badPath = await rejection(journal.write({ storyId: 'ok', path: 'a\0b', name: 'x', text: 'x' }));
    expect(badPath.message).toBe('Could not keep a recovery copy: path must not contain NUL.');
    const huge = await rejection(journal.write({ storyId: 'ok', path: null, name: 'x', text: 'x'.repeat(MAX_STORY_BYTES + 1) }));
    expect(huge.code).toBe('too-large');
    expect(huge.message).toBe('Could not keep a recovery copy: text is larger than 500 MB.');
    expect(failure.calls).toEqual([]);
  });

  it('says why when the disk is full, and the previous journal is still offered', async () => {
    await journal.write({ storyId: 'teigen-1', path: null, name: 'teigen.story', text: teigen() });
    failure.code = 'ENOSPC';
    later(5);
    const error = await rejection(journal.write({ storyId: 'teigen-1', path: null, name: 'teigen.story', text: 'newer' }));
    expect(error.message).toBe('Could not keep a recovery copy of "teigen.story": the disk is full.');
    expect(error.code).toBe('io');
    failure.code = null;
    const [entry] = await journal.list();
    expect(entry).toMatchObject({ journalledAt: '2024-05-01T10:00:00.000Z', text: teigen() });
  });
});

describe('journal.list', () => {
  it('is empty when there is no recovery folder', async () => {
    expect(await journal.list()).toEqual([]);
  });

  it('offers every journalled story, newest first', async () => {
    await journal.write({ storyId: 'oldest', path: '/s/oldest.story', name: 'oldest.story', text: serializeStory(richStory('oldest')) });
    later(60);
    await journal.write({ storyId: 'newest', path: null, name: 'Untitled', text: serializeStory(richStory('newest')) });
    later(-30);
    await journal.write({
      storyId: 'middle',
      path: '/s/middle.story',
      name: 'middle.story',
      text: serializeStory(richStory('middle')),
      savedAt: '2024-05-01T09:00:00.000Z',
    });
    const entries = await journal.list();
    expect(entries.map((e) => [e.storyId, e.journalledAt])).toEqual([
      ['newest', '2024-05-01T10:01:00.000Z'],
      ['middle', '2024-05-01T10:00:30.000Z'],
      ['oldest', '2024-05-01T10:00:00.000Z'],
    ]);
    expect(entries[1]).toEqual({
      storyId: 'middle',
      path: '/s/middle.story',
      name: 'middle.story',
      journalledAt: '2024-05-01T10:00:30.000Z',
      savedAt: '2024-05-01T09:00:00.000Z',
      text: serializeStory(richStory('middle')),
    });
    for (const entry of entries) expect(restoreStoryText(entry.text).ok).toBe(true);
  });

  it('sets damaged journals aside as *.damaged, byte for byte, and still offers the good ones', async () => {
    await journal.write({ storyId: 'good', path: null, name: 'Good', text: teigen() });
    const valid = (storyId: string, overrides: Record<string, unknown> = {}) =>
      JSON.stringify({
        format: JOURNAL_FORMAT,
        version: 1,
        storyId,
        path: null,
        name: 'x',
        journalledAt: clock.toISOString(),
        story: teigen(),
        ...overrides,
      });
    const damaged: Record<string, string | Buffer> = {
      'truncated.json': valid('truncated').slice(0, 200),
      'empty.json': '',
      'garbage.json': Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x7b]),
      'not-an-object.json': '[1, 2, 3]',
      'foreign.json': valid('foreign', { format: 'excalidraw' }),
      'future.json': valid('future', { version: 2 }),
      'mismatch.json': valid('someone-else'),
      'no-date.json': valid('no-date', { journalledAt: 'NaN' }),
      'story-is-object.json': valid('story-is-object', { story: JSON.parse(teigen()) }),
      'broken-story.json': valid('broken-story', { story: teigen().slice(0, 500) }),
      'bad-story.json': valid('bad-story', { story: teigen().replace('"copydesk.story"', '"something.else"') }),
      'bad id.json': valid('bad id'),
    };
    await Promise.all(Object.entries(damaged).map(([name, bytes]) => fs.writeFile(path.join(folder, name), bytes)));
    await fs.mkdir(path.join(folder, 'folder.json'));

    const entries = await journal.list();
    expect(entries.map((e) => e.storyId)).toEqual(['good']);
    const expected = [...Object.keys(damaged).map((n) => `${n}.damaged`), 'folder.json.damaged', 'good.json'].sort();
    expect(await ls()).toEqual(expected);
    // Never deleted: every byte is still there for a human to look at.
    for (const [name, bytes] of Object.entries(damaged)) {
      expect((await fs.readFile(path.join(folder, `${name}.damaged`))).equals(Buffer.from(bytes))).toBe(true);
    }

    // Listing again changes nothing.
    expect((await journal.list()).map((e) => e.storyId)).toEqual(['good']);
    expect(await ls()).toEqual(expected);
  });

  it('does not overwrite an earlier *.damaged of the same name', async () => {
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, 'twice.json'), 'first damage');
    await journal.list();
    await fs.writeFile(path.join(folder, 'twice.json'), 'second damage');
    await journal.list();
    expect(await ls()).toEqual(['twice.json.1.damaged', 'twice.json.damaged']);
    expect(await fs.readFile(path.join(folder, 'twice.json.damaged'), 'utf8')).toBe('first damage');
    expect(await fs.readFile(path.join(folder, 'twice.json.1.damaged'), 'utf8')).toBe('second damage');
  });

  it('ignores a temporary file from a crash mid-journal, removing it once it is an hour old', async () => {
    await journal.write({ storyId: 'crashy', path: null, name: 'Crashy', text: teigen() });
    const fresh = path.join(folder, 'crashy.json.123456789');
    const old = path.join(folder, 'crashy.json.987654321');
    await fs.writeFile(fresh, '{"format":"copydesk.jou');
    await fs.writeFile(old, '{"format":"copydesk.jou');
    const hourAgo = new Date(clock.getTime() - 61 * 60 * 1000);
    await fs.utimes(old, hourAgo, hourAgo);
    expect((await journal.list()).map((e) => e.storyId)).toEqual(['crashy']);
    expect(await ls()).toEqual(['crashy.json', 'crashy.json.123456789']);
  });
});

describe('journal.clear and journal.discard', () => {
  it('clear forgets a saved story; clearing one that is not there is fine', async () => {
    await journal.write({ storyId: 'a', path: null, name: 'A', text: teigen() });
    await journal.write({ storyId: 'b', path: null, name: 'B', text: teigen() });
    await journal.clear('a');
    await journal.clear('never-journalled');
    expect((await journal.list()).map((e) => e.storyId)).toEqual(['b']);
    expect(await ls()).toEqual(['b.json']);
  });

  it('discard stops offering the story but keeps a copy in discarded/ for a week', async () => {
    const text = teigen();
    await journal.write({ storyId: 'declined', path: null, name: 'Declined', text });
    const before = await fs.readFile(path.join(folder, 'declined.json'));
    await journal.discard('declined');
    expect(await journal.list()).toEqual([]);
    expect(await ls()).toEqual([DISCARDED_FOLDER]);
    const kept = await ls(path.join(folder, DISCARDED_FOLDER));
    expect(kept).toEqual(['declined.2024-05-01T10-00-00-000Z.json']);
    expect((await fs.readFile(path.join(folder, DISCARDED_FOLDER, kept[0]!))).equals(before)).toBe(true);

    // Discarding the same story again the same instant does not overwrite the first copy.
    await journal.write({ storyId: 'declined', path: null, name: 'Declined', text: 'second' });
    await journal.discard('declined');
    expect(await ls(path.join(folder, DISCARDED_FOLDER))).toEqual([
      'declined.2024-05-01T10-00-00-000Z.1.json',
      'declined.2024-05-01T10-00-00-000Z.json',
    ]);

    // A week later, the next discard prunes copies older than a week.
    await fs.utimes(path.join(folder, DISCARDED_FOLDER, kept[0]!), clock, clock);
    clock = new Date(clock.getTime() + DISCARDED_KEEP_MS + 1000);
    const recent = path.join(folder, DISCARDED_FOLDER, 'declined.2024-05-01T10-00-00-000Z.1.json');
    await fs.utimes(recent, clock, clock);
    await journal.write({ storyId: 'next', path: null, name: 'Next', text });
    await journal.discard('next');
    expect(await ls(path.join(folder, DISCARDED_FOLDER))).toEqual([
      'declined.2024-05-01T10-00-00-000Z.1.json',
      `next.${clock.toISOString().replace(/[:.]/g, '-')}.json`,
    ]);
  });

  it('discarding a story with no journal is fine', async () => {
    await expect(journal.discard('nothing-here')).resolves.toBeUndefined();
  });
});

describe("a story's photos are journalled beside it, only when they change", () => {
  const withPhotos = () => JSON.parse(teigen()) as { assets: Record<string, unknown> };
  const textWithout = () => JSON.stringify({ ...withPhotos(), assets: {} });

  it('puts the photos back into the recovered story, from the last time they were sent', async () => {
    const story = withPhotos();
    expect(Object.keys(story.assets).length).toBeGreaterThan(0);
    await journal.write({ storyId: 'photo-story', path: null, name: 'Photos', text: textWithout(), assets: JSON.stringify(story.assets) });
    // Typing goes on: later writes carry the text only.
    later(5);
    await journal.write({ storyId: 'photo-story', path: null, name: 'Photos', text: textWithout() });
    expect(await ls()).toEqual(['photo-story.assets', 'photo-story.json']);

    const [recovered] = await journal.list();
    const restored = restoreStoryText(recovered!.text);
    expect(restored.ok && restored.story.assets).toEqual(story.assets);
  });

  it('clear removes the photos too; discard keeps the whole story, photos included', async () => {
    const story = withPhotos();
    await journal.write({ storyId: 'gone', path: null, name: 'Gone', text: textWithout(), assets: JSON.stringify(story.assets) });
    await journal.clear('gone');
    expect(await ls()).toEqual([]);

    await journal.write({ storyId: 'kept', path: null, name: 'Kept', text: textWithout(), assets: JSON.stringify(story.assets) });
    await journal.discard('kept');
    expect(await ls()).toEqual(['discarded']);
    const [kept] = await ls(path.join(folder, 'discarded'));
    const record = JSON.parse(await fs.readFile(path.join(folder, 'discarded', kept!), 'utf8')) as { story: string };
    const restored = restoreStoryText(record.story);
    expect(restored.ok && restored.story.assets).toEqual(story.assets);
  });

  it('a story whose photos file is damaged is set aside, not offered half-loaded', async () => {
    await journal.write({ storyId: 'broken', path: null, name: 'Broken', text: teigen() });
    await fs.writeFile(path.join(folder, 'broken.assets'), '{not json');
    expect(await journal.list()).toEqual([]);
  });
});
