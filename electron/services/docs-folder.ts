import { promises as fs } from 'node:fs';
import path from 'node:path';
import { JSON_STORY_EXTENSION } from '../../shared/story/container';
import { STORY_EXTENSION, StoryFileError } from './story-files';

/** Files with the given extensions (default `.story` and `.story.json`) directly inside a folder, newest first. A missing folder is an empty list. */
export async function listStories(
  folder: string,
  extensions: readonly string[] = [STORY_EXTENSION, JSON_STORY_EXTENSION],
): Promise<{ name: string; path: string; size: number; mtimeMs: number }[]> {
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = await Promise.all(
    entries
      .filter((e) => e.isFile() && !e.name.startsWith('.') && extensions.some((ext) => e.name.toLowerCase().endsWith(ext)))
      .map(async (e) => {
        const full = path.join(folder, e.name);
        const stat = await fs.stat(full);
        return { name: e.name, path: full, size: stat.size, mtimeMs: stat.mtimeMs };
      }),
  );
  return files.sort((a, b) => b.mtimeMs - a.mtimeMs || a.name.localeCompare(b.name));
}

/**
 * Resolves `requested` (absolute, or relative to `folder`) and refuses anything outside
 * `folder`: `..` and absolute paths elsewhere get the same one-line refusal.
 */
export function resolveInside(folder: string, requested: string): string {
  const root = path.resolve(folder);
  const resolved = path.resolve(root, requested);
  const relative = path.relative(root, resolved);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw new StoryFileError(`"${requested.slice(0, 200)}" is outside the documents folder.`, 'forbidden');
  }
  return resolved;
}
