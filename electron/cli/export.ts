import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { CREDIT_STYLE_IDS, type CreditStyle } from '../../shared/blocks/photo';
import { ASSET_MODES, EXPORT_FORMATS, exportStory, type AssetMode, type ExportFormat } from '../../shared/export';
import type { CliIO } from './run';
import { openStoryContainer } from './container-story';
import { readStory } from './read-story';

/**
 * `copydesk export <story> --format html|page|json|ninjs`: the same pure renderer as the
 * app (shared/export), no browser, no DOM. Writes to stdout, or atomically to `-o <out>`
 * with `--assets dir` images in `images/` beside it. Exit codes: 0 written, 1 the story
 * cannot be read or the output cannot be written (one "path: reason" line on stderr),
 * 2 a usage error. Nothing half-written is left behind.
 */
export const EXPORT_USAGE =
  'usage: copydesk export <story> --format html|page|json|ninjs [-o <out>] [--assets inline|dir] [--tweet-script] [--credit-style photo-slash|photo-colon|image-parens]';

export interface ExportArgs {
  input: string;
  format: ExportFormat;
  output?: string;
  assets: AssetMode;
  tweetScript: boolean;
  creditStyle: CreditStyle;
}

export async function exportCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseExportArgs(args);
  if ('help' in parsed) {
    io.out(EXPORT_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.err(`copydesk export: ${parsed.error}`);
    io.err(EXPORT_USAGE);
    return 2;
  }
  const { input, output, format, assets, tweetScript, creditStyle } = parsed;

  // A container's photos are at hand as their original bytes: `--assets dir` copies those.
  const size = await fs.stat(input).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  const container = size >= 0 ? await openStoryContainer(input, size) : null;
  if (typeof container === 'string') {
    io.err(`${input}: ${container}`);
    return 1;
  }
  const story = container ? container.story : await readStory(input);
  if (typeof story === 'string') {
    io.err(`${input}: ${story}`);
    return 1;
  }
  for (const note of container?.notes ?? []) io.err(`${input}: note: ${note}`);
  const result = exportStory(story, { format, assets, tweetScript, creditStyle });

  if (output === undefined) {
    io.out(result.text.replace(/\n$/, ''));
    return 0;
  }
  const folder = path.dirname(path.resolve(output));
  try {
    // Images first, so a document on disk never points at a picture that is not there yet.
    if (result.files.length > 0) await fs.mkdir(path.join(folder, 'images'), { recursive: true });
    for (const file of result.files) {
      const original = container?.assetBytes.get(path.basename(file.path).replace(/\.[a-z]+$/, ''));
      await writeFileAtomic(
        path.join(folder, file.path),
        original ?? Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
      );
    }
    await writeFileAtomic(output, result.text, { encoding: 'utf8' });
  } catch (error) {
    io.err(`${output}: cannot be written (${describeWriteError(error)})`);
    return 1;
  }
  const images = result.files.length;
  io.out(
    images > 0
      ? `wrote ${output} and ${images} image${images === 1 ? '' : 's'} in ${path.join(path.dirname(output), 'images')}`
      : `wrote ${output}`,
  );
  return 0;
}

/** The command line as options, or the one usage problem to report. */
export function parseExportArgs(args: readonly string[]): ExportArgs | { error: string } | { help: true } {
  const positional: string[] = [];
  let format: string | undefined;
  let output: string | undefined;
  let assets: string = 'inline';
  let creditStyle: string = 'photo-slash';
  let tweetScript = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { help: true };
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const inline = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    const value = (): string | { error: string } => {
      if (inline !== undefined) return inline === '' ? { error: `${name} needs a value` } : inline;
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) return { error: `${name} needs a value` };
      i++;
      return next;
    };
    switch (name) {
      case '--format':
      case '-f': {
        const v = value();
        if (typeof v !== 'string') return v;
        format = v;
        break;
      }
      case '--output':
      case '-o': {
        const v = value();
        if (typeof v !== 'string') return v;
        output = v;
        break;
      }
      case '--assets': {
        const v = value();
        if (typeof v !== 'string') return v;
        assets = v;
        break;
      }
      case '--credit-style': {
        const v = value();
        if (typeof v !== 'string') return v;
        creditStyle = v;
        break;
      }
      case '--tweet-script':
        if (inline !== undefined) return { error: '--tweet-script takes no value' };
        tweetScript = true;
        break;
      default:
        return { error: `unknown option "${name}"` };
    }
  }

  if (positional.length === 0) return { error: 'which story? (export <story> --format …)' };
  if (positional.length > 1) return { error: `export takes one story (got ${positional.length})` };
  if (format === undefined) return { error: '--format is required (html, page, json or ninjs)' };
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    return { error: `unknown format "${format}" (use html, page, json or ninjs)` };
  if (!(ASSET_MODES as readonly string[]).includes(assets)) return { error: `unknown --assets "${assets}" (use inline or dir)` };
  if (!(CREDIT_STYLE_IDS as readonly string[]).includes(creditStyle)) {
    return { error: `unknown --credit-style "${creditStyle}" (use ${CREDIT_STYLE_IDS.join(', ')})` };
  }
  if (output === '-') output = undefined;
  if (assets === 'dir' && output === undefined) return { error: '--assets dir writes images/ beside the output: give -o <out>' };
  const input = positional[0]!;
  if (output !== undefined && path.resolve(output) === path.resolve(input)) return { error: 'the output would overwrite the story itself' };
  return {
    input,
    format: format as ExportFormat,
    ...(output !== undefined ? { output } : {}),
    assets: assets as AssetMode,
    tweetScript,
    creditStyle: creditStyle as CreditStyle,
  };
}

function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return code ?? (error instanceof Error ? error.message.split('\n')[0]! : 'unknown error');
  }
}
