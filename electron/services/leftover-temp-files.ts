import { promises as fs } from 'node:fs';
import path from 'node:path';
import { looksLikeZip } from '../../shared/story/container';
import { restoreStoryText } from '../../shared/story/restore';
import { MAX_CONTAINER_BYTES } from '../../shared/story/schema';
import { readContainer } from './story-container';

/** The previous version kept beside a story: `<name>.story.bak`. */
export const BACKUP_SUFFIX = '.bak';

/** Leftover temporary files younger than this may belong to a save still in progress. */
export const TEMP_FILE_MAX_AGE_MS = 10 * 60 * 1000;

/**
 * write-file-atomic names its temporary file `<name>.<uint32>` beside the target; a save
 * killed between creating and renaming it leaves one behind (for the story and for its
 * `.bak`). These are never `.story` files, so nothing lists or opens them by mistake.
 */
export function isTempFileOf(storyName: string, candidate: string): boolean {
  for (const base of [storyName, storyName + BACKUP_SUFFIX]) {
    if (candidate.length > base.length + 1 && candidate.startsWith(`${base}.`) && /^\d{1,10}$/.test(candidate.slice(base.length + 1))) {
      return true;
    }
  }
  return false;
}

/**
 * Removes temporary files left beside `filePath` by interrupted saves, once older than
 * `olderThanMs`. Only what holds no words of its own goes: a partial write (not a readable
 * story) or a copy of the story or its backup. A complete story that differs from both — a
 * save killed just before its rename — is kept, as is anything that is not a plain file.
 */
export async function removeLeftoverTempFiles(
  filePath: string,
  options: { olderThanMs?: number; now?: number } = {},
): Promise<{ removed: string[]; kept: string[] }> {
  const olderThanMs = options.olderThanMs ?? TEMP_FILE_MAX_AGE_MS;
  const now = options.now ?? Date.now();
  const folder = path.dirname(filePath);
  const name = path.basename(filePath);
  const removed: string[] = [];
  const kept: string[] = [];
  const candidates = (await fs.readdir(folder)).filter((entry) => isTempFileOf(name, entry));
  if (candidates.length === 0) return { removed, kept };
  const known = await Promise.all([filePath, filePath + BACKUP_SUFFIX].map((f) => fs.readFile(f).catch(() => null)));
  for (const candidate of candidates.sort()) {
    const full = path.join(folder, candidate);
    try {
      const stat = await fs.lstat(full);
      if (!stat.isFile() || now - stat.mtimeMs < olderThanMs || stat.size > MAX_CONTAINER_BYTES) {
        kept.push(candidate);
        continue;
      }
      const bytes = await fs.readFile(full);
      const holdsNothingNew = known.some((k) => k !== null && k.equals(bytes)) || !(await isWholeStory(bytes));
      if (holdsNothingNew) {
        await fs.unlink(full);
        removed.push(candidate);
      } else {
        kept.push(candidate);
      }
    } catch {
      kept.push(candidate);
    }
  }
  return { removed, kept };
}

/** Whether bytes are a complete story, container or text (a write cut short is neither). */
async function isWholeStory(bytes: Buffer): Promise<boolean> {
  if (!looksLikeZip(bytes)) return restoreStoryText(bytes.toString('utf8')).ok;
  const opened = await readContainer(bytes, { withData: false });
  return typeof opened !== 'string' && opened.restored.ok;
}
