import { defaultAuthorName } from './services/author';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_COMMAND_EVENT, CHANNEL_NAMES, type AppCommand } from '../shared/ipc';
import { platformOf, type KeymapCommand } from '../shared/keymap';
import { APP_CSP } from '../shared/security';
import {
  APP_ENTRY,
  APP_SCHEME,
  MIME_TYPES,
  closeDecision,
  closePromptOptions,
  decidePermission,
  handleWindowOpen,
  isTrustedSender,
  onCloseRequested,
  resolveAppFile,
  secureWebPreferences,
  shouldBlockNavigation,
  storyPathFromArgv,
} from './security';
import { createDesktop } from './main-desktop';
import { keymapItem } from './menu-items';
import { createHandlers, dispatch, type HostAdapter } from './services/dispatcher';
import { recoveryFolderFor } from './services/journal';
import { releaseLock } from './services/locks';

/** Electron main process: one window per app, menus, dialogs, and the IPC answers. */

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
let windowState = { title: 'Copydesk', dirty: false };
let closeConfirmed = false;
/** The page has subscribed to commands (it says so over 'window:ready'). */
let windowIsReady = false;
let pendingOpen: string | null = storyPathFromArgv(process.argv, process.cwd());

function sendCommand(command: AppCommand) {
  mainWindow?.webContents.send(APP_COMMAND_EVENT, command);
}

function openStoryPath(filePath: string) {
  if (mainWindow && windowIsReady) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    sendCommand({ command: 'open-path', path: filePath });
  } else {
    pendingOpen = filePath;
    // macOS keeps the app running with no window: a story opened from Finder or the Dock
    // then needs a window to open in (it receives pendingOpen once the page has loaded).
    if (!mainWindow && app.isReady()) createWindow();
  }
}

const authorName = defaultAuthorName();
const host: HostAdapter = {
  async pickStoryToOpen() {
    if (!mainWindow) return null;
    const result = await dialog.showOpenDialog(mainWindow, {
      title: 'Open Story',
      properties: ['openFile'],
      filters: [{ name: 'Copydesk story (.story, .story.json)', extensions: ['story', 'json'] }],
    });
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0]!;
  },
  async pickSavePath(suggestedName) {
    if (!mainWindow) return null;
    const result = await dialog.showSaveDialog(mainWindow, {
      title: 'Save Story',
      defaultPath: path.join(app.getPath('documents'), suggestedName),
      filters: [
        { name: 'Copydesk story', extensions: ['story'] },
        { name: 'Copydesk story as one JSON text (.story.json)', extensions: ['json'] },
      ],
    });
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  async pickImportFile() {
    if (!mainWindow) return null;
    const result = await dialog.showOpenDialog(mainWindow, {
      title: 'Import',
      properties: ['openFile'],
      filters: [{ name: 'Text, web pages and Word files', extensions: ['txt', 'html', 'htm', 'docx'] }],
    });
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0]!;
  },
  async pickExportPath(suggestedName, extension) {
    if (!mainWindow) return null;
    const result = await dialog.showSaveDialog(mainWindow, {
      title: 'Export Story',
      defaultPath: path.join(app.getPath('documents'), suggestedName),
      filters: [extension === 'html' ? { name: 'Web page', extensions: ['html'] } : { name: 'JSON', extensions: ['json'] }],
    });
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  checkPath: (filePath) => path.resolve(filePath),
  docsFolder: () => path.join(app.getPath('documents') || os.homedir(), 'Copydesk'),
  settingsFile: () => path.join(app.getPath('userData'), 'settings.json'),
  defaultAuthorName: () => authorName,
  recoveryFolder: () => recoveryFolderFor(app.getPath('userData')),
  windowReady() {
    windowIsReady = true;
    if (pendingOpen) {
      sendCommand({ command: 'open-path', path: pendingOpen });
      pendingOpen = null;
    }
  },
  setWindowState(state) {
    windowState = state;
    mainWindow?.setTitle(state.title);
    mainWindow?.setDocumentEdited(state.dirty);
  },
  closeWindow() {
    closeConfirmed = true;
    mainWindow?.close();
  },
};

const handlers = createHandlers(host);

const desktop = createDesktop({
  userData: app.getPath('userData'),
  settingsFile: host.settingsFile(),
  openStory: (filePath) => openStoryPath(filePath),
  newStory: () => (mainWindow ? sendCommand({ command: 'new' }) : createWindow()),
  rebuildMenu: () => buildMenu(),
  window: () => mainWindow,
});

