import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT } from './cli';

/** Vitest global setup: the CLI bundle `npm run cli` runs, built fresh before any test spawns it. */
export default async function setup(): Promise<void> {
  const { buildCli } = (await import(pathToFileURL(path.join(PROJECT, 'scripts/build-cli.mjs')).href)) as { buildCli: () => Promise<void> };
  await buildCli();
}
