import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppCommand, AppCommandName, FileStamp, OpenedStory } from '../shared/ipc';
import { createStory, serializeStory, slugify } from '../shared/story/create';
import { restoreStory, restoreStoryText } from '../shared/story/restore';
import type { Story } from '../shared/story/schema';
import { call, getBridge, onAppCommand } from './bridge';
import { OpenStoryDialog, SaveStoryDialog } from './dialogs/FileDialogs';
import { Modal } from './dialogs/Modal';
import { UnsavedChangesDialog, type UnsavedChoice } from './dialogs/UnsavedChangesDialog';
import { StoryEditor, type BodyCounts, type StoryEditorHandle } from './editor/StoryEditor';
import { isSlugAutomatic, MetadataPanel, StoryHeader } from './panels/MetadataPanel';
import { SettingsDialog } from './dialogs/SettingsDialog';
import { ExportDialog, ExportProgress, type ExportChoice } from './dialogs/ExportDialog';
import { exportStory } from '../shared/export';
import { AssetStore, bytesToBase64, PreviewCache, readImage, whenIdle } from './document/assets';
import { useJournal } from './document/journal';
import { RecoveryDialog, type RecoverableStory } from './dialogs/RecoveryDialog';
import { NewsroomContext, type NewsroomServices } from './editor/blocks/context';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import type { SerializedBodyNode } from '../shared/story/schema';

/** The open story: everything but the body, which lives in the editor, and the photos, which live in the window's AssetStore. */
interface OpenDocument {
  story: Omit<Story, 'body' | 'assets'>;
  path: string | null;
  name: string | null;
  stamp: FileStamp | null;
  dirty: boolean;
  /** Someone else has the file open: Save goes to Save As. */
  readOnly?: boolean;
  /**
   * This window's crash-journal entry. Not the story's id: a Save As copy keeps its original's
   * id, and two windows editing the original and the copy must not journal over each other.
   */
  journalId: string;
}

type Banner = { kind: 'error' | 'info'; text: string };

