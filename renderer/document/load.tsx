import type { OpenedStory } from '../../shared/ipc';
import { restoreStoryText } from '../../shared/story/restore';
import { call } from '../bridge';
import { LockDialog, type LockChoice } from '../dialogs/LockDialog';
import type { StorySession } from './session';

/**
 * Puts a story read from disk in the window, after asking if someone else has it open.
 * `recovered` is unsaved work from the crash journal shown over the file it belongs to.
 */
export async function loadOpened(
  session: StorySession,
  opened: OpenedStory,
  recovered?: { text: string; journalId: string },
): Promise<void> {
  const restored = restoreStoryText(recovered ? recovered.text : opened.text);
  if (!restored.ok) {
    session.notify({ kind: 'error', text: `Could not open “${opened.name}”: ${restored.reason}.` });
    return;
  }
  // Someone else may have it open: ask before two people edit one file.
  let readOnly = false;
  const lock = await call('story:lock', { path: opened.path, force: false });
  if (lock.ok && !lock.value.acquired) {
    const holder = lock.value.holder;
    const choice = await session.ask<LockChoice>((done) => <LockDialog holder={holder} onChoose={done} />);
    if (choice === 'cancel') return;
    if (choice === 'anyway') await call('story:lock', { path: opened.path, force: true });
    readOnly = choice === 'read-only';
  }
  session.leaveFile(opened.path);
  const { body, assets, ...story } = restored.story;
  session.showStory(
    {
      story,
      path: opened.path,
      name: opened.name,
      stamp: opened.stamp,
      dirty: recovered !== undefined,
      readOnly,
      journalId: recovered?.journalId,
    },
    body,
    assets,
  );
  if (recovered) session.journal.schedule();
  session.notify(
    readOnly
      ? {
          kind: 'info',
          text: `“${opened.name}” is open read-only: ${lock.ok ? lock.value.holder : ''} Use Save As to keep your changes.`,
        }
      : restored.migratedFrom !== undefined
        ? { kind: 'info', text: `“${opened.name}” was made by an older Copydesk; it will be saved in the current format.` }
        : null,
  );
}
