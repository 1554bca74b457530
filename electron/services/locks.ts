import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * "Someone else has this story open": a lock file beside an open story, so two people on a
 * shared drive do not edit the same story unawares. The file is `.~lock.<name>#` in the
 * story's folder (LibreOffice's convention: hidden on macOS and Linux, recognisable to anyone
 * who has used a shared drive, and never a `.story` file), holding JSON:
 *
 *   { "user": "jo", "host": "newsroom-07", "pid": 4242, "createdAt": "2024-05-01T10:00:00.000Z" }
 *
 * A lock is advisory: it makes Copydesk ask before opening, it never stops a save (the
 * on-disk stamp check does that). A lock is stale — ignored and replaced — when it was made
 * on this computer by a process that is no longer running, or is more than 12 hours old
 * (an app that keeps a story open longer refreshes its lock; see `refreshLock`).
 *
 * The lock is created exclusively (a hard link of a finished temporary file, or `wx` where
 * links are not supported), so of two people opening at once only one gets it, and nobody
 * reads a half-written lock. Replacing a stale lock re-reads it first; two machines replacing the same
 * stale lock in the same instant can still both succeed, as with every lock on a shared
 * drive — that is acceptable for a warning.
 */

export const LOCK_PREFIX = '.~lock.';
export const LOCK_SUFFIX = '#';
export const LOCK_MAX_AGE_MS = 12 * 60 * 60 * 1000;
/** An unreadable lock younger than this may be one being written right now. */
const UNREADABLE_GRACE_MS = 10_000;
const MAX_LOCK_BYTES = 64 * 1024;

export interface LockHolder {
  user: string;
  host: string;
  pid: number;
  createdAt: string;
}

export interface LockIdentity {
  user?: string;
  host?: string;
  pid?: number;
  now?: Date;
}

export interface AcquireOptions extends LockIdentity {
  /** "Open anyway": take the lock even from a live holder. */
  force?: boolean;
  /** Whether a process on this computer is running (injected by tests). */
  isPidAlive?: (pid: number) => boolean;
}

export type AcquireResult =
  /** `lockPath` is null when no lock could be written (a read-only folder): open, but unlocked. */
  { ok: true; lockPath: string | null; replaced?: LockHolder; warning?: string } | { ok: false; lockPath: string; holder: LockHolder };

const LockSchema = z.object({
  user: z.string().max(200),
  host: z.string().max(255),
  pid: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32),
  createdAt: z.string().max(64),
});

export function lockPathFor(storyPath: string): string {
  return path.join(path.dirname(storyPath), `${LOCK_PREFIX}${path.basename(storyPath)}${LOCK_SUFFIX}`);
}

/** `process.kill(pid, 0)`: ESRCH means no such process; EPERM means it exists (someone else's). */
export function isPidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function identity(options: LockIdentity): Required<LockIdentity> {
  return {
    user: options.user ?? currentUser(),
    host: options.host ?? os.hostname(),
    pid: options.pid ?? process.pid,
    now: options.now ?? new Date(),
  };
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}

type LockState =
  | { kind: 'none' }
  | { kind: 'held'; holder: LockHolder; raw: Buffer; mtimeMs: number }
  | { kind: 'unreadable'; raw: Buffer | null; mtimeMs: number };

async function inspect(lockPath: string): Promise<LockState> {
  let raw: Buffer;
  let mtimeMs: number;
  try {
    const stat = await fs.lstat(lockPath);
    mtimeMs = stat.mtimeMs;
    if (!stat.isFile() || stat.size > MAX_LOCK_BYTES) return { kind: 'unreadable', raw: null, mtimeMs };
    raw = await fs.readFile(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'unreadable', raw: null, mtimeMs: 0 };
  }
  try {
    const parsed = LockSchema.safeParse(JSON.parse(raw.toString('utf8')));
    if (parsed.success) return { kind: 'held', holder: parsed.data, raw, mtimeMs };
  } catch {
    // fall through
  }
  return { kind: 'unreadable', raw, mtimeMs };
}

/** Who holds the lock on a story, or null when there is no readable lock. */
export async function readLock(storyPath: string): Promise<LockHolder | null> {
  const state = await inspect(lockPathFor(storyPath));
  return state.kind === 'held' ? state.holder : null;
}

function isOwn(holder: LockHolder, me: Required<LockIdentity>): boolean {
  return holder.pid === me.pid && holder.host === me.host;
}

/** Why a lock no longer counts, or null when it is live. */
export function staleness(
  holder: LockHolder,
  me: { host: string; now: Date },
  alive: (pid: number) => boolean = isPidAlive,
  mtimeMs?: number,
): 'dead-process' | 'too-old' | null {
  if (holder.host === me.host && !alive(holder.pid)) return 'dead-process';
  const created = Date.parse(holder.createdAt);
  // Without a readable createdAt, the file's own time says how old the lock is (file times
  // are the wall clock, not the caller's `now`).
  const age = !Number.isNaN(created) ? me.now.getTime() - created : mtimeMs !== undefined ? Date.now() - mtimeMs : Number.NaN;
  // A time far in the future is as meaningless as one far in the past.
  if (Number.isNaN(age) || Math.abs(age) > LOCK_MAX_AGE_MS) return 'too-old';
  return null;
}

