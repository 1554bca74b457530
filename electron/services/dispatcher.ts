import path from 'node:path';
import { type CHANNELS, isChannel, parseRequest, type Channel, type ResponseOf, type Result } from '../../shared/ipc';
import type { z } from 'zod';
import { listStories } from './docs-folder';
import { IMPORT_EXTENSIONS, importStoryFile } from './import-file';
import { createJournal, type Journal } from './journal';
import { acquireLock, describeHolder, releaseLock } from './locks';
import { removeExportFiles, writeExportFile } from './export-files';
import { loadSettings, saveSettings } from './settings-store';
import { lookupTweet } from './tweet-lookup';
import { lookupEmbed } from './embed-lookup';
import { STORY_EXTENSION, StoryFileError, readStoryFile, writeStoryFile } from './story-files';
import { JSON_STORY_EXTENSION } from '../../shared/story/container';

/** What differs between hosts: how the user picks a file and what a window is. */
export interface HostAdapter {
  /** Returns an absolute path, or null if the user canceled. */
  pickStoryToOpen(): Promise<string | null>;
  /** Returns an absolute path, or null if the user canceled. */
  pickSavePath(suggestedName: string): Promise<string | null>;
  /** A file to import; returns an absolute path, or null if the user canceled. */
  pickImportFile(): Promise<string | null>;
  /** Where to export; returns an absolute path, or null if the user canceled. */
  pickExportPath(suggestedName: string, extension: 'html' | 'json'): Promise<string | null>;
  /** Throws a StoryFileError('forbidden') for paths this host must not touch. */
  checkPath(filePath: string): string;
  /** The folder the documents list shows (the harness's --docs, the user's Copydesk folder). */
  docsFolder(): string;
  /** Where unsaved stories are journalled for crash recovery. */
  recoveryFolder(): string;
  /** Where this user's settings file lives. */
  settingsFile(): string;
  /** "Your name" when Settings leave it empty: the OS account's full name, else its user name. */
  defaultAuthorName(): string;
  /** The window has subscribed to commands. */
  windowReady(): void;
  setWindowState(state: { title: string; dirty: boolean }): void;
  closeWindow(): void;
}

type Parsed<C extends Channel> = z.output<(typeof CHANNELS)[C]['request']>;
type Handlers = { [C in Channel]: (request: Parsed<C>) => Promise<ResponseOf<C>> };

