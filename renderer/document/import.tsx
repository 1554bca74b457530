import { restoreStoryText } from '../../shared/story/restore';
import { call } from '../bridge';
import { OpenStoryDialog } from '../dialogs/FileDialogs';
import { confirmDiscard } from './save';
import type { StorySession } from './session';

/** File → Import: a .txt, .html or .docx becomes a new, unsaved story (the source is never written to). */
export async function importFile(session: StorySession): Promise<void> {
  if (!(await confirmDiscard(session))) return;
  let path: string | null = null;
  if (session.host === 'web') {
    path = await session.ask<string | null>((done) => <OpenStoryDialog importable onPick={done} onCancel={() => done(null)} />);
  } else {
    const picked = await call('import:dialog', {});
    if (!picked.ok) return session.notify({ kind: 'error', text: picked.error });
    path = picked.value.canceled ? null : picked.value.path;
  }
  if (path === null) return;
  const imported = await call('import:file', { path });
  if (!imported.ok) return session.notify({ kind: 'error', text: imported.error });
  const restored = restoreStoryText(imported.value.text);
  if (!restored.ok) return session.notify({ kind: 'error', text: `Could not import “${imported.value.name}”: ${restored.reason}.` });
  session.leaveFile();
  const { body, assets, ...story } = restored.story;
  session.showStory({ story, path: null, name: null, stamp: null, dirty: true }, body, assets);
  session.journal.schedule();
  session.notify({ kind: 'info', text: `Imported “${imported.value.name}”: ${imported.value.summary}.` });
}
