import {
  parseResult,
  type AppCommand,
  type Channel,
  type CopydeskBridge,
  type RequestOf,
  type ResponseOf,
  type Result,
} from '../shared/ipc';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the web harness. */
    copydesk?: CopydeskBridge;
  }
}

function tabId(): string {
  try {
    const known = sessionStorage.getItem('copydesk-tab');
    if (known) return known;
    const made = crypto.randomUUID();
    sessionStorage.setItem('copydesk-tab', made);
    return made;
  } catch {
    return crypto.randomUUID(); // storage refused: each load is a tab of its own
  }
}

/** The web harness answers the same contract over HTTP on 127.0.0.1 with a per-run token. */
function webBridge(): CopydeskBridge {
  const token = document.querySelector<HTMLMetaElement>('meta[name="copydesk-token"]')?.content ?? '';
  // Which tab this is: the harness serves many from one process, and locks must tell them apart.
  // Kept in sessionStorage (one per tab, kept across a reload), so reloading a tab does not
  // find its own story "open in another tab".
  const tab = tabId();
  const headers = { 'Content-Type': 'application/json', 'X-Copydesk-Token': token, 'X-Copydesk-Tab': tab };
  // Stories this tab holds the lock of: a closed tab lets go of them, as a closed window does.
  const locked = new Set<string>();
  window.addEventListener('pagehide', () => {
    for (const path of locked) {
      // keepalive: the request outlives the page (sendBeacon cannot carry the token header).
      void fetch('api/story%3Aunlock', { method: 'POST', headers, body: JSON.stringify({ path }), keepalive: true }).catch(() => {});
    }
  });
  return {
    host: 'web',
    async invoke(channel, request) {
      const response = await fetch(`api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers,
        // As a Blob: Chromium's fetch() holds the main thread while it copies a string body
        // (~300 ms for a journal write carrying the L story's photos, 12 MB); a Blob's copy is
        // made in about a third of that and fetch() itself returns at once.
        body: new Blob([JSON.stringify(request)]),
      });
      const answer = await response.json();
      const path = (request as { path?: unknown }).path;
      if (typeof path === 'string' && answer?.ok) {
        if (channel === 'story:lock' && answer.value?.acquired) locked.add(path);
        if (channel === 'story:unlock') locked.delete(path);
      }
      return answer;
    },
    onCommand: () => () => {},
  };
}

let bridge: CopydeskBridge | null = null;
export function getBridge(): CopydeskBridge {
  bridge ??= window.copydesk ?? webBridge();
  return bridge;
}

/** Calls the contract and validates the answer; transport failures become error results. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  try {
    return parseResult(channel, await getBridge().invoke(channel, request));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Copydesk could not reach its file service (${reason}).`, code: 'io' };
  }
}

export function onAppCommand(listener: (command: AppCommand) => void): () => void {
  return getBridge().onCommand(listener);
}
