import { useCallback, useEffect, useMemo, useRef } from 'react';
import { call } from '../bridge';

/** How long after an edit the story is journalled: the most a crash can cost. */
export const JOURNAL_DELAY_MS = 1000;

export interface JournalSnapshot {
  storyId: string;
  path: string | null;
  name: string;
  /** The serialized story without its photos' data (`assets: {}`); computed only when a write is due. */
  text(): string;
  /** Names the story's current set of photos (their hashes): a change means `assets()` is sent. */
  assetsKey(): string;
  /** The story's assets as JSON. */
  assets(): string;
}

/**
 * Crash journal: about a second after the first edit (and every second while typing goes
 * on) the unsaved story is written to the recovery folder. `snapshot` returns null when
 * there is nothing unsaved to keep.
 */
export function useJournal(snapshot: () => JournalSnapshot | null) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const snapshotRef = useRef(snapshot);
  snapshotRef.current = snapshot;

  /** The photos last journalled, per story: typing does not re-send megabytes of images. */
  const sentAssets = useRef<{ storyId: string; key: string } | null>(null);

  const flush = useCallback(async () => {
    timer.current = null;
    const current = snapshotRef.current();
    if (!current) return;
    const storyId = journalKey(current.storyId);
    const key = current.assetsKey();
    const sent = sentAssets.current;
    const assets = sent && sent.storyId === storyId && sent.key === key ? undefined : current.assets();
    const result = await call('journal:write', { storyId, path: current.path, name: current.name, text: current.text(), ...(assets !== undefined ? { assets } : {}) });
    if (result.ok && assets !== undefined) sentAssets.current = { storyId, key };
  }, []);

  /** Call on every edit: schedules at most one write per JOURNAL_DELAY_MS. */
  const schedule = useCallback(() => {
    if (timer.current === null) timer.current = setTimeout(() => void flush(), JOURNAL_DELAY_MS);
  }, [flush]);

  const clear = useCallback(async (storyId: string) => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (sentAssets.current?.storyId === journalKey(storyId)) sentAssets.current = null;
    await call('journal:clear', { storyId: journalKey(storyId) });
  }, []);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  // One object for the component's life: callers list it in their hooks' dependencies, and a
  // new object each render re-ran them all (an endless recount/re-render loop in the editor).
  return useMemo(() => ({ schedule, clear }), [schedule, clear]);
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
