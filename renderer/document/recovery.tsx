import { restoreStoryText } from '../../shared/story/restore';
import { call } from '../bridge';
import { RecoveryDialog, type RecoverableStory } from '../dialogs/RecoveryDialog';
import { loadOpened } from './load';
import type { StorySession } from './session';

/** Unsaved work from the crash journal back in the window, over its file when it has one. */
async function restoreRecovered(session: StorySession, entry: RecoverableStory & { text: string }): Promise<void> {
  if (entry.path) {
    // Recovered work over a saved file: keep the file's current stamp so Save still
    // notices if a colleague changed it meanwhile.
    const onDisk = await call('story:read', { path: entry.path });
    if (onDisk.ok) return loadOpened(session, onDisk.value, { text: entry.text, journalId: entry.storyId });
  }
  const restored = restoreStoryText(entry.text);
  if (!restored.ok) return session.notify({ kind: 'error', text: `Could not recover “${entry.name}”: ${restored.reason}.` });
  const { body, assets, ...story } = restored.story;
  session.showStory({ story, path: null, name: null, stamp: null, dirty: true, journalId: entry.storyId }, body, assets);
  session.journal.schedule();
}

/** At start: offers back every story the crash journal holds (restore, discard or decide later). */
export async function offerRecovery(session: StorySession): Promise<void> {
  const result = await call('journal:list', {});
  if (!result.ok || result.value.length === 0) return;
  const show = (remaining: typeof result.value) => {
    if (remaining.length === 0) return session.dialog.set(null);
    session.dialog.set(
      <RecoveryDialog
        stories={remaining}
        onLater={() => session.dialog.set(null)}
        onDiscard={(story) => {
          void call('journal:discard', { storyId: story.storyId });
          show(remaining.filter((r) => r.storyId !== story.storyId));
        }}
        onRestore={(story) => {
          session.dialog.set(null);
          void restoreRecovered(
            session,
            remaining.find((r) => r.storyId === story.storyId)!,
          );
        }}
      />,
    );
  };
  show(result.value);
}
