import path from 'node:path';
import type { Result } from '../../shared/ipc';
import { releaseLock } from './locks';

/**
 * The web harness serves any number of browser tabs from one process, so the lock file (one
 * per process) cannot tell two tabs apart: each would take "its own" lock and both would edit
 * the story unwarned. This remembers which tab holds each story the harness has locked; a
 * second tab gets the same "open elsewhere" answer another computer would, and only the
 * holding tab's unlock releases the file. When the harness stops, every lock it holds goes.
 */
export interface TabLocks {
  /** An answer that replaces the dispatcher's, or null to let the call through. */
  before(channel: string, payload: unknown, tab: string): Result<unknown> | null;
  after(channel: string, payload: unknown, tab: string, result: Result<unknown>): void;
  /** Removes every lock file this harness holds (on shutdown). */
  releaseAll(): Promise<void>;
  held(): string[];
}

export function tabLocks(resolve: (filePath: string) => string): TabLocks {
  /** Story path → the tab holding it, and since when. */
  const holders = new Map<string, { tab: string; since: Date }>();

  const storyOf = (payload: unknown): string | null => {
    const filePath = (payload as { path?: unknown } | null)?.path;
    if (typeof filePath !== 'string') return null;
    try {
      return resolve(filePath);
    } catch {
      return null; // the dispatcher answers with the reason
    }
  };

  return {
    before(channel, payload, tab) {
      const story = storyOf(payload);
      if (!story) return null;
      const holder = holders.get(story);
      if (channel === 'story:lock' && holder && holder.tab !== tab && (payload as { force?: unknown }).force !== true) {
        const since = holder.since.toISOString().slice(0, 16).replace('T', ' ');
        return {
          ok: true,
          value: {
            acquired: false,
            holder: `"${path.basename(story)}" is open in another browser tab of this Copydesk since ${since} UTC.`,
            warning: null,
          },
        };
      }
      // Another tab's story stays locked when this tab lets go of it.
      if (channel === 'story:unlock' && holder && holder.tab !== tab) return { ok: true, value: {} };
      return null;
    },
    after(channel, payload, tab, result) {
      const story = storyOf(payload);
      if (!story || !result.ok) return;
      if (channel === 'story:lock' && (result.value as { acquired?: boolean }).acquired) holders.set(story, { tab, since: new Date() });
      if (channel === 'story:unlock' && holders.get(story)?.tab === tab) holders.delete(story);
    },
    async releaseAll() {
      const stories = [...holders.keys()];
      holders.clear();
      await Promise.all(stories.map((story) => releaseLock(story).catch(() => false)));
    },
    held: () => [...holders.keys()],
  };
}
