import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { restoreStoryText } from '../../shared/story/restore';
import { MAX_STORY_BYTES } from '../../shared/story/schema';
import { StoryFileError, reasonFor } from './story-files';

/**
 * The crash journal (VS Code's hot exit): a dirty story is written here once typing pauses
 * for a second (at least every five seconds while it goes on) and offered back after a crash. One file per story, `<storyId>.json`:
 *
 *   { format: "copydesk.journal", version: 1, storyId, path, name, journalledAt, savedAt?,
 *     story: "<the serialized story, exactly as the editor produced it>" }
 *
 * Plain Node (no `electron`): the desktop app keeps it in `<userData>/recovery`, the web
 * harness in `<docs>/.copydesk/recovery` (see `recoveryFolderFor`).
 *
 * Nothing here deletes words a user has not chosen to lose: a journal that cannot be read
 * is renamed `*.damaged` and left for a human, `discard` moves the entry to `discarded/`
 * (kept a week), and only `clear` — called once the story is safely saved, or the user chose
 * "Don't save" — removes an entry.
 */

export const JOURNAL_FORMAT = 'copydesk.journal';
export const JOURNAL_VERSION = 1;
export const JOURNAL_EXTENSION = '.json';
export const DAMAGED_SUFFIX = '.damaged';
/** A journalled story's photos, beside it (written only when they change). */
export const ASSETS_EXTENSION = '.assets';
export const DISCARDED_FOLDER = 'discarded';
/** Discarded entries are kept this long, in case "Discard" was the wrong button. */
export const DISCARDED_KEEP_MS = 7 * 24 * 60 * 60 * 1000;
/** A journal holds one story, JSON-escaped: allow for the escaping on top of the story limit. */
const MAX_JOURNAL_BYTES = 2 * MAX_STORY_BYTES;
/** write-file-atomic temporaries older than this are leftovers of a crash mid-journal. */
const TEMP_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Journal ids become file names, so only a portable, boring charset is allowed: letters,
 * digits, `.`, `_`, `-`, starting with a letter or digit, at most 128 characters (a
 * `crypto.randomUUID()` fits). Names Windows reserves for devices are refused too.
 */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export function isSafeJournalId(storyId: unknown): storyId is string {
  return typeof storyId === 'string' && SAFE_ID.test(storyId) && !WINDOWS_DEVICE.test(storyId.split('.')[0]!);
}

/** Where a host keeps its journal: `<base>/recovery`. */
export function recoveryFolderFor(base: string): string {
  return path.join(base, 'recovery');
}

export interface JournalEntryInput {
  /** The journal key (a per-document id; see `isSafeJournalId`). */
  storyId: string;
  /** Where the story is saved, or null for a story never saved. */
  path: string | null;
  /** The name to show ("teigen.story", or the headline of an unsaved story). */
  name: string;
  /** The serialized story, as it would be saved. */
  text: string;
  /** ISO time of the last successful save, if any (shown as "unsaved changes since …"). */
  savedAt?: string;
  /**
   * The story's `assets` as JSON, sent only when they changed since the last write (photos are
   * most of a story's bytes and rarely change while typing): kept in `<id>.assets` and put back
   * into the story when it is recovered. Without it, the assets last sent are used.
   */
  assets?: string;
}

export interface RecoveredStory {
  storyId: string;
  path: string | null;
  name: string;
  /** ISO time the journal was written. */
  journalledAt: string;
  savedAt?: string;
  /** The serialized story; it has passed `restoreStoryText`. */
  text: string;
}

export interface Journal {
  readonly folder: string;
  /** Atomically replaces the journal of one story. Resolves once it is on disk (fsynced). */
  write(entry: JournalEntryInput): Promise<{ storyId: string; journalledAt: string }>;
  /** Forgets a story's journal (it was saved, or the user chose not to keep the changes). */
  clear(storyId: string): Promise<void>;
  /** The user declined to recover it: moved to `discarded/`, removed after a week. */
  discard(storyId: string): Promise<void>;
  /** Stories that can be recovered, newest first. Unreadable journals are set aside. */
  list(): Promise<RecoveredStory[]>;
}

const isoDate = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO date' });

const JournalFileSchema = z.object({
  format: z.literal(JOURNAL_FORMAT),
  version: z.literal(JOURNAL_VERSION),
  storyId: z.string().refine(isSafeJournalId),
  path: z.string().min(1).max(4096).nullable(),
  name: z.string().max(1000),
  journalledAt: isoDate,
  savedAt: isoDate.optional(),
  story: z.string(),
});

