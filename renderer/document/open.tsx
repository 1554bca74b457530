import { call } from '../bridge';
import { OpenStoryDialog } from '../dialogs/FileDialogs';
import { loadOpened } from './load';
import { blankDocument } from './open-document';
import { confirmDiscard } from './save';
import type { StorySession } from './session';

/** Opens the story at `path` (the OS, a menu, `?open=`), after asking about unsaved work. */
export async function openPath(session: StorySession, path: string): Promise<void> {
  if (!(await confirmDiscard(session))) return;
  const result = await call('story:read', { path });
  if (result.ok) await loadOpened(session, result.value);
  else session.notify({ kind: 'error', text: result.error });
}

/** File → Open: the native dialog, or the documents folder's list in the web harness. */
export async function openStory(session: StorySession): Promise<void> {
  if (!(await confirmDiscard(session))) return;
  if (session.host === 'web') {
    const path = await session.ask<string | null>((done) => <OpenStoryDialog onPick={done} onCancel={() => done(null)} />);
    if (path === null) return;
    const result = await call('story:read', { path });
    if (result.ok) await loadOpened(session, result.value);
    else session.notify({ kind: 'error', text: result.error });
    return;
  }
  const result = await call('story:open-dialog', {});
  if (!result.ok) session.notify({ kind: 'error', text: result.error });
  else if (!result.value.canceled) await loadOpened(session, result.value);
}

/** File → New: a blank story in this window. */
export async function newStory(session: StorySession): Promise<void> {
  if (!(await confirmDiscard(session))) return;
  const fresh = blankDocument();
  session.previews.clear();
  session.photos.replace({});
  session.leaveFile();
  session.doc.set(fresh.doc);
  session.editor?.load(fresh.body);
  session.editSeq++;
  session.notify(null);
  session.editor?.focus();
}
