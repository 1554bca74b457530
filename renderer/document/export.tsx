import { exportStory } from '../../shared/export';
import { slugify } from '../../shared/story/create';
import { call } from '../bridge';
import { ExportDialog, ExportProgress, type ExportChoice } from '../dialogs/ExportDialog';
import { SaveStoryDialog } from '../dialogs/FileDialogs';
import { bytesToBase64 } from './assets';
import type { StorySession } from './session';

/** File → Export: asks the format, writes the images first and the document last; a failure leaves nothing behind. */
export async function exportToFile(session: StorySession): Promise<void> {
  const restored = await session.currentStory(false);
  if (!restored.ok) return session.notify({ kind: 'error', text: `Cannot export: ${restored.reason}.` });
  const story = restored.story;
  const settings = session.settings.get();
  const photoCount = story.body.root.children.filter((n) => n.type === 'photo').length;
  const choice = await session.ask<ExportChoice | null>((done) => (
    <ExportDialog initial={settings.lastExport} photoCount={photoCount} onExport={done} onCancel={() => done(null)} />
  ));
  if (!choice) return;
  if (JSON.stringify(choice) !== JSON.stringify(settings.lastExport)) {
    const next = { ...settings, lastExport: choice };
    session.settings.set(next);
    void call('settings:set', { settings: next });
  }
  const extension = choice.format === 'json' || choice.format === 'ninjs' ? 'json' : 'html';
  const base = `${story.meta.slug || slugify(story.meta.headline) || 'story'}${choice.format === 'ninjs' ? '.ninjs' : ''}`;
  let suggestedName = `${base}.${extension}`;
  if (session.host === 'web') {
    const chosen = await session.ask<string | null>((done) => (
      <SaveStoryDialog title="Export to" suggestedName={suggestedName} extension={extension} onSave={done} onCancel={() => done(null)} />
    ));
    if (chosen === null) return;
    suggestedName = chosen;
  }
  const target = await call('export:save-dialog', { suggestedName, extension });
  if (!target.ok) return session.notify({ kind: 'error', text: target.error });
  if (target.value.canceled) return;
  const path = target.value.path;
  const result = exportStory(story, {
    format: choice.format,
    assets: choice.assets,
    tweetScript: choice.tweetScript,
    creditStyle: settings.creditStyle,
  });
  const total = result.files.length + 1;
  const created: string[] = [];
  session.dialog.set(<ExportProgress done={0} total={total} />);
  let failure: string | null = null;
  // Images first, the document last: a document never points at an image not yet written.
  for (const [i, file] of result.files.entries()) {
    const written = await call('export:write-file', {
      target: path,
      relative: file.path,
      data: bytesToBase64(file.bytes),
      encoding: 'base64',
    });
    if (!written.ok) {
      failure = written.error;
      break;
    }
    if (written.value.created) created.push(file.path);
    session.dialog.set(<ExportProgress done={i + 1} total={total} />);
  }
  if (!failure) {
    const written = await call('export:write-file', { target: path, relative: null, data: result.text, encoding: 'utf8' });
    if (!written.ok) failure = written.error;
  }
  session.dialog.set(null);
  if (failure) {
    await call('export:remove', { target: path, relative: created, includeTarget: false });
    return session.notify({ kind: 'error', text: `${failure} Nothing was left behind.` });
  }
  const images = result.files.length;
  session.notify({
    kind: 'info',
    text: `Exported “${target.value.name}”${images ? ` with ${images} image${images === 1 ? '' : 's'} in images/` : ''}.`,
  });
}

/** Copy as HTML: the export's markup on the clipboard, as HTML and as its source text. */
export async function copyHtml(session: StorySession): Promise<void> {
  const restored = await session.currentStory(false);
  if (!restored.ok) return session.notify({ kind: 'error', text: `Cannot copy: ${restored.reason}.` });
  const { text } = exportStory(restored.story, { format: 'html', assets: 'inline', creditStyle: session.settings.get().creditStyle });
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([text], { type: 'text/html' }),
        // The source itself, for a CMS's HTML field.
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    session.notify({ kind: 'info', text: 'Copied the story’s HTML. Paste it into the CMS’s HTML field.' });
  } catch (error) {
    session.notify({ kind: 'error', text: `Could not copy to the clipboard (${error instanceof Error ? error.message : String(error)}).` });
  }
}

/** View → Preview: the exported page, shown in a sandboxed frame; again to close it. */
export async function togglePreview(session: StorySession): Promise<void> {
  if (session.previewWanted) {
    session.previewWanted = false;
    return session.preview.set(null);
  }
  session.previewWanted = true;
  const restored = await session.currentStory(false);
  if (!session.previewWanted) return;
  if (!restored.ok) {
    session.previewWanted = false;
    return session.notify({ kind: 'error', text: `Cannot preview: ${restored.reason}.` });
  }
  session.preview.set(
    exportStory(restored.story, { format: 'page', assets: 'inline', creditStyle: session.settings.get().creditStyle }).text,
  );
}
