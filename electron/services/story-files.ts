import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ErrorCode, FileStamp, OpenedStory } from '../../shared/ipc';
import { MAX_STORY_BYTES } from '../../shared/story/schema';

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
export const BACKUP_SUFFIX = '.bak';

export function stampOf(bytes: Buffer, mtimeMs: number): FileStamp {
  return { size: bytes.length, mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
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
  if (stat.size > MAX_STORY_BYTES) {
    throw new StoryFileError(`Could not open "${name}": it is larger than 50 MB.`, 'too-large');
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(filePath);
  } catch (error) {
    throw new StoryFileError(`Could not open "${name}": ${reasonFor(error)}.`, codeFor(error));
  }
  return { path: filePath, name, text: bytes.toString('utf8'), stamp: stampOf(bytes, stat.mtimeMs) };
}

/** The stamp of the file as it is on disk now, or null when there is none. */
export async function currentStamp(filePath: string): Promise<FileStamp | null> {
  try {
    const [stat, bytes] = await Promise.all([fs.stat(filePath), fs.readFile(filePath)]);
    return stampOf(bytes, stat.mtimeMs);
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
  const bytes = Buffer.from(text, 'utf8');
  let previous: Buffer | null = null;
  try {
    try {
      previous = await fs.readFile(filePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (!options.overwrite) {
      const onDisk = previous ? stampOf(previous, 0) : null;
      if (!sameFile(onDisk, options.expected ? { ...options.expected, mtimeMs: 0 } : null)) {
        throw new StoryFileError(
          !previous
            ? `"${name}" was moved or deleted since you opened it.`
            : options.expected
              ? `"${name}" was changed on disk since you opened it.`
              : `"${name}" already exists.`,
          'conflict',
        );
      }
    }
    if (previous && !previous.equals(bytes)) {
      await writeFileAtomic(filePath + BACKUP_SUFFIX, previous, { fsync: true });
    }
    await writeFileAtomic(filePath, bytes, { fsync: true });
    const stat = await fs.stat(filePath);
    return { path: filePath, name, text, stamp: stampOf(bytes, stat.mtimeMs) };
  } catch (error) {
    if (error instanceof StoryFileError) throw error;
    throw new StoryFileError(`Could not save "${name}": ${reasonFor(error)}.`, codeFor(error));
  }
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
