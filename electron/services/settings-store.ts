import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { HelplinePresetSchema } from '../../shared/blocks/helpline';
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
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = SettingsSchema.safeParse(data);
  if (parsed.success) return parsed.data as Settings;
  // Keep a copy of what was there, then salvage every part that is still valid (one bad
  // preset must not cost the user the others).
  await fs.copyFile(file, `${file}.damaged-${Date.now()}`).catch(() => {});
  return salvage(data);
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

function salvage(data: unknown): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  if (typeof data !== 'object' || data === null) return settings;
  const record = data as Record<string, unknown>;
  const shape = SettingsSchema.shape;
  const creditStyle = shape.creditStyle.safeParse(record.creditStyle);
  if (creditStyle.success) settings.creditStyle = creditStyle.data;
  const tweetLookup = shape.tweetLookup.safeParse(record.tweetLookup);
  if (tweetLookup.success) settings.tweetLookup = tweetLookup.data;
  const theme = shape.theme.safeParse(record.theme);
  if (theme.success) settings.theme = theme.data;
  const authorName = shape.authorName.safeParse(record.authorName);
  if (authorName.success) settings.authorName = authorName.data;
  const lastExport = shape.lastExport.safeParse(record.lastExport);
  if (lastExport.success) settings.lastExport = lastExport.data;
  if (Array.isArray(record.helplinePresets)) {
    const seen = new Set<string>();
    for (const candidate of record.helplinePresets) {
      const preset = HelplinePresetSchema.safeParse(candidate);
      if (preset.success && !seen.has(preset.data.id)) {
        seen.add(preset.data.id);
        settings.helplinePresets.push(preset.data as Settings['helplinePresets'][number]);
      }
    }
  }
  return settings;
}
