import { z } from 'zod';
import { MAX_STORY_BYTES } from './story/schema';
import { SettingsSchema } from './settings';
import { TweetStateSchema } from './blocks/tweet';
import { EmbedFieldsSchema } from './blocks/embed';

/**
 * The contract between the window and the part of Copydesk that touches disk. Electron's
 * main process (over IPC) and the web harness (over HTTP) answer it with the same services;
 * the preload and the renderer's client call it. Every request is validated on arrival and
 * every response on return.
 */

const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), { message: 'must not contain NUL' });

/** What the store knew of a file when it was read or written: used to detect a colleague's change. */
export const FileStampSchema = z.object({
  size: z.number().int().min(0),
  mtimeMs: z.number().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The file's identity and change time when the stamp was taken: with size and mtime they let a save trust an untouched file without reading it back. */
  ino: z.number().int().min(0).optional(),
  ctimeMs: z.number().min(0).optional(),
});
export type FileStamp = z.infer<typeof FileStampSchema>;

/** `notes`: what opening a `.story` container set aside (a damaged photo…), one line each, for the window to show. */
const OpenedStorySchema = z.object({
  path: filePath,
  name: z.string(),
  text: z.string(),
  stamp: FileStampSchema,
  notes: z.array(z.string()).optional(),
});
export type OpenedStory = z.infer<typeof OpenedStorySchema>;

const Canceled = z.object({ canceled: z.literal(true) });

