/**
 * The victim of tests/unit/atomic-save-kill.test.ts: saves one story over and over with the
 * real `writeStoryFile`, alternating between two versions, until it is killed.
 *
 *   node --import tsx tests/unit/support/save-loop.ts <story> <small.txt> <large.txt>
 *
 * (The test bundles it once with esbuild instead, so each of its hundreds of restarts costs
 * a bare Node start-up rather than a TypeScript compile.)
 *
 * Prints "looping" once the first save is about to start, then "saved <n>" after each save.
 */
import { readFileSync } from 'node:fs';
import { readStoryFile, writeStoryFile } from '../../../electron/services/story-files';

const [storyPath, smallPath, largePath] = process.argv.slice(2);
if (!storyPath || !smallPath || !largePath) {
  process.stderr.write('usage: save-loop <story> <small.txt> <large.txt>\n');
  process.exit(2);
}
const versions = [readFileSync(smallPath, 'utf8'), readFileSync(largePath, 'utf8')] as const;

// Whatever the last (possibly killed) run left on disk is where this one starts.
let current = await readStoryFile(storyPath);
process.stdout.write('looping\n');
for (let n = 0; ; n++) {
  const next = current.text === versions[0] ? versions[1] : versions[0];
  current = await writeStoryFile(storyPath, next, { expected: current.stamp });
  process.stdout.write(`saved ${n}\n`);
}
