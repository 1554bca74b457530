import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { sniffImageType } from '../../shared/blocks/photo';
import { formatImportSummary, importPlainText, MAX_IMPORT_CHARS, type ImportSummary } from '../../shared/import/plain-text';
import { restoreStory } from '../../shared/story/restore';
import { serializeStory, type Story } from '../../shared/story';
import { readDocx, readHtml } from './import-formats';
import type { CliIO } from './run';
import { storyBytesFor } from '../services/story-files';

/**
 * `copydesk import <file> -o <out.story>`: turns a text file into a story, writes it
 * atomically and prints a one-line summary ("2 tweets, 1 photo, 1 helpline footer, 16
 * paragraphs"). Exit codes: 0 written, 1 the input cannot be imported or the story cannot
 * be written (one "path: reason" line), 2 a usage error. Nothing is written on failure, and
 * an existing story is never replaced without --force.
 */
export const IMPORT_USAGE =
  'usage: copydesk import <file.txt|file.html|file.docx> -o <out.story> [--force]   (--force replaces an existing <out.story>)';

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

export interface ReaderContext {
  /** The file as named on the command line, for messages. */
  file: string;
  id: string;
  now: Date;
}

export type ReaderResult = { ok: true; story: Story; summary: ImportSummary } | { ok: false; reason: string };

/** Reads one kind of file into a story. New formats plug in here, by extension. */
export type ImportReader = (bytes: Uint8Array, context: ReaderContext) => ReaderResult | Promise<ReaderResult>;

export const READERS: Record<string, ImportReader> = {
  '.txt': readPlainText,
  '.text': readPlainText,
  // A file without an extension is read as text (binary files are refused by content).
  '': readPlainText,
  '.html': readHtml,
  '.htm': readHtml,
  '.docx': readDocx,
};

export async function importCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args);
  if ('help' in parsed) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.err(`copydesk import: ${parsed.error}`);
    io.err(IMPORT_USAGE);
    return 2;
  }
  const { input, output, force } = parsed;
  if (path.resolve(input) === path.resolve(output)) {
    io.err('copydesk import: the output would overwrite the input');
    return 2;
  }
  if (!force && (await exists(output))) {
    io.err(`${output}: already exists; nothing was written (add --force to replace it)`);
    return 1;
  }

  const extension = path.extname(input).toLowerCase();
  const reader = READERS[extension];
  if (!reader) {
    const known = Object.keys(READERS).filter((e) => e !== '' && e !== '.text' && e !== '.htm');
    io.err(`${input}: cannot import ${extension} files (Copydesk imports ${known.join(', ')})`);
    return 1;
  }

  const bytes = await readInput(input);
  if (typeof bytes === 'string') {
    io.err(`${input}: ${bytes}`);
    return 1;
  }

  let result: ReaderResult;
  try {
    result = await reader(bytes, { file: input, id: randomUUID(), now: new Date() });
  } catch (error) {
    result = { ok: false, reason: `cannot be imported (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!result.ok) {
    io.err(`${input}: ${result.reason}`);
    return 1;
  }

  // The same door every story goes through: what we write must open.
  const restored = restoreStory(JSON.parse(serializeStory(result.story)));
  if (!restored.ok) {
    io.err(`${input}: cannot be imported (${restored.reason})`);
    return 1;
  }

  try {
    // A `.story` is written as the container, a `.story.json` as one JSON text.
    await writeFileAtomic(output, await storyBytesFor(output, serializeStory(restored.story)), { fsync: true });
  } catch (error) {
    io.err(`${output}: cannot write the story (${writeReason(error)})`);
    return 1;
  }
  io.out(formatImportSummary(result.summary));
  return 0;
}

type ParsedArgs = { input: string; output: string; force: boolean } | { error: string } | { help: true };

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

function parseArgs(args: string[]): ParsedArgs {
  const positional: string[] = [];
  let output: string | undefined;
  let force = false;
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (options && arg === '--') {
      options = false;
    } else if (options && (arg === '-h' || arg === '--help')) {
      return { help: true };
    } else if (options && (arg === '-f' || arg === '--force')) {
      force = true;
    } else if (options && (arg === '-o' || arg === '--output')) {
      const value = args[++i];
      if (value === undefined || value === '') return { error: `${arg} needs a file name` };
      if (output !== undefined) return { error: 'give -o only once' };
      output = value;
    } else if (options && /^(?:-o|--output)=/.test(arg)) {
      const value = arg.slice(arg.indexOf('=') + 1);
      if (value === '') return { error: 'the output file name is empty' };
      if (output !== undefined) return { error: 'give -o only once' };
      output = value;
    } else if (options && arg.startsWith('-') && arg !== '-') {
      return { error: `unknown option "${arg}"` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length === 0) return { error: 'no file to import' };
  if (positional.length > 1) return { error: 'import one file at a time' };
  if (output === undefined) return { error: 'no output file (-o <out.story>)' };
  return { input: positional[0]!, output, force };
}

export async function readInput(file: string): Promise<Uint8Array | string> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return 'is a folder, not a file';
    if (stat.size > MAX_IMPORT_BYTES) {
      return `too large to import (${(stat.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`;
    }
    return new Uint8Array(await fs.readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'is a folder, not a file';
    return `cannot be read (${code ?? 'unknown error'})`;
  }
}

/** Bytes → text, refusing what is not text; the reason is a phrase for "path: reason". */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  const image = sniffImageType(bytes);
  if (image) return { ok: false, reason: `is a ${image.slice('image/'.length).toUpperCase()} image, not text` };
  if (bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') return { ok: false, reason: 'is a PDF, not text' };
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { ok: false, reason: 'is a zip archive (a Word or other office file?), not text' };
  }
  let encoding = 'utf-8';
  // Windows "Unicode" text files are UTF-16 with a byte-order mark.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (bytes.includes(0)) return { ok: false, reason: 'is a binary file, not text' };
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'is not UTF-8 text (save it as UTF-8 and try again)' };
  }

  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0 && controls * 100 > text.length) return { ok: false, reason: 'is a binary file, not text' };
  if (text.trim() === '') return { ok: false, reason: 'is empty' };
  if (text.length > MAX_IMPORT_CHARS) {
    return { ok: false, reason: `is too long to import (${text.length} characters; the limit is ${MAX_IMPORT_CHARS})` };
  }
  return { ok: true, text };
}

function readPlainText(bytes: Uint8Array, context: ReaderContext): ReaderResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const { story, summary } = importPlainText(decoded.text, { id: context.id, now: context.now });
  return { ok: true, story, summary };
}

const WRITE_REASONS: Record<string, string> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the folder is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'it is a folder',
};

function writeReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && WRITE_REASONS[code]) ?? code ?? 'unknown error';
}
