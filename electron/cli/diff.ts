import { promises as fs } from 'node:fs';
import { compareStories, hasChanges, renderDiffPage, renderDiffText } from '../../shared/compare';
import type { Story } from '../../shared/story/schema';
import type { CliIO } from './run';
import { readStory } from './read-story';

/**
 * `copydesk diff <a> <b> [--format text|json|html] [--exit-code]`: what changed from story
 * `a` to story `b`, with the same compare code as the app (shared/compare). Exit codes, as
 * `git diff`: 0 whether or not they differ (1 when they differ with --exit-code), 1 for a
 * story that cannot be read (one "path: reason" line each), 2 for a usage error.
 */
export const DIFF_USAGE =
  'usage: copydesk diff <a> <b> [--format text|json|html] [--exit-code]   (<a>/<b>: a .story file, or file.story#<version>)';

const DIFF_FORMATS = ['text', 'json', 'html'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffArgs {
  a: string;
  b: string;
  format: DiffFormat;
  exitCode: boolean;
}

export async function diffCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseDiffArgs(args);
  if ('help' in parsed) {
    io.out(DIFF_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.err(`copydesk diff: ${parsed.error}`);
    io.err(DIFF_USAGE);
    return 2;
  }
  const [a, b] = await Promise.all([readSide(parsed.a), readSide(parsed.b)]);
  const problems = [a, b].filter((side): side is string => typeof side === 'string');
  if (problems.length > 0) {
    for (const problem of problems) io.err(problem);
    return 1;
  }
  const before = a as Story;
  const after = b as Story;
  const diff = compareStories(before, after);
  const stories = { a: before, b: after };
  switch (parsed.format) {
    case 'json':
      io.out(JSON.stringify(diff, null, 2));
      break;
    case 'html':
      io.out(renderDiffPage(diff, `${parsed.a} → ${parsed.b}`, { stories }).replace(/\n$/, ''));
      break;
    default:
      io.out(renderDiffText(diff, { names: { a: parsed.a, b: parsed.b }, stories }));
  }
  return parsed.exitCode && hasChanges(diff) ? 1 : 0;
}

/** A side of the comparison: a story file, or `file.story#<version>`; the reason as one line when it cannot be read. */
async function readSide(arg: string): Promise<Story | string> {
  const hash = arg.lastIndexOf('#');
  // A file whose own name holds a '#' is read as it is.
  if (hash > 0 && !(await isFile(arg))) {
    const file = arg.slice(0, hash);
    const version = arg.slice(hash + 1);
    const story = await readStory(file);
    if (typeof story === 'string') return `${file}: ${story}`;
    if (version === '') return `${arg}: which version? (give its id or name after "#")`;
    return readVersion(file, story, version);
  }
  const story = await readStory(arg);
  return typeof story === 'string' ? `${arg}: ${story}` : story;
}

/** A stored version of a story. Versions are not stored in story files yet, so every request is answered plainly. */
function readVersion(file: string, _story: Story, version: string): Story | string {
  return `${file}: has no version "${version}" (versions are not stored in this file)`;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}

export function parseDiffArgs(args: readonly string[]): DiffArgs | { error: string } | { help: true } {
  const positional: string[] = [];
  let format: string = 'text';
  let exitCode = false;
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
    switch (name) {
      case '--format':
      case '-f': {
        const value = inline ?? args[++i];
        if (value === undefined || value === '' || (inline === undefined && value.startsWith('-')))
          return { error: `${name} needs a value` };
        format = value;
        break;
      }
      case '--exit-code':
        if (inline !== undefined) return { error: '--exit-code takes no value' };
        exitCode = true;
        break;
      default:
        return { error: `unknown option "${name}"` };
    }
  }
  if (positional.length !== 2) return { error: `diff compares two stories (got ${positional.length})` };
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) return { error: `unknown format "${format}" (use text, json or html)` };
  return { a: positional[0]!, b: positional[1]!, format: format as DiffFormat, exitCode };
}
