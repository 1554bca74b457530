import { createHash, webcrypto } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ErrorCode, FileStamp, OpenedStory } from '../../shared/ipc';
import { JSON_STORY_EXTENSION, looksLikeZip } from '../../shared/story/container';
import { serializeStory } from '../../shared/story/create';
import { oneLine } from '../../shared/story/restore';
import { MAX_CONTAINER_BYTES, MAX_STORY_BYTES } from '../../shared/story/schema';
import { BACKUP_SUFFIX, removeLeftoverTempFiles } from './leftover-temp-files';
import { buildContainer, previousEntries, readContainer, storyForContainer } from './story-container';

export { BACKUP_SUFFIX, TEMP_FILE_MAX_AGE_MS, isTempFileOf, removeLeftoverTempFiles } from './leftover-temp-files';

/**
 * Reading and writing `.story` files. Plain Node (no `electron`), so the desktop app, the
 * CLI and the web harness share it.
 */

export class StoryFileError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
    this.name = 'StoryFileError';
  }
}

export const STORY_EXTENSION = '.story';

/**
 * How a path is saved: a `.story` as the container, anything else (`.story.json`) as one JSON
 * text. Opening does not go by the name: a file starting like a zip is read as a container,
 * anything else as a JSON text (every schemaVersion 1 `.story` is one).
 */
export function storyFormFor(filePath: string): 'container' | 'json' {
  return filePath.toLowerCase().endsWith(STORY_EXTENSION) && !filePath.toLowerCase().endsWith(JSON_STORY_EXTENSION) ? 'container' : 'json';
}

/** What `fs.stat` says of a file, as far as a stamp keeps it. */
type StatPart = Pick<Stats, 'mtimeMs' | 'ctimeMs' | 'ino'>;

export function stampOf(bytes: Uint8Array, stat: StatPart | number): FileStamp {
  return stampWithHash(bytes.length, createHash('sha256').update(bytes).digest('hex'), stat);
}

function stampWithHash(size: number, sha256: string, stat: StatPart | number): FileStamp {
  if (typeof stat === 'number') return { size, mtimeMs: stat, sha256 };
  return { size, mtimeMs: stat.mtimeMs, sha256, ino: stat.ino, ctimeMs: stat.ctimeMs };
}

/** SHA-256 on libuv's thread pool, so it runs while the main thread (or the disk) does other work. */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

/**
 * A story's text as UTF-8. `TextEncoder.encodeInto` takes V8's fast (SIMD) path, about three
 * times quicker than `Buffer.from(text)` for a long text with a few non-ASCII characters —
 * tens of milliseconds on a 14 MB live blog. Three bytes per UTF-16 unit always suffice; the
 * pages of the buffer that are never written are never committed, so the over-allocation
 * costs address space, not memory.
 */
const encoder = new TextEncoder();
export function utf8(text: string): Buffer {
  const buffer = Buffer.allocUnsafe(text.length * 3);
  return buffer.subarray(0, encoder.encodeInto(text, buffer).written);
}

export async function readStoryFile(filePath: string): Promise<OpenedStory> {
  const name = path.basename(filePath);
  let stat;
  try {
    stat = await fs.stat(filePath);
  } catch (error) {
    throw new StoryFileError(`Could not open "${name}": ${reasonFor(error)}.`, codeFor(error));
  }
  if (stat.isDirectory()) throw new StoryFileError(`Could not open "${name}": it is a folder.`, 'invalid');
  if (stat.size > MAX_CONTAINER_BYTES) {
    throw new StoryFileError(`Could not open "${name}": it is larger than 2 GB.`, 'too-large');
  }
  // A story as one text cannot be as large as a container: refused before it is read.
  if (stat.size > MAX_STORY_BYTES && !(await startsLikeZip(filePath))) {
    throw new StoryFileError(`Could not open "${name}": it is larger than 500 MB.`, 'too-large');
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(filePath);
  } catch (error) {
    throw new StoryFileError(`Could not open "${name}": ${reasonFor(error)}.`, codeFor(error));
  }
  // The stat was taken before the read: if the file changes in between, the stamp's times are
  // older than its hash, so the next save reads the file again rather than trusting them.
  const stamp = stampOf(bytes, stat);
  if (!looksLikeZip(bytes)) {
    if (bytes.length > MAX_STORY_BYTES) throw new StoryFileError(`Could not open "${name}": it is larger than 500 MB.`, 'too-large');
    return { path: filePath, name, text: bytes.toString('utf8'), stamp };
  }
  const opened = await readContainer(bytes, { withData: true });
  if (typeof opened === 'string') throw new StoryFileError(`Could not open "${name}": ${opened}.`, 'invalid');
  if (!opened.restored.ok) throw new StoryFileError(`Could not open "${name}": ${opened.restored.reason}.`, 'invalid');
  // The window still takes the story as one text (photos as base64); see docs/story-format.md.
  const text = serializeStory(opened.restored.story);
  const notes = opened.restored.notes;
  return notes ? { path: filePath, name, text, stamp, notes } : { path: filePath, name, text, stamp };
}

