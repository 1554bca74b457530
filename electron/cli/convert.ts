import { promises as fs } from 'node:fs';
import path from 'node:path';
import { JSON_STORY_EXTENSION } from '../../shared/story/container';
import { serializeStory } from '../../shared/story/create';
import { StoryFileError, writeStoryFile } from '../services/story-files';
import { openStoryContainer } from './container-story';
import { readStory } from './read-story';
import type { CliIO } from './run';

export const CONVERT_USAGE = 'usage: copydesk convert <story> -o <out.story | out.story.json>';

/**
 * `copydesk convert <in> -o <out>`: the same story in the other form, by the output's
 * extension — `.story` the container, `.story.json` one JSON text with the photos as base64.
 * Either input opens (a schemaVersion 1 text is migrated). The output is written the way the
 * app saves (atomic) and is never written over: exit 1 with one line if it exists.
 */
export async function convertCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args);
  if ('help' in parsed) {
    io.out(CONVERT_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.err(`copydesk convert: ${parsed.error}`);
    io.err(CONVERT_USAGE);
    return 2;
  }
  const { input, output } = parsed;
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
  try {
    await writeStoryFile(output, serializeStory(story), { expected: null });
  } catch (error) {
    const reason = error instanceof StoryFileError ? error.message : String(error);
    io.err(
      `${output}: ${error instanceof StoryFileError && error.code === 'conflict' ? 'already exists (convert never writes over a file)' : reason}`,
    );
    return 1;
  }
  const photos = Object.keys(story.assets).length;
  io.out(`wrote ${output} (${formOf(output)}, ${photos} photo${photos === 1 ? '' : 's'})`);
  return 0;
}

function formOf(output: string): string {
  return output.toLowerCase().endsWith(JSON_STORY_EXTENSION) ? 'one JSON text' : 'container';
}

function parseArgs(args: string[]): { input: string; output: string } | { error: string } | { help: true } {
  const positional: string[] = [];
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '-o' || arg === '--output') {
      const value = args[++i];
      if (value === undefined || value === '') return { error: `${arg} needs a file name` };
      output = value;
    } else if (arg.startsWith('-')) {
      return { error: `unknown option "${arg}"` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) return { error: positional.length === 0 ? 'which story?' : 'convert one story at a time' };
  if (output === undefined) return { error: 'no output file (-o <out.story> or -o <out.story.json>)' };
  const lower = output.toLowerCase();
  if (!lower.endsWith('.story') && !lower.endsWith(JSON_STORY_EXTENSION)) {
    return { error: `the output must end in .story (container) or .story.json (one JSON text): "${path.basename(output)}"` };
  }
  if (path.resolve(output) === path.resolve(positional[0]!)) return { error: 'the output would overwrite the story itself' };
  return { input: positional[0]!, output };
}