function registerIpc() {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: 'not allowed: the request did not come from the Copydesk window', code: 'forbidden' };
      }
      const result = await dispatch(handlers, channel, payload);
      trackLocks(channel, payload, result);
      desktop.afterCall(channel, result);
      return result;
    });
  }
}

/** Lock files this window holds, released when Copydesk quits (a crash leaves them stale). */
const heldLocks = new Set<string>();

function trackLocks(channel: string, payload: unknown, result: { ok: boolean; value?: unknown }) {
  const filePath = (payload as { path?: unknown } | null)?.path;
  if (typeof filePath !== 'string' || !result.ok) return;
  if (channel === 'story:lock' && (result.value as { acquired?: boolean }).acquired) heldLocks.add(path.resolve(filePath));
  if (channel === 'story:unlock') heldLocks.delete(path.resolve(filePath));
}

function registerAppProtocol() {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('not found', { status: 404 });
    try {
      const bytes = await fs.readFile(file);
      return new Response(bytes, {
        headers: {
          'Content-Type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': APP_CSP,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

function hardenSession() {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(decidePermission(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => decidePermission(permission));
}

function createWindow() {
  const win = new BrowserWindow({
    ...desktop.windowOptions(),
    minWidth: 720,
    minHeight: 480,
    title: 'Copydesk',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  mainWindow = win;
  closeConfirmed = false;
  desktop.manage(win);

  win.webContents.setWindowOpenHandler(({ url }) => handleWindowOpen(url, (u) => void shell.openExternal(u)));
  win.webContents.on('will-navigate', (event, url) => {
    if (shouldBlockNavigation(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (shouldBlockNavigation(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.on('did-start-loading', () => {
    windowIsReady = false;
  });
  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    if (closeConfirmed) return;
    const action = onCloseRequested(windowState.dirty, () =>
      closeDecision(dialog.showMessageBoxSync(win, closePromptOptions(windowState.title.replace(/^• /, '').replace(/ — Copydesk$/, '')))),
    );
    if (action === 'close') return;
    event.preventDefault();
    if (action === 'save-then-close') sendCommand({ command: 'save-and-close' });
  });
  win.on('closed', () => {
    mainWindow = null;
    windowState = { title: 'Copydesk', dirty: false };
  });
  void win.loadURL(APP_ENTRY);
}

function buildMenu() {
  const isMac = process.platform === 'darwin';
  // Labels and accelerators from the one keymap (shared/keymap.ts).
  const item = (name: KeymapCommand) =>
    keymapItem(name, platformOf(process.platform), (name) => sendCommand({ command: name } as AppCommand));
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('new'),
        item('open'),
        desktop.recentMenu(),
        item('import'),
        { type: 'separator' },
        item('save'),
        item('save-as'),
        { type: 'separator' },
        item('export'),
        item('copy-html'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('undo'),
        item('redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'Format',
      submenu: [
        item('bold'),
        item('italic'),
        item('underline'),
        item('strikethrough'),
        item('link'),
        { type: 'separator' },
        item('paragraph'),
        item('heading-2'),
        item('heading-3'),
        item('bullet-list'),
        item('numbered-list'),
        item('quote'),
      ],
    },
    {
      label: 'View',
      submenu: [
        item('toggle-preview'),
        { type: 'separator' },
        { ...item('zoom-reset'), click: () => desktop.zoom(mainWindow, 'reset') },
        { ...item('zoom-in'), click: () => desktop.zoom(mainWindow, 'in') },
        { ...item('zoom-out'), click: () => desktop.zoom(mainWindow, 'out') },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      role: 'help',
      submenu: [item('shortcuts'), { type: 'separator' }, { label: 'About Copydesk', click: () => void desktop.showAbout() }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

// One Copydesk at a time: a second launch hands its file to the first window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('second-instance', (_event, argv, cwd) => {
    const filePath = storyPathFromArgv(argv, cwd);
    if (filePath) openStoryPath(filePath);
    else if (mainWindow) mainWindow.focus();
  });
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    openStoryPath(filePath);
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(({ url }) => handleWindowOpen(url, (u) => void shell.openExternal(u)));
  });
  app.whenReady().then(async () => {
    hardenSession();
    registerAppProtocol();
    registerIpc();
    await desktop.load();
    buildMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('before-quit', (event) => {
    if (heldLocks.size === 0) return;
    event.preventDefault();
    const release = [...heldLocks].map((p) => releaseLock(p).catch(() => false));
    heldLocks.clear();
    void Promise.all(release).finally(() => app.quit());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
