import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listStories } from '../../electron/services/docs-folder';
import {
  LOCK_MAX_AGE_MS,
  acquireLock,
  describeHolder,
  isPidAlive,
  lockPathFor,
  readLock,
  refreshLock,
  releaseLock,
  type LockHolder,
} from '../../electron/services/locks';

let dir: string;
let story: string;
const NOW = new Date('2024-05-01T10:00:00.000Z');
const HOUR = 60 * 60 * 1000;

/** Me, as the desktop app would describe itself. */
const me = { user: 'jo', host: 'newsroom-07', pid: 4242, now: NOW };
const alive = () => true;
const dead = () => false;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-locks-'));
  story = path.join(dir, 'teigen.story');
  await fs.writeFile(story, '{}');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const lockFile = () => path.join(dir, '.~lock.teigen.story#');
const lockJson = async () => JSON.parse(await fs.readFile(lockFile(), 'utf8')) as LockHolder;
async function plantLock(holder: LockHolder) {
  await fs.writeFile(lockFile(), JSON.stringify(holder));
}
const colleague = (overrides: Partial<LockHolder> = {}): LockHolder => ({
  user: 'sam',
  host: 'newsroom-12',
  pid: 777,
  createdAt: new Date(NOW.getTime() - HOUR).toISOString(),
  ...overrides,
});

describe('the lock file', () => {
  it('sits beside the story as .~lock.<name># (hidden, never listed as a story)', async () => {
    expect(lockPathFor('/shared/politics/teigen.story')).toBe(path.join('/shared/politics', '.~lock.teigen.story#'));
    await acquireLock(story, { ...me, isPidAlive: alive });
    expect((await fs.readdir(dir)).sort()).toEqual(['.~lock.teigen.story#', 'teigen.story']);
    expect((await listStories(dir)).map((f) => f.name)).toEqual(['teigen.story']);
  });

  it('holds {user, host, pid, createdAt} as JSON', async () => {
    const result = await acquireLock(story, { ...me, isPidAlive: alive });
    expect(result).toEqual({ ok: true, lockPath: lockFile() });
    expect(await lockJson()).toEqual({ user: 'jo', host: 'newsroom-07', pid: 4242, createdAt: '2024-05-01T10:00:00.000Z' });
    expect(await readLock(story)).toEqual({ user: 'jo', host: 'newsroom-07', pid: 4242, createdAt: '2024-05-01T10:00:00.000Z' });
  });

  it('describes this process by default', async () => {
    await acquireLock(story);
    const holder = await readLock(story);
    expect(holder).toMatchObject({ host: os.hostname(), pid: process.pid });
    expect(Math.abs(Date.parse(holder!.createdAt) - Date.now())).toBeLessThan(60_000);
    expect(await releaseLock(story)).toBe(true);
  });

  it('readLock is null without a lock, and for an unreadable one', async () => {
    expect(await readLock(story)).toBeNull();
    await fs.writeFile(lockFile(), 'not json');
    expect(await readLock(story)).toBeNull();
    await fs.writeFile(lockFile(), JSON.stringify({ user: 'x', host: 'y', pid: 'twelve', createdAt: NOW.toISOString() }));
    expect(await readLock(story)).toBeNull();
  });
});