/**
 * Takes the lock on a story about to be opened. Refuses, naming the holder, when someone
 * else holds a live lock (unless `force`); a stale lock, or our own, is replaced.
 */
export async function acquireLock(storyPath: string, options: AcquireOptions = {}): Promise<AcquireResult> {
  const me = identity(options);
  const alive = options.isPidAlive ?? isPidAlive;
  const lockPath = lockPathFor(storyPath);
  const mine: LockHolder = { user: me.user, host: me.host, pid: me.pid, createdAt: me.now.toISOString() };
  const bytes = `${JSON.stringify(mine)}\n`;
  let replaced: LockHolder | undefined;

  for (let attempt = 0; attempt < 3; attempt++) {
    const created = await createExclusive(lockPath, bytes);
    if (created === 'created') return replaced ? { ok: true, lockPath, replaced } : { ok: true, lockPath };
    if (created !== 'exists') return { ok: true, lockPath: null, warning: `could not create the lock file (${created.error})` };
    const state = await inspect(lockPath);
    if (state.kind === 'none') continue; // released meanwhile: try again
    if (state.kind === 'held') {
      const own = isOwn(state.holder, me);
      if (!own && !options.force && staleness(state.holder, me, alive, state.mtimeMs) === null) {
        return { ok: false, lockPath, holder: state.holder };
      }
      if (!own) replaced = state.holder;
    } else if (!options.force && Math.abs(Date.now() - state.mtimeMs) < UNREADABLE_GRACE_MS) {
      // Probably a lock being written this instant: treat it as held by someone unknown.
      return { ok: false, lockPath, holder: { user: '', host: '', pid: 0, createdAt: new Date(state.mtimeMs).toISOString() } };
    }
    // Replace it, but only if it is still the lock we judged.
    const again = await inspect(lockPath);
    if (again.kind !== state.kind || !sameBytes(again, state)) continue;
    try {
      await fs.unlink(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        return {
          ok: true,
          lockPath: null,
          warning: `could not replace the lock file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        };
      }
    }
  }
  // Someone keeps taking it between our attempts: report whoever holds it now.
  const final = await inspect(lockPath);
  if (final.kind === 'held' && !isOwn(final.holder, me)) return { ok: false, lockPath, holder: final.holder };
  return { ok: true, lockPath: null, warning: 'could not take the lock file' };
}

/**
 * Creates the lock only if there is none, whole or not at all: the JSON goes to a temporary
 * file that is then hard-linked into place (link fails if the name exists), so nobody ever
 * reads a half-written lock. Where hard links are not supported, an exclusive create (`wx`).
 */
async function createExclusive(lockPath: string, bytes: string): Promise<'created' | 'exists' | { error: string }> {
  const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'error';
  const temp = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx' });
  } catch (error) {
    return { error: codeOf(error) };
  }
  try {
    await fs.link(temp, lockPath);
    return 'created';
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return 'exists';
    try {
      await fs.writeFile(lockPath, bytes, { flag: 'wx' });
      return 'created';
    } catch (fallbackError) {
      return codeOf(fallbackError) === 'EEXIST' ? 'exists' : { error: codeOf(fallbackError) };
    }
  } finally {
    await fs.unlink(temp).catch(() => {});
  }
}

function sameBytes(a: LockState, b: LockState): boolean {
  if (a.kind === 'none' || b.kind === 'none') return a.kind === b.kind;
  if (a.raw === null || b.raw === null) return a.raw === b.raw && a.mtimeMs === b.mtimeMs;
  return a.raw.equals(b.raw);
}

/** Removes the lock if it is ours (same host and pid); someone else's is left alone. */
export async function releaseLock(storyPath: string, options: LockIdentity = {}): Promise<boolean> {
  const me = identity(options);
  const lockPath = lockPathFor(storyPath);
  const state = await inspect(lockPath);
  if (state.kind !== 'held' || !isOwn(state.holder, me)) return false;
  try {
    await fs.unlink(lockPath);
    return true;
  } catch {
    return false;
  }
}

/**
 * Renews our lock's `createdAt` (call it every hour or so while a story stays open, so a
 * long day's editing is not mistaken for a stale lock). False when the lock is no longer ours.
 */
export async function refreshLock(storyPath: string, options: LockIdentity = {}): Promise<boolean> {
  const me = identity(options);
  const lockPath = lockPathFor(storyPath);
  const state = await inspect(lockPath);
  if (state.kind !== 'held' || !isOwn(state.holder, me)) return false;
  const renewed: LockHolder = { ...state.holder, user: me.user, createdAt: me.now.toISOString() };
  try {
    await fs.writeFile(lockPath, `${JSON.stringify(renewed)}\n`);
    return true;
  } catch {
    return false;
  }
}

/** One line for the "open anyway?" prompt. */
export function describeHolder(storyName: string, holder: LockHolder): string {
  const who = holder.user.trim() || 'someone';
  const where = holder.host.trim() ? ` on ${holder.host.trim()}` : '';
  const created = Date.parse(holder.createdAt);
  const since = Number.isNaN(created) ? '' : ` since ${new Date(created).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `"${storyName}" is open by ${who}${where}${since}.`.replace(/\s+/g, ' ').slice(0, 300);
}
