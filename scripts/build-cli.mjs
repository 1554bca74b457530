// Bundles the command-line tool (electron/cli.ts) into dist/cli/: ES modules with code
// splitting, so `copydesk export` loads only the export code and never the Word importer.
// scripts/cli.mjs (what `npm run cli` runs) calls this when the sources changed since the last
// build; `npm run build` calls it too.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DIR = path.join(root, 'dist', 'cli');
export const CLI_ENTRY = path.join(CLI_DIR, 'cli.mjs');
/** The project files the bundle was made from, with the time of the build. */
export const CLI_MANIFEST = path.join(CLI_DIR, 'inputs.json');

// Bundled CommonJS packages (mammoth, write-file-atomic) expect require and __filename.
const BANNER = [
  "import { createRequire as __cdRequire } from 'node:module';",
  "import { fileURLToPath as __cdPath } from 'node:url';",
  'const require = __cdRequire(import.meta.url);',
  'const __filename = __cdPath(import.meta.url);',
  "const __dirname = __cdPath(new URL('.', import.meta.url));",
].join(' ');

/**
 * Builds in memory, then writes each chunk under a temporary name and renames it into place,
 * the entry last: a CLI started while another builds (tests run in parallel) always finds a
 * whole entry whose chunks exist. Chunks are named by content, so two builds of the same
 * sources write the same files.
 */
export async function buildCli() {
  const startedAt = Date.now();
  const result = await build({
    entryPoints: [path.join(root, 'electron/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    target: 'node22',
    outdir: CLI_DIR,
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    banner: { js: BANNER },
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  await fs.mkdir(CLI_DIR, { recursive: true });
  const isEntry = (file) => path.resolve(file.path) === CLI_ENTRY || path.resolve(file.path) === `${CLI_ENTRY}.map`;
  const ordered = [...result.outputFiles.filter((f) => !isEntry(f)), ...result.outputFiles.filter(isEntry)];
  for (const file of ordered) await writeReplacing(file.path, file.contents);
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/'));
  await writeReplacing(CLI_MANIFEST, JSON.stringify({ builtAt: startedAt, inputs: [...inputs, 'package-lock.json'] }, null, 1));
  await removeOldChunks(new Set(result.outputFiles.map((f) => path.basename(f.path))));
}

async function writeReplacing(file, contents) {
  const temp = `${file}.${process.pid}.${Math.floor(Math.random() * 1e9)}.tmp`;
  await fs.writeFile(temp, contents);
  await fs.rename(temp, file);
}

/** Chunks of earlier builds, once old enough that no CLI still starting can need them. */
async function removeOldChunks(current) {
  const cutoff = Date.now() - 10 * 60 * 1000;
  for (const name of await fs.readdir(CLI_DIR)) {
    if (!name.startsWith('chunk-') && !/\.mjs(\.map)?$/.test(name)) continue;
    if (current.has(name) || name === 'inputs.json') continue;
    const full = path.join(CLI_DIR, name);
    const stat = await fs.stat(full).catch(() => null);
    if (stat && stat.mtimeMs < cutoff) await fs.rm(full, { force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
  console.log(`built ${path.relative(root, CLI_ENTRY)}`);
}
