import { createHash } from 'node:crypto';
import { promises as fsPromises } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_COMMAND_EVENT, CHANNEL_NAMES } from '../../shared/ipc';
import { acceleratorFor, KEYMAP, platformOf } from '../../shared/keymap';
import { APP_CSP } from '../../shared/security';
import { secureWebPreferences } from '../../electron/security';
import {
  FakeWebContents,
  TRUSTED_FRAME,
  fakeEvent,
  launchMain,
  settle,
  type FakeBrowserWindow,
  type FakeElectron,
} from './support/fake-electron';

/**
 * electron/main.ts imported for real with `electron` replaced by a fake (the binary is not on
 * this machine). Every assertion reads what main.ts registered with Electron and drives it
 * the way Electron would.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// Under vitest main.ts runs from electron/, bundled it runs from dist/electron/: either way
// the renderer is its sibling folder `../renderer`.
const rendererDir = path.join(repoRoot, 'renderer');

type MenuItem = {
  label?: string;
  role?: string;
  accelerator?: string;
  type?: string;
  click?: () => void;
  submenu?: MenuItem[];
};

let fake: FakeElectron;
let win: FakeBrowserWindow;
let tmp: string;

beforeAll(async () => {
  tmp = await fsPromises.mkdtemp(path.join(os.tmpdir(), 'copydesk-main-'));
});
afterAll(async () => {
  await fsPromises.rm(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  fake = await launchMain();
  win = fake.lastWindow();
  // The page has mounted and subscribed to commands.
  await fake.invoke('window:ready', {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

function menuTemplate(): MenuItem[] {
  expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  const menu = fake.Menu.setApplicationMenu.mock.calls[0]![0] as { template: MenuItem[] };
  expect(fake.menus).toContain(menu);
  return menu.template;
}

function topMenu(name: string): MenuItem {
  // Electron labels a menu with role 'help' "Help" by default.
  const found = menuTemplate().find((m) => (m.label ?? (m.role === 'help' ? 'Help' : undefined)) === name);
  if (!found) throw new Error(`no ${name} menu`);
  return found;
}

function allItems(items: MenuItem[]): MenuItem[] {
  return items.flatMap((item) => [item, ...allItems(item.submenu ?? [])]);
}

async function markDirty(dirty: boolean, title = dirty ? '• Budget 2026 — Copydesk' : 'Budget 2026 — Copydesk') {
  const result = await fake.invoke('window:state', { title, dirty });
  expect(result).toEqual({ ok: true, value: {} });
}

describe('startup', () => {
  it('registers app:// as a privileged standard, secure scheme', () => {
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('takes the single-instance lock and enables the sandbox before the app is ready', () => {
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(fake.app.enableSandbox.mock.invocationCallOrder[0]!).toBeLessThan(fake.app.whenReady.mock.invocationCallOrder[0]!);
    expect(fake.app.quit).not.toHaveBeenCalled();
  });

  it('a second launch does not start a second app: it quits and creates nothing', async () => {
    const second = await launchMain({ gotLock: false });
    expect(second.app.quit).toHaveBeenCalledTimes(1);
    expect(second.windows).toHaveLength(0);
    expect(second.ipcHandlers.size).toBe(0);
    expect(second.app.whenReady).not.toHaveBeenCalled();
  });

  it('creates one window with the secure webPreferences and loads app://copydesk/index.html', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = win.options.webPreferences!;
    expect(prefs).toEqual(secureWebPreferences(prefs.preload as string));
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    // The bundled preload sits beside main (dist/electron/preload.cjs).
    expect(prefs.preload).toBe(path.join(repoRoot, 'electron', 'preload.cjs'));
    expect(win.loadURL).toHaveBeenCalledWith('app://copydesk/index.html');
    expect(win.loadFile).not.toHaveBeenCalled();
    expect(win.options.show).toBe(false);
  });

  it('shows the window once it is ready to show', () => {
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('re-creates the window on activate when none is open, and not otherwise', async () => {
    fake.app.emit('activate');
    expect(fake.windows).toHaveLength(1);
    win.requestClose();
    expect(win.destroyed).toBe(true);
    fake.app.emit('activate');
    expect(fake.windows).toHaveLength(2);
    expect(fake.lastWindow().loadURL).toHaveBeenCalledWith('app://copydesk/index.html');
  });

  it('quits when the last window closes, except on macOS', () => {
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});

describe('IPC', () => {
  it('registers an ipcMain handler for every channel in CHANNEL_NAMES, and nothing else', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(fake.ipcMain.on).not.toHaveBeenCalled();
  });

  it.each([
    ['a remote top frame', { url: 'https://evil.example/', parent: null }],
    ['a subframe of the app', { url: 'app://copydesk/index.html', parent: { url: 'app://copydesk/index.html' } }],
    ['another app:// host', { url: 'app://evil/index.html', parent: null }],
    ['a file:// page', { url: 'file:///work/main/renderer/index.html', parent: null }],
    ['a destroyed frame (null)', null],
  ])('refuses a call from %s with code forbidden', async (_name, frame) => {
    for (const channel of CHANNEL_NAMES) {
      const result = await fake.invoke(channel, {}, frame);
      expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    }
    // Nothing ran: the window state did not change and no dialog opened.
    expect(win.setTitle).not.toHaveBeenCalled();
    expect(fake.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it.each([
    ['story:read', { path: 42 }],
    ['story:read', null],
    ['story:read', { path: '' }],
    ['story:read', { path: '/tmp/a.story', extra: true }],
    ['story:read', { path: '/tmp/a\0.story' }],
    ['story:write', { path: '/tmp/a.story' }],
    ['story:save-dialog', { suggestedName: 7 }],
    ['window:state', { title: 'x', dirty: 'yes' }],
    ['window:close', { now: true }],
    ['docs:list', 'everything'],
  ])('answers a malformed %s payload (%j) with code invalid and does not throw', async (channel, payload) => {
    const result = await fake.invoke(channel, payload);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ code: 'invalid' });
    expect((result as { error: string }).error).toMatch(new RegExp(`^${channel}:`));
    expect(win.setTitle).not.toHaveBeenCalled();
    expect(win.close).not.toHaveBeenCalled();
  });

  it('story:read reads a real .story file end to end', async () => {
    const file = path.join(tmp, 'Budget 2026.story');
    const text = JSON.stringify({ format: 'copydesk.story', schemaVersion: 1, meta: { headline: 'Budget 2026: what it means for you' } });
    await fsPromises.writeFile(file, text, 'utf8');
    const result = await fake.invoke('story:read', { path: file });
    const stat = await fsPromises.stat(file);
    expect(result).toEqual({
      ok: true,
      value: {
        path: file,
        name: 'Budget 2026.story',
        text,
        stamp: {
          size: Buffer.byteLength(text),
          mtimeMs: stat.mtimeMs,
          ctimeMs: stat.ctimeMs,
          ino: stat.ino,
          sha256: createHash('sha256').update(text).digest('hex'),
        },
      },
    });
  });

  it('story:read of a missing file answers not-found with a one-line reason', async () => {
    const result = await fake.invoke('story:read', { path: path.join(tmp, 'gone.story') });
    expect(result).toEqual({
      ok: false,
      code: 'not-found',
      error: 'Could not open "gone.story": the file or its folder no longer exists.',
    });
  });

  it('story:open-dialog asks with the native dialog, filtered to .story and .story.json, and reads the pick', async () => {
    const file = path.join(tmp, 'picked.story');
    await fsPromises.writeFile(file, '{"picked":true}');
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const result = await fake.invoke('story:open-dialog', {});
    expect(fake.dialog.showOpenDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({
        properties: ['openFile'],
        filters: [{ name: 'Copydesk story (.story, .story.json)', extensions: ['story', 'json'] }],
      }),
    );
    expect(result).toMatchObject({ ok: true, value: { canceled: false, path: file, name: 'picked.story', text: '{"picked":true}' } });

    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await fake.invoke('story:open-dialog', {})).toEqual({ ok: true, value: { canceled: true } });
  });

  it('story:save-dialog suggests a name in Documents and adds .story when missing', async () => {
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(tmp, 'Draft') });
    const result = await fake.invoke('story:save-dialog', { suggestedName: 'Draft.story' });
    expect(fake.dialog.showSaveDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ defaultPath: path.join(fake.app.getPath('documents'), 'Draft.story') }),
    );
    expect(result).toEqual({ ok: true, value: { canceled: false, path: path.join(tmp, 'Draft.story'), name: 'Draft.story' } });
  });

  it('story:write saves a new file through the handler', async () => {
    const file = path.join(tmp, 'new.story.json');
    const result = await fake.invoke('story:write', { path: file, text: '{"new":1}', expected: null });
    expect(result).toMatchObject({ ok: true, value: { path: file, name: 'new.story.json' } });
    expect(await fsPromises.readFile(file, 'utf8')).toBe('{"new":1}');
    // Saving again as if the file were new is a conflict, not a silent overwrite.
    expect(await fake.invoke('story:write', { path: file, text: '{"new":2}', expected: null })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await fsPromises.readFile(file, 'utf8')).toBe('{"new":1}');
  });

  it('window:state sets the window title and the edited marker', async () => {
    await markDirty(true, '• Budget — Copydesk');
    expect(win.setTitle).toHaveBeenLastCalledWith('• Budget — Copydesk');
    expect(win.setDocumentEdited).toHaveBeenLastCalledWith(true);
  });
});

describe('navigation, windows and webviews', () => {
  it.each(['https://example.com', 'http://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)'])(
    'prevents will-navigate and will-redirect to %s',
    (url) => {
      expect(win.webContents.fire('will-navigate', url).preventDefault).toHaveBeenCalled();
      expect(win.webContents.fire('will-redirect', url).preventDefault).toHaveBeenCalled();
    },
  );

  it('lets the app navigate within app://copydesk', () => {
    expect(win.webContents.fire('will-navigate', 'app://copydesk/index.html#story').preventDefault).not.toHaveBeenCalled();
  });

  it('prevents will-attach-webview on the window and on every web contents created later', () => {
    expect(win.webContents.fire('will-attach-webview', {}, { src: 'https://evil.example' }).preventDefault).toHaveBeenCalled();
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.fire('will-attach-webview', {}, { src: 'https://evil.example' }).preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies every window.open and opens only safe links in the system browser', () => {
    const open = win.webContents.windowOpenHandler;
    expect(open).toBeTypeOf('function');
    expect(open!({ url: 'https://example.com/story' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/story');
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>x</script>',
      'app://copydesk/index.html',
      'smb://server/share',
    ]) {
      expect(open!({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.shell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('session permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'midi', 'hid', 'clipboard-read', 'fullscreen'])(
    'denies the %s permission request and check',
    (permission) => {
      expect(fake.permissions.request).toBeTypeOf('function');
      const callback = vi.fn();
      fake.permissions.request!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(fake.permissions.check!({}, permission, 'app://copydesk', {})).toBe(false);
    },
  );
});

describe('app:// protocol', () => {
  const virtualFiles: Record<string, string> = {
    'index.html': '<!doctype html><title>Copydesk</title><script type="module" src="./assets/app.js"></script>',
    'assets/app.js': 'console.log("copydesk")',
  };
  let readFileSpy: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    // renderer/ (the vite root) may not be built here; serve known bytes for two of its
    // files and let every other read reach the real disk.
    const realReadFile = fsPromises.readFile.bind(fsPromises) as (...args: unknown[]) => Promise<unknown>;
    readFileSpy = vi.spyOn(fsPromises, 'readFile').mockImplementation((async (file: unknown, ...rest: unknown[]) => {
      for (const [name, text] of Object.entries(virtualFiles)) {
        if (file === path.join(rendererDir, name)) return Buffer.from(text);
      }
      return realReadFile(file, ...rest);
    }) as unknown as typeof fsPromises.readFile);
  });

  function readPaths(): string[] {
    return readFileSpy.mock.calls.map((call: unknown[]) => String(call[0]));
  }

  it('serves index.html from the renderer folder with the Content-Security-Policy header', async () => {
    const response = await fake.fetchApp('app://copydesk/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(virtualFiles['index.html']);
    expect(response.headers.get('Content-Security-Policy')).toBe(APP_CSP);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(readPaths()).toEqual([path.join(rendererDir, 'index.html')]);
  });

  it('serves index.html for the bare origin and scripts with their MIME type', async () => {
    expect(await (await fake.fetchApp('app://copydesk/')).text()).toBe(virtualFiles['index.html']);
    const script = await fake.fetchApp('app://copydesk/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('Content-Security-Policy')).toBe(APP_CSP);
  });

  it.each([
    'app://copydesk/../../etc/passwd',
    'app://copydesk/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://copydesk/%2e%2e/%2e%2e/etc/passwd',
    'app://copydesk/assets/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://copydesk/%2Fetc%2Fpasswd',
    'app://evil/index.html',
    'app://copydesk/missing.js',
  ])('answers 404 for %s and reads nothing outside the renderer folder', async (url) => {
    const response = await fake.fetchApp(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/root:/);
    for (const read of readPaths()) {
      expect(path.relative(rendererDir, read).startsWith('..')).toBe(false);
    }
  });
});

describe('application menu', () => {
  it('has File, Edit, Format, View and Help menus', () => {
    const names = menuTemplate()
      .filter((m) => m.role !== 'appMenu')
      .map((m) => m.label ?? (m.role === 'help' ? 'Help' : m.role));
    expect(names).toEqual(['File', 'Edit', 'Format', 'View', 'Help']);
  });

  it('binds Save, Open, New and Bold to their usual shortcuts and sends the command', () => {
    const expected: [string, string, string][] = [
      ['File', 'CmdOrCtrl+S', 'save'],
      ['File', 'CmdOrCtrl+O', 'open'],
      ['File', 'CmdOrCtrl+N', 'new'],
      ['Format', 'CmdOrCtrl+B', 'bold'],
    ];
    for (const [menu, accelerator, command] of expected) {
      const item = allItems(topMenu(menu).submenu ?? []).find((i) => i.accelerator === accelerator);
      expect(item, `${menu} ${accelerator}`).toBeDefined();
      win.webContents.send.mockClear();
      item!.click!();
      expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith(APP_COMMAND_EVENT, { command });
    }
  });

  it('gives no two items the same accelerator', () => {
    const accelerators = allItems(menuTemplate())
      .map((i) => i.accelerator)
      .filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('takes every label and accelerator from the keymap, in the menu the keymap names', () => {
    const platform = platformOf(process.platform);
    const placed = KEYMAP.filter((b) => b.menu);
    expect(placed.length).toBeGreaterThan(15);
    for (const binding of placed) {
      const items = allItems(topMenu(binding.menu!.name).submenu ?? []);
      const item = items.find((i) => i.label === binding.label);
      expect(item, `${binding.menu!.name} → ${binding.label}`).toBeDefined();
      expect(item!.accelerator).toBe(acceleratorFor(binding, platform));
      if (binding.role) expect(item!.role).toBe(binding.role);
      else if (binding.mainProcess) expect(item!.click).toBeTypeOf('function');
      else {
        win.webContents.send.mockClear();
        item!.click!();
        expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith(APP_COMMAND_EVENT, { command: binding.command });
      }
    }
    // No shortcut of the menus' own outside the keymap.
    const keymapAccelerators = new Set(placed.map((b) => acceleratorFor(b, platform)));
    const menuAccelerators = allItems(menuTemplate()).flatMap((i) => (i.accelerator ? [i.accelerator] : []));
    expect(menuAccelerators.filter((a) => !keymapAccelerators.has(a))).toEqual([]);
  });

  it('keeps the native Edit roles (undo, redo, cut, copy, paste, select all)', () => {
    const roles = (topMenu('Edit').submenu ?? []).map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });
});

describe('closing with unsaved work', () => {
  it('a clean window closes without asking', async () => {
    await markDirty(false);
    const event = win.requestClose();
    expect(fake.dialog.showMessageBoxSync).not.toHaveBeenCalled();
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(win.destroyed).toBe(true);
  });

  it("a dirty window asks Save / Don't Save / Cancel about the story by name", async () => {
    await markDirty(true, '• Budget 2026 — Copydesk');
    fake.dialog.showMessageBoxSync.mockReturnValueOnce(2);
    win.requestClose();
    expect(fake.dialog.showMessageBoxSync).toHaveBeenCalledExactlyOnceWith(
      win,
      expect.objectContaining({
        buttons: ['Save', "Don't Save", 'Cancel'],
        cancelId: 2,
        defaultId: 0,
        message: 'Do you want to save the changes you made to "Budget 2026"?',
      }),
    );
  });

  it('Cancel (2) keeps the window open and sends nothing', async () => {
    await markDirty(true);
    fake.dialog.showMessageBoxSync.mockReturnValueOnce(2);
    const event = win.requestClose();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(win.destroyed).toBe(false);
    expect(win.webContents.send).not.toHaveBeenCalled();
  });

  it("Don't Save (1) lets the window close", async () => {
    await markDirty(true);
    fake.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    const event = win.requestClose();
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(win.destroyed).toBe(true);
  });

  it('Save (0) keeps the window open, asks the page to save and close, then closes without asking again', async () => {
    await markDirty(true);
    fake.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    const event = win.requestClose();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith(APP_COMMAND_EVENT, { command: 'save-and-close' });
    expect(win.destroyed).toBe(false);

    // The page saved; it reports so and asks to close (it may still be marked dirty).
    expect(await fake.invoke('window:close', {})).toEqual({ ok: true, value: {} });
    expect(fake.dialog.showMessageBoxSync).toHaveBeenCalledTimes(1);
    expect(win.destroyed).toBe(true);
  });

  it('a failed or cancelled save leaves the window open and asks again next time', async () => {
    await markDirty(true);
    fake.dialog.showMessageBoxSync.mockReturnValueOnce(0).mockReturnValueOnce(2);
    win.requestClose();
    const again = win.requestClose();
    expect(fake.dialog.showMessageBoxSync).toHaveBeenCalledTimes(2);
    expect(again.preventDefault).toHaveBeenCalled();
    expect(win.destroyed).toBe(false);
  });
});

describe('opening stories from the OS', () => {
  const openPath = (p: string) => [APP_COMMAND_EVENT, { command: 'open-path', path: p }];

  it("'second-instance' with a .story in argv sends open-path to the window and focuses it", () => {
    const cwd = path.join(tmp, 'desk');
    win.minimized = true;
    fake.app.emit('second-instance', fakeEvent(), ['/opt/Copydesk/copydesk', '--no-sandbox', 'Budget.story'], cwd);
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith(...openPath(path.join(cwd, 'Budget.story')));
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it("'second-instance' without a story only focuses the window", () => {
    fake.app.emit('second-instance', fakeEvent(), ['/opt/Copydesk/copydesk', '--flag'], tmp);
    expect(win.webContents.send).not.toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it("'open-file' is handled (preventDefault) and sends open-path", () => {
    const file = path.join(tmp, 'Mac.story');
    const event = fakeEvent();
    fake.app.emit('open-file', event, file);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith(...openPath(file));
  });

  it('a story opened while the page is (re)loading is sent once the page is listening, exactly once', async () => {
    const file = path.join(tmp, 'Early.story');
    win.webContents.emit('did-start-loading');
    fake.app.emit('open-file', fakeEvent(), file);
    expect(win.webContents.send).not.toHaveBeenCalled();
    await fake.invoke('window:ready', {});
    await fake.invoke('window:ready', {});
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith(...openPath(file));
  });

  it('a .story on the command line at launch is sent once the page is listening', async () => {
    const launched = await launchMain({ argv: ['/usr/bin/electron', '.', '--inspect', 'stories/Launch.story'] });
    const window = launched.lastWindow();
    expect(window.webContents.send).not.toHaveBeenCalled();
    await launched.invoke('window:ready', {});
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(...openPath(path.resolve(process.cwd(), 'stories/Launch.story')));
  });

  it("'open-file' with no window open (macOS) opens a window and the story in it", async () => {
    win.requestClose();
    expect(win.destroyed).toBe(true);
    const file = path.join(tmp, 'Finder.story');
    fake.app.emit('open-file', fakeEvent(), file);
    expect(fake.windows).toHaveLength(2);
    const fresh = fake.lastWindow();
    expect(fresh.loadURL).toHaveBeenCalledWith('app://copydesk/index.html');
    expect(fresh.webContents.send).not.toHaveBeenCalled();
    await fake.invoke('window:ready', {});
    await settle();
    expect(fresh.webContents.send).toHaveBeenCalledExactlyOnceWith(...openPath(file));
    expect(win.webContents.send).not.toHaveBeenCalled();
  });
});

// Keeps TRUSTED_FRAME's shape in step with what main.ts accepts.
it('the trusted frame used by these tests is the app top frame', async () => {
  expect(await fake.invoke('docs:list', {}, TRUSTED_FRAME)).toMatchObject({ ok: true });
});