export const ERROR_CODES = ['conflict', 'not-found', 'io', 'invalid', 'forbidden', 'too-large'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const empty = z.object({}).strict();
/** The only files an export may write beside its document. */
export const EXPORT_IMAGE_PATH = /^images\/[0-9a-f]{64}\.(jpg|png|webp|gif)$/;

export const CHANNELS = {
  /** Ask the user for a story to open (native dialog, or the harness's documents folder). */
  'story:open-dialog': {
    request: empty,
    response: z.union([Canceled, OpenedStorySchema.extend({ canceled: z.literal(false) })]),
  },
  /** Read a story by path (command line, OS "open with", recent files). */
  'story:read': {
    request: z.object({ path: filePath }).strict(),
    response: OpenedStorySchema,
  },
  /** Ask where to save; `suggestedName` is a file name without folder. */
  'story:save-dialog': {
    request: z.object({ suggestedName: z.string().max(255) }).strict(),
    response: z.union([Canceled, z.object({ canceled: z.literal(false), path: filePath, name: z.string() })]),
  },
  /**
   * Write a story atomically. `expected` is the stamp of the version this window opened or
   * last saved (null for a new file): if the file on disk is no longer that one, the write
   * is refused with code "conflict" unless `overwrite` is set.
   */
  'story:write': {
    request: z
      .object({
        path: filePath,
        text: z.string().max(MAX_STORY_BYTES),
        expected: FileStampSchema.nullable(),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    response: z.object({ path: filePath, name: z.string(), stamp: FileStampSchema }),
  },
  /** Ask for a .txt, .html or .docx file to import (native dialog, or the harness's folder). */
  'import:dialog': {
    request: empty,
    response: z.union([Canceled, z.object({ canceled: z.literal(false), path: filePath })]),
  },
  /** Converts a .txt, .html or .docx file into a new story (its text) with a one-line summary. */
  'import:file': {
    request: z.object({ path: filePath }).strict(),
    response: z.object({ text: z.string(), summary: z.string(), name: z.string() }),
  },
  /** Stories in the documents folder (the web harness's file picker, recent stories). */
  'docs:list': {
    request: z
      .object({
        importable: z.boolean().default(false),
        /** List files of this kind instead of stories (Save and Export check the name is free). */
        extension: z.enum(['story', 'html', 'json']).optional(),
      })
      .strict(),
    response: z.object({
      folder: z.string(),
      files: z.array(z.object({ name: z.string(), path: filePath, size: z.number(), mtimeMs: z.number() })),
    }),
  },
  /** Ask where to export; the extension follows the format (.html or .json). */
  'export:save-dialog': {
    request: z.object({ suggestedName: z.string().max(255), extension: z.enum(['html', 'json']) }).strict(),
    response: z.union([Canceled, z.object({ canceled: z.literal(false), path: filePath, name: z.string() })]),
  },
  /**
   * Writes one file of an export atomically: the document itself (`relative` null) or one of
   * its images beside it (`images/<sha256>.<ext>`). `created` says whether the file is new,
   * so a failed export can remove exactly what it added.
   */
  'export:write-file': {
    request: z
      .object({
        target: filePath,
        relative: z.string().regex(EXPORT_IMAGE_PATH).nullable(),
        data: z.string().max(MAX_STORY_BYTES * 2),
        encoding: z.enum(['utf8', 'base64']),
      })
      .strict(),
    response: z.object({ path: filePath, created: z.boolean() }),
  },
  /** Removes files an export created before it failed (images beside `target`, or `target`). */
  'export:remove': {
    request: z
      .object({ target: filePath, relative: z.array(z.string().regex(EXPORT_IMAGE_PATH)).max(10_000), includeTarget: z.boolean() })
      .strict(),
    response: empty,
  },
  /** Journals an unsaved story for crash recovery (the window calls it about a second after an edit). */
  'journal:write': {
    request: z
      .object({
        storyId: z.string().min(1).max(128),
        path: filePath.nullable(),
        name: z.string().max(1000),
        text: z.string().max(MAX_STORY_BYTES),
        savedAt: z.string().max(64).optional(),
        /** The story's assets as JSON, only when they changed since the last write. */
        assets: z.string().max(MAX_STORY_BYTES).optional(),
      })
      .strict(),
    response: z.object({ journalledAt: z.string() }),
  },
  /** The story was saved or deliberately closed without saving: forget its journal. */
  'journal:clear': {
    request: z.object({ storyId: z.string().min(1).max(128) }).strict(),
    response: empty,
  },
  /** The user declined to recover a story (kept aside for a week, then removed). */
  'journal:discard': {
    request: z.object({ storyId: z.string().min(1).max(128) }).strict(),
    response: empty,
  },
  /** Stories left unsaved by a crash, newest first. */
  'journal:list': {
    request: empty,
    response: z.array(
      z.object({
        storyId: z.string(),
        path: z.string().nullable(),
        name: z.string(),
        journalledAt: z.string(),
        savedAt: z.string().optional(),
        text: z.string(),
      }),
    ),
  },
  /**
   * Marks a story as open here with a lock file beside it. When someone else has it open,
   * `acquired` is false and `holder` says who; `force` opens it anyway.
   */
  'story:lock': {
    request: z.object({ path: filePath, force: z.boolean().default(false) }).strict(),
    response: z.object({ acquired: z.boolean(), holder: z.string().nullable(), warning: z.string().nullable() }),
  },
  /** Releases this window's lock on a story (closed, or another opened). */
  'story:unlock': {
    request: z.object({ path: filePath }).strict(),
    response: empty,
  },
  /** The user's settings (house credit style, tweet look-up, own helpline presets). */
  'settings:get': {
    request: empty,
    response: SettingsSchema,
  },
  /** Replaces the user's settings after validating them; the old file is kept if this fails. */
  'settings:set': {
    request: z.object({ settings: SettingsSchema }).strict(),
    response: SettingsSchema,
  },
  /** Fills a tweet snapshot from Twitter's oEmbed service (text only; its HTML is never kept). */
  'tweet:lookup': {
    request: z.object({ url: z.string().min(1).max(500) }).strict(),
    response: TweetStateSchema.partial(),
  },
  /** Fills a social embed's snapshot from its service's public oEmbed endpoint (fields only; its HTML is never kept). */
  'embed:lookup': {
    request: z.object({ url: z.string().min(1).max(1000) }).strict(),
    response: EmbedFieldsSchema.partial(),
  },
  /** The window is listening for commands (a story asked for at launch can now be opened). */
  'window:ready': {
    request: empty,
    response: empty,
  },
  /** The window's title and whether it has unsaved work (used by the close prompt). */
  'window:state': {
    request: z.object({ title: z.string().max(500), dirty: z.boolean() }).strict(),
    response: empty,
  },
  /** The renderer has finished a Save requested by the close prompt: close now. */
  'window:close': {
    request: empty,
    response: empty,
  },
} as const;

export type Channel = keyof typeof CHANNELS;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[];
export type RequestOf<C extends Channel> = z.input<(typeof CHANNELS)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof CHANNELS)[C]['response']>;

/** Every answer crosses the boundary as a result, never as a thrown error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; code: ErrorCode };

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CHANNELS, name);
}

/** Validates a request on arrival; returns the parsed payload or a one-line error. */
export function parseRequest<C extends Channel>(
  channel: C,
  payload: unknown,
): { ok: true; value: z.output<(typeof CHANNELS)[C]['request']> } | { ok: false; error: string; code: 'invalid' } {
  const parsed = CHANNELS[channel].request.safeParse(payload ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as z.output<(typeof CHANNELS)[C]['request']> };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'request';
  return { ok: false, error: `${channel}: ${where} ${issue?.message ?? 'is invalid'}`, code: 'invalid' };
}

/** Validates an answer before the renderer trusts it. */
export function parseResult<C extends Channel>(channel: C, result: unknown): Result<ResponseOf<C>> {
  if (typeof result !== 'object' || result === null) {
    return { ok: false, error: `${channel}: no answer`, code: 'io' };
  }
  const r = result as { ok?: unknown; error?: unknown; code?: unknown; value?: unknown };
  if (r.ok === false) {
    const code = (ERROR_CODES as readonly string[]).includes(String(r.code)) ? (r.code as ErrorCode) : 'io';
    return { ok: false, error: typeof r.error === 'string' ? r.error : `${channel} failed`, code };
  }
  const parsed = CHANNELS[channel].response.safeParse(r.value);
  if (!parsed.success) return { ok: false, error: `${channel}: unexpected answer`, code: 'io' };
  return { ok: true, value: parsed.data as ResponseOf<C> };
}

/** Commands the shell (menus, OS file opening, the close prompt) sends to the window. */
export const APP_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'save-and-close',
  'import',
  'export',
  'copy-html',
  'toggle-preview',
  'shortcuts',
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'link',
  'heading-2',
  'heading-3',
  'paragraph',
  'bullet-list',
  'numbered-list',
  'quote',
] as const;
export type AppCommandName = (typeof APP_COMMANDS)[number];

export const AppCommandSchema = z.union([
  z.object({ command: z.enum(APP_COMMANDS) }).strict(),
  z.object({ command: z.literal('open-path'), path: filePath }).strict(),
]);
export type AppCommand = z.infer<typeof AppCommandSchema>;
/** The one event channel from the shell to the window. */
export const APP_COMMAND_EVENT = 'app:command';

/** What the preload exposes as `window.copydesk`: typed invoke wrappers and one event. */
export interface CopydeskBridge {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<unknown>;
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** 'electron' inside the desktop app, 'web' in the harness. */
  readonly host: 'electron' | 'web';
}