const EntrySchema = z.object({
  storyId: z.string().refine(isSafeJournalId, { message: 'is not a usable recovery id' }),
  path: z
    .string()
    .min(1)
    .max(4096)
    .refine((p) => !p.includes('\0'), { message: 'must not contain NUL' })
    .nullable(),
  name: z.string().max(1000),
  text: z.string().max(MAX_STORY_BYTES, { message: `is larger than ${MAX_STORY_BYTES / (1024 * 1024)} MB` }),
  assets: z
    .string()
    .max(MAX_STORY_BYTES, { message: `is larger than ${MAX_STORY_BYTES / (1024 * 1024)} MB` })
    .optional(),
  savedAt: isoDate.optional(),
});

export function createJournal(folder: string, options: { now?: () => Date } = {}): Journal {
  const now = options.now ?? (() => new Date());
  /** Operations on one story run in the order they were called (a late write must not undo a clear). */
  const queues = new Map<string, Promise<unknown>>();

  function serial<T>(storyId: string, operation: () => Promise<T>): Promise<T> {
    const previous = queues.get(storyId) ?? Promise.resolve();
    const next = previous.then(operation, operation);
    const settled = next.catch(() => {});
    queues.set(storyId, settled);
    void settled.then(() => {
      if (queues.get(storyId) === settled) queues.delete(storyId);
    });
    return next;
  }

  const fileFor = (storyId: string) => path.join(folder, storyId + JOURNAL_EXTENSION);
  const assetsFileFor = (storyId: string) => path.join(folder, storyId + ASSETS_EXTENSION);

  function checkId(storyId: unknown): string {
    if (!isSafeJournalId(storyId)) {
      throw new StoryFileError(`"${String(storyId).slice(0, 60)}" is not a usable recovery id.`, 'invalid');
    }
    return storyId;
  }

  return {
    folder,

    write(entry) {
      // Refused on its length before the schema sees it: zod copies a string it reports as too long (seconds at 500 MB).
      for (const field of ['text', 'assets'] as const) {
        const value: unknown = (entry as unknown as Record<string, unknown> | null)?.[field];
        if (typeof value === 'string' && value.length > MAX_STORY_BYTES) {
          return Promise.reject(
            new StoryFileError(
              `Could not keep a recovery copy: ${field} is larger than ${MAX_STORY_BYTES / (1024 * 1024)} MB.`,
              'too-large',
            ),
          );
        }
      }
      const parsed = EntrySchema.safeParse(entry);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') || 'entry';
        const tooLarge = issue?.code === 'too_big' && field === 'text';
        return Promise.reject(
          new StoryFileError(
            `Could not keep a recovery copy: ${field} ${issue?.message ?? 'is invalid'}.`,
            tooLarge ? 'too-large' : 'invalid',
          ),
        );
      }
      const { storyId, path: storyPath, name, text, savedAt, assets } = parsed.data;
      return serial(storyId, async () => {
        const journalledAt = now().toISOString();
        const record = {
          format: JOURNAL_FORMAT,
          version: JOURNAL_VERSION,
          storyId,
          path: storyPath,
          name,
          journalledAt,
          ...(savedAt ? { savedAt } : {}),
          story: text,
        };
        try {
          await fs.mkdir(folder, { recursive: true });
          // The photos first: a journal never points at assets that are not on disk yet.
          if (assets !== undefined) await writeFileAtomic(assetsFileFor(storyId), assets, { fsync: true });
          await writeFileAtomic(fileFor(storyId), JSON.stringify(record), { fsync: true });
        } catch (error) {
          throw new StoryFileError(`Could not keep a recovery copy of "${name.slice(0, 200)}": ${reasonFor(error)}.`, 'io');
        }
        return { storyId, journalledAt };
      });
    },

    clear(storyId) {
      try {
        checkId(storyId);
      } catch (error) {
        return Promise.reject(error);
      }
      return serial(storyId, async () => {
        await fs.rm(assetsFileFor(storyId), { force: true }).catch(() => {});
        try {
          await fs.unlink(fileFor(storyId));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
          throw new StoryFileError(`Could not remove the recovery copy: ${reasonFor(error)}.`, 'io');
        }
      });
    },

    discard(storyId) {
      try {
        checkId(storyId);
      } catch (error) {
        return Promise.reject(error);
      }
      return serial(storyId, async () => {
        const at = now();
        const keepFolder = path.join(folder, DISCARDED_FOLDER);
        try {
          await fs.mkdir(keepFolder, { recursive: true });
          const kept = await freeName(path.join(keepFolder, `${storyId}.${fileStamp(at)}`), JOURNAL_EXTENSION);
          // The story goes whole: its photos are folded back in before it is set aside.
          const whole = await readJournal(fileFor(storyId), storyId, assetsFileFor(storyId));
          if (whole) {
            const record = JSON.parse(await fs.readFile(fileFor(storyId), 'utf8')) as Record<string, unknown>;
            await writeFileAtomic(kept, JSON.stringify({ ...record, story: whole.text }));
            await fs.rm(fileFor(storyId), { force: true });
          } else {
            await fs.rename(fileFor(storyId), kept);
          }
          await fs.rm(assetsFileFor(storyId), { force: true });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
          throw new StoryFileError(`Could not discard the recovery copy: ${reasonFor(error)}.`, 'io');
        }
        await pruneDiscarded(keepFolder, at.getTime()).catch(() => {});
      });
    },

    async list() {
      let names: string[];
      try {
        names = await fs.readdir(folder);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw new StoryFileError(`Could not read the recovery folder: ${reasonFor(error)}.`, 'io');
      }
      const found: RecoveredStory[] = [];
      for (const entry of names) {
        const full = path.join(folder, entry);
        if (isJournalTempFile(entry)) {
          await removeIfOlder(full, now().getTime() - TEMP_MAX_AGE_MS);
          continue;
        }
        if (!entry.endsWith(JOURNAL_EXTENSION)) continue;
        const storyId = entry.slice(0, -JOURNAL_EXTENSION.length);
        // In the story's queue, so a write landing meanwhile is never mistaken for damage.
        const recovered = await serial(storyId, async () => {
          const journal = await readJournal(full, storyId, assetsFileFor(storyId));
          if (!journal) await setAside(full);
          return journal;
        });
        if (recovered) found.push(recovered);
      }
      return found.sort((a, b) => Date.parse(b.journalledAt) - Date.parse(a.journalledAt) || a.storyId.localeCompare(b.storyId));
    },
  };
}

