import path from 'node:path';
import { z } from 'zod';
import { jsonStore } from './json-store';

/**
 * The window comes back where it was: size, position, maximised, and the View zoom, kept in
 * `window-state.json` in the user-data folder. Restoring is careful about displays: a window
 * saved on a monitor that is no longer plugged in (or a laptop now on its own screen) is
 * brought onto a display that exists, and never larger than that display's work area.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayArea {
  id: number;
  /** The display minus taskbar, dock and menu bar. */
  workArea: Rect;
}

export interface WindowState {
  /** The normal (not maximised) bounds. */
  bounds: Rect;
  maximized: boolean;
  /** The display the window was on, to restore onto the same one. */
  displayId: number | null;
  /** Chromium zoom level: 0 is 100%, each step is 20%. */
  zoomLevel: number;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 860 };
export const MIN_SIZE = { width: 720, height: 480 };
export const ZOOM_LEVELS = { min: -3, max: 5 } as const;

const finite = z.number().finite();
const WindowStateSchema = z.object({
  bounds: z.object({ x: finite, y: finite, width: finite.positive(), height: finite.positive() }),
  maximized: z.boolean(),
  displayId: finite.nullable().default(null),
  zoomLevel: finite.default(0),
});

export function clampZoom(level: number): number {
  if (!Number.isFinite(level)) return 0;
  return Math.min(ZOOM_LEVELS.max, Math.max(ZOOM_LEVELS.min, Math.round(level * 2) / 2));
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Fits `bounds` inside `area`: no larger than it (nor smaller than the minimum), moved fully onto it. */
export function clampToArea(bounds: Rect, area: Rect): Rect {
  const width = Math.round(Math.min(area.width, Math.max(Math.min(MIN_SIZE.width, area.width), bounds.width)));
  const height = Math.round(Math.min(area.height, Math.max(Math.min(MIN_SIZE.height, area.height), bounds.height)));
  const x = Math.round(Math.min(area.x + area.width - width, Math.max(area.x, bounds.x)));
  const y = Math.round(Math.min(area.y + area.height - height, Math.max(area.y, bounds.y)));
  return { x, y, width, height };
}

/** A window of the default size (or `size`) centred on `area`. */
export function centredOn(area: Rect, size: { width: number; height: number } = DEFAULT_SIZE): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width: Math.round(width),
    height: Math.round(height),
  };
}

/**
 * Where to open the window. The saved display if it is still there, else the display the
 * saved bounds overlap most; the bounds are clamped to that display's work area. When the
 * saved place is on no display at all, the saved size is centred on the primary display.
 */
export function restoreWindow(saved: WindowState | null, displays: readonly DisplayArea[], primary: DisplayArea): WindowState {
  if (!saved) return { bounds: centredOn(primary.workArea), maximized: false, displayId: primary.id, zoomLevel: 0 };
  const zoomLevel = clampZoom(saved.zoomLevel);
  const byOverlap = [...displays].sort((a, b) => overlap(saved.bounds, b.workArea) - overlap(saved.bounds, a.workArea))[0];
  const sameDisplay = displays.find((d) => d.id === saved.displayId);
  const target =
    sameDisplay && overlap(saved.bounds, sameDisplay.workArea) > 0
      ? sameDisplay
      : byOverlap && overlap(saved.bounds, byOverlap.workArea) > 0
        ? byOverlap
        : null;
  if (!target) {
    return { bounds: centredOn(primary.workArea, saved.bounds), maximized: saved.maximized, displayId: primary.id, zoomLevel };
  }
  const bounds = clampToArea(saved.bounds, target.workArea);
  return { bounds, maximized: saved.maximized, displayId: target.id, zoomLevel };
}

/** The display a window is on now: the one its bounds overlap most. */
export function displayFor(bounds: Rect, displays: readonly DisplayArea[]): number | null {
  let best: DisplayArea | null = null;
  for (const display of displays) if (!best || overlap(bounds, display.workArea) > overlap(bounds, best.workArea)) best = display;
  return best && overlap(bounds, best.workArea) > 0 ? best.id : null;
}

export function windowStateStore(userDataDir: string) {
  return jsonStore<WindowState | null>(path.join(userDataDir, WINDOW_STATE_FILE), WindowStateSchema as z.ZodType<WindowState>, () => null);
}
