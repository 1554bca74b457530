import { serializeStory } from '../../shared/story/create';
import { restoreStoryText } from '../../shared/story/restore';
import type { StorySession } from '../document/session';

export interface BenchHook {
  openText(text: string): Promise<number>;
  saveText(): Promise<number>;
  previewsMade(): Promise<unknown>;
}

/**
 * Benchmark hook for `npm run bench` (bench/browser.ts), present only with ?bench in the URL:
 * opens a story's text through the real open path (restoreStoryText, then showStory: editor
 * load and app state; the file read and lock are I/O, not measured) and resolves after the next
 * painted frame (rAF → rAF) with the time taken; saveText times what Save does before it hands
 * the text to the main process (photos' base64 from their Blobs, validation, serialisation).
 */
export function installBenchHook(session: StorySession): void {
  if (!new URLSearchParams(window.location.search).has('bench')) return;
  const stamp = { size: 0, mtimeMs: 0, sha256: '' };
  const hook: BenchHook = {
    // Every photo's preview, mounted or not (they are made in the background after an open).
    previewsMade: () => Promise.all(session.photos.hashes().map((hash) => session.previews.get(hash))),
    async saveText() {
      const start = performance.now();
      const restored = await session.currentStory(true);
      if (!restored.ok) throw new Error(restored.reason);
      if (serializeStory(restored.story).length === 0) throw new Error('empty');
      return performance.now() - start;
    },
    openText(text) {
      const start = performance.now();
      const restored = restoreStoryText(text);
      if (!restored.ok) return Promise.reject(new Error(restored.reason));
      const { body, assets, ...story } = restored.story;
      session.showStory({ story, path: null, name: 'bench.story', stamp, dirty: false }, body, assets);
      return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start))));
    },
  };
  (window as { __copydeskBench?: BenchHook }).__copydeskBench = hook;
}
