// `npm run cli`: runs the bundled command-line tool (dist/cli/cli.mjs), rebuilding it first
// when any source it was made from changed. A bundle starts in a fraction of the time of
// compiling TypeScript on every run, and Node's compile cache keeps the parsed code between
// runs, which matters to a CMS pipeline that calls the CLI once per story.
import { statSync, readFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

module.enableCompileCache?.();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist', 'cli', 'cli.mjs');
const manifest = path.join(root, 'dist', 'cli', 'inputs.json');

function isStale() {
  let built;
  try {
    built = JSON.parse(readFileSync(manifest, 'utf8'));
    statSync(entry);
  } catch {
    return true;
  }
  for (const input of built.inputs) {
    try {
      if (statSync(path.join(root, input)).mtimeMs >= built.builtAt) return true;
    } catch {
      return true; // a source was moved or deleted: build again
    }
  }
  return false;
}

if (isStale()) {
  try {
    const { buildCli } = await import('./build-cli.mjs');
    await buildCli();
  } catch (error) {
    process.stderr.write(`copydesk: could not build the command-line tool: ${String(error?.message ?? error).split('\n')[0]}\n`);
    process.exit(1);
  }
}
await import(pathToFileURL(entry).href);
