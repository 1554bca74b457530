import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { APP_COMMAND_EVENT } from '../../shared/ipc';
import { bindingFor } from '../../shared/keymap';
import { LAPTOP_DISPLAY, launchMain, type FakeDisplay, type FakeElectron } from './support/fake-electron';

/**
 * What the desktop app remembers between runs and how it follows the system, through
 * electron/main.ts with `electron` faked: each "run" is a fresh import of main.ts sharing one
 * user-data folder, as two launches of the real app would.
 */

type MenuItem = { label?: string; role?: string; enabled?: boolean; type?: string; click?: () => void; submenu?: MenuItem[] };

const MONITOR: FakeDisplay = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };

let userData: string;
let docs: string;
beforeEach(async () => {
  userData = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-desktop-'));
  docs = path.join(userData, 'Copydesk');
  await fs.mkdir(docs);
});
afterEach(async () => {
  vi.restoreAllMocks();
  // A window-state save may still be landing; rm retries until the folder is quiet.
  await fs.rm(userData, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

async function run(displays: FakeDisplay[] = [LAPTOP_DISPLAY]): Promise<FakeElectron> {
  const fake = await launchMain({ userData, displays });
  await fake.invoke('window:ready', {});
  return fake;
}

async function story(name: string): Promise<string> {
  const file = path.join(docs, name);
  await fs.writeFile(file, JSON.stringify({ format: 'copydesk.story', schemaVersion: 1 }));
  return file;
}

function menu(fake: FakeElectron): MenuItem[] {
  const calls = fake.Menu.setApplicationMenu.mock.calls;
  return (calls.at(-1)![0] as { template: MenuItem[] }).template;
}

function item(items: MenuItem[], ...labels: string[]): MenuItem {
  let found: MenuItem | undefined;
  let level = items;
  for (const label of labels) {
    found = level.find((m) => (m.label ?? (m.role === 'help' ? 'Help' : undefined)) === label);
    if (!found) throw new Error(`no menu item ${labels.join(' → ')}`);
    level = found.submenu ?? [];
  }
  return found!;
}

function recentLabels(fake: FakeElectron): string[] {
  return (item(menu(fake), 'File', 'Open Recent').submenu ?? []).filter((m) => m.type !== 'separator').map((m) => m.label!);
}

describe('File → Open Recent', () => {
  it('lists stories opened and saved, newest first, tells the OS, and remembers them next run', async () => {
    const budget = await story('Budget.story');
    const flood = await story('Flood.story');
    const first = await run();
    expect(recentLabels(first)).toEqual(['No Recent Stories', 'Clear Menu']);
    expect((await first.invoke('story:read', { path: budget })).ok).toBe(true);
    expect((await first.invoke('story:read', { path: flood })).ok).toBe(true);
    await vi.waitFor(() => expect(recentLabels(first)).toEqual(['Flood.story', 'Budget.story', 'Clear Menu']));
    expect(first.app.addRecentDocument).toHaveBeenCalledWith(budget);
    expect(first.app.addRecentDocument).toHaveBeenCalledWith(flood);

    const next = await run();
    expect(recentLabels(next)).toEqual(['Flood.story', 'Budget.story', 'Clear Menu']);
    // Choosing one opens it in the window.
    item(menu(next), 'File', 'Open Recent', 'Budget.story').click!();
    await vi.waitFor(() =>
      expect(next.lastWindow().webContents.send).toHaveBeenCalledWith(APP_COMMAND_EVENT, { command: 'open-path', path: budget }),
    );
  });

  it('a failed open does not join the list', async () => {
    const fake = await run();
    expect((await fake.invoke('story:read', { path: path.join(docs, 'nowhere.story') })).ok).toBe(false);
    expect(fake.app.addRecentDocument).not.toHaveBeenCalled();
    expect(recentLabels(fake)).toEqual(['No Recent Stories', 'Clear Menu']);
  });

  it('drops stories that are gone at start, with a note in the menu', async () => {
    const kept = await story('Kept.story');
    const gone = await story('Gone.story');
    const first = await run();
    await first.invoke('story:read', { path: kept });
    await first.invoke('story:read', { path: gone });
    await vi.waitFor(() => expect(recentLabels(first)).toHaveLength(3));
    await fs.rm(gone);

    const next = await run();
    const labels = recentLabels(next);
    expect(labels[0]).toBe('Kept.story');
    expect(labels).not.toContain('Gone.story');
    expect(labels[1]).toBe('Gone.story is no longer where it was (moved, renamed or deleted), so it was removed from Open Recent.');
    expect(item(menu(next), 'File', 'Open Recent').submenu![2]).toMatchObject({ enabled: false });
  });

  it('choosing a story that has gone since says so and removes it', async () => {
    const gone = await story('Gone.story');
    const fake = await run();
    await fake.invoke('story:read', { path: gone });
    await vi.waitFor(() => expect(recentLabels(fake)).toContain('Gone.story'));
    await fs.rm(gone);
    item(menu(fake), 'File', 'Open Recent', 'Gone.story').click!();
    await vi.waitFor(() => expect(fake.dialog.showMessageBox).toHaveBeenCalled());
    const options = fake.dialog.showMessageBox.mock.calls[0]!.at(-1) as unknown as { message: string; detail: string };
    expect(options.message).toBe('Gone.story is no longer there');
    expect(options.detail).toContain('removed from Open Recent');
    expect(recentLabels(fake)).toEqual(['No Recent Stories', 'Clear Menu']);
    expect(fake.lastWindow().webContents.send).not.toHaveBeenCalledWith(APP_COMMAND_EVENT, { command: 'open-path', path: gone });
  });

  it('Clear Menu empties the list and the OS recent documents', async () => {
    const fake = await run();
    await fake.invoke('story:read', { path: await story('A.story') });
    await vi.waitFor(() => expect(recentLabels(fake)).toContain('A.story'));
    item(menu(fake), 'File', 'Open Recent', 'Clear Menu').click!();
    await vi.waitFor(() => expect(recentLabels(fake)).toEqual(['No Recent Stories', 'Clear Menu']));
    expect(fake.app.clearRecentDocuments).toHaveBeenCalled();
    expect(recentLabels(await run())).toEqual(['No Recent Stories', 'Clear Menu']);
  });
});

describe('the window comes back where it was', () => {
  it('first run: default size centred on the primary display', async () => {
    const fake = await run();
    expect(fake.lastWindow().options).toMatchObject({ x: 80, y: 33, width: 1280, height: 860 });
  });

  it('size, position, display and maximised state are restored next run', async () => {
    const first = await run([LAPTOP_DISPLAY, MONITOR]);
    const win = first.lastWindow();
    win.moveTo({ x: 1600, y: 100, width: 1800, height: 1100 });
    win.maximize();
    win.requestClose();
    await vi.waitFor(async () =>
      expect(JSON.parse(await fs.readFile(path.join(userData, 'window-state.json'), 'utf8'))).toMatchObject({ maximized: true }),
    );

    const next = await run([LAPTOP_DISPLAY, MONITOR]);
    expect(next.lastWindow().options).toMatchObject({ x: 1600, y: 100, width: 1800, height: 1100 });
    expect(next.lastWindow().maximize).toHaveBeenCalled();
  });

  it('saved on a monitor that is gone: opens on the laptop, inside its work area', async () => {
    const first = await run([LAPTOP_DISPLAY, MONITOR]);
    first.lastWindow().moveTo({ x: 2000, y: 200, width: 1800, height: 1100 });
    first.lastWindow().requestClose();
    await vi.waitFor(async () => expect(JSON.parse(await fs.readFile(path.join(userData, 'window-state.json'), 'utf8')).displayId).toBe(2));

    const next = await run([LAPTOP_DISPLAY]);
    expect(next.lastWindow().options).toMatchObject({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('View → Zoom In / Out / Actual Size change the zoom, which is restored next run', async () => {
    const first = await run();
    const win = first.lastWindow();
    item(menu(first), 'View', bindingFor('zoom-in').label).click!();
    item(menu(first), 'View', bindingFor('zoom-in').label).click!();
    expect(win.webContents.setZoomLevel).toHaveBeenLastCalledWith(1);
    item(menu(first), 'View', bindingFor('zoom-out').label).click!();
    expect(win.webContents.setZoomLevel).toHaveBeenLastCalledWith(0.5);
    await vi.waitFor(async () =>
      expect(JSON.parse(await fs.readFile(path.join(userData, 'window-state.json'), 'utf8')).zoomLevel).toBe(0.5),
    );

    const next = await run();
    const again = next.lastWindow();
    again.webContents.emit('did-finish-load');
    expect(again.webContents.setZoomLevel).toHaveBeenLastCalledWith(0.5);
    item(menu(next), 'View', bindingFor('zoom-reset').label).click!();
    expect(again.webContents.setZoomLevel).toHaveBeenLastCalledWith(0);
  });
});

describe('light and dark', () => {
  it('follows the system until Settings chooses, and the choice holds next run', async () => {
    const first = await run();
    expect(first.nativeTheme.themeSource).toBe('system');
    const saved = await first.invoke('settings:set', { settings: { ...DEFAULT_SETTINGS, theme: 'dark' } });
    expect(saved.ok).toBe(true);
    expect(first.nativeTheme.themeSource).toBe('dark');
    const next = await run();
    expect(next.nativeTheme.themeSource).toBe('dark');
  });
});

describe('Help → About', () => {
  it('shows the version and the Electron and Chromium it runs on', async () => {
    const fake = await run();
    item(menu(fake), 'Help', 'About Copydesk').click!();
    await vi.waitFor(() => expect(fake.dialog.showMessageBox).toHaveBeenCalled());
    const options = fake.dialog.showMessageBox.mock.calls[0]!.at(-1) as unknown as { message: string; detail: string };
    expect(options.message).toBe('Copydesk 0.1.0');
    expect(options.detail).toMatch(/^Version 0\.1\.0\nElectron .+\nChromium .+\nNode\.js /);
    expect(fake.app.setAboutPanelOptions).toHaveBeenCalledWith(
      expect.objectContaining({ applicationName: 'Copydesk', applicationVersion: '0.1.0' }),
    );
  });
});
