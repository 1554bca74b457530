import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '../../electron/web-harness';
import { PROJECT } from './support/cli';

/**
 * The web harness serves several browser tabs from one process: two tabs opening one story
 * must warn like two computers would, an export must not silently replace a file, and
 * stopping the harness must leave no lock files behind.
 */

let root: string;
let docsDir: string;
let harness: Harness;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-harness-locks-'));
  docsDir = path.join(root, 'docs');
  await fs.mkdir(path.join(root, 'renderer'), { recursive: true });
  await fs.writeFile(path.join(root, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  harness = await startHarness({ rendererDir: path.join(root, 'renderer'), docsDir, port: 0 });
  await fs.writeFile(path.join(docsDir, 'budget.story'), '{}');
});
afterEach(async () => {
  await harness.close();
  await fs.rm(root, { recursive: true, force: true });
});

async function call(channel: string, payload: unknown, tab: string, base = harness) {
  const response = await fetch(`${base.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-copydesk-token': base.token, 'x-copydesk-tab': tab },
    body: JSON.stringify(payload),
  });
  return (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: string };
}

const lockFile = () => path.join(docsDir, '.~lock.budget.story#');

describe('two tabs of one harness', () => {
  it('the second tab to open a story is told it is open in another tab; the first keeps it', async () => {
    expect((await call('story:lock', { path: 'budget.story' }, 'tab-a')).value).toMatchObject({ acquired: true });
    const second = await call('story:lock', { path: 'budget.story' }, 'tab-b');
    expect(second.value).toMatchObject({ acquired: false, warning: null });
    expect(second.value!.holder).toMatch(
      /^"budget\.story" is open in another browser tab of this Copydesk since \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/,
    );
    // The first tab opening it again (a reload of its own story) is fine.
    expect((await call('story:lock', { path: 'budget.story' }, 'tab-a')).value).toMatchObject({ acquired: true });
    // The second tab letting go does not release the first tab's lock.
    expect((await call('story:unlock', { path: 'budget.story' }, 'tab-b')).ok).toBe(true);
    expect(existsSync(lockFile())).toBe(true);
    expect((await call('story:lock', { path: 'budget.story' }, 'tab-b')).value).toMatchObject({ acquired: false });
  });

  it('"Open anyway" moves the story to the second tab; then the first tab cannot release it', async () => {
    await call('story:lock', { path: 'budget.story' }, 'tab-a');
    expect((await call('story:lock', { path: 'budget.story', force: true }, 'tab-b')).value).toMatchObject({ acquired: true });
    await call('story:unlock', { path: 'budget.story' }, 'tab-a');
    expect(existsSync(lockFile())).toBe(true);
    await call('story:unlock', { path: 'budget.story' }, 'tab-b');
    expect(existsSync(lockFile())).toBe(false);
    expect((await call('story:lock', { path: 'budget.story' }, 'tab-a')).value).toMatchObject({ acquired: true });
  });

  it('closing the harness removes the lock files it holds', async () => {
    await fs.writeFile(path.join(docsDir, 'flood.story'), '{}');
    await call('story:lock', { path: 'budget.story' }, 'tab-a');
    await call('story:lock', { path: 'flood.story' }, 'tab-b');
    expect(harness.heldLocks()).toHaveLength(2);
    await harness.close();
    expect((await fs.readdir(docsDir)).sort()).toEqual(['budget.story', 'flood.story']);
  });
});

describe('docs:list for the Save and Export pickers', () => {
  it('lists files of the kind being saved, so an existing export name is caught', async () => {
    await fs.writeFile(path.join(docsDir, 'budget.html'), '<p>old</p>');
    await fs.writeFile(path.join(docsDir, 'budget.json'), '{}');
    const names = async (payload: unknown) =>
      ((await call('docs:list', payload, 'tab-a')).value!.files as { name: string }[]).map((f) => f.name).sort();
    expect(await names({})).toEqual(['budget.story']);
    expect(await names({ extension: 'html' })).toEqual(['budget.html']);
    expect(await names({ extension: 'json' })).toEqual(['budget.json']);
    expect((await call('docs:list', { extension: 'exe' }, 'tab-a')).ok).toBe(false);
  });
});

describe('npm run web, stopped with Ctrl+C or a TERM signal', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} removes the lock files of the stories its tabs had open`, async () => {
      await harness.close();
      const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web.ts', '--port', '0', '--docs', docsDir], {
        cwd: PROJECT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        await vi.waitFor(() => expect(output).toMatch(/http:\/\/127\.0\.0\.1:\d+\//), { timeout: 30_000, interval: 100 });
        const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)![0];
        const token = /name="copydesk-token" content="([0-9a-f]+)"/.exec(await (await fetch(url)).text())?.[1] ?? '';
        const running = { url, token } as Harness;
        expect((await call('story:lock', { path: 'budget.story' }, 'tab-a', running)).value).toMatchObject({ acquired: true });
        expect(existsSync(lockFile())).toBe(true);
        child.kill(signal);
        expect(await exited).toBe(0);
        expect(existsSync(lockFile())).toBe(false);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }, 60_000);
  }
});
