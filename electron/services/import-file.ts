import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { READERS, readInput } from '../cli/import';
import { formatImportSummary } from '../../shared/import/plain-text';
import { restoreStory } from '../../shared/story/restore';
import { serializeStory } from '../../shared/story/create';
import { StoryFileError } from './story-files';

/** Extensions File → Import… offers (the CLI's readers). */
export const IMPORT_EXTENSIONS = ['txt', 'html', 'htm', 'docx'] as const;

/**
 * Turns a .txt, .html or .docx file into a new (unsaved) story, with the same readers as
 * `copydesk import`. Returns the story's text (it has passed restoreStory) and the summary.
 */
export async function importStoryFile(filePath: string): Promise<{ text: string; summary: string; name: string }> {
  const name = path.basename(filePath);
  const reader = READERS[path.extname(filePath).toLowerCase()];
  if (!reader) throw new StoryFileError(`Could not import "${name}": Copydesk imports .txt, .html and .docx files.`, 'invalid');
  const bytes = await readInput(filePath);
  if (typeof bytes === 'string') throw new StoryFileError(`Could not import "${name}": it ${bytes.replace(/^is /, 'is ')}.`, 'invalid');
  let result;
  try {
    result = await reader(bytes, { file: filePath, id: randomUUID(), now: new Date() });
  } catch (error) {
    throw new StoryFileError(`Could not import "${name}": ${error instanceof Error ? error.message : String(error)}.`, 'invalid');
  }
  if (!result.ok) throw new StoryFileError(`Could not import "${name}": it ${result.reason}.`, 'invalid');
  const restored = restoreStory(result.story);
  if (!restored.ok) throw new StoryFileError(`Could not import "${name}": ${restored.reason}.`, 'invalid');
  return { text: serializeStory(restored.story), summary: formatImportSummary(result.summary), name };
}
