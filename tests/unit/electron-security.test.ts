import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_CSP } from '../../shared/security';
import {
  APP_ENTRY,
  APP_ORIGIN,
  CLOSE_PROMPT_BUTTONS,
  closeDecision,
  closePromptOptions,
  decidePermission,
  handleWindowOpen,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  onCloseRequested,
  resolveAppFile,
  secureWebPreferences,
  shouldBlockNavigation,
  storyPathFromArgv,
} from '../../electron/security';
import { FakeWebContents, fakeEvent, launchMain, loadPreload, type FakeBrowserWindow, type FakeElectron } from './support/fake-electron';

/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
 * one test per item, each against the real policy functions in electron/security.ts and
 * the wiring in electron/main.ts / electron/preload.ts (imported with `electron` faked).
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

let fake: FakeElectron;
let win: FakeBrowserWindow;
let prefs: Record<string, unknown>;

beforeEach(async () => {
  fake = await launchMain();
  win = fake.lastWindow();
  prefs = win.options.webPreferences!;
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** CSP directives by name: "script-src 'self'" → { 'script-src': ["'self'"] }. */
function parseCsp(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

describe("Electron's security checklist", () => {
  it('only loads secure content (app:// protocol, never file://)', () => {
    expect(APP_ENTRY).toBe('app://copydesk/index.html');
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith(APP_ENTRY);
    expect(win.loadFile).not.toHaveBeenCalled();
    // The app's origin is app://copydesk only; file:// and http(s) pages are not the app.
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl('file:///work/main/dist/renderer/index.html')).toBe(false);
    expect(isAppUrl('http://copydesk/index.html')).toBe(false);
    expect(isAppUrl('https://copydesk/index.html')).toBe(false);
    expect(resolveAppFile('/srv/renderer', 'file:///srv/renderer/index.html')).toBeNull();
    // No file:// protocol is registered or intercepted.
    expect(fake.protocol.registerFileProtocol).not.toHaveBeenCalled();
    expect(fake.protocol.interceptFileProtocol).not.toHaveBeenCalled();
    expect(fake.protocol.handle.mock.calls.map((call) => call[0])).toEqual(['app']);
  });

  it('disables Node.js integration', () => {
    for (const p of [secureWebPreferences('/p.cjs'), prefs]) {
      expect(p.nodeIntegration).toBe(false);
      expect(p.nodeIntegrationInWorker).toBe(false);
      expect(p.nodeIntegrationInSubFrames).toBe(false);
    }
  });

  it('enables context isolation', () => {
    expect(secureWebPreferences('/p.cjs').contextIsolation).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
  });

  it('enables the process sandbox (webPreferences.sandbox and app.enableSandbox)', () => {
    expect(secureWebPreferences('/p.cjs').sandbox).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(fake.app.enableSandbox).toHaveBeenCalledTimes(1);
    // enableSandbox only works before the app is ready.
    expect(fake.app.enableSandbox.mock.invocationCallOrder[0]!).toBeLessThan(fake.app.whenReady.mock.invocationCallOrder[0]!);
  });

  it('denies permission requests and checks', () => {
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(fake.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    const denied = [
      'media',
      'geolocation',
      'notifications',
      'midiSysex',
      'pointerLock',
      'fullscreen',
      'openExternal',
      'clipboard-read',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'unknown',
    ];
    for (const permission of denied) {
      expect(decidePermission(permission), permission).toBe(false);
      const callback = vi.fn();
      fake.permissions.request!({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(fake.permissions.check!({}, permission, APP_ORIGIN, {}), permission).toBe(false);
    }
    // The one exception: writing to the clipboard from the user's own Copy.
    expect(decidePermission('clipboard-sanitized-write')).toBe(true);
  });

  it('keeps webSecurity on', () => {
    expect(secureWebPreferences('/p.cjs').webSecurity).toBe(true);
    expect(prefs.webSecurity).toBe(true);
  });

  it('defines a Content-Security-Policy', async () => {
    const csp = parseCsp(APP_CSP);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toBeDefined();
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(csp['script-src']).not.toContain("'unsafe-eval'");
    expect(csp['script-src']).not.toContain('*');
    expect(csp['script-src']!.some((s) => /^(https?:|data:|blob:)/.test(s))).toBe(false);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    // Served as a header by the app:// protocol handler, on every response.
    const html = '<!doctype html><title>Copydesk</title>';
    const indexPath = path.join(repoRoot, 'renderer', 'index.html');
    const { promises } = await import('node:fs');
    const real = promises.readFile.bind(promises) as (...args: unknown[]) => Promise<unknown>;
    vi.spyOn(promises, 'readFile').mockImplementation((async (file: unknown, ...rest: unknown[]) =>
      file === indexPath ? Buffer.from(html) : real(file, ...rest)) as unknown as typeof promises.readFile);
    const response = await fake.fetchApp('app://copydesk/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(APP_CSP);
  });

  it('never allows insecure content', () => {
    expect(secureWebPreferences('/p.cjs').allowRunningInsecureContent).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('enables no experimental or Blink features', () => {
    for (const p of [secureWebPreferences('/p.cjs') as Record<string, unknown>, prefs]) {
      expect(p.experimentalFeatures).toBe(false);
      expect(p).not.toHaveProperty('enableBlinkFeatures');
      expect(p).not.toHaveProperty('enableWebSQL');
    }
  });

  it('attaches no webview', () => {
    expect(secureWebPreferences('/p.cjs').webviewTag).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(win.webContents.fire('will-attach-webview', {}, { src: 'https://evil.example' }).preventDefault).toHaveBeenCalled();
    const later = new FakeWebContents();
    fake.app.emit('web-contents-created', fakeEvent(), later);
    expect(later.fire('will-attach-webview', {}, { src: 'https://evil.example' }).preventDefault).toHaveBeenCalled();
  });

  it('blocks navigation away from the app', () => {
    const away = [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'javascript:alert(1)',
      'data:text/html,<h1>x</h1>',
      'about:blank',
      'not a url',
    ];
    for (const url of away) {
      expect(shouldBlockNavigation(url), url).toBe(true);
      expect(win.webContents.fire('will-navigate', url).preventDefault, url).toHaveBeenCalled();
      expect(win.webContents.fire('will-redirect', url).preventDefault, url).toHaveBeenCalled();
    }
    expect(shouldBlockNavigation('app://copydesk/index.html')).toBe(false);
    expect(win.webContents.fire('will-navigate', 'app://copydesk/index.html').preventDefault).not.toHaveBeenCalled();
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('denies window.open and opens only safe links externally', () => {
    const opened: string[] = [];
    expect(handleWindowOpen('https://example.com/', (u) => opened.push(u))).toEqual({ action: 'deny' });
    expect(handleWindowOpen('app://copydesk/index.html', (u) => opened.push(u))).toEqual({ action: 'deny' });
    expect(handleWindowOpen('file:///etc/passwd', (u) => opened.push(u))).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);

    // Wired on the window and on every web contents created later.
    const later = new FakeWebContents();
    fake.app.emit('web-contents-created', fakeEvent(), later);
    for (const wc of [win.webContents, later]) {
      expect(wc.windowOpenHandler!({ url: 'https://www.stats.govt.nz/' })).toEqual({ action: 'deny' });
      expect(wc.windowOpenHandler!({ url: 'javascript:alert(document.cookie)' })).toEqual({ action: 'deny' });
    }
    expect(fake.shell.openExternal.mock.calls).toEqual([['https://www.stats.govt.nz/'], ['https://www.stats.govt.nz/']]);
    expect(fake.windows).toHaveLength(1);
  });

  it('allow-lists shell.openExternal (http, https, mailto only; javascript:, file:, data: refused)', () => {
    for (const url of ['https://www.rnz.co.nz/news', 'http://example.com/', 'mailto:newsdesk@example.co.nz', 'HTTPS://EXAMPLE.COM/']) {
      expect(isSafeExternalUrl(url), url).toBe(true);
    }
    const refused = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'file:///etc/passwd',
      'file://server/share/x.exe',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'app://copydesk/index.html',
      'https://example.com/a b',
      'https://example.com/"onmouseover=',
      '//example.com',
      '',
      'not a url',
    ];
    for (const url of refused) expect(isSafeExternalUrl(url), url).toBe(false);
    // And through the wiring: shell.openExternal sees none of them.
    for (const url of refused) win.webContents.windowOpenHandler!({ url });
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it("validates the IPC sender (only the app's top frame)", async () => {
    expect(isTrustedSender({ url: 'app://copydesk/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://copydesk/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://copydesk/index.html', parent: undefined })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);

    expect(await fake.invoke('window:state', { title: 'x', dirty: true }, { url: 'https://evil.example/', parent: null })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(
      await fake.invoke(
        'window:state',
        { title: 'x', dirty: true },
        { url: 'app://copydesk/index.html', parent: { url: 'app://copydesk/' } },
      ),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(win.setTitle).not.toHaveBeenCalled();
    expect(await fake.invoke('window:state', { title: 'x', dirty: true })).toEqual({ ok: true, value: {} });
    expect(win.setTitle).toHaveBeenCalledWith('x');
  });

  it('serves the app from a custom protocol and refuses path escapes (../)', async () => {
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    const root = path.resolve('/srv/copydesk/renderer');
    expect(resolveAppFile(root, 'app://copydesk/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://copydesk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://copydesk/assets/app-1234.js')).toBe(path.join(root, 'assets', 'app-1234.js'));
    for (const url of [
      'app://copydesk/..%2F..%2Fetc%2Fpasswd',
      'app://copydesk/assets/..%2F..%2F..%2Fetc%2Fpasswd',
      'app://copydesk/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://copydesk/..%2Frenderer-secrets%2Fkey',
      'app://evil/index.html',
      'https://copydesk/index.html',
      'not a url',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
    // A literal ../ is normalised by the URL parser and stays inside the folder.
    const literal = resolveAppFile(root, 'app://copydesk/../../etc/passwd');
    expect(literal === null || !path.relative(root, literal).startsWith('..')).toBe(true);

    // The wired handler answers 404 and never reads /etc/passwd.
    for (const url of ['app://copydesk/../../etc/passwd', 'app://copydesk/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd']) {
      const response = await fake.fetchApp(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toMatch(/root:/);
    }
  });

  it('exposes no raw Electron API to the page (the bridge has only invoke/onCommand/host and rejects unknown channels)', async () => {
    const { fake: preloadFake } = await loadPreload();
    expect(preloadFake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...preloadFake.exposed.keys()]).toEqual(['copydesk']);
    const bridge = preloadFake.exposed.get('copydesk') as Record<string, unknown> & {
      invoke: (channel: string, request: unknown) => Promise<unknown>;
    };
    expect(Object.keys(bridge).sort()).toEqual(['host', 'invoke', 'onCommand']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(bridge.host).toBe('electron');
    for (const value of Object.values(bridge)) {
      expect(value).not.toBe(preloadFake.ipcRenderer);
      expect(value).not.toBe(preloadFake.ipcRenderer.invoke);
    }
    for (const channel of ['app:command', 'shell:openExternal', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'toString']) {
      await expect(bridge.invoke(channel, {})).rejects.toThrow(/unknown channel/);
    }
    expect(preloadFake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('sets Electron fuses in the build config', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      main: string;
      build?: { electronFuses?: Record<string, boolean>; files?: string[] };
    };
    expect(pkg.build?.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // The packaged app contains the bundled main process it starts from.
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.build?.files).toContain('dist/**/*');
  });

  it("the build config passes electron-builder's own schema validation (offline)", async () => {
    const require = createRequire(import.meta.url);
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig(projectDir: string, configPath: null, options: null): Promise<Record<string, unknown>>;
      validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(repoRoot, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config).toMatchObject({
      appId: 'nz.copydesk.app',
      productName: 'Copydesk',
      directories: { output: 'release' },
      fileAssociations: [{ ext: 'story', name: 'Copydesk story', role: 'Editor', mimeType: 'application/x-copydesk-story' }],
    });
    // The validator is not a rubber stamp: an unknown fuse is refused.
    const bogus = { ...config, electronFuses: { ...(config.electronFuses as object), runAsNodee: false } };
    await expect(validateConfiguration(bogus, new DebugLogger(false))).rejects.toThrow(/configuration/i);
  });
});

describe('the close prompt', () => {
  it("offers Save / Don't Save / Cancel, Save by default, Cancel on Escape", () => {
    expect(CLOSE_PROMPT_BUTTONS).toEqual(['Save', "Don't Save", 'Cancel']);
    const options = closePromptOptions('Budget 2026');
    expect(options.buttons).toEqual(['Save', "Don't Save", 'Cancel']);
    expect(options.buttons[options.defaultId]).toBe('Save');
    expect(options.buttons[options.cancelId]).toBe('Cancel');
    expect(options.message).toBe('Do you want to save the changes you made to "Budget 2026"?');
    expect(options.detail).toMatch(/lost/);
    expect(options.type).toBe('warning');
  });

  it('maps each button to its decision; anything else is Cancel', () => {
    expect(closeDecision(0)).toBe('save');
    expect(closeDecision(1)).toBe('discard');
    expect(closeDecision(2)).toBe('cancel');
    expect(closeDecision(-1)).toBe('cancel');
    expect(closeDecision(3)).toBe('cancel');
  });

  it('closes a clean story without asking', () => {
    const ask = vi.fn(() => 'cancel' as const);
    expect(onCloseRequested(false, ask)).toBe('close');
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks about a dirty story and follows the answer', () => {
    expect(onCloseRequested(true, () => 'save')).toBe('save-then-close');
    expect(onCloseRequested(true, () => 'discard')).toBe('close');
    expect(onCloseRequested(true, () => 'cancel')).toBe('keep-open');
    const ask = vi.fn(() => 'cancel' as const);
    onCloseRequested(true, ask);
    expect(ask).toHaveBeenCalledTimes(1);
  });
});

describe('storyPathFromArgv', () => {
  const cwd = path.resolve('/home/reporter');

  it('finds a .story argument and resolves it against the working folder', () => {
    expect(storyPathFromArgv(['/opt/Copydesk/copydesk', 'Budget.story'], cwd)).toBe(path.join(cwd, 'Budget.story'));
    expect(storyPathFromArgv(['/opt/Copydesk/copydesk', '../desk/Budget.STORY'], cwd)).toBe(path.resolve(cwd, '../desk/Budget.STORY'));
    expect(storyPathFromArgv(['copydesk', '/abs/path/Flood.story'], cwd)).toBe(path.resolve('/abs/path/Flood.story'));
  });

  it('skips the executable, the app folder in development and switches', () => {
    expect(storyPathFromArgv(['/usr/bin/electron', '.', '--inspect=9229', '--enable-logging', 'x.story'], cwd)).toBe(
      path.join(cwd, 'x.story'),
    );
    expect(storyPathFromArgv(['/usr/bin/electron', '.', '--flag=a.story'], cwd)).toBeNull();
    expect(storyPathFromArgv(['/path/that/looks/like.story'], cwd)).toBeNull();
  });

  it('returns null when no story was given, or only other files', () => {
    expect(storyPathFromArgv(['copydesk'], cwd)).toBeNull();
    expect(storyPathFromArgv(['copydesk', 'notes.txt', 'story', 'a.story.bak'], cwd)).toBeNull();
    expect(storyPathFromArgv([], cwd)).toBeNull();
  });

  it('takes the first story when several are given', () => {
    expect(storyPathFromArgv(['copydesk', 'one.story', 'two.story'], cwd)).toBe(path.join(cwd, 'one.story'));
  });
});
