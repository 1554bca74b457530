import { app, dialog, Menu, nativeTheme, screen, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { Theme } from '../shared/settings';
import { recentFiles, fileExists, missingNote, recentLabel } from './services/recent-files';
import { loadSettings } from './services/settings-store';
import { clampZoom, displayFor, restoreWindow, windowStateStore, type DisplayArea, type WindowState } from './services/window-state';

/**
 * What makes Copydesk a good desktop citizen, kept out of main.ts: it remembers the stories
 * opened lately (File → Open Recent, the Dock, the jump list, the OS's recent documents), the
 * window's place and zoom, follows the system's light or dark look unless Settings says
 * otherwise, and says which version it is. The logic lives in plain services
 * (services/recent-files.ts, services/window-state.ts); this file only talks to Electron.
 */

export interface DesktopHooks {
  userData: string;
  settingsFile: string;
  /** Opens a story in the window (creating the window when there is none). */
  openStory(filePath: string): void;
  newStory(): void;
  /** Rebuilds the application menu (Open Recent changed). */
  rebuildMenu(): void;
  /** The window for dialogs, if any. */
  window(): BrowserWindow | null;
}

/** Saves of the window's place wait for the user to stop dragging. */
const SAVE_DELAY_MS = 400;
const ZOOM_STEP = 0.5;

export function aboutDetail(): string {
  return [
    `Version ${app.getVersion()}`,
    `Electron ${process.versions.electron ?? 'unknown'}`,
    `Chromium ${process.versions.chrome ?? 'unknown'}`,
    `Node.js ${process.versions.node}`,
  ].join('\n');
}

export function createDesktop(hooks: DesktopHooks) {
  const recent = recentFiles(hooks.userData);
  const stateStore = windowStateStore(hooks.userData);
  let state: WindowState | null = null;
  /** Stories dropped from the list at start because they are gone: shown in the menu. */
  let pruned: string[] = [];
  let saveTimer: NodeJS.Timeout | null = null;

  const displays = (): DisplayArea[] => screen.getAllDisplays().map((d) => ({ id: d.id, workArea: d.workArea }));
  const primary = (): DisplayArea => {
    const d = screen.getPrimaryDisplay();
    return { id: d.id, workArea: d.workArea };
  };

  function applyTheme(theme: Theme) {
    nativeTheme.themeSource = theme;
  }

  function updateOsLists() {
    if (process.platform === 'win32') {
      // The jump list's Recent category shows what addRecentDocument added.
      app.setJumpList([{ type: 'recent' }]);
    }
    if (process.platform === 'darwin') {
      app.dock?.setMenu(
        Menu.buildFromTemplate([
          ...recent.list().map((file) => ({ label: recentLabel(file, recent.list()), click: () => void openRecent(file) })),
          { type: 'separator' as const },
          { label: 'New Story', click: () => hooks.newStory() },
        ]),
      );
    }
  }

  function changed() {
    hooks.rebuildMenu();
    updateOsLists();
  }

  async function openRecent(file: string) {
    if (await fileExists(file)) {
      hooks.openStory(file);
      return;
    }
    await recent.remove(file);
    changed();
    const options = {
      type: 'info' as const,
      title: 'Open Recent',
      message: `${path.basename(file)} is no longer there`,
      detail: missingNote([file]),
      buttons: ['OK'],
    };
    const win = hooks.window();
    await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  }

  function captureState(win: BrowserWindow): WindowState {
    const maximized = win.isMaximized();
    const bounds = maximized ? win.getNormalBounds() : win.getBounds();
    return { bounds, maximized, displayId: displayFor(bounds, displays()), zoomLevel: clampZoom(win.webContents.getZoomLevel()) };
  }

  function saveSoon(win: BrowserWindow) {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = null;
      if (!win.isDestroyed()) void saveNow(win);
    }, SAVE_DELAY_MS);
    saveTimer.unref?.();
  }

  async function saveNow(win: BrowserWindow) {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    state = captureState(win);
    await stateStore.write(state);
  }

  /** View → Zoom In / Out / Actual Size, remembered with the window. */
  function zoom(win: BrowserWindow | null, direction: 'in' | 'out' | 'reset') {
    if (!win) return;
    const current = win.webContents.getZoomLevel();
    const next = direction === 'reset' ? 0 : clampZoom(current + (direction === 'in' ? ZOOM_STEP : -ZOOM_STEP));
    win.webContents.setZoomLevel(next);
    void saveNow(win);
  }

  return {
    /** Reads what was remembered; call before the first window. */
    async load() {
      const [{ missing }, saved, settings] = await Promise.all([
        recent.load(),
        stateStore.read(),
        loadSettings(hooks.settingsFile).catch(() => null),
      ]);
      pruned = missing;
      state = saved;
      if (settings) applyTheme(settings.theme);
      app.setAboutPanelOptions({
        applicationName: 'Copydesk',
        applicationVersion: app.getVersion(),
        version: `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'}`,
      });
      updateOsLists();
    },

    /** Size, position and background for a new window, fitted to the displays there are now. */
    windowOptions() {
      state = restoreWindow(state, displays(), primary());
      return { ...state.bounds, backgroundColor: nativeTheme.shouldUseDarkColors ? '#17191c' : '#f6f5f2' };
    },

    /** Restores maximised and zoom on a new window and remembers its place from now on. */
    manage(win: BrowserWindow) {
      if (state?.maximized) win.maximize();
      const savedZoom = state?.zoomLevel ?? 0;
      win.webContents.on('did-finish-load', () => win.webContents.setZoomLevel(savedZoom));
      for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', () => saveSoon(win));
      win.on('close', () => void saveNow(win));
      // Ctrl + mouse wheel or a pinch: the same steps as View → Zoom.
      win.webContents.on('zoom-changed', (_event, direction) => zoom(win, direction === 'in' ? 'in' : 'out'));
    },

    zoom,

    /** After each call from the window: opened or saved stories join the recent list; the theme follows Settings. */
    afterCall(channel: string, result: { ok: boolean; value?: unknown }) {
      if (!result.ok) return;
      const value = result.value as { path?: unknown; canceled?: boolean; theme?: unknown } | undefined;
      if ((channel === 'story:read' || channel === 'story:open-dialog' || channel === 'story:write') && typeof value?.path === 'string') {
        const file = value.path;
        app.addRecentDocument(file);
        void recent.add(file).then(changed);
      }
      if (channel === 'settings:set' && (value?.theme === 'system' || value?.theme === 'light' || value?.theme === 'dark')) {
        applyTheme(value.theme);
      }
    },

    /** File → Open Recent. */
    recentMenu(): MenuItemConstructorOptions {
      const files = recent.list();
      const submenu: MenuItemConstructorOptions[] =
        files.length === 0
          ? [{ label: 'No Recent Stories', enabled: false }]
          : files.map((file) => ({ label: recentLabel(file, files), click: () => void openRecent(file) }));
      if (pruned.length > 0) {
        submenu.push({ type: 'separator' }, { label: missingNote(pruned), enabled: false });
      }
      submenu.push(
        { type: 'separator' },
        {
          label: 'Clear Menu',
          enabled: files.length > 0 || pruned.length > 0,
          click: () => {
            pruned = [];
            app.clearRecentDocuments();
            void recent.clear().then(changed);
          },
        },
      );
      return { label: 'Open Recent', submenu };
    },

    /** Help → About Copydesk (macOS shows its own panel from the app menu). */
    async showAbout() {
      const options = {
        type: 'info' as const,
        title: 'About Copydesk',
        message: `Copydesk ${app.getVersion()}`,
        detail: aboutDetail(),
        buttons: ['OK'],
      };
      const win = hooks.window();
      await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
    },

    recentFiles: () => recent.list(),
  };
}

export type Desktop = ReturnType<typeof createDesktop>;
