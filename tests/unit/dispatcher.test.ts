import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, parseRequest, parseResult, type Channel, type Result } from '../../shared/ipc';
import { createHandlers, dispatch, type HostAdapter } from '../../electron/services/dispatcher';
import { resolveInside } from '../../electron/services/docs-folder';
import { StoryFileError } from '../../electron/services/story-files';

let dir: string;

interface FakeHost extends HostAdapter {
  openAnswer: string | null;
  saveAnswer: string | null;
  suggested: string[];
  checked: string[];
  states: { title: string; dirty: boolean }[];
  closed: number;
}

function fakeHost(): FakeHost {
  const host: FakeHost = {
    openAnswer: null,
    saveAnswer: null,
    suggested: [],
    checked: [],
    states: [],
    closed: 0,
    pickStoryToOpen: async () => host.openAnswer,
    pickSavePath: async (suggestedName) => {
      host.suggested.push(suggestedName);
      return host.saveAnswer;
    },
    checkPath: (filePath) => {
      host.checked.push(filePath);
      return resolveInside(dir, filePath);
    },
    pickImportFile: async () => host.openAnswer,
    pickExportPath: async (suggestedName) => {
      host.suggested.push(suggestedName);
      return host.saveAnswer;
    },
    docsFolder: () => dir,
    settingsFile: () => `${dir}/.copydesk/settings.json`,
    defaultAuthorName: () => 'Pat Subeditor',
    recoveryFolder: () => `${dir}/.copydesk/recovery`,
    windowReady: () => {},
    setWindowState: (state) => void host.states.push(state),
    closeWindow: () => void host.closed++,
  };
  return host;
}

let host: FakeHost;
let handlers: ReturnType<typeof createHandlers>;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-dispatch-'));
  host = fakeHost();
  handlers = createHandlers(host);
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** dispatch must never throw or reject: every outcome is a Result. */
async function call(channel: unknown, payload?: unknown): Promise<Result<unknown>> {
  let result: Result<unknown> | undefined;
  await expect(
    (async () => {
      result = await dispatch(handlers, channel, payload);
    })(),
  ).resolves.toBeUndefined();
  return result!;
}