export function createHandlers(host: HostAdapter): Handlers {
  let journal: Journal | null = null;
  const journalFor = () => (journal ??= createJournal(host.recoveryFolder()));
  return {
    'story:open-dialog': async () => {
      const picked = await host.pickStoryToOpen();
      if (picked === null) return { canceled: true as const };
      return { canceled: false as const, ...(await readStoryFile(host.checkPath(picked))) };
    },
    'story:read': async ({ path: filePath }) => readStoryFile(host.checkPath(filePath)),
    'story:save-dialog': async ({ suggestedName }) => {
      const picked = await host.pickSavePath(suggestedName);
      if (picked === null) return { canceled: true as const };
      // "Save As…" offers both forms: a `.story` container, or a `.story.json` text (a bare `.json` becomes `.story.json`).
      const lower = picked.toLowerCase();
      const withExtension =
        lower.endsWith(STORY_EXTENSION) || lower.endsWith(JSON_STORY_EXTENSION)
          ? picked
          : lower.endsWith('.json')
            ? `${picked.slice(0, -'.json'.length)}${JSON_STORY_EXTENSION}`
            : picked + STORY_EXTENSION;
      const checked = host.checkPath(withExtension);
      return { canceled: false as const, path: checked, name: path.basename(checked) };
    },
    'story:write': async ({ path: filePath, text, expected, overwrite }) => {
      const saved = await writeStoryFile(host.checkPath(filePath), text, { expected, overwrite });
      return { path: saved.path, name: saved.name, stamp: saved.stamp };
    },
    'docs:list': async ({ importable, extension }) => {
      const folder = host.docsFolder();
      const extensions = importable ? IMPORT_EXTENSIONS.map((e) => `.${e}`) : extension ? [`.${extension}`] : undefined;
      return { folder, files: await listStories(folder, extensions) };
    },
    'import:dialog': async () => {
      const picked = await host.pickImportFile();
      return picked === null ? { canceled: true as const } : { canceled: false as const, path: host.checkPath(picked) };
    },
    'import:file': async ({ path: filePath }) => importStoryFile(host.checkPath(filePath)),
    'export:save-dialog': async ({ suggestedName, extension }) => {
      const picked = await host.pickExportPath(suggestedName, extension);
      if (picked === null) return { canceled: true as const };
      const withExtension = picked.toLowerCase().endsWith(`.${extension}`) ? picked : `${picked}.${extension}`;
      const checked = host.checkPath(withExtension);
      return { canceled: false as const, path: checked, name: path.basename(checked) };
    },
    'export:write-file': async ({ target, relative, data, encoding }) => {
      const document = host.checkPath(target);
      const file = relative === null ? document : host.checkPath(path.join(path.dirname(document), relative));
      return writeExportFile(file, Buffer.from(data, encoding));
    },
    'export:remove': async ({ target, relative, includeTarget }) => {
      const document = host.checkPath(target);
      const files = relative.map((r) => host.checkPath(path.join(path.dirname(document), r)));
      await removeExportFiles(includeTarget ? [...files, document] : files);
      return {};
    },
    'journal:write': async (entry) => {
      const written = await journalFor().write({ ...entry, ...(entry.savedAt ? { savedAt: entry.savedAt } : {}) });
      return { journalledAt: written.journalledAt };
    },
    'journal:clear': async ({ storyId }) => (await journalFor().clear(storyId), {}),
    'journal:discard': async ({ storyId }) => (await journalFor().discard(storyId), {}),
    'journal:list': async () => journalFor().list(),
    'story:lock': async ({ path: filePath, force }) => {
      const checked = host.checkPath(filePath);
      const result = await acquireLock(checked, { force });
      if (result.ok) return { acquired: true, holder: null, warning: result.warning ?? null };
      return { acquired: false, holder: describeHolder(path.basename(checked), result.holder), warning: null };
    },
    'story:unlock': async ({ path: filePath }) => {
      await releaseLock(host.checkPath(filePath));
      return {};
    },
    'settings:get': async () => withAuthor(await loadSettings(host.settingsFile()), host),
    'settings:set': async ({ settings }) => withAuthor(await saveSettings(host.settingsFile(), settings), host),
    'tweet:lookup': async ({ url }) => {
      const settings = await loadSettings(host.settingsFile());
      if (!settings.tweetLookup) throw new StoryFileError('Tweet look-up is turned off in Settings.', 'forbidden');
      return lookupTweet(url);
    },
    'embed:lookup': async ({ url }) => {
      // One look-up switch in Settings covers tweets and social embeds.
      const settings = await loadSettings(host.settingsFile());
      if (!settings.tweetLookup) throw new StoryFileError('Look-up is turned off in Settings.', 'forbidden');
      return lookupEmbed(url);
    },
    'window:ready': async () => {
      host.windowReady();
      return {};
    },
    'window:state': async (state) => {
      host.setWindowState(state);
      return {};
    },
    'window:close': async () => {
      host.closeWindow();
      return {};
    },
  };
}

/**
 * The single entry point for a call from the window, whichever transport carried it:
 * unknown channels and malformed payloads get an error result, never an exception.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: `unknown channel "${String(channel).slice(0, 60)}"`, code: 'invalid' };
  const parsed = parseRequest(channel, payload);
  if (!parsed.ok) return parsed;
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.value) };
  } catch (error) {
    if (error instanceof StoryFileError) return { ok: false, error: error.message, code: error.code };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${channel} failed: ${message.replace(/\s+/g, ' ').slice(0, 200)}`, code: 'io' };
  }
}

/** Settings as the window sees them: an empty "Your name" is the host's default, never blank. */
function withAuthor<S extends { authorName: string }>(settings: S, host: HostAdapter): S {
  return settings.authorName ? settings : { ...settings, authorName: host.defaultAuthorName() };
}