/** The recovered story in a journal file, or null when it cannot be offered. */
async function readJournal(file: string, storyId: string, assetsFile?: string): Promise<RecoveredStory | null> {
  if (!isSafeJournalId(storyId)) return null;
  let text: string;
  try {
    const stat = await fs.lstat(file);
    if (!stat.isFile()) return null;
    if (stat.size > MAX_JOURNAL_BYTES) return null;
    text = await fs.readFile(file, 'utf8');
  } catch {
    // Gone since readdir (cleared meanwhile) or unreadable: neither is offered.
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = JournalFileSchema.safeParse(data);
  if (!parsed.success || parsed.data.storyId !== storyId) return null;
  const { path: storyPath, name, journalledAt, savedAt } = parsed.data;
  const story = assetsFile ? await withAssets(parsed.data.story, assetsFile) : parsed.data.story;
  if (story === null || !restoreStoryText(story).ok) return null;
  return { storyId, path: storyPath, name, journalledAt, ...(savedAt ? { savedAt } : {}), text: story };
}

/** The journalled story with the photos kept beside it put back, or null if they are unreadable. */
async function withAssets(story: string, assetsFile: string): Promise<string | null> {
  let assets: string;
  try {
    assets = await fs.readFile(assetsFile, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? story : null;
  }
  try {
    const parsed = JSON.parse(story) as Record<string, unknown>;
    return JSON.stringify({ ...parsed, assets: JSON.parse(assets) as unknown });
  } catch {
    return null;
  }
}

/** Renames an unreadable journal to `<name>.damaged` (or `<name>.<n>.damaged`), never deleting it. */
async function setAside(file: string): Promise<void> {
  try {
    await fs.lstat(file);
  } catch {
    return; // already gone (cleared while we read it)
  }
  try {
    await fs.rename(file, await freeName(file, DAMAGED_SUFFIX));
  } catch {
    // A read-only recovery folder: leave it where it is; it is skipped on every list.
  }
}

/** `<base><suffix>`, or `<base>.<n><suffix>` when that exists, so nothing is overwritten. */
async function freeName(base: string, suffix: string): Promise<string> {
  for (let n = 0; n < 1000; n++) {
    const candidate = n === 0 ? base + suffix : `${base}.${n}${suffix}`;
    try {
      await fs.lstat(candidate);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return candidate;
      throw error;
    }
  }
  throw new Error('too many files with the same name');
}

function isJournalTempFile(entry: string): boolean {
  const match = /^(.+)\.json\.\d{1,10}$/.exec(entry);
  return match !== null && isSafeJournalId(match[1]);
}

async function removeIfOlder(file: string, cutoffMs: number): Promise<void> {
  try {
    const stat = await fs.lstat(file);
    if (stat.isFile() && stat.mtimeMs < cutoffMs) await fs.unlink(file);
  } catch {
    // best effort
  }
}

async function pruneDiscarded(keepFolder: string, nowMs: number): Promise<void> {
  for (const entry of await fs.readdir(keepFolder)) {
    if (entry.endsWith(JOURNAL_EXTENSION)) await removeIfOlder(path.join(keepFolder, entry), nowMs - DISCARDED_KEEP_MS);
  }
}

/** 2024-05-01T10-00-00-000Z: an ISO time usable in a file name on every system. */
function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
