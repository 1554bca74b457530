import { call } from '../bridge';

/** The pause in typing after which the story is journalled. */
export const JOURNAL_QUIET_MS = 1000;
/** The longest typing can go on unjournalled: with the pause above, the most a crash can cost. */
export const JOURNAL_MAX_WAIT_MS = 5000;

/**
 * When to write the journal: once typing pauses for JOURNAL_QUIET_MS, and at least every
 * JOURNAL_MAX_WAIT_MS while it goes on. A write serialises the whole story on the main thread
 * (tens of milliseconds on a 30,000-word live blog); landing in the reporter's pauses rather
 * than every second of a burst keeps it off the keys they are typing.
 */
export class JournalScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstEdit = 0;
  private lastEdit = 0;

  constructor(
    private readonly write: () => void,
    private readonly now: () => number = () => Date.now(),
    private readonly quietMs = JOURNAL_QUIET_MS,
    private readonly maxWaitMs = JOURNAL_MAX_WAIT_MS,
  ) {}

  /** Call on every edit. */
  edited(): void {
    const now = this.now();
    this.lastEdit = now;
    if (this.timer === null) {
      this.firstEdit = now;
      this.timer = setTimeout(() => this.due(), this.quietMs);
    }
  }

  /** Forget what is pending (the story was saved or closed). */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private due(): void {
    const now = this.now();
    const at = Math.min(this.lastEdit + this.quietMs, this.firstEdit + this.maxWaitMs);
    if (now < at) {
      this.timer = setTimeout(() => this.due(), at - now);
      return;
    }
    this.timer = null;
    this.write();
  }
}

export interface JournalSnapshot {
  storyId: string;
  path: string | null;
  name: string;
  /** The serialized story without its photos' data (`assets: {}`); computed only when a write is due. */
  text(): string;
  /** Names the story's current set of photos (their hashes): a change means `assets()` is sent. */
  assetsKey(): string;
  /** The story's assets as JSON (made from the photos' Blobs, hence a promise). */
  assets(): Promise<string> | string;
}

/**
 * Crash journal: when typing pauses for a second (and every five seconds while it goes on)
 * the unsaved story is written to the recovery folder. `snapshot` returns null when there is
 * nothing unsaved to keep.
 */
export class StoryJournal {
  /** The photos last journalled, per story: typing does not re-send megabytes of images. */
  private sentAssets: { storyId: string; key: string } | null = null;
  /** The write under way, if any: a clear waits for it, or a late write would outlive the save. */
  private writing: Promise<void> | null = null;
  private readonly scheduler = new JournalScheduler(() => {
    const write = this.flush().finally(() => {
      if (this.writing === write) this.writing = null;
    });
    this.writing = write;
  });

  constructor(private readonly snapshot: () => JournalSnapshot | null) {}

  /** Call on every edit. */
  schedule = (): void => this.scheduler.edited();

  clear = async (storyId: string): Promise<void> => {
    this.scheduler.cancel();
    if (this.sentAssets?.storyId === journalKey(storyId)) this.sentAssets = null;
    const writing = this.writing;
    await call('journal:clear', { storyId: journalKey(storyId) });
    // A journal write still in flight (a story with large photos takes a while) lands after
    // that clear and would offer saved work back as "unsaved" on the next start: clear again.
    if (writing) {
      await writing.catch(() => {});
      await call('journal:clear', { storyId: journalKey(storyId) });
    }
  };

  /** The window is going away: nothing more is written. */
  dispose(): void {
    this.scheduler.cancel();
  }

  private async flush(): Promise<void> {
    const current = this.snapshot();
    if (!current) return;
    const storyId = journalKey(current.storyId);
    const key = current.assetsKey();
    const sent = this.sentAssets;
    const text = current.text();
    const assets = sent && sent.storyId === storyId && sent.key === key ? undefined : await current.assets();
    const result = await call('journal:write', {
      storyId,
      path: current.path,
      name: current.name,
      text,
      ...(assets !== undefined ? { assets } : {}),
    });
    if (result.ok && assets !== undefined) this.sentAssets = { storyId, key };
  }
}

/**
 * The journal's file name for a story id. Ids made by Copydesk (UUIDs) are used as they are;
 * others (a migrated file's `migrated-2019-03-01T00:00:00.000Z`, anything with characters a file
 * name cannot hold) get a stable hashed name instead of failing to journal.
 */
export function journalKey(storyId: string): string {
  // (Names Windows keeps for devices — con, nul, com1 … — are not file names either.)
  if (/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(storyId) && !/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i.test(storyId)) return storyId;
  let hash = 0x811c9dc5;
  for (let i = 0; i < storyId.length; i++) {
    hash ^= storyId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `story-${hash.toString(16).padStart(8, '0')}-${storyId.length}`;
}
