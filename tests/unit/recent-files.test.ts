import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_RECENT,
  RECENT_FILE,
  addRecent,
  missingNote,
  pruneMissing,
  recentFiles,
  recentLabel,
  removeRecent,
} from '../../electron/services/recent-files';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-recent-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function story(name: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, '{}');
  return file;
}

describe('the recent list', () => {
  it('puts the newest first, once, and keeps the last ten', () => {
    let list: string[] = [];
    for (let i = 1; i <= 12; i++) list = addRecent(list, `/news/story-${i}.story`, 'linux');
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe('/news/story-12.story');
    expect(list.at(-1)).toBe('/news/story-3.story');
    list = addRecent(list, '/news/story-5.story', 'linux');
    expect(list[0]).toBe('/news/story-5.story');
    expect(list.filter((f) => f === '/news/story-5.story')).toHaveLength(1);
    expect(list).toHaveLength(MAX_RECENT);
  });

  it('treats names differing only in case as one file on macOS and Windows, two on Linux', () => {
    expect(addRecent(['/news/Budget.story'], '/news/budget.story', 'darwin')).toEqual(['/news/budget.story']);
    expect(addRecent(['C:\\News\\Budget.story'], 'c:\\news\\budget.story', 'win32')).toEqual(['c:\\news\\budget.story']);
    expect(addRecent(['/news/Budget.story'], '/news/budget.story', 'linux')).toEqual(['/news/budget.story', '/news/Budget.story']);
    expect(removeRecent(['/a.story', '/b.story'], '/A.story', 'darwin')).toEqual(['/b.story']);
  });

  it('labels two stories of the same name with their folders, and escapes & for menus', () => {
    const list = ['/desk/a/budget.story', '/desk/b/budget.story', '/desk/Q&A.story'];
    expect(recentLabel(list[0]!, list)).toBe('budget.story — /desk/a');
    expect(recentLabel(list[2]!, list)).toBe('Q&&A.story');
  });

  it('prunes stories that are no longer there and says which', async () => {
    const kept = await story('kept.story');
    const result = await pruneMissing([path.join(dir, 'gone.story'), kept, dir]);
    expect(result).toEqual({ kept: [kept], missing: [path.join(dir, 'gone.story'), dir] });
    expect(missingNote(['/x/gone.story'])).toBe(
      'gone.story is no longer where it was (moved, renamed or deleted), so it was removed from Open Recent.',
    );
    expect(missingNote(['/a.story', '/b.story', '/c.story', '/d.story', '/e.story'])).toMatch(
      /^a\.story, b\.story, c\.story and 2 more are no longer/,
    );
    expect(missingNote([])).toBe('');
  });
});

describe('the recent store in the user-data folder', () => {
  it('remembers across runs and drops missing stories on load', async () => {
    const a = await story('a.story');
    const b = await story('b.story');
    const first = recentFiles(dir);
    await first.load();
    await first.add(a);
    await first.add(b);
    await fs.rm(a);

    const next = recentFiles(dir);
    expect(await next.load()).toEqual({ missing: [a] });
    expect(next.list()).toEqual([b]);
    // The pruned list is what is stored now.
    expect(JSON.parse(await fs.readFile(path.join(dir, RECENT_FILE), 'utf8'))).toEqual({ files: [b] });
    await next.clear();
    const third = recentFiles(dir);
    await third.load();
    expect(third.list()).toEqual([]);
  });

  it('starts empty from a damaged or wrongly shaped file instead of failing', async () => {
    await fs.writeFile(path.join(dir, RECENT_FILE), '{"files": [1, 2');
    const store = recentFiles(dir);
    expect(await store.load()).toEqual({ missing: [] });
    expect(store.list()).toEqual([]);
    await fs.writeFile(path.join(dir, RECENT_FILE), '{"files": "not a list"}');
    await store.load();
    expect(store.list()).toEqual([]);
  });

  it('keeps working when the user-data folder cannot be written', async () => {
    const blocked = path.join(dir, 'blocked');
    await fs.writeFile(blocked, 'a file where the folder should be');
    const store = recentFiles(blocked);
    await store.load();
    await store.add('/news/a.story');
    expect(store.list()).toEqual(['/news/a.story']);
  });
});
