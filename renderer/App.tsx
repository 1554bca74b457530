import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppCommand } from '../shared/ipc';
import type { Settings } from '../shared/settings';
import { call, getBridge } from './bridge';
import { SettingsDialog } from './dialogs/SettingsDialog';
import { windowTitle } from './document/open-document';
import { offerRecovery } from './document/recovery';
import { StorySession } from './document/session';
import { useStore } from './document/store';
import { NewsroomContext } from './editor/blocks/context';
import { StoryEditor, type BodyCounts, type StoryEditorHandle } from './editor/StoryEditor';
import { MetadataPanel, StoryHeader } from './panels/MetadataPanel';
import { SidePanel, type SideTab } from './panels/SidePanel';
import { AppBar } from './shell/AppBar';
import { installBenchHook } from './shell/bench-hook';
import { runAppCommand, useAppCommands } from './shell/commands';
import { BannerLine, StatusBar } from './shell/StatusBar';

/**
 * The window: one story (a StorySession, which the document operations in renderer/document
 * work on) laid out as the top bar, the editor with its details panel and the status bar.
 */
export function App() {
  const [session] = useState(() => new StorySession(getBridge().host));
  const doc = useStore(session.doc);
  const settings = useStore(session.settings);
  const banner = useStore(session.banner);
  const dialog = useStore(session.dialog);
  const saving = useStore(session.saving);
  const preview = useStore(session.preview);
  const [counts, setCounts] = useState<BodyCounts>({ words: 0, characters: 0 });
  const { initialBody, markEdited, updateMeta } = session;
  const attachEditor = useCallback((handle: StoryEditorHandle | null) => session.attachEditor(handle), [session]);

  useEffect(() => {
    void call('settings:get', {}).then((r) => {
      if (r.ok) session.settings.set(r.value as Settings);
      else session.notify({ kind: 'error', text: r.error });
    });
  }, [session]);

  const newsroom = useMemo(() => session.newsroomServices(settings), [session, settings]);

  // ---- title and close guard ------------------------------------------------------------
  const title = windowTitle(doc);
  useEffect(() => {
    document.title = title;
    void call('window:state', { title, dirty: doc.dirty });
  }, [title, doc.dirty]);

  useEffect(() => {
    if (!doc.dirty || session.host === 'electron') return;
    // In a browser the page cannot show its own dialog on close; the browser asks instead.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [doc.dirty, session]);

  // ---- commands, recovery, locks --------------------------------------------------------
  useAppCommands(session);

  // The story's text has the keyboard when the window opens (a recovery prompt takes it after).
  useEffect(() => session.editor?.focus(), [session]);

  useEffect(() => {
    void offerRecovery(session);
    return () => session.journal.dispose();
  }, [session]);

  useEffect(() => {
    // Renew our lock while a story stays open all day, so it is never taken for a stale one.
    const timer = setInterval(
      () => {
        const d = session.doc.get();
        if (d.path && !d.readOnly) void call('story:lock', { path: d.path, force: false });
      },
      30 * 60 * 1000,
    );
    return () => clearInterval(timer);
  }, [session]);

  useEffect(() => {
    // Only in the benchmark's build (vite.config.ts): production bundles carry no hook.
    if (__COPYDESK_BENCH__) installBenchHook(session);
  }, [session]);

  const openSettings = useCallback(() => {
    session.dialog.set(
      <SettingsDialog
        settings={session.settings.get()}
        onClose={() => session.dialog.set(null)}
        onSave={async (next) => {
          const result = await call('settings:set', { settings: next });
          if (!result.ok) return result.error;
          session.settings.set(result.value as Settings);
          return null;
        }}
      />,
    );
  }, [session]);

  const command = useCallback((c: AppCommand) => void runAppCommand(session, c), [session]);
  // The panel beside the text: one entry per tab (each panel lives in renderer/panels/).
  const sideTabs: SideTab[] = [
    { id: 'details', label: 'Details', render: () => <MetadataPanel meta={doc.story.meta} onChange={updateMeta} /> },
  ];
  const updateCounts = useCallback(
    (next: BodyCounts) => setCounts((prev) => (prev.words === next.words && prev.characters === next.characters ? prev : next)),
    [],
  );
  const onEditorError = useCallback((message: string) => session.notify({ kind: 'error', text: `Editor error: ${message}` }), [session]);

  return (
    <div className="app">
      <AppBar doc={doc} saving={saving} previewOpen={preview !== null} onCommand={command} onSettings={openSettings} />
      <BannerLine banner={banner} onDismiss={() => session.notify(null)} />
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
            <StoryEditor ref={attachEditor} initialBody={initialBody} onEdit={markEdited} onCounts={updateCounts} onError={onEditorError} />
          </NewsroomContext.Provider>
        </main>
        <aside className="side-panel" aria-label="Story panels">
          <SidePanel tabs={sideTabs} />
        </aside>
      </div>
      <StatusBar counts={counts} path={doc.path} />
      {dialog}
    </div>
  );
}
