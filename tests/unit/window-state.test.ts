import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  WINDOW_STATE_FILE,
  clampToArea,
  clampZoom,
  displayFor,
  restoreWindow,
  windowStateStore,
  type DisplayArea,
  type WindowState,
} from '../../electron/services/window-state';

// A laptop (1440×900 with a 25 px menu bar) and an external monitor to its right.
const laptop: DisplayArea = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const monitor: DisplayArea = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };

function saved(patch: Partial<WindowState> = {}): WindowState {
  return { bounds: { x: 1700, y: 100, width: 1600, height: 1000 }, maximized: false, displayId: 2, zoomLevel: 0, ...patch };
}

describe('restoring the window', () => {
  it('the first run centres the default size on the primary display', () => {
    expect(restoreWindow(null, [laptop], laptop)).toEqual({
      bounds: { x: 80, y: 33, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height },
      maximized: false,
      displayId: 1,
      zoomLevel: 0,
    });
  });

  it('comes back exactly where it was on the display it was on', () => {
    expect(restoreWindow(saved(), [laptop, monitor], laptop)).toEqual(saved());
    expect(restoreWindow(saved({ maximized: true, zoomLevel: 1 }), [laptop, monitor], laptop)).toMatchObject({
      maximized: true,
      zoomLevel: 1,
    });
  });

  it('with the external monitor gone, opens on the laptop, centred and no larger than its work area', () => {
    const restored = restoreWindow(saved({ maximized: true }), [laptop], laptop);
    expect(restored).toEqual({ bounds: { x: 0, y: 25, width: 1440, height: 875 }, maximized: true, displayId: 1, zoomLevel: 0 });
  });

  it('a window half off the edge of its display is pulled fully onto it', () => {
    const restored = restoreWindow(
      saved({ bounds: { x: 3500, y: 1200, width: 1000, height: 700 }, displayId: 2 }),
      [laptop, monitor],
      laptop,
    );
    expect(restored.bounds).toEqual({ x: 3000, y: 700, width: 1000, height: 700 });
    expect(restored.displayId).toBe(2);
  });

  it('when the saved display id is reused by another screen, picks the display the window overlaps', () => {
    const onLaptop = saved({ bounds: { x: 100, y: 100, width: 1000, height: 700 }, displayId: 2 });
    expect(restoreWindow(onLaptop, [laptop, monitor], laptop).displayId).toBe(1);
  });

  it('clamps sizes below the minimum up and zoom to the levels Chromium offers', () => {
    expect(clampToArea({ x: 10, y: 10, width: 50, height: 50 }, laptop.workArea)).toEqual({ x: 10, y: 25, width: 720, height: 480 });
    expect(clampZoom(12)).toBe(5);
    expect(clampZoom(-9)).toBe(-3);
    expect(clampZoom(Number.NaN)).toBe(0);
    expect(clampZoom(1.2)).toBe(1);
  });

  it('knows which display a window is on', () => {
    expect(displayFor({ x: 1300, y: 100, width: 1000, height: 600 }, [laptop, monitor])).toBe(2);
    expect(displayFor({ x: -5000, y: 0, width: 100, height: 100 }, [laptop, monitor])).toBeNull();
  });
});

describe('the window state file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-window-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('round-trips, and a damaged or nonsensical file means first-run defaults', async () => {
    const store = windowStateStore(dir);
    expect(await store.read()).toBeNull();
    await store.write(saved({ zoomLevel: 2 }));
    expect(await windowStateStore(dir).read()).toEqual(saved({ zoomLevel: 2 }));
    await fs.writeFile(path.join(dir, WINDOW_STATE_FILE), '{"bounds":{"x":0,"y":0,"width":-5,"height":10},"maximized":false}');
    expect(await store.read()).toBeNull();
    await fs.writeFile(path.join(dir, WINDOW_STATE_FILE), 'not json');
    expect(await store.read()).toBeNull();
  });
});
