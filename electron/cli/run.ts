import { promises as fs } from 'node:fs';
import { openStoryContainer } from './container-story';
import { readStory } from './read-story';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = [
  'usage: copydesk <command> [options]',
  '',
  'commands:',
  "  validate <story...>   check .story and .story.json files (every photo's hash too); one line per bad file, exit 1 if any is bad",
  '  import <file.txt> -o <out.story>   make a story from a text file; prints what it found',
  '  convert <story> -o <out.story|out.story.json>   the same story as a container (.story) or one JSON text (.story.json)',
  '  export <story> --format html|page|json|ninjs [-o <out>] [--assets inline|dir] [--tweet-script] [--credit-style …]   HTML, CMS JSON or ninjs',
].join('\n');

/** Exit codes: 0 success, 1 a bad input file, 2 a usage error. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate':
      return validate(rest, io);
    // Each command's code loads when it runs: `export` never pays for the Word importer.
    case 'import':
      return (await import('./import')).importCommand(rest, io);
    case 'export':
      return (await import('./export')).exportCommand(rest, io);
    case 'convert':
      return (await import('./convert')).convertCommand(rest, io);
    case undefined:
      io.err(USAGE);
      return 2;
    case '-h':
    case '--help':
    case 'help':
      io.out(USAGE);
      return 0;
    default:
      io.err(`copydesk: unknown command "${command}"`);
      io.err(USAGE);
      return 2;
  }
}

async function validate(args: string[], io: CliIO): Promise<number> {
  const files = args.filter((a) => a !== '--');
  const unknown = files.find((a) => a.startsWith('-'));
  if (unknown) {
    io.err(`copydesk validate: unknown option "${unknown}"`);
    return 2;
  }
  if (files.length === 0) {
    io.err('usage: copydesk validate <story...>');
    return 2;
  }
  let bad = 0;
  for (const file of files) {
    const reason = await validateOne(file);
    if (reason) {
      bad++;
      io.out(`${file}: ${reason}`);
    }
  }
  if (bad === 0) io.out(files.length === 1 ? `${files[0]}: ok` : `${files.length} stories ok`);
  return bad === 0 ? 0 : 1;
}

async function validateOne(file: string): Promise<string | null> {
  // A container is checked from its directory, entry by entry: each photo is streamed through
  // SHA-256 and let go, never held whole. A photo restore would only set aside is a fault here.
  const size = await fs.stat(file).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  const container = size >= 0 ? await openStoryContainer(file, size, { withData: false }) : null;
  if (typeof container === 'string') return container;
  if (container) {
    const [first, ...more] = container.notes;
    return first === undefined ? null : more.length > 0 ? `${first} (and ${more.length} more)` : first;
  }
  const story = await readStory(file);
  return typeof story === 'string' ? story : null;
}