describe('acquireLock', () => {
  it('our own lock (same host and pid) is ours again', async () => {
    await acquireLock(story, { ...me, isPidAlive: alive });
    const again = await acquireLock(story, { ...me, now: new Date(NOW.getTime() + 1000), isPidAlive: alive });
    expect(again).toEqual({ ok: true, lockPath: lockFile() });
    expect((await lockJson()).createdAt).toBe('2024-05-01T10:00:01.000Z');
  });

  it('refuses a live lock of another process on this computer, naming the holder, and leaves it alone', async () => {
    const holder = colleague({ host: me.host, pid: 9999 });
    await plantLock(holder);
    const isAlive = vi.fn(alive);
    const result = await acquireLock(story, { ...me, isPidAlive: isAlive });
    expect(result).toEqual({ ok: false, lockPath: lockFile(), holder });
    expect(isAlive).toHaveBeenCalledWith(9999);
    expect(await lockJson()).toEqual(holder);
  });

  it('replaces a lock left on this computer by a process that is no longer running', async () => {
    const holder = colleague({ host: me.host, pid: 9999 });
    await plantLock(holder);
    const result = await acquireLock(story, { ...me, isPidAlive: dead });
    expect(result).toEqual({ ok: true, lockPath: lockFile(), replaced: holder });
    expect(await lockJson()).toEqual({ user: 'jo', host: 'newsroom-07', pid: 4242, createdAt: NOW.toISOString() });
  });

  it('with the real process check: a crashed Copydesk’s lock is replaced, a running one’s is not', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const running = colleague({ host: os.hostname(), pid: child.pid! });
      await plantLock(running);
      expect(isPidAlive(child.pid!)).toBe(true);
      expect(await acquireLock(story, { user: 'jo', now: NOW })).toEqual({ ok: false, lockPath: lockFile(), holder: running });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    expect(isPidAlive(child.pid!)).toBe(false);
    const result = await acquireLock(story, { user: 'jo', now: NOW });
    expect(result).toMatchObject({ ok: true, replaced: { pid: child.pid } });
    expect(await lockJson()).toMatchObject({ pid: process.pid, host: os.hostname() });
  });

  it('refuses a fresh lock from another computer without asking about its pid there', async () => {
    const holder = colleague({ createdAt: new Date(NOW.getTime() - 11 * HOUR).toISOString() });
    await plantLock(holder);
    const isAlive = vi.fn(dead);
    const result = await acquireLock(story, { ...me, isPidAlive: isAlive });
    expect(result).toEqual({ ok: false, lockPath: lockFile(), holder });
    expect(isAlive).not.toHaveBeenCalled();
  });

  it('ignores and replaces a lock older than 12 hours, even of a live process', async () => {
    const holder = colleague({ createdAt: new Date(NOW.getTime() - LOCK_MAX_AGE_MS - 1000).toISOString() });
    await plantLock(holder);
    expect(await acquireLock(story, { ...me, isPidAlive: alive })).toEqual({ ok: true, lockPath: lockFile(), replaced: holder });
    expect((await lockJson()).user).toBe('jo');

    const sameHost = colleague({ host: me.host, pid: 1, createdAt: new Date(NOW.getTime() - 13 * HOUR).toISOString() });
    await plantLock(sameHost);
    expect(await acquireLock(story, { ...me, isPidAlive: alive })).toMatchObject({ ok: true, replaced: sameHost });
  });

  it('treats a createdAt far in the future as stale, and a few minutes of clock skew as fresh', async () => {
    const skewed = colleague({ createdAt: new Date(NOW.getTime() + 5 * 60 * 1000).toISOString() });
    await plantLock(skewed);
    expect(await acquireLock(story, { ...me, isPidAlive: alive })).toMatchObject({ ok: false, holder: skewed });
    const bogus = colleague({ createdAt: '2999-01-01T00:00:00.000Z' });
    await plantLock(bogus);
    expect(await acquireLock(story, { ...me, isPidAlive: alive })).toMatchObject({ ok: true, replaced: bogus });
  });

  it('judges a lock with an unreadable createdAt by the age of the file', async () => {
    const holder = colleague({ createdAt: 'yesterday-ish' });
    await plantLock(holder);
    // File times are the wall clock, whatever `now` the caller passes.
    const fileTime = new Date(Date.now() - 2 * HOUR);
    await fs.utimes(lockFile(), fileTime, fileTime);
    expect(await acquireLock(story, { ...me, isPidAlive: alive })).toMatchObject({ ok: false, holder });
    const oldTime = new Date(Date.now() - 13 * HOUR);
    await fs.utimes(lockFile(), oldTime, oldTime);
    expect(await acquireLock(story, { ...me, isPidAlive: alive })).toMatchObject({ ok: true, replaced: holder });
  });

  it('force ("open anyway") takes a live lock; the colleague’s release then leaves ours alone', async () => {
    const holder = colleague();
    await plantLock(holder);
    const result = await acquireLock(story, { ...me, force: true, isPidAlive: alive });
    expect(result).toEqual({ ok: true, lockPath: lockFile(), replaced: holder });
    expect(await lockJson()).toMatchObject({ user: 'jo', pid: 4242 });
    expect(await releaseLock(story, { host: holder.host, pid: holder.pid })).toBe(false);
    expect(await lockJson()).toMatchObject({ user: 'jo', pid: 4242 });
  });

  it('an unreadable lock younger than 10 seconds (being written right now) counts as held', async () => {
    await fs.writeFile(lockFile(), '');
    const justNow = new Date(Math.floor((Date.now() - 2000) / 1000) * 1000); // whole seconds survive utimes exactly
    await fs.utimes(lockFile(), justNow, justNow);
    const result = await acquireLock(story, { ...me, isPidAlive: alive });
    expect(result).toEqual({ ok: false, lockPath: lockFile(), holder: { user: '', host: '', pid: 0, createdAt: justNow.toISOString() } });
    expect(await fs.readFile(lockFile(), 'utf8')).toBe('');
    expect(describeHolder('teigen.story', (result as { holder: LockHolder }).holder)).toBe(
      `"teigen.story" is open by someone since ${justNow.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    );
  });

  it('an unreadable older lock is replaced', async () => {
    await fs.writeFile(lockFile(), '{"user": "half a lo');
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lockFile(), old, old);
    const result = await acquireLock(story, { ...me, isPidAlive: alive });
    expect(result).toEqual({ ok: true, lockPath: lockFile() });
    expect(await lockJson()).toMatchObject({ user: 'jo' });
  });

  it('of ten people opening at once (exclusive create), exactly one gets the lock', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        acquireLock(story, { user: `u${i}`, host: `pc-${i}`, pid: 100 + i, now: NOW, isPidAlive: alive }),
      ),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const holder = await lockJson();
    for (const r of results) if (!r.ok) expect(r.holder).toEqual(holder);
  });

  it('a story in a folder that is gone opens unlocked, with a warning rather than a refusal', async () => {
    const result = await acquireLock(path.join(dir, 'gone', 'x.story'), { ...me, isPidAlive: alive });
    expect(result).toEqual({ ok: true, lockPath: null, warning: 'could not create the lock file (ENOENT)' });
  });
});

describe('releaseLock and refreshLock', () => {
  it('release removes only our own lock', async () => {
    expect(await releaseLock(story, me)).toBe(false);
    await plantLock(colleague());
    expect(await releaseLock(story, me)).toBe(false);
    expect(await lockJson()).toEqual(colleague());

    // Same pid on another computer is not us either.
    await plantLock(colleague({ pid: me.pid }));
    expect(await releaseLock(story, me)).toBe(false);

    await fs.rm(lockFile());
    await acquireLock(story, { ...me, isPidAlive: alive });
    expect(await releaseLock(story, { ...me, pid: me.pid + 1 })).toBe(false);
    expect(await releaseLock(story, me)).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['teigen.story']);
  });

  it('refresh renews our lock so a long day’s editing is not mistaken for a stale lock', async () => {
    await acquireLock(story, { ...me, isPidAlive: alive });
    const tenHoursLater = new Date(NOW.getTime() + 10 * HOUR);
    expect(await refreshLock(story, { ...me, now: tenHoursLater })).toBe(true);
    expect((await lockJson()).createdAt).toBe(tenHoursLater.toISOString());
    // Fourteen hours after opening, a colleague still finds it held.
    const colleagueView = { user: 'sam', host: 'newsroom-12', pid: 1, now: new Date(NOW.getTime() + 14 * HOUR), isPidAlive: alive };
    expect(await acquireLock(story, colleagueView)).toMatchObject({ ok: false, holder: { user: 'jo' } });
  });

  it('refresh does not touch someone else’s lock', async () => {
    await plantLock(colleague());
    expect(await refreshLock(story, me)).toBe(false);
    expect(await lockJson()).toEqual(colleague());
    await fs.rm(lockFile());
    expect(await refreshLock(story, me)).toBe(false);
  });
});

describe('isPidAlive and describeHolder', () => {
  it('is true for this process and false for nonsense pids', () => {
    expect(isPidAlive(process.pid)).toBe(true);
    for (const pid of [0, -1, 1.5, Number.NaN]) expect(isPidAlive(pid)).toBe(false);
  });

  it('describes the holder in one line', () => {
    expect(describeHolder('teigen.story', colleague())).toBe('"teigen.story" is open by sam on newsroom-12 since 2024-05-01 09:00 UTC.');
    expect(describeHolder('a.story', { user: 'line\nbreak', host: '', pid: 1, createdAt: 'garbage' })).toBe(
      '"a.story" is open by line break.',
    );
  });
});
