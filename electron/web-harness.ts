import { defaultAuthorName } from './services/author';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { APP_CSP } from '../shared/security';
import { createHandlers, dispatch, type HostAdapter } from './services/dispatcher';
import { resolveInside } from './services/docs-folder';
import { recoveryFolderFor } from './services/journal';
import { tabLocks } from './services/tab-locks';

/**
 * The web harness: serves the built renderer on loopback and answers the IPC contract over
 * HTTP with the same services as the desktop app. File dialogs become an in-app picker of
 * the documents folder, and every path is confined to that folder.
 */

export interface HarnessOptions {
  rendererDir: string;
  docsDir: string;
  port: number;
  token?: string;
  /** "Your name" for whoever uses this harness when Settings leave it empty (`--user NAME`). */
  user?: string;
}

export interface Harness {
  url: string;
  port: number;
  token: string;
  server: http.Server;
  /** Stories whose lock files this harness holds for its tabs. */
  heldLocks(): string[];
  close(): Promise<void>;
}

const MAX_REQUEST_BYTES = 60 * 1024 * 1024;
const TYPES: Record<string, string> = {
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

export function webHostAdapter(docsDir: string, user = defaultAuthorName()): HostAdapter {
  return {
    // The harness has no native dialogs: the renderer shows its own picker of docs:list.
    pickStoryToOpen: async () => null,
    pickImportFile: async () => null,
    pickSavePath: async (suggestedName) => path.join(docsDir, path.basename(suggestedName)),
    pickExportPath: async (suggestedName) => path.join(docsDir, path.basename(suggestedName)),
    checkPath: (filePath) => resolveInside(docsDir, filePath),
    docsFolder: () => docsDir,
    settingsFile: () => path.join(docsDir, '.copydesk', 'settings.json'),
    defaultAuthorName: () => user,
    recoveryFolder: () => recoveryFolderFor(path.join(docsDir, '.copydesk')),
    windowReady: () => {},
    setWindowState: () => {},
    closeWindow: () => {},
  };
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('hex');
  await fs.mkdir(options.docsDir, { recursive: true });
  const handlers = createHandlers(webHostAdapter(options.docsDir, options.user));
  const locks = tabLocks((filePath) => resolveInside(options.docsDir, filePath));
  let port = options.port;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: String(error).slice(0, 200), code: 'io' });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    // DNS-rebinding guard: only answer to the loopback name we printed.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421).end('wrong host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return void res.writeHead(405).end();
      if (!sameToken(req.headers['x-copydesk-token'], token)) {
        return sendJson(res, 403, { ok: false, error: 'not allowed: missing or wrong session token', code: 'forbidden' });
      }
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, { ok: false, error: 'request too large', code: 'too-large' });
      let payload: unknown;
      try {
        payload = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, { ok: false, error: 'request is not JSON', code: 'invalid' });
      }
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return sendJson(res, 400, { ok: false, error: 'malformed channel name', code: 'invalid' });
      }
      // Each tab says who it is (renderer/bridge.ts), so two tabs are two editors to the locks.
      const tab = String(req.headers['x-copydesk-tab'] ?? '').slice(0, 100);
      const result = locks.before(channel, payload, tab) ?? (await dispatch(handlers, channel, payload));
      locks.after(channel, payload, tab, result);
      return sendJson(res, 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    await serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: http.ServerResponse) {
    let file: string;
    try {
      const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
      file = resolveInside(options.rendererDir, relative);
    } catch {
      return void res.writeHead(404).end();
    }
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch {
      return void res.writeHead(404).end('not found');
    }
    const ext = path.extname(file);
    if (ext === '.html') {
      const tokenMeta = `<meta name="copydesk-token" content="${token}">`;
      bytes = Buffer.from(bytes.toString('utf8').replace('</head>', `${tokenMeta}</head>`));
    }
    res.writeHead(200, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Security-Policy': APP_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(bytes);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    server,
    heldLocks: () => locks.held(),
    // Stopping the harness lets go of the stories its tabs had open.
    close: async () => {
      server.closeAllConnections?.();
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), locks.releaseAll()]);
    },
  };
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, value: unknown) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