function expectOk(result: Result<unknown>): any {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.error}`);
  return result.value;
}

const SHA = 'a'.repeat(64);
const STAMP = { size: 1, mtimeMs: 1, sha256: SHA };

describe('dispatch: channels', () => {
  it.each([['nope'], ['story:delete'], ['__proto__'], ['constructor'], ['toString'], [''], [42], [null], [undefined], [{}]])(
    'refuses unknown channel %j',
    async (channel) => {
      const result = await call(channel, {});
      expect(result).toMatchObject({ ok: false, code: 'invalid' });
      expect(!result.ok && result.error).toMatch(/^unknown channel "/);
    },
  );

  it('truncates a long unknown channel name in the message', async () => {
    const result = await call('x'.repeat(10_000), {});
    expect(!result.ok && result.error.length).toBeLessThan(100);
  });
});

describe('dispatch: malformed payloads are refused as invalid, never thrown', () => {
  const notObjects = ['text', 42, true, [], [1, 2], () => 1];
  const cases: Record<Channel, unknown[]> = {
    'story:open-dialog': [...notObjects, { extra: 1 }, { canceled: false }],
    'story:read': [
      ...notObjects,
      {},
      null,
      { path: 5 },
      { path: '' },
      { path: 'a\0b.story' },
      { path: 'x'.repeat(5000) },
      { path: 'a.story', extra: true },
      { path: ['a.story'] },
    ],
    'story:save-dialog': [
      ...notObjects,
      {},
      { suggestedName: 5 },
      { suggestedName: 'x'.repeat(256) },
      { suggestedName: 'a', path: '/tmp/a.story' },
    ],
    'story:write': [
      ...notObjects,
      {},
      { path: 'a.story', text: 'x' },
      { path: 'a.story', text: 5, expected: null },
      { path: 5, text: 'x', expected: null },
      { path: 'a.story', text: 'x', expected: 'stamp' },
      { path: 'a.story', text: 'x', expected: { size: 1, mtimeMs: 1, sha256: 'not-hex' } },
      { path: 'a.story', text: 'x', expected: { size: -1, mtimeMs: 1, sha256: SHA } },
      { path: 'a.story', text: 'x', expected: { size: 1.5, mtimeMs: 1, sha256: SHA } },
      { path: 'a.story', text: 'x', expected: null, overwrite: 'yes' },
      { path: 'a.story', text: 'x', expected: null, extra: 1 },
      { path: 'a.\0story', text: 'x', expected: null },
    ],
    'docs:list': [...notObjects, { folder: '/etc' }, { importable: 'yes' }],
    'settings:get': [...notObjects, { creditStyle: 'photo-slash' }],
    'settings:set': [
      ...notObjects,
      {},
      { settings: { creditStyle: 'comic-sans' } },
      { settings: { tweetLookup: 'yes' } },
      { settings: { helplinePresets: [{ id: 'Bad Id', label: 'x', heading: 'h', entries: [], verifiedAt: '2026-01-01' }] } },
    ],
    'tweet:lookup': [...notObjects, {}, { url: 5 }, { url: '' }, { url: 'x'.repeat(501) }, { url: 'https://x.com/a/status/1', extra: 1 }],
    'embed:lookup': [
      ...notObjects,
      {},
      { url: 5 },
      { url: '' },
      { url: 'x'.repeat(1001) },
      { url: 'https://youtu.be/dQw4w9WgXcQ', extra: 1 },
    ],
    'window:ready': [...notObjects, { extra: 1 }],
    'export:save-dialog': [...notObjects, {}, { suggestedName: 'a', extension: 'exe' }, { suggestedName: 5, extension: 'html' }],
    'export:write-file': [
      ...notObjects,
      {},
      { target: 'a.html', relative: '../../etc/passwd', data: 'x', encoding: 'utf8' },
      { target: 'a.html', relative: 'images/evil.png', data: 'x', encoding: 'utf8' },
      { target: 'a.html', relative: null, data: 'x', encoding: 'hex' },
      { target: 'a.html', relative: null, data: 5, encoding: 'utf8' },
    ],
    'import:dialog': [...notObjects, { extra: 1 }],
    'import:file': [...notObjects, {}, { path: 5 }, { path: '' }, { path: 'a.txt', extra: 1 }],
    'journal:write': [
      ...notObjects,
      {},
      { storyId: 'a', path: null, name: 'x' },
      { storyId: '', path: null, name: 'x', text: '{}' },
      { storyId: 'a', path: 5, name: 'x', text: '{}' },
      { storyId: 'a', path: null, name: 'x', text: '{}', extra: 1 },
    ],
    'journal:clear': [...notObjects, {}, { storyId: 5 }, { storyId: '' }],
    'journal:discard': [...notObjects, {}, { storyId: ['a'] }],
    'journal:list': [...notObjects, { all: true }],
    'story:lock': [...notObjects, {}, { path: 5 }, { path: 'a.story', force: 'yes' }],
    'story:unlock': [...notObjects, {}, { path: '' }, { path: 'a.story', extra: 1 }],
    'export:remove': [
      ...notObjects,
      {},
      { target: 'a.html', relative: ['../x'], includeTarget: false },
      { target: 'a.html', relative: [], includeTarget: 'yes' },
    ],
    'window:state': [
      ...notObjects,
      {},
      { title: 'x' },
      { dirty: true },
      { title: 5, dirty: true },
      { title: 'x', dirty: 'yes' },
      { title: 'x'.repeat(501), dirty: false },
      { title: 'x', dirty: false, extra: 1 },
    ],
    'window:close': [...notObjects, { now: true }],
  };

  it('covers every channel', () => {
    expect(Object.keys(cases).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  for (const channel of CHANNEL_NAMES) {
    it.each(cases[channel].map((payload) => [payload]))(`${channel} refuses %j`, async (payload) => {
      const result = await call(channel, payload);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe('invalid');
      expect(result.error.startsWith(`${channel}: `)).toBe(true);
      expect(result.error).not.toContain('\n');
    });
  }

  it('touches nothing when a payload is refused', async () => {
    await call('story:write', { path: 'a.story', text: 'x', expected: null, extra: 1 });
    await call('window:state', { title: 'x', dirty: false, extra: 1 });
    expect(host.checked).toEqual([]);
    expect(host.states).toEqual([]);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('parseRequest names the bad field', () => {
    expect(parseRequest('story:read', { path: 5 })).toEqual({
      ok: false,
      code: 'invalid',
      error: 'story:read: path Invalid input: expected string, received number',
    });
    const extra = parseRequest('window:close', { now: true });
    expect(extra.ok).toBe(false);
    expect(!extra.ok && extra.error).toMatch(/^window:close: request .*now/);
  });

  it('accepts a missing payload for channels without a request body', async () => {
    expectOk(await call('docs:list', undefined));
    expectOk(await call('window:close', null));
    expect(host.closed).toBe(1);
  });
});

describe('dispatch: handlers', () => {
  it('story:save-dialog appends .story and passes the suggested name on', async () => {
    host.saveAnswer = path.join(dir, 'Teigen support');
    const value = expectOk(await call('story:save-dialog', { suggestedName: 'Teigen support' }));
    expect(value).toEqual({ canceled: false, path: path.join(dir, 'Teigen support.story'), name: 'Teigen support.story' });
    expect(host.suggested).toEqual(['Teigen support']);
    expect(host.checked).toEqual([path.join(dir, 'Teigen support.story')]);
  });

  it('story:save-dialog keeps an existing .story extension, whatever its case', async () => {
    host.saveAnswer = path.join(dir, 'a.story');
    expect(expectOk(await call('story:save-dialog', { suggestedName: 'a' }))).toMatchObject({ name: 'a.story' });
    host.saveAnswer = path.join(dir, 'B.STORY');
    expect(expectOk(await call('story:save-dialog', { suggestedName: 'b' }))).toMatchObject({ name: 'B.STORY' });
    host.saveAnswer = path.join(dir, 'c.story.txt');
    expect(expectOk(await call('story:save-dialog', { suggestedName: 'c' }))).toMatchObject({ name: 'c.story.txt.story' });
  });

  it('story:save-dialog refuses a path the host forbids', async () => {
    host.saveAnswer = path.join(path.dirname(dir), 'elsewhere');
    const result = await call('story:save-dialog', { suggestedName: 'x' });
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('canceled dialogs answer { canceled: true }', async () => {
    host.openAnswer = null;
    host.saveAnswer = null;
    expect(expectOk(await call('story:open-dialog', {}))).toEqual({ canceled: true });
    expect(expectOk(await call('story:save-dialog', { suggestedName: 'x' }))).toEqual({ canceled: true });
    expect(host.checked).toEqual([]);
    // And those answers pass the renderer's own check.
    expect(parseResult('story:open-dialog', { ok: true, value: { canceled: true } })).toEqual({ ok: true, value: { canceled: true } });
  });

  it('story:write then story:read round-trips through dispatch', async () => {
    // The one-JSON-text form writes the window's text as it is; the container is tested in story-container.test.ts.
    const file = path.join(dir, 'round.story.json');
    const written = expectOk(await call('story:write', { path: file, text: '{"hello":"world"}\n', expected: null }));
    expect(written).toEqual({ path: file, name: 'round.story.json', stamp: expect.objectContaining({ size: 18 }) });
    expect(Object.keys(written).sort()).toEqual(['name', 'path', 'stamp']);
    expect(parseResult('story:write', { ok: true, value: written }).ok).toBe(true);

    const read = expectOk(await call('story:read', { path: file }));
    expect(read).toEqual({ path: file, name: 'round.story.json', text: '{"hello":"world"}\n', stamp: written.stamp });
    expect(parseResult('story:read', { ok: true, value: read })).toEqual({ ok: true, value: read });

    // Relative paths resolve inside the host's folder.
    expect(expectOk(await call('story:read', { path: 'round.story.json' })).text).toBe('{"hello":"world"}\n');

    // A second write with the stamp succeeds; with a stale one it is a conflict.
    const second = expectOk(await call('story:write', { path: file, text: 'v2', expected: written.stamp }));
    const stale = await call('story:write', { path: file, text: 'v3', expected: written.stamp });
    expect(stale).toMatchObject({ ok: false, code: 'conflict' });
    expect(await fs.readFile(file, 'utf8')).toBe('v2');
    expectOk(await call('story:write', { path: file, text: 'v3', expected: written.stamp, overwrite: true }));
    expect(await fs.readFile(file, 'utf8')).toBe('v3');
    expect(second.stamp.sha256).not.toBe(written.stamp.sha256);
  });

  it('story:open-dialog reads the picked story', async () => {
    const file = path.join(dir, 'picked.story');
    await fs.writeFile(file, 'picked text');
    host.openAnswer = file;
    const value = expectOk(await call('story:open-dialog', {}));
    expect(value).toMatchObject({ canceled: false, path: file, name: 'picked.story', text: 'picked text' });
    expect(parseResult('story:open-dialog', { ok: true, value }).ok).toBe(true);
  });

  it('turns file errors into results with their codes', async () => {
    expect(await call('story:read', { path: 'missing.story' })).toEqual({
      ok: false,
      code: 'not-found',
      error: 'Could not open "missing.story": the file or its folder no longer exists.',
    });
    expect(await call('story:read', { path: '../outside.story' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await call('story:read', { path: '/etc/passwd' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await call('story:write', { path: '/tmp/evil.story', text: 'x', expected: null })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('turns an unexpected host error into an io result, on one line', async () => {
    const broken = createHandlers({
      ...fakeHost(),
      docsFolder: () => {
        throw new Error('disk\nexploded');
      },
      checkPath: () => {
        throw new StoryFileError('nope', 'forbidden');
      },
    });
    expect(await dispatch(broken, 'docs:list', {})).toEqual({ ok: false, code: 'io', error: 'docs:list failed: disk exploded' });
    expect(await dispatch(broken, 'story:read', { path: 'a.story' })).toEqual({ ok: false, code: 'forbidden', error: 'nope' });
  });

  it('docs:list lists the folder', async () => {
    await fs.writeFile(path.join(dir, 'one.story'), '1');
    await fs.writeFile(path.join(dir, 'skip.txt'), '2');
    const value = expectOk(await call('docs:list', {}));
    expect(value.folder).toBe(dir);
    expect(value.files.map((f: { name: string }) => f.name)).toEqual(['one.story']);
    expect(parseResult('docs:list', { ok: true, value }).ok).toBe(true);
  });

  it('settings:get answers the host\'s name while "Your name" is empty, and the saved name once set', async () => {
    expect(expectOk(await call('settings:get', {})).authorName).toBe('Pat Subeditor');
    const settings = { ...expectOk(await call('settings:get', {})), authorName: '  Sam Sub  ' };
    expect(expectOk(await call('settings:set', { settings })).authorName).toBe('Sam Sub');
    expect(expectOk(await call('settings:get', {})).authorName).toBe('Sam Sub');
    const stored = JSON.parse(await fs.readFile(path.join(dir, '.copydesk', 'settings.json'), 'utf8'));
    expect(stored.authorName).toBe('Sam Sub');
  });

  it('window:state and window:close reach the host', async () => {
    expect(expectOk(await call('window:state', { title: 'Teigen — Copydesk', dirty: true }))).toEqual({});
    expect(host.states).toEqual([{ title: 'Teigen — Copydesk', dirty: true }]);
    expect(expectOk(await call('window:close', {}))).toEqual({});
    expect(host.closed).toBe(1);
  });

  it('fills overwrite: false by default', async () => {
    const parsed = parseRequest('story:write', { path: 'a.story', text: 'x', expected: null });
    expect(parsed).toEqual({ ok: true, value: { path: 'a.story', text: 'x', expected: null, overwrite: false } });
  });
});

describe('parseResult', () => {
  const opened = { path: '/docs/a.story', name: 'a.story', text: 'x', stamp: STAMP };

  it('accepts an answer matching the schema', () => {
    expect(parseResult('story:read', { ok: true, value: opened })).toEqual({ ok: true, value: opened });
  });

  it.each([
    ['a missing stamp', { ok: true, value: { path: '/docs/a.story', name: 'a.story', text: 'x' } }],
    ['a bad sha256', { ok: true, value: { ...opened, stamp: { ...STAMP, sha256: 'xyz' } } }],
    ['text as a number', { ok: true, value: { ...opened, text: 5 } }],
    ['no value', { ok: true }],
    ['an empty path', { ok: true, value: { ...opened, path: '' } }],
  ])('rejects %s', (_name, answer) => {
    expect(parseResult('story:read', answer)).toEqual({ ok: false, code: 'io', error: 'story:read: unexpected answer' });
  });

  it('rejects wrong answers on other channels', () => {
    expect(parseResult('story:save-dialog', { ok: true, value: { canceled: false } }).ok).toBe(false);
    expect(parseResult('story:open-dialog', { ok: true, value: { canceled: false } }).ok).toBe(false);
    expect(parseResult('docs:list', { ok: true, value: { folder: '/d', files: [{ name: 'a' }] } }).ok).toBe(false);
    expect(parseResult('story:write', { ok: true, value: { path: '/a', name: 'a' } }).ok).toBe(false);
  });

  it('rejects a non-object answer', () => {
    for (const answer of [null, undefined, 'ok', 5]) {
      expect(parseResult('docs:list', answer)).toEqual({ ok: false, code: 'io', error: 'docs:list: no answer' });
    }
  });

  it('passes on errors, keeping only known codes', () => {
    expect(parseResult('story:read', { ok: false, error: 'gone', code: 'not-found' })).toEqual({
      ok: false,
      error: 'gone',
      code: 'not-found',
    });
    expect(parseResult('story:read', { ok: false, error: 'weird', code: 'teapot' })).toEqual({ ok: false, error: 'weird', code: 'io' });
    expect(parseResult('story:read', { ok: false, error: 42 })).toEqual({ ok: false, error: 'story:read failed', code: 'io' });
  });
});
