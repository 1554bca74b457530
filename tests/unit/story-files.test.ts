import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileStamp } from '../../shared/ipc';
import { listStories, resolveInside } from '../../electron/services/docs-folder';
import {
  BACKUP_SUFFIX,
  StoryFileError,
  currentStamp,
  readStoryFile,
  reasonFor,
  sameFile,
  stampOf,
  writeStoryFile,
} from '../../electron/services/story-files';
import { storyFileError } from './support/errors';

// write-file-atomic is the real one unless a test sets `failure.code`: then every matching
// call fails the way the OS would (an Error carrying an errno code).
const failure = vi.hoisted(() => ({
  code: null as string | null,
  when: (_file: string): boolean => true,
  calls: [] as { file: string; options: unknown }[],
}));

vi.mock('write-file-atomic', async (importOriginal) => {
  const actual = await importOriginal<{ default: (file: string, data: string | Buffer, options?: unknown) => Promise<void> }>();
  const fake = (file: string, data: string | Buffer, options?: unknown): Promise<void> => {
    failure.calls.push({ file, options });
    if (failure.code && failure.when(file)) {
      const error = Object.assign(new Error(`${failure.code}: simulated failure, open '${file}.123'`), { code: failure.code });
      return Promise.reject(error);
    }
    return actual.default(file, data, options);
  };
  return { default: fake };
});

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-files-'));
  failure.code = null;
  failure.when = () => true;
  failure.calls = [];
});

afterEach(async () => {
  failure.code = null;
  await fs.rm(dir, { recursive: true, force: true });
});

const sha = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

const caught = storyFileError;

const read = (file: string) => fs.readFile(file, 'utf8');
const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

