import { describe, expect, it, vi } from 'vitest';
import { APP_COMMAND_EVENT, CHANNEL_NAMES, type AppCommand, type Channel, type RequestOf } from '../../shared/ipc';
import { loadPreload } from './support/fake-electron';

/**
 * electron/preload.ts: the bridge the page gets as `window.copydesk`. createBridge is tested
 * with a fake ipcRenderer; the module's own exposeInMainWorld call with a faked `electron`.
 */

type Listener = (...args: unknown[]) => void;

function fakeRenderer() {
  const listeners = new Map<string, Listener[]>();
  const renderer = {
    invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { echoed: channel, request } })),
    on: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return renderer;
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
      return renderer;
    }),
  };
  /** What Electron does when main sends on `channel`: every listener gets (event, ...args). */
  const emit = (channel: string, ...args: unknown[]) => {
    const event = { sender: renderer, senderId: 0, ports: [] };
    for (const listener of listeners.get(channel) ?? []) listener(event, ...args);
  };
  return { renderer, listeners, emit };
}

async function bridgeWith(renderer: ReturnType<typeof fakeRenderer>['renderer']) {
  const { preload } = await loadPreload();
  return preload.createBridge(renderer as unknown as Parameters<typeof preload.createBridge>[0]);
}

const sampleRequests: { [C in Channel]: RequestOf<C> } = {
  'story:open-dialog': {},
  'story:read': { path: '/home/reporter/Budget.story' },
  'story:save-dialog': { suggestedName: 'Budget.story' },
  'story:write': { path: '/home/reporter/Budget.story', text: '{}', expected: null },
  'docs:list': {},
  'settings:get': {},
  'settings:set': {
    settings: {
      creditStyle: 'photo-colon',
      tweetLookup: false,
      helplinePresets: [],
      lastExport: { format: 'page', assets: 'inline', tweetScript: false },
    },
  },
  'tweet:lookup': { url: 'https://twitter.com/chrissyteigen/status/1321573421466869760' },
  'embed:lookup': { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
  'window:ready': {},
  'import:dialog': {},
  'import:file': { path: '/home/reporter/notes.txt' },
  'journal:write': { storyId: 'story-1', path: null, name: 'Budget', text: '{}' },
  'journal:clear': { storyId: 'story-1' },
  'journal:discard': { storyId: 'story-1' },
  'journal:list': {},
  'story:lock': { path: '/home/reporter/Budget.story' },
  'story:unlock': { path: '/home/reporter/Budget.story' },
  'export:save-dialog': { suggestedName: 'budget.html', extension: 'html' },
  'export:write-file': { target: '/home/reporter/budget.html', relative: null, data: '<p>x</p>', encoding: 'utf8' },
  'export:remove': { target: '/home/reporter/budget.html', relative: [], includeTarget: false },
  'window:state': { title: 'Budget — Copydesk', dirty: true },
  'window:close': {},
};

describe('createBridge', () => {
  it('forwards every contract channel to ipcRenderer.invoke, with its request, and returns the answer', async () => {
    const { renderer } = fakeRenderer();
    const bridge = await bridgeWith(renderer);
    expect(Object.keys(sampleRequests).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of CHANNEL_NAMES) {
      const request = sampleRequests[channel];
      await expect(bridge.invoke(channel, request)).resolves.toEqual({ ok: true, value: { echoed: channel, request } });
      expect(renderer.invoke).toHaveBeenLastCalledWith(channel, request);
    }
    expect(renderer.invoke).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
  });

  it('rejects unknown channels without reaching ipcRenderer', async () => {
    const { renderer } = fakeRenderer();
    const bridge = await bridgeWith(renderer);
    const invoke = bridge.invoke as (channel: unknown, request: unknown) => Promise<unknown>;
    for (const channel of [
      'fs:read',
      'app:command',
      'shell:openExternal',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      '',
      42,
      null,
      undefined,
    ]) {
      await expect(invoke(channel, {}), String(channel)).rejects.toThrow(/^unknown channel/);
    }
    expect(renderer.invoke).not.toHaveBeenCalled();
  });

  it('onCommand subscribes on the app:command event only', async () => {
    const { renderer, listeners } = fakeRenderer();
    const bridge = await bridgeWith(renderer);
    bridge.onCommand(() => {});
    expect(renderer.on).toHaveBeenCalledTimes(1);
    expect(renderer.on).toHaveBeenCalledWith(APP_COMMAND_EVENT, expect.any(Function));
    expect([...listeners.keys()]).toEqual([APP_COMMAND_EVENT]);
  });

  it('onCommand passes schema-valid commands, without the IPC event object', async () => {
    const { renderer, emit } = fakeRenderer();
    const bridge = await bridgeWith(renderer);
    const listener = vi.fn<(command: AppCommand) => void>();
    bridge.onCommand(listener);

    emit(APP_COMMAND_EVENT, { command: 'save' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ command: 'save' }]);

    emit(APP_COMMAND_EVENT, { command: 'open-path', path: '/home/reporter/Budget.story' });
    expect(listener.mock.calls[1]).toEqual([{ command: 'open-path', path: '/home/reporter/Budget.story' }]);

    emit(APP_COMMAND_EVENT, { command: 'save-and-close' });
    expect(listener.mock.calls[2]).toEqual([{ command: 'save-and-close' }]);
    // No argument the page receives is (or contains) the event with its sender.
    for (const call of listener.mock.calls) {
      expect(call).toHaveLength(1);
      expect(call[0]).not.toHaveProperty('sender');
    }
  });

  it('onCommand drops commands that do not match the schema', async () => {
    const { renderer, emit } = fakeRenderer();
    const bridge = await bridgeWith(renderer);
    const listener = vi.fn();
    bridge.onCommand(listener);
    const invalid: unknown[] = [
      undefined,
      null,
      'save',
      42,
      {},
      { command: 'rm -rf' },
      { command: 'SAVE' },
      { command: 'save', extra: true },
      { command: 'save', path: '/tmp/x.story' },
      { command: 'open-path' },
      { command: 'open-path', path: '' },
      { command: 'open-path', path: 42 },
      { command: 'open-path', path: '/tmp/a\0b.story' },
      [{ command: 'save' }],
    ];
    for (const payload of invalid) emit(APP_COMMAND_EVENT, payload);
    expect(listener).not.toHaveBeenCalled();
  });

  it('the unsubscribe function removes exactly that listener', async () => {
    const { renderer, emit } = fakeRenderer();
    const bridge = await bridgeWith(renderer);
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = bridge.onCommand(first);
    bridge.onCommand(second);

    unsubscribeFirst();
    expect(renderer.removeListener).toHaveBeenCalledTimes(1);
    const [channel, removed] = renderer.removeListener.mock.calls[0]!;
    expect(channel).toBe(APP_COMMAND_EVENT);
    expect(removed).toBe(renderer.on.mock.calls[0]![1]);
    expect(unsubscribeFirst()).toBeUndefined();

    emit(APP_COMMAND_EVENT, { command: 'bold' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith({ command: 'bold' });
  });

  it('is frozen and has exactly the keys host, invoke and onCommand', async () => {
    const { renderer } = fakeRenderer();
    const bridge = await bridgeWith(renderer);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Reflect.ownKeys(bridge).sort()).toEqual(['host', 'invoke', 'onCommand']);
    expect(bridge.host).toBe('electron');
    expect(() => {
      (bridge as unknown as Record<string, unknown>).invoke = () => Promise.resolve('hijacked');
    }).toThrow(TypeError);
    expect(() => {
      (bridge as unknown as Record<string, unknown>).ipcRenderer = renderer;
    }).toThrow(TypeError);
    expect(Object.values(bridge)).not.toContain(renderer);
  });
});

describe('the preload module', () => {
  it('exposes createBridge(ipcRenderer) as window.copydesk and nothing else', async () => {
    const { fake } = await loadPreload();
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledExactlyOnceWith('copydesk', expect.anything());
    const bridge = fake.exposed.get('copydesk') as {
      host: string;
      invoke: (channel: string, request: unknown) => Promise<unknown>;
      onCommand: (listener: (command: AppCommand) => void) => () => void;
    };
    expect(Reflect.ownKeys(bridge).sort()).toEqual(['host', 'invoke', 'onCommand']);
    expect(Object.isFrozen(bridge)).toBe(true);

    // It is wired to the real ipcRenderer: invoke and the command event go through it.
    await bridge.invoke('docs:list', {});
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('docs:list', {});
    const listener = vi.fn();
    bridge.onCommand(listener);
    fake.ipcRenderer.emit(APP_COMMAND_EVENT, { sender: {} }, { command: 'italic' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ command: 'italic' });
  });
});
