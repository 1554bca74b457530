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
  '  import <file.txt|file.html|file.docx> -o <out.story> [--force]   make a story from text, a web page or a Word file; prints what it found',
  '  convert <story> -o <out.story|out.story.json>   the same story as a container (.story) or one JSON text (.story.json)',
  '  export <story> --format html|page|json|ninjs [-o <out>] [--assets inline|dir] [--tweet-script] [--credit-style …]   HTML, CMS JSON or ninjs',
  '  diff <a> <b> [--format text|json|html] [--exit-code]   what changed from one story (or version) to another',
  '  check <story...> [--json] [--rules FILE] [--lang en-NZ|en-AU|en-GB|en-US]   preflight: one line per finding, exit 1 if any error',
  '',
  "copydesk <command> --help   shows that command's options",
].join('\n');

const VALIDATE_USAGE = 'usage: copydesk validate <story...>   exit 0 all valid, 1 any bad (one "path: reason" line each), 2 a usage error';

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
    case 'diff':
      return (await import('./diff')).diffCommand(rest, io);
    case 'check':
      return (await import('./check')).checkCommand(rest, io);
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
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    io.out(VALIDATE_USAGE);
    return 0;
  }
  const files = args.filter((a) => a !== '--');
  const unknown = options.find((a) => a.startsWith('-') && a !== '--');
  if (unknown) {
    io.err(`copydesk validate: unknown option "${unknown}"`);
    io.err(VALIDATE_USAGE);
    return 2;
  }
  if (files.length === 0) {
    io.err(VALIDATE_USAGE);
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
