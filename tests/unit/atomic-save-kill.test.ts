import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStories } from '../../electron/services/docs-folder';
import {
  BACKUP_SUFFIX,
  isTempFileOf,
  readStoryFile,
  removeLeftoverTempFiles,
  storyBytesFor,
  writeStoryFile,
} from '../../electron/services/story-files';
import { restoreStoryText, serializeStory } from '../../shared/story';
import { largeStory, richStory } from './support/rich-story';
import { mulberry32 } from '../fixtures/random';

/**
 * DESIGN.md section 6, "a crash leaves either the old or the new story, never a mix", tested
 * the hard way: a child process saves one story in a loop with the real `writeStoryFile`,
 * alternately a small version and a ~2.5 MB one, and is killed with SIGKILL at random
 * moments, hundreds of times. After every kill the story and its backup must each be exactly
 * one of the two versions, and the temporary files a kill leaves must never pass for the story.
 */

const KILLS = 200;
/**
 * Two save loops side by side (each on its own story), so both cores are busy: one saves the
 * `.story` container, the other the `.story.json` text.
 */
const LANES = 2;
const NAMES = ['council-budget.story', 'council-budget.story.json'] as const;

let work: string;
let bundle: string;
let small: string;
let large: string;
let smallPath: string;
let largePath: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-kill-'));
  // One bundle, built once, so each restart is a bare Node start-up (~50 ms), not a TS compile.
  bundle = path.join(work, 'save-loop.mjs');
  buildSync({
    entryPoints: [path.join(__dirname, 'support', 'save-loop.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    outfile: bundle,
    // write-file-atomic is CommonJS: it requires Node built-ins and hashes its __filename.
    banner: {
      js: [
        "import { createRequire as __cdCreateRequire } from 'node:module';",
        "import { fileURLToPath as __cdFileURLToPath } from 'node:url';",
        'const require = __cdCreateRequire(import.meta.url);',
        'const __filename = __cdFileURLToPath(import.meta.url);',
      ].join('\n'),
    },
    logLevel: 'silent',
  });
  small = serializeStory(richStory('council-budget'));
  large = serializeStory({ ...largeStory({ megabytes: 2.5, paragraphs: 150, seed: 11 }), id: 'council-budget' });
  smallPath = path.join(work, 'small.txt');
  largePath = path.join(work, 'large.txt');
  await fs.writeFile(smallPath, small);
  await fs.writeFile(largePath, large);
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

/** A seeded generator, so a failure can be replayed with the seed in its message. */
const random = mulberry32;

/** The bytes on disk of each version, by file name (the container's for a `.story`). */
const onDisk = new Map<string, { small: Buffer; large: Buffer }>();

/** Which known version a file's bytes are: 'small', 'large' or null (empty, truncated, mixed…). */
function versionOf(name: string, bytes: Buffer): 'small' | 'large' | null {
  const known = onDisk.get(name)!;
  return bytes.equals(known.small) ? 'small' : bytes.equals(known.large) ? 'large' : null;
}

const startsWith = (whole: Buffer, part: Buffer) => part.length <= whole.length && whole.subarray(0, part.length).equals(part);

const startupMs: number[] = [];

interface Run {
  saves: number;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the save loop, waits until it says it is looping, kills it `delayMs` later. */
function runAndKill(file: string, delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, file, smallPath, largePath], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // V8's code cache for the bundle, shared by every restart.
      env: { ...process.env, NODE_COMPILE_CACHE: path.join(work, 'compile-cache') },
    });
    const started = performance.now();
    let out = '';
    let stderr = '';
    let armed = false;
    const startup = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the save loop did not start within 15 s: ${stderr}`));
    }, 15_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!armed && out.includes('looping\n')) {
        armed = true;
        startupMs.push(performance.now() - started);
        clearTimeout(startup);
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (_code, signal) => {
      clearTimeout(startup);
      resolve({ saves: out.split('\n').filter((l) => l.startsWith('saved ')).length, signal, stderr });
    });
  });
}

interface Seen {
  small: number;
  large: number;
  backups: number;
  killedMidWrite: number;
  tempFiles: number;
  saves: number;
  completeUnrenamed: number;
}

/** One save loop on its own story, killed `kills` times; every check is made after every kill. */
async function lane(storyDir: string, NAME: string, kills: number, next: () => number, where: (kill: number) => string, seen: Seen) {
  const file = path.join(storyDir, NAME);
  onDisk.set(NAME, { small: await storyBytesFor(file, small), large: await storyBytesFor(file, large) });
  const known = onDisk.get(NAME)!;
  await writeStoryFile(file, small, { expected: null });

  for (let kill = 0; kill < kills; kill++) {
    const delay = 5 + Math.floor(next() * 56); // 5–60 ms after the loop starts
    const run = await runAndKill(file, delay);
    // It must have died of our SIGKILL, not of an error of its own.
    expect(run.signal, `${where(kill)} the save loop exited by itself: ${run.stderr}`).toBe('SIGKILL');
    seen.saves += run.saves;

    const entries = await fs.readdir(storyDir);
    const temps = entries.filter((e) => isTempFileOf(NAME, e));
    const others = entries.filter((e) => e !== NAME && e !== NAME + BACKUP_SUFFIX && !temps.includes(e));
    expect(others, where(kill)).toEqual([]);
    if (temps.length > 0) seen.killedMidWrite++;
    seen.tempFiles += temps.length;

    // The story: exactly one of the two versions, and it restores.
    const bytes = await fs.readFile(file);
    const version = versionOf(NAME, bytes);
    expect(version, `${where(kill)} the story is neither version (${bytes.length} bytes)`).not.toBeNull();
    const text = version === 'small' ? small : large;
    seen[version!]++;
    // Byte-equality with a version proven to restore is the stronger check; running the door
    // itself on a sample keeps it honest without spending the time budget on parsing.
    if (kill % 10 === 0) expect(restoreStoryText((await readStoryFile(file)).text).ok, where(kill)).toBe(true);

    // The backup, if there is one yet: also a whole version.
    const backup = await fs.readFile(file + BACKUP_SUFFIX).catch(() => null);
    if (backup !== null) {
      seen.backups++;
      expect(versionOf(NAME, backup), `${where(kill)} the backup is neither version (${backup.length} bytes)`).not.toBeNull();
    }

    // Temporary files never pass for the story: not listed, not what opening reads.
    expect(
      (await listStories(storyDir)).map((f) => f.name),
      where(kill),
    ).toEqual([NAME]);
    expect((await readStoryFile(file)).text === text, where(kill)).toBe(true);

    // Every tenth kill, sweep the leftovers the way a later save would (but at once), checking
    // the rule: partial writes and copies go; a complete, different version is kept.
    if (kill % 10 === 9) {
      const before = new Map<string, Buffer>();
      for (const temp of (await fs.readdir(storyDir)).filter((e) => isTempFileOf(NAME, e))) {
        const content = await fs.readFile(path.join(storyDir, temp));
        // A temporary file is the start of one version: a write cut short, never a mix.
        expect(
          startsWith(known.small, content) || startsWith(known.large, content),
          `${where(kill)} ${temp} is not a prefix of a version`,
        ).toBe(true);
        before.set(temp, content);
      }
      const story = await fs.readFile(file);
      const bak = await fs.readFile(file + BACKUP_SUFFIX).catch(() => null);
      const { removed, kept } = await removeLeftoverTempFiles(file, { olderThanMs: 0, now: Date.now() + 1000 });
      const shouldKeep = [...before]
        .filter(([, c]) => versionOf(NAME, c) !== null && !c.equals(story) && !(bak !== null && c.equals(bak)))
        .map(([t]) => t);
      expect(kept.sort(), where(kill)).toEqual(shouldKeep.sort());
      expect([...removed, ...kept].sort(), where(kill)).toEqual([...before.keys()].sort());
      seen.completeUnrenamed += kept.length;
      // Those hold a whole version nobody asked to lose; the test, not the app, tidies them.
      for (const temp of kept) await fs.rm(path.join(storyDir, temp));
      expect((await fs.readFile(file)).equals(story), where(kill)).toBe(true);
    }
  }

  // The next save, with whatever the last kill left behind, just works.
  const opened = await readStoryFile(file);
  const other = opened.text === small ? large : small;
  const saved = await writeStoryFile(file, other, { expected: opened.stamp });
  const otherBytes = other === small ? known.small : known.large;
  expect((await fs.readFile(file)).equals(otherBytes)).toBe(true);
  expect(saved.stamp.size).toBe(otherBytes.length);
  expect((await fs.readFile(file + BACKUP_SUFFIX)).equals(other === small ? known.large : known.small)).toBe(true);
  await removeLeftoverTempFiles(file, { olderThanMs: 0, now: Date.now() + 1000 });
  for (const temp of (await fs.readdir(storyDir)).filter((e) => isTempFileOf(NAME, e))) {
    expect(versionOf(NAME, await fs.readFile(path.join(storyDir, temp)))).not.toBeNull();
  }
}

describe('atomic save under SIGKILL', () => {
  it(`the story and its backup are always a whole version, across ${KILLS} kills mid-save`, async () => {
    // Both versions are real stories that restore to themselves.
    for (const text of [small, large]) {
      const restored = restoreStoryText(text);
      expect(restored.ok).toBe(true);
      expect(restored.ok && serializeStory(restored.story) === text).toBe(true);
    }
    expect(large.length).toBeGreaterThan(2 * 1024 * 1024);

    const seed = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
    const seen: Seen = { small: 0, large: 0, backups: 0, killedMidWrite: 0, tempFiles: 0, saves: 0, completeUnrenamed: 0 };
    await Promise.all(
      Array.from({ length: LANES }, async (_, laneNo) => {
        const storyDir = path.join(work, `stories-${laneNo + 1}`);
        await fs.mkdir(storyDir);
        const next = random(seed + laneNo);
        await lane(storyDir, NAMES[laneNo]!, KILLS / LANES, next, (kill) => `(seed ${seed}, ${NAMES[laneNo]}, kill ${kill + 1})`, seen);
      }),
    );

    // The kills really landed in the middle of saves, on both versions.
    const median = [...startupMs].sort((a, b) => a - b)[Math.floor(startupMs.length / 2)]!;
    const summary = JSON.stringify({ seed, kills: startupMs.length, ...seen, medianStartupMs: Math.round(median) });
    expect(startupMs.length, summary).toBe(KILLS);
    expect(seen.saves, summary).toBeGreaterThan(KILLS / 10);
    expect(seen.small, summary).toBeGreaterThan(KILLS / 10);
    expect(seen.large, summary).toBeGreaterThan(KILLS / 10);
    expect(seen.killedMidWrite, summary).toBeGreaterThan(KILLS / 10);
    expect(seen.backups, summary).toBeGreaterThan(KILLS / 2);
    console.log(`atomic-save-kill: ${summary}`);
  }, 240_000);
});
