import path from 'node:path';
import { STORY_EXTENSION } from './services/story-files';

/**
 * The desktop shell's security decisions as plain functions, so each item of Electron's
 * security checklist is unit-tested without the Electron binary. main.ts only wires them.
 */

/** The app is served from this origin by a custom protocol, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'copydesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** webPreferences for every window: no Node, isolated, sandboxed, no experiments. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    contextIsolation: true,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    // enableBlinkFeatures is deliberately never set.
  } as const;
}

/** True for URLs of the app itself (app://copydesk/…). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Links a reporter clicks may open in the system browser or mail client; nothing else. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return ['https:', 'http:', 'mailto:'].includes(parsed.protocol) && !/[\s<>"]/.test(url);
  } catch {
    return false;
  }
}

/** Navigation inside the window is never allowed away from the app. */
export function shouldBlockNavigation(url: string): boolean {
  return !isAppUrl(url);
}

/**
 * window.open and target=_blank: never a new Electron window. A safe external link goes to
 * the system browser instead.
 */
export function handleWindowOpen(url: string, openExternal: (url: string) => void): { action: 'deny' } {
  if (isSafeExternalUrl(url)) openExternal(url);
  return { action: 'deny' };
}

/** Permission requests (camera, notifications, geolocation …): the editor needs none. */
export function decidePermission(permission: string): boolean {
  // Clipboard writes come from the user's own Copy; reading the clipboard goes through paste.
  return permission === 'clipboard-sanitized-write';
}

/** IPC is answered only for the app's own top frame. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/** Maps an app:// request to a file under the renderer folder, refusing escapes. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  const relative = decodeURIComponent(parsed.pathname).replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  const inside = path.relative(root, file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/** The `.story` a user asked to open on the command line or via the OS, if any. */
export function storyPathFromArgv(argv: readonly string[], cwd: string): string | null {
  // argv[0] is the executable; in development argv[1] is the app folder ("."), skip flags.
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith(STORY_EXTENSION) || arg.toLowerCase().endsWith('.story.json')) return path.resolve(cwd, arg);
  }
  return null;
}

/** The close prompt: button order and what each answer means. */
export const CLOSE_PROMPT_BUTTONS = ['Save', "Don't Save", 'Cancel'] as const;
export type CloseDecision = 'save' | 'discard' | 'cancel';

export function closePromptOptions(storyName: string) {
  return {
    type: 'warning' as const,
    buttons: [...CLOSE_PROMPT_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: `Do you want to save the changes you made to "${storyName}"?`,
    detail: "Your changes will be lost if you don't save them.",
  };
}

export function closeDecision(buttonIndex: number): CloseDecision {
  return buttonIndex === 0 ? 'save' : buttonIndex === 1 ? 'discard' : 'cancel';
}

/** What closing a window does, given its state and (when asked) the user's answer. */
export function onCloseRequested(dirty: boolean, ask: () => CloseDecision): 'close' | 'keep-open' | 'save-then-close' {
  if (!dirty) return 'close';
  const decision = ask();
  return decision === 'discard' ? 'close' : decision === 'save' ? 'save-then-close' : 'keep-open';
}
