import { serializeStory, slugify } from '../../shared/story/create';
import { call } from '../bridge';
import { ConflictDialog, type ConflictChoice } from '../dialogs/ConflictDialog';
import { SaveStoryDialog } from '../dialogs/FileDialogs';
import { UnsavedChangesDialog, type UnsavedChoice } from '../dialogs/UnsavedChangesDialog';
import { loadOpened } from './load';
import { fileBaseName, storyDisplayName } from './open-document';
import type { StorySession } from './session';

export type SaveMode = 'save' | 'save-as' | 'save-copy';

/** Where to save: the native dialog, or (in the web harness) our own name box first. */
async function pickSavePath(session: StorySession, suggestedName: string): Promise<string | null> {
  let name = suggestedName;
  if (session.host === 'web') {
    const chosen = await session.ask<string | null>((done) => (
      <SaveStoryDialog suggestedName={suggestedName} onSave={done} onCancel={() => done(null)} />
    ));
    if (chosen === null) return null;
    name = chosen;
  }
  const result = await call('story:save-dialog', { suggestedName: name });
  if (!result.ok) {
    session.notify({ kind: 'error', text: result.error });
    return null;
  }
  return result.value.canceled ? null : result.value.path;
}

/**
 * Saves the story; true when it is on disk. A file changed on disk since it was opened is
 * never overwritten without asking (Overwrite / Reload theirs / Save mine as a copy).
 */
export async function saveStory(session: StorySession, mode: SaveMode, overwrite = false): Promise<boolean> {
  const d = session.doc.get();
  if (!session.editor) return false;
  let target = mode === 'save' && !d.readOnly ? d.path : null;
  let replacing = overwrite;
  if (target === null) {
    const base =
      d.path && mode === 'save-copy'
        ? `${fileBaseName(d) || storyDisplayName(d)} (copy)`
        : d.story.meta.slug || slugify(d.story.meta.headline) || 'untitled-story';
    target = await pickSavePath(session, `${base}.story`);
    if (target === null) return false;
    replacing = true; // the save dialog has already asked about replacing a file
  }
  const seq = session.editSeq;
  const restored = await session.currentStory(true);
  if (!restored.ok) {
    session.notify({ kind: 'error', text: `Not saved: the story is invalid (${restored.reason}).` });
    return false;
  }
  session.saving.set(true);
  const result = await call('story:write', {
    path: target,
    text: serializeStory(restored.story),
    expected: target === d.path ? d.stamp : null,
    overwrite: replacing,
  });
  session.saving.set(false);
  if (!result.ok) {
    if (result.code === 'conflict') {
      const choice = await session.ask<ConflictChoice>((done) => <ConflictDialog reason={result.error} onChoose={done} />);
      if (choice === 'overwrite') return saveStory(session, 'save', true);
      if (choice === 'copy') return saveStory(session, 'save-copy');
      if (choice === 'reload' && d.path) {
        // Their version replaces mine in the window (my edits stay in the crash journal until then).
        const theirs = await call('story:read', { path: d.path });
        if (theirs.ok) await loadOpened(session, theirs.value);
        else session.notify({ kind: 'error', text: theirs.error });
      }
      return false;
    }
    session.notify({ kind: 'error', text: `${result.error} Your story is still open and unsaved.` });
    return false;
  }
  const saved = result.value;
  session.notify(null);
  if (session.editSeq === seq) void session.journal.clear(d.journalId);
  if (saved.path !== d.path) {
    // Saved somewhere new: this window now holds that file, not the old one.
    if (d.path && !d.readOnly) void call('story:unlock', { path: d.path });
    void call('story:lock', { path: saved.path, force: false });
  }
  const unchanged = session.editSeq === seq;
  session.doc.set((cur) => ({
    ...cur,
    story: { ...cur.story, meta: unchanged ? restored.story.meta : cur.story.meta },
    path: saved.path,
    name: saved.name,
    stamp: saved.stamp,
    dirty: !unchanged,
    readOnly: false,
  }));
  return true;
}

/** Before the story leaves the window: Save / Don't Save / Cancel. True when it may go. */
export async function confirmDiscard(session: StorySession): Promise<boolean> {
  const d = session.doc.get();
  if (!d.dirty) return true;
  const choice = await session.ask<UnsavedChoice>((done) => <UnsavedChangesDialog storyName={storyDisplayName(d)} onChoose={done} />);
  if (choice === 'save') return saveStory(session, 'save');
  if (choice === 'discard') await session.journal.clear(d.journalId);
  return choice === 'discard';
}