/** The bytes saving `text` as a new file at `filePath` writes (a container for a `.story`, the text for a `.story.json`). */
export function storyBytesFor(filePath: string, text: string): Promise<Buffer> {
  return bytesToSave(filePath, text, false);
}

async function startsLikeZip(filePath: string): Promise<boolean> {
  const handle = await fs.open(filePath, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return looksLikeZip(head);
  } finally {
    await handle.close();
  }
}

/**
 * The bytes a story's text is saved as at `filePath`: the text itself for a `.story.json`,
 * the container for a `.story` — with the photos the previous container already holds copied
 * from it as stored, not decoded from the text's base64 again.
 */
async function bytesToSave(filePath: string, text: string, hasPrevious: boolean): Promise<Buffer> {
  if (storyFormFor(filePath) === 'json') return utf8(text);
  const story = storyForContainer(text);
  if (typeof story === 'string') throw new StoryFileError(`Could not save "${path.basename(filePath)}": ${story}.`, 'invalid');
  const previous = hasPrevious ? await previousEntries(filePath, new Set(Object.keys(story.assets))) : undefined;
  try {
    return await buildContainer(story, previous ?? {});
  } catch (error) {
    throw new StoryFileError(`Could not save "${path.basename(filePath)}": ${oneLine(error)}.`, 'invalid');
  }
}

