import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppCommand, FileStamp, OpenedStory } from '../shared/ipc';
import { createStory, serializeStory, slugify } from '../shared/story/create';
import { restoreStory, restoreStoryText } from '../shared/story/restore';
import type { Story } from '../shared/story/schema';
import { call, getBridge, onAppCommand } from './bridge';
import { OpenStoryDialog, SaveStoryDialog } from './dialogs/FileDialogs';
import { Modal } from './dialogs/Modal';
import { UnsavedChangesDialog, type UnsavedChoice } from './dialogs/UnsavedChangesDialog';
import { StoryEditor, type BodyCounts, type StoryEditorHandle } from './editor/StoryEditor';
import { MetadataPanel, StoryHeader } from './panels/MetadataPanel';
import { SettingsDialog } from './dialogs/SettingsDialog';
import { ExportDialog, ExportProgress, type ExportChoice } from './dialogs/ExportDialog';
import { exportStory } from '../shared/export';
import { bytesToBase64 } from './document/assets';
import { NewsroomContext, type NewsroomServices } from './editor/blocks/context';
import { PreviewCache, readImage } from './document/assets';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import type { SerializedBodyNode, StoryAsset } from '../shared/story/schema';

/** The open story: everything but the body, which lives in the editor. */
interface OpenDocument {
  story: Omit<Story, 'body'>;
  path: string | null;
  name: string | null;
  stamp: FileStamp | null;
  dirty: boolean;
}

type Banner = { kind: 'error' | 'info'; text: string };

function blankDocument(): { doc: OpenDocument; body: Story['body'] } {
  const { body, ...story } = createStory({ id: crypto.randomUUID(), now: new Date() });
  return { doc: { story, path: null, name: null, stamp: null, dirty: false }, body };
}

export function storyDisplayName(doc: Pick<OpenDocument, 'name' | 'story'>): string {
  if (doc.name) return doc.name.replace(/\.story$/i, '');
  return doc.story.meta.headline.trim() || 'Untitled story';
}

export function windowTitle(doc: Pick<OpenDocument, 'name' | 'story' | 'dirty'>): string {
  return `${doc.dirty ? '• ' : ''}${storyDisplayName(doc)} — Copydesk`;
}

