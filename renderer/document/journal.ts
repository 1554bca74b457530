import { useCallback, useEffect, useMemo, useRef } from 'react';
import { call } from '../bridge';

/** How long after an edit the story is journalled: the most a crash can cost. */
export const JOURNAL_DELAY_MS = 1000;

export interface JournalSnapshot {
  storyId: string;
  path: string | null;
  name: string;
  /** The serialized story; computed only when a journal write is due. */
  text(): string;
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

  const flush = useCallback(async () => {
    timer.current = null;
    const current = snapshotRef.current();
    if (!current) return;
    await call('journal:write', { storyId: current.storyId, path: current.path, name: current.name, text: current.text() });
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
    await call('journal:clear', { storyId });
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