function blankDocument(): { doc: OpenDocument; body: Story['body'] } {
  const { body, assets: _none, ...story } = createStory({ id: crypto.randomUUID(), now: new Date() });
  return { doc: { story, path: null, name: null, stamp: null, dirty: false, journalId: crypto.randomUUID() }, body };
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
  /** The story's photos, as Blobs (see AssetStore). */
  const [photoStore] = useState(() => new AssetStore());
  const journal = useJournal(() => {
    const d = docRef.current;
    const editor = editorRef.current;
    if (!d.dirty || !editor) return null;
    return {
      storyId: d.journalId,
      path: d.path,
      name: storyDisplayName(d),
      text: () => serializeStory({ ...d.story, body: editor.getBody(), assets: {} }),
      // Every image the story holds in memory (undo may bring back a deleted photo).
      assetsKey: () => photoStore.key(),
      assets: async () => JSON.stringify(await photoStore.storyAssets()),
    };
  });
  const [counts, setCounts] = useState<BodyCounts>({ words: 0, characters: 0 });
  const [banner, setBanner] = useState<Banner | null>(null);
  const [dialog, setDialog] = useState<ReactNode>(null);
  const [saving, setSaving] = useState(false);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [previewCache] = useState(() => new PreviewCache(photoStore));
  const previews = useRef(previewCache);
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
      asset: (hash) => photoStore.info(hash),
      previewUrl: (hash) => previews.current.get(hash),
      readyPreviewUrl: (hash) => previews.current.peek(hash),
      async addImage(file, name) {
        const read = await readImage(file, name);
        if (!read.ok) return read;
        photoStore.addBytes(read.hash, read.info, read.bytes);
        return { ok: true as const, hash: read.hash };
      },
      async lookupTweet(url) {
        const result = await call('tweet:lookup', { url });
        return result.ok ? { ok: true as const, tweet: result.value } : { ok: false as const, reason: result.error };
      },
      notify: (text, kind = 'error') => setBanner({ kind, text }),
      fillEmptyMeta(fields) {
        const meta = docRef.current.story.meta;
        const filled = { headline: false, standfirst: false, dateline: false };
        const patch: Partial<Story['meta']> = {};
        for (const key of ['headline', 'standfirst', 'dateline'] as const) {
          const value = fields[key]?.trim();
          if (value && !meta[key].trim()) {
            patch[key] = value;
            filled[key] = true;
          }
        }
        if (patch.headline && isSlugAutomatic(meta)) patch.slug = slugify(patch.headline);
        if (Object.keys(patch).length > 0) updateMetaRef.current(patch);
        return filled;
      },
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
    if (!docRef.current.dirty) docRef.current = { ...docRef.current, dirty: true };
    setDoc((d) => (d.dirty ? d : { ...d, dirty: true }));
    journal.schedule();
  }, [journal]);

  const updateMetaRef = useRef<(patch: Partial<Story['meta']>) => void>(() => {});
  const updateMeta = useCallback(
    (patch: Partial<Story['meta']>) => {
      editSeq.current++;
      const apply = (d: OpenDocument): OpenDocument => ({ ...d, dirty: true, story: { ...d.story, meta: { ...d.story.meta, ...patch } } });
      docRef.current = apply(docRef.current);
      setDoc(apply);
      journal.schedule();
    },
    [journal],
  );

  updateMetaRef.current = updateMeta;

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
        const chosen = await ask<string | null>((done) => (
          <SaveStoryDialog suggestedName={suggestedName} onSave={done} onCancel={() => done(null)} />
        ));
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

  /** Set once loadOpened exists (it is defined after save, which needs it for "Reload theirs"). */
  const loadOpenedRef = useRef<(opened: OpenedStory) => Promise<void>>(async () => {});

  /** The story as it would be saved now, validated by the same door as a file from disk. */
  const currentStory = useCallback(
    async (touch: boolean) => {
      const d = docRef.current;
      const body = editorRef.current!.getBody();
      const meta = touch && d.dirty ? { ...d.story.meta, updatedAt: new Date().toISOString() } : d.story.meta;
      const assets = await photoStore.storyAssets(referencedAssets(body));
      return restoreStory({ ...d.story, meta, body, assets });
    },
    [photoStore],
  );

  const save = useCallback(
    async (mode: 'save' | 'save-as' | 'save-copy', overwrite = false): Promise<boolean> => {
      const d = docRef.current;
      const editor = editorRef.current;
      if (!editor) return false;
      let target = mode === 'save' && !d.readOnly ? d.path : null;
      let replacing = overwrite;
      if (target === null) {
        const base =
          d.path && mode === 'save-copy'
            ? `${storyDisplayName(d)} (copy)`
            : d.story.meta.slug || slugify(d.story.meta.headline) || 'untitled-story';
        target = await pickSavePath(`${base}.story`);
        if (target === null) return false;
        replacing = true; // the save dialog has already asked about replacing a file
      }
      const seq = editSeq.current;
      const restored = await currentStory(true);
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
          const choice = await ask<'overwrite' | 'copy' | 'reload' | 'cancel'>((done) => (
            <Modal title="This story changed on disk" onCancel={() => done('cancel')}>
              <p>{result.error} Someone else may have saved it. What do you want to do?</p>
              <div className="modal-actions">
                <button type="button" onClick={() => done('overwrite')}>
                  Overwrite theirs
                </button>
                <button type="button" onClick={() => done('reload')}>
                  Reload theirs
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
          if (choice === 'reload' && d.path) {
            // Their version replaces mine in the window (my edits stay in the crash journal until then).
            const theirs = await call('story:read', { path: d.path });
            if (theirs.ok) await loadOpenedRef.current(theirs.value);
            else setBanner({ kind: 'error', text: theirs.error });
          }
          return false;
        }
        setBanner({ kind: 'error', text: `${result.error} Your story is still open and unsaved.` });
        return false;
      }
      const saved = result.value;
      setBanner(null);
      if (editSeq.current === seq) void journal.clear(d.journalId);
      if (saved.path !== d.path) {
        // Saved somewhere new: this window now holds that file, not the old one.
        if (d.path && !d.readOnly) void call('story:unlock', { path: d.path });
        void call('story:lock', { path: saved.path, force: false });
      }
      setDoc((cur) => ({
        ...cur,
        story: { ...cur.story, meta: editSeq.current === seq ? restored.story.meta : cur.story.meta },
        path: saved.path,
        name: saved.name,
        stamp: saved.stamp,
        dirty: editSeq.current !== seq,
        readOnly: false,
      }));
      return true;
    },
    [ask, pickSavePath, currentStory, journal],
  );

  const [preview, setPreview] = useState<string | null>(null);

  const exportNow = useCallback(async () => {
    const restored = await currentStory(false);
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
    const result = exportStory(story, {
      format: choice.format,
      assets: choice.assets,
      tweetScript: choice.tweetScript,
      creditStyle: settings.creditStyle,
    });
    const total = result.files.length + 1;
    const created: string[] = [];
    setDialog(<ExportProgress done={0} total={total} />);
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
    setBanner({
      kind: 'info',
      text: `Exported “${target.value.name}”${result.files.length ? ` with ${result.files.length} image${result.files.length === 1 ? '' : 's'} in images/` : ''}.`,
    });
  }, [ask, currentStory, host, settings]);

  const copyHtml = useCallback(async () => {
    const restored = await currentStory(false);
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

  /** Whether the preview is shown or being made (a second toggle while it is made closes it). */
  const previewWanted = useRef(false);
  const togglePreview = useCallback(async () => {
    if (previewWanted.current) {
      previewWanted.current = false;
      return setPreview(null);
    }
    previewWanted.current = true;
    const restored = await currentStory(false);
    if (!previewWanted.current) return;
    if (!restored.ok) {
      previewWanted.current = false;
      return setBanner({ kind: 'error', text: `Cannot preview: ${restored.reason}.` });
    }
    setPreview(exportStory(restored.story, { format: 'page', assets: 'inline', creditStyle: settings.creditStyle }).text);
  }, [currentStory, settings.creditStyle]);

  const confirmDiscard = useCallback(async (): Promise<boolean> => {
    const d = docRef.current;
    if (!d.dirty) return true;
    const choice = await ask<UnsavedChoice>((done) => <UnsavedChangesDialog storyName={storyDisplayName(d)} onChoose={done} />);
    if (choice === 'save') return save('save');
    if (choice === 'discard') await journal.clear(d.journalId);
    return choice === 'discard';
  }, [ask, save, journal]);

  /** Puts a restored story in the window (editor, details, title); no I/O. */
  const showStory = useCallback(
    (shown: Omit<OpenDocument, 'journalId'> & { journalId?: string }, body: Story['body'], assets: Story['assets']) => {
      // A story shown afresh journals under a new entry; recovered work keeps the entry it came from.
      const next: OpenDocument = { ...shown, journalId: shown.journalId ?? crypto.randomUUID() };
      previews.current.clear();
      photoStore.replace(assets);
      // Every photo's preview, made when the page is idle after the text is up: blocks far from
      // the screen are mounted later (or all at once to be printed) and find theirs ready.
      const cache = previews.current;
      whenIdle(() => cache.prime(photoStore.hashes()));
      docRef.current = next;
      editorRef.current?.load(body);
      editSeq.current++;
      setDoc(next);
    },
    [photoStore],
  );

  const loadOpened = useCallback(
    async (opened: OpenedStory, recovered?: { text: string; journalId: string }): Promise<void> => {
      const restored = restoreStoryText(recovered ? recovered.text : opened.text);
      if (!restored.ok) {
        setBanner({ kind: 'error', text: `Could not open “${opened.name}”: ${restored.reason}.` });
        return;
      }
      // Someone else may have it open: ask before two people edit one file.
      let readOnly = false;
      const lock = await call('story:lock', { path: opened.path, force: false });
      if (lock.ok && !lock.value.acquired) {
        const choice = await ask<'read-only' | 'anyway' | 'cancel'>((done) => (
          <Modal title="This story is open elsewhere" onCancel={() => done('cancel')}>
            <p>{lock.value.holder} Opening it here too means one of you may overwrite the other.</p>
            <div className="modal-actions">
              <button type="button" onClick={() => done('anyway')}>
                Open anyway
              </button>
              <span className="spacer" />
              <button type="button" onClick={() => done('cancel')}>
                Cancel
              </button>
              <button type="button" className="primary" data-autofocus onClick={() => done('read-only')}>
                Open read-only
              </button>
            </div>
          </Modal>
        ));
        if (choice === 'cancel') return;
        if (choice === 'anyway') await call('story:lock', { path: opened.path, force: true });
        readOnly = choice === 'read-only';
      }
      const previous = docRef.current;
      if (previous.path && previous.path !== opened.path && !previous.readOnly) void call('story:unlock', { path: previous.path });
      const { body, assets, ...story } = restored.story;
      showStory(
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
      if (recovered) journal.schedule();
      setBanner(
        readOnly
          ? {
              kind: 'info',
              text: `“${opened.name}” is open read-only: ${lock.ok ? lock.value.holder : ''} Use Save As to keep your changes.`,
            }
          : restored.migratedFrom !== undefined
            ? { kind: 'info', text: `“${opened.name}” was made by an older Copydesk; it will be saved in the current format.` }
            : null,
      );
    },
    [ask, journal, showStory],
  );

  loadOpenedRef.current = (opened) => loadOpened(opened);

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

  const importFile = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    let path: string | null = null;
    if (host === 'web') {
      path = await ask<string | null>((done) => <OpenStoryDialog importable onPick={done} onCancel={() => done(null)} />);
    } else {
      const picked = await call('import:dialog', {});
      if (!picked.ok) return setBanner({ kind: 'error', text: picked.error });
      path = picked.value.canceled ? null : picked.value.path;
    }
    if (path === null) return;
    const imported = await call('import:file', { path });
    if (!imported.ok) return setBanner({ kind: 'error', text: imported.error });
    const restored = restoreStoryText(imported.value.text);
    if (!restored.ok) return setBanner({ kind: 'error', text: `Could not import “${imported.value.name}”: ${restored.reason}.` });
    const previous = docRef.current;
    if (previous.path && !previous.readOnly) void call('story:unlock', { path: previous.path });
    const { body, assets, ...story } = restored.story;
    // A new, unsaved story: the source file is never written to.
    showStory({ story, path: null, name: null, stamp: null, dirty: true }, body, assets);
    journal.schedule();
    setBanner({ kind: 'info', text: `Imported “${imported.value.name}”: ${imported.value.summary}.` });
  }, [ask, confirmDiscard, host, journal, showStory]);

  const newStory = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    const fresh = blankDocument();
    previews.current.clear();
    photoStore.replace({});
    const previous = docRef.current;
    if (previous.path && !previous.readOnly) void call('story:unlock', { path: previous.path });
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
        case 'import':
          return importFile();
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
    [newStory, open, openPath, save, exportNow, copyHtml, togglePreview, importFile],
  );
  const runCommandRef = useRef(runCommand);
  runCommandRef.current = runCommand;

  useEffect(() => {
    const unsubscribe = onAppCommand((command) => void runCommandRef.current(command));
    // Tell the shell we are listening, so a story asked for at launch is delivered now.
    void call('window:ready', {});
    return unsubscribe;
  }, []);

  const restoreRecovered = useCallback(
    async (entry: RecoverableStory & { text: string }) => {
      if (entry.path) {
        // Recovered work over a saved file: keep the file's current stamp so Save still
        // notices if a colleague changed it meanwhile.
        const onDisk = await call('story:read', { path: entry.path });
        if (onDisk.ok) return loadOpened(onDisk.value, { text: entry.text, journalId: entry.storyId });
      }
      const restored = restoreStoryText(entry.text);
      if (!restored.ok) return setBanner({ kind: 'error', text: `Could not recover “${entry.name}”: ${restored.reason}.` });
      const { body, assets, ...story } = restored.story;
      showStory({ story, path: null, name: null, stamp: null, dirty: true, journalId: entry.storyId }, body, assets);
      journal.schedule();
    },
    [loadOpened, journal, showStory],
  );

  useEffect(() => {
    void call('journal:list', {}).then((result) => {
      if (!result.ok || result.value.length === 0) return;
      const entries = result.value;
      const show = (remaining: typeof entries) => {
        if (remaining.length === 0) return setDialog(null);
        setDialog(
          <RecoveryDialog
            stories={remaining}
            onLater={() => setDialog(null)}
            onDiscard={(story) => {
              void call('journal:discard', { storyId: story.storyId });
              show(remaining.filter((r) => r.storyId !== story.storyId));
            }}
            onRestore={(story) => {
              setDialog(null);
              void restoreRecovered(remaining.find((r) => r.storyId === story.storyId)!);
            }}
          />,
        );
      };
      show(entries);
    });
    // Once, at start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    // Renew our lock while a story stays open all day, so it is never taken for a stale one.
    const timer = setInterval(
      () => {
        const d = docRef.current;
        if (d.path && !d.readOnly) void call('story:lock', { path: d.path, force: false });
      },
      30 * 60 * 1000,
    );
    return () => clearInterval(timer);
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
    // URL: opens a story's text through the real open path (restoreStoryText, then showStory:
    // editor load and app state; the file read and lock are I/O, not measured) and resolves
    // after the next painted frame (rAF → rAF) with the time taken; saveText times what Save
    // does before it hands the text to the main process (photos' base64 from their Blobs,
    // validation, serialisation).
    if (!new URLSearchParams(window.location.search).has('bench')) return;
    const stamp = { size: 0, mtimeMs: 0, sha256: '' };
    (
      window as {
        __copydeskBench?: { openText(text: string): Promise<number>; saveText(): Promise<number>; previewsMade(): Promise<unknown> };
      }
    ).__copydeskBench = {
      // Every photo's preview, mounted or not (they are made in the background after an open).
      previewsMade: () => Promise.all(photoStore.hashes().map((hash) => previews.current.get(hash))),
      async saveText() {
        const start = performance.now();
        const restored = await currentStory(true);
        if (!restored.ok) throw new Error(restored.reason);
        if (serializeStory(restored.story).length === 0) throw new Error('empty');
        return performance.now() - start;
      },
      openText(text) {
        const start = performance.now();
        const restored = restoreStoryText(text);
        if (!restored.ok) return Promise.reject(new Error(restored.reason));
        const { body, assets, ...story } = restored.story;
        showStory({ story, path: null, name: 'bench.story', stamp, dirty: false }, body, assets);
        return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start))));
      },
    };
  }, [showStory, currentStory, photoStore]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const command = FILE_SHORTCUTS[`${event.shiftKey ? 'Shift+' : ''}${event.key.toLowerCase()}`];
      if (!command) return;
      event.preventDefault();
      void runCommandRef.current({ command });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const updateCounts = useCallback(
    (next: BodyCounts) => setCounts((prev) => (prev.words === next.words && prev.characters === next.characters ? prev : next)),
    [],
  );

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
          <button
            type="button"
            onClick={() => void runCommand({ command: 'import' })}
            title="Import a .txt, .html or .docx file (Ctrl+Shift+O)"
          >
            Import…
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
          <button
            type="button"
            aria-pressed={preview !== null}
            onClick={() => void runCommand({ command: 'toggle-preview' })}
            title="Preview as the CMS will show it (Ctrl+Shift+P)"
          >
            Preview
          </button>
          <button type="button" onClick={openSettings} title="House style, tweet look-up, helpline presets">
            Settings
          </button>
        </nav>
        <div className="doc-name" aria-live="polite">
          <span className="doc-title">{storyDisplayName(doc)}</span>
          {doc.readOnly && <span className="read-only-badge">Read-only</span>}
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
            <StoryEditor ref={editorRef} initialBody={initial.body} onEdit={markEdited} onCounts={updateCounts} onError={onEditorError} />
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

/** The photos the story still shows: only they are saved (undo keeps the rest in memory). */
export function referencedAssets(body: Story['body']): string[] {
  const used = new Set<string>();
  for (const node of body.root.children as SerializedBodyNode[]) {
    const hash = node.type === 'photo' ? String(node.asset ?? '') : '';
    if (hash) used.add(hash);
  }
  return [...used];
}

/** Window-wide shortcuts (with Ctrl/Cmd), the same as the desktop File and View menus. */
const FILE_SHORTCUTS: Record<string, AppCommandName | undefined> = {
  n: 'new',
  o: 'open',
  'Shift+o': 'import',
  s: 'save',
  'Shift+s': 'save-as',
  e: 'export',
  'Shift+p': 'toggle-preview',
};
