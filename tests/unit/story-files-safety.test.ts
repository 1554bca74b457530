import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BACKUP_SUFFIX,
  TEMP_FILE_MAX_AGE_MS,
  describeConflict,
  isTempFileOf,
  readStoryFile,
  removeLeftoverTempFiles,
  storyBytesFor,
  untouchedSince,
  utf8,
  writeStoryFile,
} from '../../electron/services/story-files';
import { serializeStory } from '../../shared/story';
import { richStory } from './support/rich-story';

/**
 * Every test runs against both forms of a story on disk: the `.story` container and the
 * `.story.json` text. `base` is the story's file name; `bytesOf` the bytes a text is saved as.
 */
const FORMS = [
  { label: 'container (.story)', ext: '.story' },
  { label: 'one JSON text (.story.json)', ext: '.story.json' },
];
let dir: string;
let file: string;
let base: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-safety-'));
});

const bytesOf = (text: string) => storyBytesFor(file, text);
/** Whether a file holds exactly what saving `text` writes. */
const holds = async (target: string, text: string) => (await fs.readFile(target)).equals(await bytesOf(text));
/** Another program's version of the same size: one byte of the saved file changed (inside a photo, for a container). */
async function sameSizeChange(text: string): Promise<Buffer> {
  const bytes = Buffer.from(await bytesOf(text));
  const at = base.endsWith('.json') ? bytes.indexOf('Take ') + 3 : bytes.length - 200;
  bytes[at] = bytes[at] === 0x33 ? 0x34 : 0x33;
  return bytes;
}

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
const take = (n: number) => serializeStory({ ...richStory('teigen'), meta: { ...richStory('teigen').meta, headline: `Take ${n}` } });
const ls = async () => (await fs.readdir(dir)).sort();
const hourAgo = () => new Date(Date.now() - 60 * 60 * 1000);
async function plant(name: string, content: string | Buffer, old = true) {
  const target = path.join(dir, name);
  await fs.writeFile(target, content);
  if (old) await fs.utimes(target, hourAgo(), hourAgo());
  return target;
}

