import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, vi } from 'vitest';
import type * as PreloadModule from '../../../electron/preload';

/**
 * A stand-in for the `electron` module, for `vi.mock('electron', ...)`. The Electron binary
 * is not available on the build machines, so the main process and the preload are imported
 * with this fake and their wiring is read back from what they registered: the window's
 * constructor options and webContents listeners, IPC handlers, the app:// protocol handler,
 * session permission handlers, the menu template and what the preload exposed.
 */

type Fn = (...args: any[]) => any;

export function fakeEvent() {
  return { preventDefault: vi.fn() };
}
export type FakeEvent = ReturnType<typeof fakeEvent>;

export class Emitter {
  readonly listeners = new Map<string, Fn[]>();
  on(name: string, fn: Fn) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    return this;
  }
  once(name: string, fn: Fn) {
    const wrapped: Fn = (...args) => {
      this.removeListener(name, wrapped);
      return fn(...args);
    };
    return this.on(name, wrapped);
  }
  removeListener(name: string, fn: Fn) {
    this.listeners.set(
      name,
      (this.listeners.get(name) ?? []).filter((f) => f !== fn),
    );
    return this;
  }
  off(name: string, fn: Fn) {
    return this.removeListener(name, fn);
  }
  listenerCount(name: string) {
    return this.listeners.get(name)?.length ?? 0;
  }
  emit(name: string, ...args: unknown[]) {
    const fns = [...(this.listeners.get(name) ?? [])];
    for (const fn of fns) fn(...args);
    return fns.length > 0;
  }
}

export class FakeWebContents extends Emitter {
  loading = false;
  zoomLevel = 0;
  readonly getZoomLevel = vi.fn(() => this.zoomLevel);
  readonly setZoomLevel = vi.fn((level: number) => {
    this.zoomLevel = level;
  });
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();
  readonly isLoading = vi.fn(() => this.loading);
  readonly setWindowOpenHandler = vi.fn((fn: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = fn;
  });
  /** Emits a cancellable webContents event the way Electron does: (event, ...args). */
  fire(name: string, ...args: unknown[]): FakeEvent {
    const event = fakeEvent();
    this.emit(name, event, ...args);
    return event;
  }
}

export class FakeBrowserWindow extends Emitter {
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  maximized = false;
  title: string;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    this.title = typeof options.title === 'string' ? options.title : '';
    const n = (key: string, fallback: number) => (typeof options[key] === 'number' ? (options[key] as number) : fallback);
    this.bounds = { x: n('x', 0), y: n('y', 0), width: n('width', 800), height: n('height', 600) };
  }
  readonly getBounds = vi.fn(() => ({ ...this.bounds }));
  readonly getNormalBounds = vi.fn(() => ({ ...this.bounds }));
  /** What the OS does when the user drags or resizes the window. */
  moveTo(bounds: { x: number; y: number; width: number; height: number }) {
    this.bounds = { ...bounds };
    this.emit('move');
    this.emit('resize');
  }
  readonly isMaximized = vi.fn(() => this.maximized);
  readonly maximize = vi.fn(() => {
    this.maximized = true;
    this.emit('maximize');
  });
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly loadFile = vi.fn(async (_file: string) => {});
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly isMinimized = vi.fn(() => this.minimized);
  readonly setTitle = vi.fn((title: string) => {
    this.title = title;
  });
  readonly setDocumentEdited = vi.fn();
  isDestroyed() {
    return this.destroyed;
  }
  /** What the OS does with a close request: 'close' listeners may veto it, else the window goes. */
  requestClose(): FakeEvent {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.preventDefault.mock.calls.length === 0) {
      this.destroyed = true;
      this.emit('closed');
    }
    return event;
  }
  readonly close = vi.fn(() => {
    this.requestClose();
  });
}

export const TRUSTED_FRAME = { url: 'app://copydesk/index.html', parent: null };

export interface FakeDisplay {
  id: number;
  workArea: { x: number; y: number; width: number; height: number };
}

export const LAPTOP_DISPLAY: FakeDisplay = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 } };

