import { promises as fs } from 'node:fs';
import { looksLikeZip } from '../../shared/story/container';
import { MAX_CONTAINER_BYTES, type Story } from '../../shared/story/schema';
import { readContainer, type ContainerEntry } from '../services/story-container';

export interface OpenedContainerStory {
  story: Story;
  /** What was set aside (a damaged photo…), one line each. */
  notes: string[];
  /** Each photo's original bytes, by key. */
  assetBytes: Map<string, Buffer>;
  others: ContainerEntry[];
}

/** Whether a file starts like a zip (a `.story` container) rather than a JSON text. */
export async function isContainerFile(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return looksLikeZip(head);
  } finally {
    await handle.close();
  }
}

/**
 * A `.story` container through the one door, read from its path (random access: the file is
 * never read whole). Null when the file is not a container (a JSON text: the caller reads it);
 * a string is the one-line reason it cannot be used.
 */
export async function openStoryContainer(
  file: string,
  size: number,
  options: { withData: boolean } = { withData: true },
): Promise<OpenedContainerStory | string | null> {
  if (!(await isContainerFile(file))) return null;
  if (size > MAX_CONTAINER_BYTES) return 'too large to open (the limit is 2 GB)';
  const opened = await readContainer(file, options);
  if (typeof opened === 'string') return opened;
  if (!opened.restored.ok) return opened.restored.reason;
  return { story: opened.restored.story, notes: opened.restored.notes ?? [], assetBytes: opened.assetBytes, others: opened.others };
}