describe.each(FORMS)('$label', ({ ext }) => {
  beforeEach(() => {
    base = `teigen${ext}`;
    file = path.join(dir, base);
  });

  describe('the save’s conflict check', () => {
    it('trusts an untouched file from its stat alone, without reading it back', async () => {
      const saved = await writeStoryFile(file, take(1), { expected: null });
      expect(saved.stamp).toMatchObject({ ino: expect.any(Number), ctimeMs: expect.any(Number) });
      const reads = vi.spyOn(fs, 'readFile');
      try {
        const again = await writeStoryFile(file, take(2), { expected: saved.stamp });
        expect(reads.mock.calls.map(([f]) => String(f))).not.toContain(file);
        expect(again.stamp.sha256).toBe(sha(await bytesOf(take(2))));
        expect(await holds(file + BACKUP_SUFFIX, take(1))).toBe(true);
      } finally {
        reads.mockRestore();
      }
    });

    it('catches a same-size change written in place even when its mtime is put back', async () => {
      const saved = await writeStoryFile(file, take(1), { expected: null });
      const stat = await fs.stat(file);
      const colleague = await sameSizeChange(take(1));
      expect(colleague.length).toBe(saved.stamp.size);
      // A colleague a moment later (not in the same tick of a coarse file-system clock, the one
      // case the stat cannot see and the .bak covers).
      await new Promise((resolve) => setTimeout(resolve, 30));
      await fs.writeFile(file, colleague); // same inode, same size
      await fs.utimes(file, stat.atime, stat.mtime); // mtime back as it was; ctime cannot be put back
      await expect(writeStoryFile(file, take(2), { expected: saved.stamp })).rejects.toMatchObject({ code: 'conflict' });
      expect((await fs.readFile(file)).equals(colleague)).toBe(true);
    });

    /**
     * Take 1 saved, then a colleague's same-size write in place that the stat cannot see: the
     * stamp as a coarse clock would leave it, every stat field equal to the file's now.
     */
    async function colleagueWriteTheStatMisses() {
      const saved = await writeStoryFile(file, take(1), { expected: null });
      const colleague = await sameSizeChange(take(1));
      await fs.writeFile(file, colleague);
      const now = await fs.stat(file);
      return { colleague, lookalike: { ...saved.stamp, ino: now.ino, size: now.size, mtimeMs: now.mtimeMs, ctimeMs: now.ctimeMs } };
    }

    it('if a colleague’s write ever looks untouched (same clock tick), their version survives as the .bak', async () => {
      const { colleague, lookalike } = await colleagueWriteTheStatMisses();
      await writeStoryFile(file, take(2), { expected: lookalike });
      expect(await holds(file, take(2))).toBe(true);
      expect((await fs.readFile(file + BACKUP_SUFFIX)).equals(colleague)).toBe(true);
    });

    it('…and saving unchanged text over such a write leaves the colleague’s version on disk', async () => {
      const { colleague, lookalike } = await colleagueWriteTheStatMisses();
      const again = await writeStoryFile(file, take(1), { expected: lookalike });
      expect((await fs.readFile(file)).equals(colleague)).toBe(true);
      // …and the next save sees the difference and asks.
      await expect(writeStoryFile(file, take(2), { expected: again.stamp })).rejects.toMatchObject({ code: 'conflict' });
    });

    it('catches another program’s atomic save (a new file under the same name)', async () => {
      const saved = await writeStoryFile(file, take(1), { expected: null });
      await fs.writeFile(file + '.tmp', await bytesOf(take(3)));
      await fs.rename(file + '.tmp', file);
      await expect(writeStoryFile(file, take(2), { expected: saved.stamp })).rejects.toMatchObject({ code: 'conflict' });
      expect(await holds(file, take(3))).toBe(true);
    });

    it('reads and hashes when the stat cannot vouch: touched, old stamps, whole-second clocks', () => {
      const stamp = { size: 10, mtimeMs: 1_700_000_000_123.5, ctimeMs: 1_700_000_000_123.5, ino: 42, sha256: 'a'.repeat(64) };
      const stat = { size: 10, mtimeMs: stamp.mtimeMs, ctimeMs: stamp.ctimeMs, ino: 42 };
      expect(untouchedSince(stamp, stat)).toBe(true);
      expect(untouchedSince(stamp, { ...stat, ctimeMs: stat.ctimeMs + 1 })).toBe(false); // touched
      expect(untouchedSince(stamp, { ...stat, mtimeMs: stat.mtimeMs + 1 })).toBe(false);
      expect(untouchedSince(stamp, { ...stat, size: 11 })).toBe(false);
      expect(untouchedSince(stamp, { ...stat, ino: 43 })).toBe(false);
      const { ino: _ino, ctimeMs: _ctime, ...old } = stamp;
      expect(untouchedSince(old, stat)).toBe(false); // a stamp without inode and ctime
      expect(untouchedSince({ ...stamp, ino: 0 }, { ...stat, ino: 0 })).toBe(false); // no inode numbers here
      const coarse = { ...stat, mtimeMs: 1_700_000_000_000, ctimeMs: 1_700_000_002_000 };
      expect(untouchedSince({ ...stamp, ...coarse }, coarse)).toBe(false); // FAT-like whole seconds
    });

    it('saving the same text again keeps the older backup', async () => {
      const first = await writeStoryFile(file, take(1), { expected: null });
      const second = await writeStoryFile(file, take(2), { expected: first.stamp });
      const before = await fs.stat(file);
      const third = await writeStoryFile(file, take(2), { expected: second.stamp });
      expect(third.stamp.sha256).toBe(second.stamp.sha256);
      // Nothing new: nothing written (the same file, not a copy renamed over it).
      expect((await fs.stat(file)).ino).toBe(before.ino);
      expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs);
      expect(await holds(file + BACKUP_SUFFIX, take(1))).toBe(true);
      // …and so does overwriting with the same text after a conflict prompt.
      await writeStoryFile(file, take(2), { expected: null, overwrite: true });
      expect(await holds(file + BACKUP_SUFFIX, take(1))).toBe(true);
      expect((await ls()).filter((f) => f !== base && f !== `${base}.bak`)).toEqual([]);
    });

    it('encodes text as UTF-8 exactly as Buffer.from does', () => {
      for (const text of [
        '',
        'plain',
        'Māori macrons ā ē ī ō ū — “quotes”',
        '😀 astral and lone \ud800 surrogate',
        'x'.repeat(70_000) + 'é',
      ]) {
        expect(utf8(text).equals(Buffer.from(text, 'utf8'))).toBe(true);
      }
    });
  });

  describe('describeConflict', () => {
    it('is quiet when the file is still the version that was opened, even if it was touched', async () => {
      await writeStoryFile(file, take(1), { expected: null });
      const opened = await readStoryFile(file);
      expect(await describeConflict(file, opened.stamp)).toEqual({ changedOnDisk: false, current: opened.stamp });
      await fs.utimes(file, new Date('2030-01-01'), new Date('2030-01-01'));
      expect((await describeConflict(file, opened.stamp)).changedOnDisk).toBe(false);
    });

    it('reports a colleague’s change with the stamp of what is on disk now', async () => {
      const saved = await writeStoryFile(file, take(1), { expected: null });
      await fs.writeFile(file, await bytesOf(take(2)));
      const conflict = await describeConflict(file, saved.stamp);
      expect(conflict.changedOnDisk).toBe(true);
      expect(conflict.current).toMatchObject({ size: (await bytesOf(take(2))).length, sha256: sha(await bytesOf(take(2))) });
    });

    it('reports a deleted file as changed, with no current stamp', async () => {
      const saved = await writeStoryFile(file, take(1), { expected: null });
      await fs.rm(file);
      expect(await describeConflict(file, saved.stamp)).toEqual({ changedOnDisk: true, current: null });
    });

    it('for a new story (expected null): quiet while the name is free, a conflict once someone took it', async () => {
      expect(await describeConflict(file, null)).toEqual({ changedOnDisk: false, current: null });
      await fs.writeFile(file, 'somebody else’s story');
      expect(await describeConflict(file, null)).toMatchObject({ changedOnDisk: true, current: { sha256: sha('somebody else’s story') } });
    });
  });

  describe('temporary files left by an interrupted save', () => {
    it('are recognised by write-file-atomic’s naming, for the story and its backup only', () => {
      for (const name of ['teigen.story.1', 'teigen.story.123456789', 'teigen.story.4294967295', 'teigen.story.bak.42']) {
        expect(isTempFileOf('teigen.story', name), name).toBe(true);
      }
      for (const name of [
        'teigen.story',
        'teigen.story.bak',
        'teigen.story.',
        'teigen.story.12345678901',
        'teigen.story.12a',
        'teigen.story.-1',
        'other.story.123',
        'xteigen.story.123',
        '.~lock.teigen.story#',
        'teigen.story.bak.bak.1',
      ]) {
        expect(isTempFileOf('teigen.story', name), name).toBe(false);
      }
    });

    it('a partial write and copies of the story or backup go; a whole different version and anything fresh stay', async () => {
      await writeStoryFile(file, take(1), { expected: null });
      const opened = await readStoryFile(file);
      await writeStoryFile(file, take(2), { expected: opened.stamp });
      await plant(`${base}.111`, (await bytesOf(take(3))).subarray(0, 500)); // cut short: no words of its own
      await plant(`${base}.222`, await bytesOf(take(2))); // same as the story
      await plant(`${base}.bak.333`, await bytesOf(take(1))); // same as the backup
      await plant(`${base}.444`, ''); // created, never written
      await plant(`${base}.555`, await bytesOf(take(3))); // a whole save killed before its rename: kept
      await plant(`${base}.20240501`, await bytesOf(take(0))); // a reporter's own dated copy: kept
      await plant(`${base}.666`, (await bytesOf(take(3))).subarray(0, 100), false); // maybe a save in progress: kept
      await fs.mkdir(path.join(dir, `${base}.777`));
      await fs.utimes(path.join(dir, `${base}.777`), hourAgo(), hourAgo());
      await plant('other.story.888', 'partial'); // another story's business

      const result = await removeLeftoverTempFiles(file);
      expect(result.removed.sort()).toEqual([`${base}.111`, `${base}.222`, `${base}.444`, `${base}.bak.333`]);
      expect(result.kept.sort()).toEqual([`${base}.20240501`, `${base}.555`, `${base}.666`, `${base}.777`]);
      expect(await ls()).toEqual(['other.story.888', base, `${base}.20240501`, `${base}.555`, `${base}.666`, `${base}.777`, `${base}.bak`]);
      expect(await holds(path.join(dir, `${base}.555`), take(3))).toBe(true);
      expect(await holds(file, take(2))).toBe(true);
      expect(await holds(file + BACKUP_SUFFIX, take(1))).toBe(true);
    });

    it('respects the age limit it is given', async () => {
      await writeStoryFile(file, take(1), { expected: null });
      await plant(`${base}.111`, 'partial', false);
      expect(await removeLeftoverTempFiles(file)).toEqual({ removed: [], kept: [`${base}.111`] });
      // A file's mtime can run a few milliseconds ahead of Date.now() (coarse kernel clock), so the
      // check is made "a second later" rather than racing the clock.
      const aSecondLater = Date.now() + 1000;
      expect(await removeLeftoverTempFiles(file, { olderThanMs: 2000, now: aSecondLater })).toEqual({
        removed: [],
        kept: [`${base}.111`],
      });
      expect(await removeLeftoverTempFiles(file, { olderThanMs: 0, now: aSecondLater })).toEqual({ removed: [`${base}.111`], kept: [] });
      expect(TEMP_FILE_MAX_AGE_MS).toBe(10 * 60 * 1000);
    });

    it('a successful save sweeps old leftovers beside it', async () => {
      const saved = await writeStoryFile(file, take(1), { expected: null });
      await plant(`${base}.111`, (await bytesOf(take(2))).subarray(0, 300));
      await plant(`${base}.bak.222`, '');
      await plant(`${base}.333`, 'fresh partial', false);
      await writeStoryFile(file, take(2), { expected: saved.stamp });
      expect(await ls()).toEqual([base, `${base}.333`, `${base}.bak`]);
    });
  });
});
