import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { jsonStore, type JsonStore } from './json-store';

/**
 * File → Open Recent: the last stories opened or saved, newest first. Pure list functions,
 * and a store in the user-data folder (`recent.json`). The OS's own lists (macOS Dock and
 * Recent Items, Windows jump list, GNOME recent files) are fed from main.ts.
 */

export const MAX_RECENT = 10;
export const RECENT_FILE = 'recent.json';

const RecentSchema = z.object({ files: z.array(z.string().min(1).max(4096)).max(100) });

/** `file` moves to the top (once), the list keeps the newest MAX_RECENT. */
export function addRecent(list: readonly string[], file: string, platform: NodeJS.Platform = process.platform): string[] {
  const key = sameFileKey(platform);
  return [file, ...list.filter((f) => key(f) !== key(file))].slice(0, MAX_RECENT);
}

export function removeRecent(list: readonly string[], file: string, platform: NodeJS.Platform = process.platform): string[] {
  const key = sameFileKey(platform);
  return list.filter((f) => key(f) !== key(file));
}

/** macOS and Windows compare names case-insensitively by default; Linux does not. */
function sameFileKey(platform: NodeJS.Platform): (file: string) => string {
  return platform === 'darwin' || platform === 'win32' ? (f) => f.toLowerCase() : (f) => f;
}

/** Splits the list into the stories still there and the ones gone (moved, renamed, deleted). */
export async function pruneMissing(
  list: readonly string[],
  exists: (file: string) => Promise<boolean> = fileExists,
): Promise<{ kept: string[]; missing: string[] }> {
  const present = await Promise.all(list.map((file) => exists(file)));
  return { kept: list.filter((_, i) => present[i]), missing: list.filter((_, i) => !present[i]) };
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The note shown when stories that are no longer there leave the list. */
export function missingNote(missing: readonly string[]): string {
  if (missing.length === 0) return '';
  const names = missing.map((f) => path.basename(f));
  const shown = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return missing.length === 1
    ? `${shown} is no longer where it was (moved, renamed or deleted), so it was removed from Open Recent.`
    : `${shown} are no longer where they were (moved, renamed or deleted), so they were removed from Open Recent.`;
}

/** The menu label: the file name, with its folder to tell two "budget.story" apart. */
export function recentLabel(file: string, list: readonly string[]): string {
  const name = path.basename(file);
  const twins = list.filter((f) => path.basename(f) === name).length > 1;
  // "&" starts a mnemonic in menu labels on Windows and Linux.
  const label = twins ? `${name} — ${path.dirname(file)}` : name;
  return label.replace(/&/g, '&&');
}

export interface RecentFiles {
  list(): readonly string[];
  /** Reads the stored list; missing stories are dropped and returned for a note. */
  load(): Promise<{ missing: string[] }>;
  add(file: string): Promise<void>;
  remove(file: string): Promise<void>;
  clear(): Promise<void>;
}

export function recentFiles(userDataDir: string, options: { exists?: (file: string) => Promise<boolean> } = {}): RecentFiles {
  const store: JsonStore<{ files: string[] }> = jsonStore(path.join(userDataDir, RECENT_FILE), RecentSchema, () => ({ files: [] }));
  let files: string[] = [];
  const save = () => store.write({ files });
  return {
    list: () => files,
    async load() {
      const stored = (await store.read()).files.slice(0, MAX_RECENT);
      const { kept, missing } = await pruneMissing(stored, options.exists);
      files = kept;
      if (missing.length > 0) await save();
      return { missing };
    },
    async add(file) {
      files = addRecent(files, file);
      await save();
    },
    async remove(file) {
      files = removeRecent(files, file);
      await save();
    },
    async clear() {
      files = [];
      await save();
    },
  };
}