export function createFakeElectron(options: { gotLock?: boolean; userData?: string; displays?: FakeDisplay[]; platform?: string } = {}) {
  const windows: FakeBrowserWindow[] = [];
  // Each fake app has its own user-data folder (recent stories, window state), unless a test
  // passes one to see what a previous run remembered.
  const userData = options.userData ?? mkdtempSync(path.join(os.tmpdir(), 'copydesk-fake-userdata-'));

  class BrowserWindow extends FakeBrowserWindow {
    constructor(opts: Record<string, unknown>) {
      super(opts);
      windows.push(this);
    }
    static getAllWindows() {
      return windows.filter((w) => !w.destroyed);
    }
  }

  const documents = path.join(os.tmpdir(), 'copydesk-fake-electron', 'Documents');
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    ready: false,
    requestSingleInstanceLock: vi.fn(() => options.gotLock ?? true),
    quit: vi.fn(),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(() =>
      Promise.resolve().then(() => {
        app.ready = true;
      }),
    ),
    isReady: vi.fn(() => app.ready),
    getPath: vi.fn((name: string) =>
      name === 'documents' ? documents : name === 'userData' ? userData : path.join(os.tmpdir(), 'copydesk-fake-electron', name),
    ),
    getVersion: vi.fn(() => '0.1.0'),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    setJumpList: vi.fn(() => 'ok'),
    setAboutPanelOptions: vi.fn(),
    dock: { setMenu: vi.fn() },
  });

  const displays = options.displays ?? [LAPTOP_DISPLAY];
  const screen = {
    getAllDisplays: vi.fn(() => displays),
    getPrimaryDisplay: vi.fn(() => displays[0]!),
  };
  const nativeTheme = Object.assign(new Emitter(), { themeSource: 'system', shouldUseDarkColors: false });

  const ipcHandlers = new Map<string, Fn>();
  const ipcMain = {
    handle: vi.fn((channel: string, fn: Fn) => {
      ipcHandlers.set(channel, fn);
    }),
    on: vi.fn(),
    removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
  };

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, fn: (request: Request) => Promise<Response>) => {
      protocolHandlers.set(scheme, fn);
    }),
    registerFileProtocol: vi.fn(),
    interceptFileProtocol: vi.fn(),
  };

  const permissions = {
    request: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void),
    check: null as null | ((wc: unknown, permission: string, origin?: string, details?: unknown) => boolean),
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn((fn: typeof permissions.request) => {
        permissions.request = fn;
      }),
      setPermissionCheckHandler: vi.fn((fn: typeof permissions.check) => {
        permissions.check = fn;
      }),
    },
  };

  const shell = { openExternal: vi.fn(async (_url: string) => {}), openPath: vi.fn(async () => '') };
  const dialog = {
    showMessageBoxSync: vi.fn((_win: unknown, _options: unknown) => 2),
    showMessageBox: vi.fn(async () => ({ response: 2 })),
    showOpenDialog: vi.fn(async (_win: unknown, _options: unknown) => ({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(async (_win: unknown, _options: unknown) => ({ canceled: true, filePath: '' })),
  };

  const menus: { template: unknown[] }[] = [];
  const Menu = {
    buildFromTemplate: vi.fn((template: unknown[]) => {
      const menu = { template };
      menus.push(menu);
      return menu;
    }),
    setApplicationMenu: vi.fn(),
  };

  const exposed = new Map<string, unknown>();
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      exposed.set(key, api);
    }),
  };
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: vi.fn(async () => ({ ok: true, value: {} })),
    send: vi.fn(),
    sendSync: vi.fn(),
  });

  const module = { app, BrowserWindow, ipcMain, protocol, session, shell, dialog, Menu, contextBridge, ipcRenderer, screen, nativeTheme };

  return {
    module: { ...module, default: module },
    app,
    userData,
    screen,
    nativeTheme,
    windows,
    ipcMain,
    ipcHandlers,
    protocol,
    protocolHandlers,
    permissions,
    session,
    shell,
    dialog,
    Menu,
    menus,
    contextBridge,
    exposed,
    ipcRenderer,
    /** The most recently created window. */
    lastWindow(): FakeBrowserWindow {
      const win = windows.at(-1);
      if (!win) throw new Error('no BrowserWindow was created');
      return win;
    },
    /** Calls a registered ipcMain handler as Electron would, from `frame`. */
    async invoke(channel: string, payload: unknown, frame: { url: string; parent: unknown } | null = TRUSTED_FRAME) {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`no ipcMain handler for ${channel}`);
      return (await handler({ senderFrame: frame, sender: null }, payload)) as
        { ok: true; value: unknown } | { ok: false; error: string; code: string };
    },
    /** Asks the registered app:// protocol handler for a URL. */
    async fetchApp(url: string): Promise<Response> {
      const handler = protocolHandlers.get('app');
      if (!handler) throw new Error('no app:// protocol handler');
      return handler({ url, method: 'GET' } as unknown as Request);
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Lets promise callbacks (app.whenReady().then …) and pending I/O run. */
export function settle(ms = 0) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Imports electron/main.ts afresh with a new fake `electron`, and waits for its
 * app.whenReady() work (session, protocol, IPC, menu, first window) to run.
 */
export async function launchMain(
  options: { gotLock?: boolean; argv?: string[]; userData?: string; displays?: FakeDisplay[] } = {},
): Promise<FakeElectron> {
  vi.resetModules();
  const fake = createFakeElectron(options);
  vi.doMock('electron', () => fake.module);
  const savedArgv = process.argv;
  if (options.argv) process.argv = options.argv;
  try {
    await import('../../../electron/main');
  } finally {
    process.argv = savedArgv;
  }
  await settle();
  // Startup reads what the last run remembered (recent stories, window state, theme) first.
  if (options.gotLock !== false) await vi.waitFor(() => expect(fake.windows.length).toBeGreaterThan(0));
  return fake;
}

/** Imports electron/preload.ts afresh with a new fake `electron`. */
export async function loadPreload(): Promise<{ fake: FakeElectron; preload: typeof PreloadModule }> {
  vi.resetModules();
  const fake = createFakeElectron();
  vi.doMock('electron', () => fake.module);
  const preload = await import('../../../electron/preload');
  return { fake, preload };
}