/** The stamp of the file as it is on disk now, or null when there is none. */
export async function currentStamp(filePath: string): Promise<FileStamp | null> {
  try {
    const [stat, bytes] = await Promise.all([fs.stat(filePath), fs.readFile(filePath)]);
    return stampOf(bytes, stat);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function sameFile(a: FileStamp | null, b: FileStamp | null): boolean {
  if (a === null || b === null) return a === b;
  // The hash decides; size and mtime are cheap hints kept for the message.
  return a.size === b.size && a.sha256 === b.sha256;
}

/**
 * Whether a file is certainly still the version `stamp` was taken of, from its stat alone:
 * the same inode, size, modification and change time. Any write in place moves mtime and
 * ctime, `touch` moves ctime, another program's atomic save makes a new inode, and a copy
 * over it moves all of them. Trusted only where the file system keeps fine-grained times: on
 * one that keeps whole seconds (FAT, some network shares) two writes in one second look the
 * same, so there the file is read and hashed. Stamps without inode and ctime (made before
 * they were kept) are never trusted this way.
 *
 * Should a colleague's write in place ever land in the same clock tick as the stamp and keep
 * the size, the save still keeps their version: it becomes the `.bak`.
 */
export function untouchedSince(stamp: FileStamp, stat: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>): boolean {
  if (stamp.ino === undefined || stamp.ctimeMs === undefined || stamp.ino === 0) return false;
  if (stat.ino !== stamp.ino || stat.size !== stamp.size || stat.mtimeMs !== stamp.mtimeMs || stat.ctimeMs !== stamp.ctimeMs) return false;
  const wholeSeconds = stat.mtimeMs % 1000 === 0 && stat.ctimeMs % 1000 === 0;
  return !wholeSeconds;
}

export interface WriteOptions {
  /** Stamp of the version the writer opened; null when it believes the file is new. */
  expected: FileStamp | null;
  /** Write even if the file changed on disk since it was opened. */
  overwrite?: boolean;
}

/**
 * Atomic save: the new bytes go to a temporary file in the same folder, are fsynced and
 * renamed over the old file (write-file-atomic), so a crash leaves either the old or the
 * new story, never a mix. The previous version is kept beside it as `<name>.bak`.
 */
export async function writeStoryFile(filePath: string, text: string, options: WriteOptions): Promise<OpenedStory> {
  const name = path.basename(filePath);
  // The file's stat and the hard link that may become its backup are made on the thread pool
  // while the text is encoded here: on a long story each costs milliseconds of disk journal.
  const preparing = prepareSave(filePath);
  preparing.catch(() => {});
  let backup: StagedBackup | null = null;
  try {
    const prepared = await preparing;
    const bytes = await bytesToSave(filePath, text, prepared.stat?.isFile() === true);
    const onDisk = prepared.stat;
    backup = prepared.backup;
    if (onDisk?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    // A folder deleted or unmounted under an open story: say so plainly rather than
    // report a conflict whose "overwrite" could never succeed.
    if (!onDisk && !(await isFolder(path.dirname(filePath)))) {
      throw new StoryFileError(`Could not save "${name}": ${REASONS.ENOENT}.`, 'not-found');
    }
    // The previous version's hash, when it had to be read to be sure of it.
    let previousSha: string | null = null;
    if (!options.overwrite) {
      const expected = options.expected;
      let unchanged: boolean;
      if (!onDisk || !expected) unchanged = !onDisk && !expected;
      else if (untouchedSince(expected, onDisk)) unchanged = true;
      else {
        const previous = await fs.readFile(filePath);
        previousSha = createHash('sha256').update(previous).digest('hex');
        unchanged = sameFile(stampWithHash(previous.length, previousSha, 0), expected);
      }
      if (!unchanged) {
        throw new StoryFileError(
          !onDisk
            ? `"${name}" was moved or deleted since you opened it.`
            : expected
              ? `"${name}" was changed on disk since you opened it.`
              : `"${name}" already exists.`,
          'conflict',
        );
      }
      if (previousSha === null && expected) previousSha = expected.sha256;
    } else if (onDisk && onDisk.size === bytes.length) {
      // Overwriting (after a conflict was shown): only an identical file can leave the backup alone.
      previousSha = createHash('sha256')
        .update(await fs.readFile(filePath))
        .digest('hex');
    }
    // The new bytes are hashed on the thread pool while they are written.
    const hashing = sha256Hex(bytes);
    hashing.catch(() => {});
    if (onDisk && previousSha !== null && bytes.length === onDisk.size && (await hashing) === previousSha) {
      // The file already holds these bytes: nothing to write, and the backup of the version
      // before stays as it is. The stamp keeps the stat that was checked, not a fresh one (the
      // staged link moved the ctime), so the next save reads the file rather than vouch for
      // bytes it never read.
      const staged = backup;
      backup = null;
      await staged?.cancel();
      return { path: filePath, name, text, stamp: stampWithHash(bytes.length, previousSha, onDisk) };
    }
    // Where links are not possible (FAT, some network shares) the old bytes are copied instead.
    if (onDisk && !backup) backup = await copyBackup(filePath);
    // A failed write throws here, and the story and its old backup stay exactly as they were.
    await writeFileAtomic(filePath, bytes, { fsync: true });
    const sha256 = await hashing;
    const staged = backup;
    backup = null;
    await staged?.commit();
    const stat = await fs.stat(filePath);
    // Best effort: a save that crashed long ago may have left a temporary file beside this one.
    await removeLeftoverTempFiles(filePath).catch(() => {});
    return { path: filePath, name, text, stamp: stampWithHash(bytes.length, sha256, stat) };
  } catch (error) {
    await backup?.cancel().catch(() => {});
    if (error instanceof StoryFileError) throw error;
    throw new StoryFileError(`Could not save "${name}": ${reasonFor(error)}.`, codeFor(error));
  }
}

/**
 * What a save needs from the disk before it can write: the file's stat, then (when there is a
 * file) a hard link to it under a temporary name, which becomes the `.bak`. The stat comes
 * first because making a link changes the file's ctime. Errors other than "no such file"
 * are the caller's to report.
 */
async function prepareSave(filePath: string): Promise<{ stat: Stats | null; backup: StagedBackup | null }> {
  let stat: Stats;
  try {
    stat = await fs.stat(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { stat: null, backup: null };
    throw error;
  }
  if (!stat.isFile()) return { stat, backup: null };
  return { stat, backup: await linkBackup(filePath).catch(() => null) };
}

async function isFolder(folder: string): Promise<boolean> {
  try {
    return (await fs.stat(folder)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Whether the file at `filePath` is still the version a window opened (`expected`; null for
 * "there was no file"). Lets the app ask before a save rather than fail it.
 */
export async function describeConflict(
  filePath: string,
  expected: FileStamp | null,
): Promise<{ changedOnDisk: boolean; current: FileStamp | null }> {
  const current = await currentStamp(filePath);
  return { changedOnDisk: !sameFile(current, expected), current };
}

/**
 * Keeps the version about to be replaced as `<name>.bak`. A hard link costs no copy: the old
 * file's data is already on disk, and once the atomic rename puts the new story in place the
 * link is the only name left for the old one. It is made under a temporary name and becomes
 * the .bak only after the new story is safely written, so a failed save leaves the previous
 * backup alone. Where links are not possible (FAT, some network shares) the old bytes are
 * written out instead.
 */
interface StagedBackup {
  commit(): Promise<void>;
  cancel(): Promise<void>;
}

// Named like write-file-atomic's temporary files for the backup (`<name>.bak.<digits>`), so
// a save killed before the rename leaves nothing the leftover clean-up does not know.
const stagingName = (filePath: string) => `${filePath}${BACKUP_SUFFIX}.${Math.floor(Math.random() * 1e9)}`;

function staged(filePath: string, staging: string): StagedBackup {
  return {
    commit: () => fs.rename(staging, filePath + BACKUP_SUFFIX),
    cancel: () => fs.rm(staging, { force: true }),
  };
}

async function linkBackup(filePath: string): Promise<StagedBackup> {
  const staging = stagingName(filePath);
  await fs.link(filePath, staging);
  return staged(filePath, staging);
}

async function copyBackup(filePath: string): Promise<StagedBackup> {
  const staging = stagingName(filePath);
  await writeFileAtomic(staging, await fs.readFile(filePath), { fsync: true });
  return staged(filePath, staging);
}

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the folder is read-only',
  ENOENT: 'the file or its folder no longer exists',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'it is a folder',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the file name is too long',
  EIO: 'the disk reported an input/output error',
};

/** A reason a reporter understands, in one short phrase. */
export function reasonFor(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code]!;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 160);
}

function codeFor(error: unknown): ErrorCode {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'not-found';
  if (code === 'EACCES' || code === 'EPERM') return 'forbidden';
  return 'io';
}
