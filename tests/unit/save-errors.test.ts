import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_SUFFIX, readStoryFile, storyBytesFor, writeStoryFile } from '../../electron/services/story-files';
import { serializeStory } from '../../shared/story';
import { richStory } from './support/rich-story';
import { storyFileError } from './support/errors';

/**
 * A failed save says why and leaves the old file whole (DESIGN.md section 6). Unlike
 * story-files.test.ts, which replaces write-file-atomic wholesale, these tests let the real
 * write-file-atomic run and make the operating system calls underneath it fail — open, write,
 * fsync, rename — the way a full disk, a read-only share or a vanished folder would. The
 * fault stays on for the story's folder while the reporter does Save As somewhere else.
 */

type Syscall = 'open' | 'write' | 'fsync' | 'rename';
interface Fault {
  code: string;
  syscall: Syscall;
  /** Which temporary files (by full path) the fault hits. */
  hits: (target: string) => boolean;
}

let fault: Fault | null = null;
const faultyFds = new Map<number, string>();
const injected: string[] = [];

function errno(code: string, syscall: string, target: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated ${syscall} failure, '${target}'`), { code, syscall, path: target });
}

type Callback = (...args: unknown[]) => void;

/** Wraps one callback-style fs function (what write-file-atomic promisifies) with the fault. */
function intercept(name: Syscall) {
  const real = (fs as unknown as Record<Syscall, (...args: unknown[]) => void>)[name].bind(fs);
  vi.spyOn(fs as unknown as Record<Syscall, (...args: unknown[]) => void>, name).mockImplementation((...args: unknown[]) => {
    const callback = args[args.length - 1] as Callback;
    const target = name === 'open' ? String(args[0]) : name === 'rename' ? String(args[0]) : faultyFds.get(args[0] as number);
    if (fault && fault.syscall === name && target !== undefined && fault.hits(target)) {
      injected.push(`${name} ${path.basename(target)}`);
      process.nextTick(callback, errno(fault.code, name, target));
      return;
    }
    if (name === 'open') {
      // Remember which descriptors belong to files the fault targets, for write and fsync.
      real(...args.slice(0, -1), (error: unknown, fd: number) => {
        // Descriptor numbers are reused once closed: forget any earlier file's.
        if (!error) faultyFds.delete(fd);
        if (!error && fault?.hits(target!)) faultyFds.set(fd, target!);
        callback(error, fd);
      });
      return;
    }
    real(...args);
  });
}

let dir: string;
let elsewhere: string;
let file: string;
/** The story's file name: the tests run against the `.story` container and the `.story.json` text. */
let base: string;

beforeEach(async () => {
  // Real paths: write-file-atomic names its temporary file after the target's realpath.
  dir = fs.realpathSync(await fs.promises.mkdtemp(path.join(os.tmpdir(), 'copydesk-save-errors-')));
  elsewhere = fs.realpathSync(await fs.promises.mkdtemp(path.join(os.tmpdir(), 'copydesk-save-as-')));
  fault = null;
  faultyFds.clear();
  injected.length = 0;
  for (const name of ['open', 'write', 'fsync', 'rename'] as const) intercept(name);
});

afterEach(async () => {
  vi.restoreAllMocks();
  fault = null;
  await fs.promises.rm(dir, { recursive: true, force: true });
  await fs.promises.rm(elsewhere, { recursive: true, force: true });
});

const version = (n: number) =>
  serializeStory({ ...richStory('teigen'), meta: { ...richStory('teigen').meta, headline: `Take ${n} — “Teigen”` } });
const bytesOf = (f: string) => fs.promises.readFile(f);

const caught = storyFileError;

/** A story saved twice, so it has a backup: returns the bytes on disk and the stamp to save over. */
async function savedTwice() {
  const first = await writeStoryFile(file, version(1), { expected: null });
  const second = await writeStoryFile(file, version(2), { expected: first.stamp });
  return { stamp: second.stamp, story: await bytesOf(file), backup: await bytesOf(file + BACKUP_SUFFIX) };
}

const inFolder = (folder: string) => (target: string) => path.dirname(target) === folder;
const storyTemp = (target: string) => /\.story(\.json)?\.\d+$/.test(target);
/** Whether a file holds exactly what saving `text` writes there. */
const holds = async (target: string, text: string) => (await bytesOf(target)).equals(await storyBytesFor(target, text));

describe.each([
  { label: 'container (.story)', ext: '.story' },
  { label: 'one JSON text (.story.json)', ext: '.story.json' },
])('$label', ({ ext }) => {
  beforeEach(() => {
    base = `teigen${ext}`;
    file = path.join(dir, base);
  });

  describe.each([
    ['ENOSPC', 'write', 'the disk is full', 'io'],
    ['ENOSPC', 'fsync', 'the disk is full', 'io'],
    ['EDQUOT', 'write', 'the disk quota is used up', 'io'],
    ['EACCES', 'open', 'permission denied', 'forbidden'],
    ['EROFS', 'open', 'the folder is read-only', 'io'],
    ['ENOENT', 'rename', 'the file or its folder no longer exists', 'not-found'],
    ['EIO', 'write', 'the disk reported an input/output error', 'io'],
  ] as const)('%s during %s', (code, syscall, reason, errorCode) => {
    it('names the file and the reason; story and backup are byte-identical; Save As elsewhere works at once', async () => {
      const before = await savedTwice();
      // The fault hits every temporary file in the story's folder. The backup is a hard link (no
      // write), so the first file written is the story's own temporary file.
      fault = { code, syscall, hits: inFolder(dir) };

      const error = await caught(writeStoryFile(file, version(3), { expected: before.stamp }));
      expect(error.message).toBe(`Could not save "${base}": ${reason}.`);
      expect(error.code).toBe(errorCode);
      // It struck once, at the story's temporary file.
      expect(injected).toHaveLength(1);
      expect(injected[0]).toMatch(new RegExp(`^${syscall} ${base.replaceAll('.', '\\.')}\\.\\d+$`));

      expect((await bytesOf(file)).equals(before.story)).toBe(true);
      expect((await bytesOf(file + BACKUP_SUFFIX)).equals(before.backup)).toBe(true);
      // write-file-atomic cleaned up its temporary file.
      expect((await fs.promises.readdir(dir)).sort()).toEqual([base, `${base}.bak`]);

      // With the folder still failing, Save As to another folder keeps the words.
      const copy = path.join(elsewhere, base);
      const saved = await writeStoryFile(copy, version(3), { expected: null });
      expect(await holds(copy, version(3))).toBe(true);
      expect(saved.stamp.size).toBe((await storyBytesFor(copy, version(3))).length);
      expect((await readStoryFile(copy)).text).toBe(version(3));

      // And once the fault clears, Save to the original place works with the stamp it had.
      fault = null;
      await writeStoryFile(file, version(3), { expected: before.stamp });
      expect(await holds(file, version(3))).toBe(true);
      expect((await bytesOf(file + BACKUP_SUFFIX)).equals(before.story)).toBe(true);
    });

    it('when only the story’s own write fails, the story and its previous backup are untouched', async () => {
      const before = await savedTwice();
      fault = { code, syscall, hits: (t) => inFolder(dir)(t) && storyTemp(t) };

      const error = await caught(writeStoryFile(file, version(3), { expected: before.stamp }));
      expect(error.message).toBe(`Could not save "${base}": ${reason}.`);
      expect((await bytesOf(file)).equals(before.story)).toBe(true);
      // The failed save did not touch the backup: still version 1, whole.
      expect((await bytesOf(file + BACKUP_SUFFIX)).equals(before.backup)).toBe(true);
      expect((await fs.promises.readdir(dir)).sort()).toEqual([base, `${base}.bak`]);
    });
  });

  describe('the story’s folder is deleted while it is open', () => {
    it('says the folder no longer exists (not a conflict to overwrite), recreates nothing; Save As elsewhere works', async () => {
      const folder = path.join(dir, 'politics');
      fs.mkdirSync(folder);
      const story = path.join(folder, base);
      await writeStoryFile(story, version(1), { expected: null });
      const opened = await readStoryFile(story);

      await fs.promises.rm(folder, { recursive: true, force: true });

      for (const overwrite of [false, true]) {
        const error = await caught(writeStoryFile(story, version(2), { expected: opened.stamp, overwrite }));
        expect(error.message).toBe(`Could not save "${base}": the file or its folder no longer exists.`);
        expect(error.code).toBe('not-found');
      }
      expect(fs.existsSync(folder)).toBe(false);

      const copy = path.join(elsewhere, base);
      await writeStoryFile(copy, version(2), { expected: null });
      expect(await holds(copy, version(2))).toBe(true);
    });

    it('a folder replaced by a file says so, and the file is left alone', async () => {
      const folder = path.join(dir, 'sport');
      fs.mkdirSync(folder);
      const story = path.join(folder, `match${ext}`);
      const saved = await writeStoryFile(story, version(1), { expected: null });
      await fs.promises.rm(folder, { recursive: true });
      fs.writeFileSync(folder, 'not a folder');

      const error = await caught(writeStoryFile(story, version(2), { expected: saved.stamp }));
      expect(error.message).toBe(`Could not save "match${ext}": part of the path is not a folder.`);
      expect(fs.readFileSync(folder, 'utf8')).toBe('not a folder');
    });

    it('a story deleted from a folder that still exists is still a conflict (a colleague may have moved it)', async () => {
      const saved = await writeStoryFile(file, version(1), { expected: null });
      await fs.promises.rm(file);
      const error = await caught(writeStoryFile(file, version(2), { expected: saved.stamp }));
      expect(error.code).toBe('conflict');
      expect(error.message).toBe(`"${base}" was moved or deleted since you opened it.`);
    });
  });
});