describe('writeStoryFile / readStoryFile', () => {
  it('writes a new file when expected is null, with a stamp that matches the bytes', async () => {
    const file = path.join(dir, 'teigen.story.json');
    const saved = await writeStoryFile(file, 'version 1 — ü', { expected: null });
    expect(await read(file)).toBe('version 1 — ü');
    expect(saved.path).toBe(file);
    expect(saved.name).toBe('teigen.story.json');
    expect(saved.text).toBe('version 1 — ü');
    expect(saved.stamp.size).toBe(Buffer.byteLength('version 1 — ü'));
    expect(saved.stamp.sha256).toBe(sha('version 1 — ü'));
    expect(saved.stamp.mtimeMs).toBe((await fs.stat(file)).mtimeMs);
    expect(await exists(file + BACKUP_SUFFIX)).toBe(false);
    // Written atomically, with fsync.
    expect(failure.calls).toEqual([{ file, options: { fsync: true } }]);

    const opened = await readStoryFile(file);
    expect(opened).toEqual({ path: file, name: 'teigen.story.json', text: 'version 1 — ü', stamp: saved.stamp });
    expect(await fs.readdir(dir)).toEqual(['teigen.story.json']);
  });

  it('re-saves with the previous stamp and keeps the previous bytes in <name>.story.json.bak', async () => {
    const file = path.join(dir, 'teigen.story.json');
    const first = await writeStoryFile(file, 'version 1', { expected: null });
    const second = await writeStoryFile(file, 'version 2', { expected: first.stamp });
    expect(await read(file)).toBe('version 2');
    expect(await read(path.join(dir, 'teigen.story.json.bak'))).toBe('version 1');
    expect(second.stamp.sha256).toBe(sha('version 2'));

    // A stamp from readStoryFile works just as well as one from a write.
    const opened = await readStoryFile(file);
    await writeStoryFile(file, 'version 3', { expected: opened.stamp });
    expect(await read(file)).toBe('version 3');
    expect(await read(file + BACKUP_SUFFIX)).toBe('version 2');
    expect((await fs.readdir(dir)).sort()).toEqual(['teigen.story.json', 'teigen.story.json.bak']);
  });

  it('does not replace the backup when saving identical bytes', async () => {
    const file = path.join(dir, 'same.story.json');
    const first = await writeStoryFile(file, 'one', { expected: null });
    const second = await writeStoryFile(file, 'two', { expected: first.stamp });
    const third = await writeStoryFile(file, 'two', { expected: second.stamp });
    expect(third.stamp.sha256).toBe(second.stamp.sha256);
    expect(await read(file)).toBe('two');
    expect(await read(file + BACKUP_SUFFIX)).toBe('one');
  });

  it('refuses to clobber a file a colleague changed, leaving it untouched, until overwrite is set', async () => {
    const file = path.join(dir, 'shared.story.json');
    const mine = await writeStoryFile(file, 'my version', { expected: null });
    await fs.writeFile(file, "colleague's version");

    const error = await caught(writeStoryFile(file, 'my next version', { expected: mine.stamp }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('"shared.story.json" was changed on disk since you opened it.');
    expect(await read(file)).toBe("colleague's version");
    expect(await exists(file + BACKUP_SUFFIX)).toBe(false);

    const forced = await writeStoryFile(file, 'my next version', { expected: mine.stamp, overwrite: true });
    expect(forced.stamp.sha256).toBe(sha('my next version'));
    expect(await read(file)).toBe('my next version');
    expect(await read(file + BACKUP_SUFFIX)).toBe("colleague's version");
  });

  it('is not fooled by a changed mtime when the bytes are the same', async () => {
    const file = path.join(dir, 'touched.story.json');
    const saved = await writeStoryFile(file, 'same bytes', { expected: null });
    await fs.utimes(file, new Date('2030-01-01'), new Date('2030-01-01'));
    await expect(writeStoryFile(file, 'new bytes', { expected: saved.stamp })).resolves.toMatchObject({ name: 'touched.story.json' });
    expect(await read(file)).toBe('new bytes');
  });

  it('refuses a same-sized change (the hash decides, not the size)', async () => {
    const file = path.join(dir, 'sized.story.json');
    const saved = await writeStoryFile(file, 'abcdef', { expected: null });
    await fs.writeFile(file, 'abcxyz');
    const error = await caught(writeStoryFile(file, 'mine', { expected: saved.stamp }));
    expect(error.code).toBe('conflict');
    expect(await read(file)).toBe('abcxyz');
  });

  it('treats expected: null over an existing file as a conflict', async () => {
    const file = path.join(dir, 'exists.story.json');
    await fs.writeFile(file, 'somebody else');
    const error = await caught(writeStoryFile(file, 'mine', { expected: null }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('"exists.story.json"');
    expect(await read(file)).toBe('somebody else');
  });

  it('reports a conflict when the file was deleted since it was opened', async () => {
    const file = path.join(dir, 'gone.story.json');
    const saved = await writeStoryFile(file, 'v1', { expected: null });
    await fs.rm(file);
    const error = await caught(writeStoryFile(file, 'v2', { expected: saved.stamp }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('"gone.story.json" was moved or deleted since you opened it.');
    expect(await exists(file)).toBe(false);

    await writeStoryFile(file, 'v2', { expected: saved.stamp, overwrite: true });
    expect(await read(file)).toBe('v2');
  });

  it('says why when the folder does not exist', async () => {
    const file = path.join(dir, 'no-such-folder', 'lost.story.json');
    const error = await caught(writeStoryFile(file, 'text', { expected: null }));
    expect(error.message).toBe('Could not save "lost.story.json": the file or its folder no longer exists.');
    expect(error.code).toBe('not-found');
    expect(await exists(path.dirname(file))).toBe(false);
  });

  describe.each([
    ['ENOSPC', 'the disk is full', 'io'],
    ['EACCES', 'permission denied', 'forbidden'],
    ['EROFS', 'the folder is read-only', 'io'],
  ])('a failed write (%s)', (code, reason, errorCode) => {
    async function twoVersions() {
      const file = path.join(dir, 'fail.story.json');
      const first = await writeStoryFile(file, 'version 1', { expected: null });
      const second = await writeStoryFile(file, 'version 2', { expected: first.stamp });
      return { file, stamp: second.stamp };
    }

    it(`names the file and says "${reason}"; the old file and backup are intact`, async () => {
      const { file, stamp } = await twoVersions();
      failure.code = code;
      const error = await caught(writeStoryFile(file, 'version 3', { expected: stamp }));
      expect(error.message).toBe(`Could not save "fail.story.json": ${reason}.`);
      expect(error.message).not.toContain('\n');
      expect(error.code).toBe(errorCode);
      failure.code = null;
      expect(await read(file)).toBe('version 2');
      expect(await read(file + BACKUP_SUFFIX)).toBe('version 1');
      expect((await fs.readdir(dir)).sort()).toEqual(['fail.story.json', 'fail.story.json.bak']);

      // The stamp still matches what is on disk, so the user can simply save again.
      await writeStoryFile(file, 'version 3', { expected: stamp });
      expect(await read(file)).toBe('version 3');
      expect(await read(file + BACKUP_SUFFIX)).toBe('version 2');
    });

    it('leaves the old file whole when only the story write fails (not the backup)', async () => {
      const { file, stamp } = await twoVersions();
      failure.code = code;
      failure.when = (target) => target === file;
      const error = await caught(writeStoryFile(file, 'version 3', { expected: stamp }));
      expect(error.message).toBe(`Could not save "fail.story.json": ${reason}.`);
      failure.code = null;
      expect(await read(file)).toBe('version 2');
      // A failed save leaves the previous backup alone: a whole earlier version, never the failed one.
      expect(await read(file + BACKUP_SUFFIX)).toBe('version 1');
    });
  });

  it('passes on an unknown failure as a short one-line message', async () => {
    const file = path.join(dir, 'odd.story.json');
    failure.code = 'EWEIRD';
    const error = await caught(writeStoryFile(file, 'x', { expected: null }));
    expect(error.message).toMatch(/^Could not save "odd\.story.json": EWEIRD: simulated failure/);
    expect(error.message).not.toContain('\n');
    expect(error.code).toBe('io');
    expect(await exists(file)).toBe(false);
  });

  it('refuses to read a missing file, naming it', async () => {
    const error = await caught(readStoryFile(path.join(dir, 'missing.story')));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe('Could not open "missing.story": the file or its folder no longer exists.');
  });

  it('refuses to read a folder', async () => {
    await fs.mkdir(path.join(dir, 'folder.story'));
    const error = await caught(readStoryFile(path.join(dir, 'folder.story')));
    expect(error.code).toBe('invalid');
    expect(error.message).toBe('Could not open "folder.story": it is a folder.');
  });

  it('refuses to read a story text over 500 MB and a container over 2 GB, before reading them', async () => {
    const text = path.join(dir, 'huge.story.json');
    await fs.writeFile(text, '{');
    await fs.truncate(text, 500 * 1024 * 1024 + 1); // sparse: costs no disk
    const error = await caught(readStoryFile(text));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('Could not open "huge.story.json": it is larger than 500 MB.');
    const zip = path.join(dir, 'huge.story');
    await fs.writeFile(zip, 'PK\x03\x04');
    await fs.truncate(zip, 2 * 1024 * 1024 * 1024 + 1);
    const tooBig = await caught(readStoryFile(zip));
    expect(tooBig.code).toBe('too-large');
    expect(tooBig.message).toBe('Could not open "huge.story": it is larger than 2 GB.');
  });

  it('refuses a path through a file as if it were a folder', async () => {
    await fs.writeFile(path.join(dir, 'plain'), 'x');
    const error = await caught(readStoryFile(path.join(dir, 'plain', 'a.story')));
    expect(error.message).toBe('Could not open "a.story": part of the path is not a folder.');
    expect(error.code).toBe('io');
  });
});

describe('stamps', () => {
  it('currentStamp is null for a missing file and matches the bytes otherwise', async () => {
    const file = path.join(dir, 'a.story');
    expect(await currentStamp(file)).toBeNull();
    await fs.writeFile(file, 'hello');
    const stamp = await currentStamp(file);
    const stat = await fs.stat(file);
    expect(stamp).toEqual({ size: 5, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, sha256: sha('hello') });
  });

  it('sameFile compares content, not mtime', () => {
    const a: FileStamp = stampOf(Buffer.from('x'), 1);
    expect(sameFile(a, { ...a, mtimeMs: 999 })).toBe(true);
    expect(sameFile(a, stampOf(Buffer.from('y'), 1))).toBe(false);
    expect(sameFile(null, null)).toBe(true);
    expect(sameFile(a, null)).toBe(false);
    expect(sameFile(null, a)).toBe(false);
  });
});

describe('reasonFor', () => {
  const withCode = (code: string) => Object.assign(new Error(`${code}: raw system text`), { code });
  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EDQUOT', 'the disk quota is used up'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EROFS', 'the folder is read-only'],
    ['ENOENT', 'the file or its folder no longer exists'],
    ['ENOTDIR', 'part of the path is not a folder'],
    ['EISDIR', 'it is a folder'],
    ['EBUSY', 'the file is in use by another program'],
    ['EMFILE', 'too many files are open'],
    ['ENAMETOOLONG', 'the file name is too long'],
    ['EIO', 'the disk reported an input/output error'],
  ])('%s → %s', (code, reason) => {
    expect(reasonFor(withCode(code))).toBe(reason);
  });

  it('falls back to a one-line, bounded message', () => {
    expect(reasonFor(new Error('something\n  odd\thappened'))).toBe('something odd happened');
    expect(reasonFor(withCode('EUNKNOWN'))).toBe('EUNKNOWN: raw system text');
    expect(reasonFor('plain string')).toBe('plain string');
    expect(reasonFor(undefined)).toBe('undefined');
    expect(reasonFor(null)).toBe('null');
    expect(reasonFor(new Error('x'.repeat(1000))).length).toBeLessThanOrEqual(160);
  });
});

describe('listStories', () => {
  it('lists .story files directly inside the folder, newest first', async () => {
    await fs.writeFile(path.join(dir, 'old.story'), 'old');
    await fs.writeFile(path.join(dir, 'new.story'), 'newer!');
    await fs.writeFile(path.join(dir, 'CAPS.STORY'), 'caps');
    await fs.writeFile(path.join(dir, 'notes.txt'), 'not a story');
    await fs.writeFile(path.join(dir, 'new.story.bak'), 'backup');
    await fs.mkdir(path.join(dir, 'folder.story'));
    await fs.mkdir(path.join(dir, 'sub'));
    await fs.writeFile(path.join(dir, 'sub', 'nested.story'), 'nested');
    await fs.utimes(path.join(dir, 'old.story'), new Date('2020-01-01'), new Date('2020-01-01'));
    await fs.utimes(path.join(dir, 'CAPS.STORY'), new Date('2021-01-01'), new Date('2021-01-01'));
    await fs.utimes(path.join(dir, 'new.story'), new Date('2022-01-01'), new Date('2022-01-01'));

    const files = await listStories(dir);
    expect(files.map((f) => f.name)).toEqual(['new.story', 'CAPS.STORY', 'old.story']);
    expect(files[0]).toEqual({
      name: 'new.story',
      path: path.join(dir, 'new.story'),
      size: 6,
      mtimeMs: new Date('2022-01-01').getTime(),
    });
  });

  it('is empty for a missing folder', async () => {
    expect(await listStories(path.join(dir, 'nope'))).toEqual([]);
  });
});

describe('resolveInside', () => {
  it('accepts names and absolute paths inside the folder', () => {
    expect(resolveInside(dir, 'a.story')).toBe(path.join(dir, 'a.story'));
    expect(resolveInside(dir, path.join(dir, 'a.story'))).toBe(path.join(dir, 'a.story'));
    expect(resolveInside(dir, 'sub/../b.story')).toBe(path.join(dir, 'b.story'));
    expect(resolveInside(dir, 'sub/c.story')).toBe(path.join(dir, 'sub', 'c.story'));
  });

  it.each([['../x'], ['../x.story'], ['/etc/passwd'], ['sub/../../x.story'], [''], ['.']])('refuses %j', (requested) => {
    let thrown: unknown;
    try {
      resolveInside(dir, requested);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoryFileError);
    expect((thrown as StoryFileError).code).toBe('forbidden');
    expect((thrown as StoryFileError).message).toBe(`"${requested}" is outside the documents folder.`);
  });

  it('refuses a sibling folder that shares the prefix', () => {
    expect(() => resolveInside(dir, `${dir}-evil/a.story`)).toThrow(/outside the documents folder/);
    expect(() => resolveInside(dir, path.dirname(dir))).toThrow(StoryFileError);
  });
});