export function App() {
  const initial = useMemo(blankDocument, []);
  const editorRef = useRef<StoryEditorHandle>(null);
  const [doc, setDoc] = useState<OpenDocument>(initial.doc);
  const docRef = useRef(doc);
  docRef.current = doc;
  /** Bumped on every edit, so a save knows whether the user typed while it was writing. */
  const editSeq = useRef(0);
  const [counts, setCounts] = useState<BodyCounts>({ words: 0, characters: 0 });
  const [banner, setBanner] = useState<Banner | null>(null);
  const [dialog, setDialog] = useState<ReactNode>(null);
  const [saving, setSaving] = useState(false);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const previews = useRef(new PreviewCache());
  const host = getBridge().host;

  useEffect(() => {
    void call('settings:get', {}).then((r) => {
      if (r.ok) setSettings(r.value as Settings);
      else setBanner({ kind: 'error', text: r.error });
    });
  }, []);

  const newsroom = useMemo<NewsroomServices>(
    () => ({
      creditStyle: settings.creditStyle,
      tweetLookup: settings.tweetLookup,
      userPresets: settings.helplinePresets,
      asset: (hash) => docRef.current.story.assets[hash],
      previewUrl: (hash) => previews.current.get(hash, docRef.current.story.assets[hash]),
      async addImage(file, name) {
        const read = await readImage(file, name);
        if (!read.ok) return read;
        if (!docRef.current.story.assets[read.hash]) {
          const assets = { ...docRef.current.story.assets, [read.hash]: read.asset };
          // Update the ref at once so the block that is about to render finds its image.
          docRef.current = { ...docRef.current, story: { ...docRef.current.story, assets } };
          setDoc((d) => ({ ...d, story: { ...d.story, assets: { ...d.story.assets, [read.hash]: read.asset } } }));
        }
        return { ok: true as const, hash: read.hash };
      },
      async lookupTweet(url) {
        const result = await call('tweet:lookup', { url });
        return result.ok ? { ok: true as const, tweet: result.value } : { ok: false as const, reason: result.error };
      },
      notify: (text, kind = 'error') => setBanner({ kind, text }),
    }),
    [settings],
  );

  const ask = useCallback(
    <T,>(render: (resolve: (value: T) => void) => ReactNode) =>
      new Promise<T>((resolve) => {
        setDialog(
          render((value) => {
            setDialog(null);
            resolve(value);
          }),
        );
      }),
    [],
  );

  const markEdited = useCallback(() => {
    editSeq.current++;
    setDoc((d) => (d.dirty ? d : { ...d, dirty: true }));
  }, []);

  const updateMeta = useCallback((patch: Partial<Story['meta']>) => {
    editSeq.current++;
    setDoc((d) => ({ ...d, dirty: true, story: { ...d.story, meta: { ...d.story.meta, ...patch } } }));
  }, []);

  // ---- title and close guard ------------------------------------------------------------
  const title = windowTitle(doc);
  useEffect(() => {
    document.title = title;
    void call('window:state', { title, dirty: doc.dirty });
  }, [title, doc.dirty]);

  useEffect(() => {
    if (!doc.dirty || host === 'electron') return;
    // In a browser the page cannot show its own dialog on close; the browser asks instead.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [doc.dirty, host]);

  // ---- file operations ------------------------------------------------------------------
  const pickSavePath = useCallback(
    async (suggestedName: string): Promise<string | null> => {
      let name = suggestedName;
      if (host === 'web') {
        const chosen = await ask<string | null>((done) => <SaveStoryDialog suggestedName={suggestedName} onSave={done} onCancel={() => done(null)} />);
        if (chosen === null) return null;
        name = chosen;
      }
      const result = await call('story:save-dialog', { suggestedName: name });
      if (!result.ok) {
        setBanner({ kind: 'error', text: result.error });
        return null;
      }
      return result.value.canceled ? null : result.value.path;
    },
    [ask, host],
  );

  /** The story as it would be saved now, validated by the same door as a file from disk. */
  const currentStory = useCallback((touch: boolean) => {
    const d = docRef.current;
    const body = editorRef.current!.getBody();
    const meta = touch && d.dirty ? { ...d.story.meta, updatedAt: new Date().toISOString() } : d.story.meta;
    return restoreStory({ ...d.story, meta, body, assets: referencedAssets(body, d.story.assets) });
  }, []);

  const save = useCallback(
    async (mode: 'save' | 'save-as' | 'save-copy', overwrite = false): Promise<boolean> => {
      const d = docRef.current;
      const editor = editorRef.current;
      if (!editor) return false;
      let target = mode === 'save' ? d.path : null;
      let replacing = overwrite;
      if (target === null) {
        const base = d.path && mode === 'save-copy' ? `${storyDisplayName(d)} (copy)` : d.story.meta.slug || slugify(d.story.meta.headline) || 'untitled-story';
        target = await pickSavePath(`${base}.story`);
        if (target === null) return false;
        replacing = true; // the save dialog has already asked about replacing a file
      }
      const seq = editSeq.current;
      const restored = currentStory(true);
      if (!restored.ok) {
        setBanner({ kind: 'error', text: `Not saved: the story is invalid (${restored.reason}).` });
        return false;
      }
      setSaving(true);
      const result = await call('story:write', {
        path: target,
        text: serializeStory(restored.story),
        expected: target === d.path ? d.stamp : null,
        overwrite: replacing,
      });
      setSaving(false);
      if (!result.ok) {
        if (result.code === 'conflict') {
          const choice = await ask<'overwrite' | 'copy' | 'cancel'>((done) => (
            <Modal title="This story changed on disk" onCancel={() => done('cancel')}>
              <p>{result.error} Someone else may have saved it. What do you want to do?</p>
              <div className="modal-actions">
                <button type="button" onClick={() => done('overwrite')}>
                  Overwrite theirs
                </button>
                <span className="spacer" />
                <button type="button" onClick={() => done('cancel')}>
                  Cancel
                </button>
                <button type="button" className="primary" data-autofocus onClick={() => done('copy')}>
                  Save mine as a copy…
                </button>
              </div>
            </Modal>
          ));
          if (choice === 'overwrite') return save('save', true);
          if (choice === 'copy') return save('save-copy');
          return false;
        }
        setBanner({ kind: 'error', text: `${result.error} Your story is still open and unsaved.` });
        return false;
      }
      const saved = result.value;
      setBanner(null);
      setDoc((cur) => ({
        ...cur,
        story: { ...cur.story, meta: editSeq.current === seq ? restored.story.meta : cur.story.meta },
        path: saved.path,
        name: saved.name,
        stamp: saved.stamp,
        dirty: editSeq.current !== seq,
      }));
      return true;
    },
    [ask, pickSavePath, currentStory],
  );

  const [preview, setPreview] = useState<string | null>(null);

  const exportNow = useCallback(async () => {
    const restored = currentStory(false);
    if (!restored.ok) return setBanner({ kind: 'error', text: `Cannot export: ${restored.reason}.` });
    const story = restored.story;
    const photoCount = story.body.root.children.filter((n) => n.type === 'photo').length;
    const choice = await ask<ExportChoice | null>((done) => (
      <ExportDialog initial={settings.lastExport} photoCount={photoCount} onExport={done} onCancel={() => done(null)} />
    ));
    if (!choice) return;
    if (JSON.stringify(choice) !== JSON.stringify(settings.lastExport)) {
      const next = { ...settings, lastExport: choice };
      setSettings(next);
      void call('settings:set', { settings: next });
    }
    const extension = choice.format === 'json' || choice.format === 'ninjs' ? 'json' : 'html';
    const base = `${story.meta.slug || slugify(story.meta.headline) || 'story'}${choice.format === 'ninjs' ? '.ninjs' : ''}`;
    let suggestedName = `${base}.${extension}`;
    if (host === 'web') {
      const chosen = await ask<string | null>((done) => (
        <SaveStoryDialog title="Export to" suggestedName={suggestedName} extension={extension} onSave={done} onCancel={() => done(null)} />
      ));
      if (chosen === null) return;
      suggestedName = chosen;
    }
    const target = await call('export:save-dialog', { suggestedName, extension });
    if (!target.ok) return setBanner({ kind: 'error', text: target.error });
    if (target.value.canceled) return;
    const path = target.value.path;
    const result = exportStory(story, { format: choice.format, assets: choice.assets, tweetScript: choice.tweetScript, creditStyle: settings.creditStyle });
    const total = result.files.length + 1;
    const created: string[] = [];
    setDialog(<ExportProgress done={0} total={total} />);
    let failure: string | null = null;
    // Images first, the document last: a document never points at an image not yet written.
    for (const [i, file] of result.files.entries()) {
      const written = await call('export:write-file', { target: path, relative: file.path, data: bytesToBase64(file.bytes), encoding: 'base64' });
      if (!written.ok) {
        failure = written.error;
        break;
      }
      if (written.value.created) created.push(file.path);
      setDialog(<ExportProgress done={i + 1} total={total} />);
    }
    if (!failure) {
      const written = await call('export:write-file', { target: path, relative: null, data: result.text, encoding: 'utf8' });
      if (!written.ok) failure = written.error;
    }
    setDialog(null);
    if (failure) {
      await call('export:remove', { target: path, relative: created, includeTarget: false });
      return setBanner({ kind: 'error', text: `${failure} Nothing was left behind.` });
    }
    setBanner({ kind: 'info', text: `Exported “${target.value.name}”${result.files.length ? ` with ${result.files.length} image${result.files.length === 1 ? '' : 's'} in images/` : ''}.` });
  }, [ask, currentStory, host, settings]);

  const copyHtml = useCallback(async () => {
    const restored = currentStory(false);
    if (!restored.ok) return setBanner({ kind: 'error', text: `Cannot copy: ${restored.reason}.` });
    const { text } = exportStory(restored.story, { format: 'html', assets: 'inline', creditStyle: settings.creditStyle });
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([text], { type: 'text/html' }),
          // The source itself, for a CMS's HTML field.
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      setBanner({ kind: 'info', text: 'Copied the story’s HTML. Paste it into the CMS’s HTML field.' });
    } catch (error) {
      setBanner({ kind: 'error', text: `Could not copy to the clipboard (${error instanceof Error ? error.message : String(error)}).` });
    }
  }, [currentStory, settings.creditStyle]);

  const togglePreview = useCallback(() => {
    setPreview((current) => {
      if (current !== null) return null;
      const restored = currentStory(false);
      if (!restored.ok) {
        setBanner({ kind: 'error', text: `Cannot preview: ${restored.reason}.` });
        return null;
      }
      return exportStory(restored.story, { format: 'page', assets: 'inline', creditStyle: settings.creditStyle }).text;
    });
  }, [currentStory, settings.creditStyle]);

  const confirmDiscard = useCallback(async (): Promise<boolean> => {
    const d = docRef.current;
    if (!d.dirty) return true;
    const choice = await ask<UnsavedChoice>((done) => <UnsavedChangesDialog storyName={storyDisplayName(d)} onChoose={done} />);
    if (choice === 'save') return save('save');
    return choice === 'discard';
  }, [ask, save]);

  const loadOpened = useCallback((opened: OpenedStory) => {
    const restored = restoreStoryText(opened.text);
    if (!restored.ok) {
      setBanner({ kind: 'error', text: `Could not open “${opened.name}”: ${restored.reason}.` });
      return;
    }
    const { body, ...story } = restored.story;
    previews.current.clear();
    docRef.current = { ...docRef.current, story };
    editorRef.current?.load(body);
    editSeq.current++;
    setDoc({ story, path: opened.path, name: opened.name, stamp: opened.stamp, dirty: false });
    setBanner(
      restored.migratedFrom !== undefined
        ? { kind: 'info', text: `“${opened.name}” was made by an older Copydesk; it will be saved in the current format.` }
        : null,
    );
  }, []);

  const openPath = useCallback(
    async (path: string) => {
      if (!(await confirmDiscard())) return;
      const result = await call('story:read', { path });
      if (result.ok) loadOpened(result.value);
      else setBanner({ kind: 'error', text: result.error });
    },
    [confirmDiscard, loadOpened],
  );

  const open = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    if (host === 'web') {
      const path = await ask<string | null>((done) => <OpenStoryDialog onPick={done} onCancel={() => done(null)} />);
      if (path === null) return;
      const result = await call('story:read', { path });
      if (result.ok) loadOpened(result.value);
      else setBanner({ kind: 'error', text: result.error });
      return;
    }
    const result = await call('story:open-dialog', {});
    if (!result.ok) setBanner({ kind: 'error', text: result.error });
    else if (!result.value.canceled) loadOpened(result.value);
  }, [ask, confirmDiscard, host, loadOpened]);

  const newStory = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    const fresh = blankDocument();
    previews.current.clear();
    docRef.current = fresh.doc;
    editorRef.current?.load(fresh.body);
    editSeq.current++;
    setDoc(fresh.doc);
    setBanner(null);
    editorRef.current?.focus();
  }, [confirmDiscard]);

  // ---- commands from menus, the OS and the keyboard -------------------------------------
  const runCommand = useCallback(
    async (command: AppCommand) => {
      switch (command.command) {
        case 'new':
          return newStory();
        case 'open':
          return open();
        case 'open-path':
          return openPath(command.path);
        case 'save':
          return void (await save('save'));
        case 'save-as':
          return void (await save('save-as'));
        case 'export':
          return exportNow();
        case 'copy-html':
          return copyHtml();
        case 'toggle-preview':
          return togglePreview();
        case 'save-and-close':
          if (await save('save')) await call('window:close', {});
          return;
        default:
          editorRef.current?.runCommand(command.command);
      }
    },
    [newStory, open, openPath, save, exportNow, copyHtml, togglePreview],
  );
  const runCommandRef = useRef(runCommand);
  runCommandRef.current = runCommand;

  useEffect(() => {
    const unsubscribe = onAppCommand((command) => void runCommandRef.current(command));
    // Tell the shell we are listening, so a story asked for at launch is delivered now.
    void call('window:ready', {});
    return unsubscribe;
  }, []);

  const openSettings = useCallback(() => {
    setDialog(
      <SettingsDialog
        settings={settings}
        onClose={() => setDialog(null)}
        onSave={async (next) => {
          const result = await call('settings:set', { settings: next });
          if (!result.ok) return result.error;
          setSettings(result.value as Settings);
          return null;
        }}
      />,
    );
  }, [settings]);

  useEffect(() => {
    // ?open=<path> opens a story at start (the web harness's equivalent of argv).
    const requested = new URLSearchParams(window.location.search).get('open');
    if (requested) void runCommandRef.current({ command: 'open-path', path: requested });
  }, []);

  useEffect(() => {
    // Benchmark hook for `npm run bench` (bench/browser.ts), present only with ?bench in the
    // URL: opens a story's text through the real open path (loadOpened: restore, editor load,
    // app state) and resolves after the next painted frame (rAF → rAF) with the time taken.
    if (!new URLSearchParams(window.location.search).has('bench')) return;
    const stamp = { size: 0, mtimeMs: 0, sha256: '' };
    (window as { __copydeskBench?: { openText(text: string): Promise<number> } }).__copydeskBench = {
      openText(text) {
        const start = performance.now();
        loadOpened({ path: 'bench.story', name: 'bench.story', text, stamp });
        return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start))));
      },
    };
  }, [loadOpened]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const command =
        key === 's'
          ? event.shiftKey
            ? 'save-as'
            : 'save'
          : key === 'o' && !event.shiftKey
            ? 'open'
            : key === 'n' && !event.shiftKey
              ? 'new'
              : key === 'e' && !event.shiftKey
                ? 'export'
                : key === 'p' && event.shiftKey
                  ? 'toggle-preview'
                  : null;
      if (!command) return;
      event.preventDefault();
      void runCommandRef.current({ command });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const onEditorError = useCallback((message: string) => setBanner({ kind: 'error', text: `Editor error: ${message}` }), []);

  return (
    <div className="app">
      <header className="app-bar">
        <div className="brand" aria-hidden="true">
          Copydesk
        </div>
        <nav className="file-actions" aria-label="File">
          <button type="button" onClick={() => void runCommand({ command: 'new' })} title="New story (Ctrl+N)">
            New
          </button>
          <button type="button" onClick={() => void runCommand({ command: 'open' })} title="Open a story (Ctrl+O)">
            Open…
          </button>
          <button type="button" onClick={() => void runCommand({ command: 'save' })} title="Save (Ctrl+S)" disabled={saving}>
            Save
          </button>
          <button type="button" onClick={() => void runCommand({ command: 'save-as' })} title="Save As (Ctrl+Shift+S)" disabled={saving}>
            Save As…
          </button>
          <button type="button" onClick={() => void runCommand({ command: 'export' })} title="Export (Ctrl+E)">
            Export…
          </button>
          <button type="button" onClick={() => void runCommand({ command: 'copy-html' })} title="Copy the story's HTML for the CMS">
            Copy as HTML
          </button>
          <button type="button" aria-pressed={preview !== null} onClick={() => void runCommand({ command: 'toggle-preview' })} title="Preview as the CMS will show it (Ctrl+Shift+P)">
            Preview
          </button>
          <button type="button" onClick={openSettings} title="House style, tweet look-up, helpline presets">
            Settings
          </button>
        </nav>
        <div className="doc-name" aria-live="polite">
          <span className="doc-title">{storyDisplayName(doc)}</span>
          <span className={`doc-state ${doc.dirty ? 'is-dirty' : ''}`} data-testid="save-state">
            {saving ? 'Saving…' : doc.dirty ? 'Edited' : doc.path ? 'Saved' : 'Not saved yet'}
          </span>
        </div>
      </header>
      {banner && (
        <div className={`banner banner-${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'}>
          <span>{banner.text}</span>
          <button type="button" className="small" onClick={() => setBanner(null)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
      {preview !== null && (
        <div className="preview-pane">
          {/* No allow-scripts, no same-origin: whatever the story holds cannot run here. */}
          <iframe title="Preview of the exported page" sandbox="" srcDoc={preview} className="preview-frame" />
        </div>
      )}
      <div className="workspace" hidden={preview !== null}>
        <main className="story-column">
          <StoryHeader meta={doc.story.meta} onChange={updateMeta} />
          <NewsroomContext.Provider value={newsroom}>
            <StoryEditor ref={editorRef} initialBody={initial.body} onEdit={markEdited} onCounts={setCounts} onError={onEditorError} />
          </NewsroomContext.Provider>
        </main>
        <aside className="side-panel">
          <MetadataPanel meta={doc.story.meta} onChange={updateMeta} />
        </aside>
      </div>
      <footer className="status-bar">
        <span data-testid="word-count">
          {counts.words.toLocaleString()} {counts.words === 1 ? 'word' : 'words'}
        </span>
        <span data-testid="char-count">{counts.characters.toLocaleString()} characters</span>
        <span className="status-path" title={doc.path ?? undefined}>
          {doc.path ?? 'Not saved yet'}
        </span>
      </footer>
      {dialog}
    </div>
  );
}

/** Only the images the story still shows are saved (undo keeps the rest in memory). */
export function referencedAssets(body: Story['body'], assets: Record<string, StoryAsset>): Record<string, StoryAsset> {
  const used: Record<string, StoryAsset> = {};
  for (const node of body.root.children as SerializedBodyNode[]) {
    const hash = node.type === 'photo' ? String(node.asset ?? '') : '';
    if (hash && assets[hash]) used[hash] = assets[hash];
  }
  return used;
}
