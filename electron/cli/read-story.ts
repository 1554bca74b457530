import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CUT_SHORT_REASON, restoreStoryText } from '../../shared/story/restore';
import { MAX_STORY_BYTES, type Story } from '../../shared/story/schema';
import { openStoryContainer } from './container-story';

/** A story file through the one door, or the reason it cannot be used ("no such file"). */
export async function readStory(file: string): Promise<Story | string> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return 'is a folder, not a story';
    const container = await openStoryContainer(file, stat.size);
    if (container !== null) return typeof container === 'string' ? container : container.story;
    if (stat.size > MAX_STORY_BYTES) return 'too large to open (the limit is 500 MB)';
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    return `cannot be read (${code ?? 'unknown error'})`;
  }
  const result = restoreStoryText(text);
  if (result.ok) return result.story;
  if (result.reason === CUT_SHORT_REASON) {
    // Every save keeps the previous version beside the story: point the user at it.
    const backup = `${file}.bak`;
    const hasBackup = await fs.stat(backup).then(
      (s) => s.isFile(),
      () => false,
    );
    if (hasBackup) return `${CUT_SHORT_REASON}; a backup may be beside it: ${path.basename(backup)}`;
  }
  return result.reason;
}
