import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP } from '../../shared/security';
import { parseResult } from '../../shared/ipc';
import { startHarness, type Harness } from '../../electron/web-harness';

let root: string;
let rendererDir: string;
let docsDir: string;
let harness: Harness;

const INDEX_HTML = '<!doctype html><html><head><title>Copydesk</title></head><body><div id="root"></div></body></html>';

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-harness-'));
  rendererDir = path.join(root, 'renderer');
  docsDir = path.join(root, 'docs');
  await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await fs.writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  // Files outside the renderer folder that must never be served.
  await fs.writeFile(path.join(root, 'secret.txt'), 'secret');
  await fs.writeFile(path.join(root, 'outside.story'), 'outside');
  harness = await startHarness({ rendererDir, docsDir, port: 0 });
});

afterAll(async () => {
  await harness?.close();
  await fs.rm(root, { recursive: true, force: true });
});

function api(channel: string, payload: unknown, token: string | null = harness.token): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers['x-copydesk-token'] = token;
  return fetch(`${harness.url}api/${channel}`, { method: 'POST', headers, body: JSON.stringify(payload) });
}

async function apiJson(channel: string, payload: unknown): Promise<any> {
  const response = await api(channel, payload);
  expect(response.status).toBe(200);
  return response.json();
}

/** A raw request, for what fetch will not send (a foreign Host header, an unnormalised path). */
function raw(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: harness.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web harness', () => {
  it('listens on loopback with a fresh token', () => {
    expect(harness.url).toBe(`http://127.0.0.1:${harness.port}/`);
    expect(harness.port).toBeGreaterThan(0);
    expect(harness.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('serves index.html with the token meta and a Content-Security-Policy', async () => {
    const response = await fetch(harness.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html).toContain(`<meta name="copydesk-token" content="${harness.token}"></head>`);
    expect(html).toContain('<div id="root"></div>');
  });

  it('serves other renderer files with their type', async () => {
    const response = await fetch(`${harness.url}assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1);');
    expect((await fetch(`${harness.url}assets/missing.js`)).status).toBe(404);
  });

  it('refuses an API call without the token (403) or with a wrong one', async () => {
    const missing = await api('docs:list', {}, null);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ ok: false, code: 'forbidden' });
    const wrong = await api('docs:list', {}, 'f'.repeat(48));
    expect(wrong.status).toBe(403);
  });

  it('refuses a request with a foreign Host header (421)', async () => {
    const response = await raw({
      method: 'POST',
      path: '/api/docs:list',
      headers: { Host: `evil.example:${harness.port}`, 'x-copydesk-token': harness.token, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(421);
    expect(response.body).not.toContain('files');
    const page = await raw({ path: '/', headers: { Host: `127.0.0.1:${harness.port + 1}` } });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain(harness.token);
    // The right Host through the same path works.
    const ok = await raw({
      method: 'POST',
      path: '/api/docs:list',
      headers: { Host: `127.0.0.1:${harness.port}`, 'x-copydesk-token': harness.token },
      body: '{}',
    });
    expect(ok.status).toBe(200);
  });

  it('lists .story files in the documents folder', async () => {
    await fs.writeFile(path.join(docsDir, 'listed.story'), 'x');
    await fs.writeFile(path.join(docsDir, 'ignored.txt'), 'x');
    const answer = await apiJson('docs:list', {});
    expect(answer.ok).toBe(true);
    expect(answer.value.folder).toBe(docsDir);
    const names = answer.value.files.map((f: { name: string }) => f.name);
    expect(names).toContain('listed.story');
    expect(names).not.toContain('ignored.txt');
    expect(parseResult('docs:list', answer).ok).toBe(true);
  });

  it('round-trips story:write and story:read inside the documents folder', async () => {
    const text = '{"format":"copydesk.story"}\n';
    const written = await apiJson('story:write', { path: 'round.story.json', text, expected: null });
    expect(written).toMatchObject({ ok: true, value: { path: path.join(docsDir, 'round.story.json'), name: 'round.story.json' } });
    expect(await fs.readFile(path.join(docsDir, 'round.story.json'), 'utf8')).toBe(text);

    const read = await apiJson('story:read', { path: 'round.story.json' });
    expect(read).toEqual({
      ok: true,
      value: { path: path.join(docsDir, 'round.story.json'), name: 'round.story.json', text, stamp: written.value.stamp },
    });
    expect(parseResult('story:read', read).ok).toBe(true);

    const conflict = await apiJson('story:write', { path: 'round.story.json', text: 'other', expected: null });
    expect(conflict).toMatchObject({ ok: false, code: 'conflict' });
  });

  it.each([['../outside.story'], ['/etc/passwd'], ['<root>/outside.story'], ['sub/../../outside.story']])(
    'refuses story:read of %j as forbidden',
    async (given) => {
      const requested = given.replace('<root>', root);
      const answer = await apiJson('story:read', { path: requested });
      expect(answer).toMatchObject({ ok: false, code: 'forbidden' });
      expect(JSON.stringify(answer)).not.toContain('outside"}');
      expect(JSON.stringify(answer)).not.toContain('root:');
    },
  );

  it('refuses story:write outside the documents folder and writes nothing', async () => {
    const answer = await apiJson('story:write', { path: '../escaped.story', text: 'x', expected: null });
    expect(answer).toMatchObject({ ok: false, code: 'forbidden' });
    await expect(fs.stat(path.join(root, 'escaped.story'))).rejects.toThrow();
  });

  it('saves through the in-app save dialog only inside the documents folder', async () => {
    const answer = await apiJson('story:save-dialog', { suggestedName: '../../Teigen support' });
    expect(answer).toEqual({
      ok: true,
      value: { canceled: false, path: path.join(docsDir, 'Teigen support.story'), name: 'Teigen support.story' },
    });
  });

  it.each([['/../../etc/passwd'], ['/..%2f..%2fetc%2fpasswd'], ['/%2e%2e/%2e%2e/etc/passwd'], ['/../secret.txt'], ['/..%2fsecret.txt']])(
    'does not serve %s (404)',
    async (requestPath) => {
      const response = await raw({ path: requestPath, headers: { Host: `127.0.0.1:${harness.port}` } });
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('root:');
      expect(response.body).not.toContain('secret');
    },
  );

  it('answers 400 to a body that is not JSON', async () => {
    const response = await fetch(`${harness.url}api/docs:list`, {
      method: 'POST',
      headers: { 'x-copydesk-token': harness.token },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: 'request is not JSON', code: 'invalid' });
  });

  it('answers invalid for unknown channels and malformed payloads', async () => {
    expect(await apiJson('story:delete', {})).toMatchObject({ ok: false, code: 'invalid' });
    expect(await apiJson('story:read', { path: 5 })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await apiJson('docs:list', { extra: 1 })).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('accepts only POST on the API and only GET/HEAD elsewhere', async () => {
    const get = await fetch(`${harness.url}api/docs:list`, { headers: { 'x-copydesk-token': harness.token } });
    expect(get.status).toBe(405);
    const post = await fetch(harness.url, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
  });
});
