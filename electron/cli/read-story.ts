import { promises as fs } from 'node:fs';
import { restoreStoryText } from '../../shared/story/restore';
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
  return result.ok ? result.story : result.reason;
}
