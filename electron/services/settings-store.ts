import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../shared/settings';
import { StoryFileError, reasonFor } from './story-files';

/**
 * Settings live in one JSON file per user. A damaged file is set aside (never deleted) and
 * defaults are used; a bad change is refused before anything is written.
 */
export async function loadSettings(file: string): Promise<Settings> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(DEFAULT_SETTINGS);
    throw new StoryFileError(`Could not read your settings: ${reasonFor(error)}.`, 'io');
  }
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data as Settings;
  } catch {
    // fall through: unreadable JSON
  }
  await fs.rename(file, `${file}.damaged-${Date.now()}`).catch(() => {});
  return structuredClone(DEFAULT_SETTINGS);
}

export async function saveSettings(file: string, settings: unknown): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoryFileError(`Settings not saved: ${issue?.path.join(' ') ?? ''} ${issue?.message ?? 'invalid'}`.trim(), 'invalid');
  }
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify(parsed.data, null, 2)}\n`, { fsync: true });
  } catch (error) {
    throw new StoryFileError(`Could not save your settings: ${reasonFor(error)}.`, 'io');
  }
  return parsed.data as Settings;
}
