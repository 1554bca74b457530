import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { closeSync, fsyncSync, mkdirSync, openSync, promises as fs, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHeadlessEditor } from '@lexical/headless';
import { withDOM } from '@lexical/headless/dom';
import { $generateHtmlFromNodes } from '@lexical/html';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { build } from 'esbuild';
import writeFileAtomic from 'write-file-atomic';
import type { SerializedEditorState } from 'lexical';
import { storyBytesFor, writeStoryFile } from '../electron/services/story-files';
import { diffWords } from 'diff';
import { compareStories } from '../shared/compare';
import { bodyPlainText } from '../shared/story/create';
import type { SerializedBodyNode, Story } from '../shared/story/schema';
import type * as ExportEntry from './export-entry';
import { headlessPeerState, type GeneratedStory } from './generate';
import { now, ratio, rotate, summarize, type Summary } from './stats';

/**
 * The Node-side measurements: HTML export (our shared/ renderer vs @lexical/headless), the
 * CLI end to end vs `node -e ''`, and the atomic save vs a plain write + fsync. Every pair
 * is measured interleaved (A B A B …) after a warm-up, so drift and noise from other work
 * on the machine fall on both alike.
 */

export interface Pair {
  name: string;
  a: { label: string; summary: Summary };
  b: { label: string; summary: Summary };
  /** median(a) / median(b) */
  ratio: number;
  notes?: string[];
}

function pairOf(name: string, labelA: string, a: number[], labelB: string, b: number[], notes?: string[]): Pair {
  const sa = summarize(a);
  const sb = summarize(b);
  return {
    name,
    a: { label: labelA, summary: sa },
    b: { label: labelB, summary: sb },
    ratio: ratio(sa.median, sb.median),
    ...(notes ? { notes } : {}),
  };
}

/** Runs the labelled functions round-robin, `runs` times each after `warmup` untimed rounds. */
async function interleave(
  fns: Record<string, () => unknown | Promise<unknown>>,
  runs: number,
  warmup = 2,
): Promise<Record<string, number[]>> {
  const names = Object.keys(fns);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < warmup + runs; r++) {
    for (const name of rotate(names, r)) {
      const t0 = now();
      await fns[name]!();
      const t = now() - t0;
      if (r >= warmup) times[name]!.push(t);
    }
  }
  return times;
}

// ---- preflight check -----------------------------------------------------------------------

/**
 * `checkStory` on the story as the CLI and the app's worker run it (bundled): every rule,
 * spelling on (en-NZ, the dictionary loaded once beforehand) against spelling off. Target:
 * ≤ 300 ms for the L story with spelling on.
 */
export async function benchCheck(gen: GeneratedStory, workDir: string, runs: number): Promise<Pair[]> {
  const { checkStory, createSpeller, restoreStoryText } = await loadExportBundle(workDir);
  const restored = restoreStoryText(gen.text);
  if (!restored.ok) throw new Error(`generated story does not restore: ${restored.reason}`);
  const story: Story = restored.story;
  const require = createRequire(import.meta.url);
  const folder = path.dirname(require.resolve('dictionary-en-gb'));
  const t0 = now();
  const speller = createSpeller('en-NZ', {
    aff: readFileSync(path.join(folder, 'index.aff')),
    dic: readFileSync(path.join(folder, 'index.dic')),
  });
  const loadMs = now() - t0;
  const today = new Date();
  let sink = 0;
  const firstT0 = now();
  sink += checkStory(story, { now: today, speller }).length;
  const firstMs = now() - firstT0;
  const times = await interleave(
    {
      spelling: () => (sink += checkStory(story, { now: today, speller }).length),
      noSpelling: () => (sink += checkStory(story, { now: today }).length),
    },
    runs,
  );
  if (sink < 0) throw new Error('unreachable');
  return [
    pairOf('Preflight check', 'checkStory, spelling on (en-NZ)', times.spelling!, 'checkStory, spelling off', times.noSpelling!, [
      `dictionary load (once per process): ${loadMs.toFixed(0)} ms; first check after it: ${firstMs.toFixed(0)} ms`,
      'target: ≤ 300 ms with spelling on',
    ]),
  ];
}

// ---- 3a. HTML export --------------------------------------------------------------------

const HEADLESS_NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode];

/** @lexical/headless: parse the serialized state into an editor, then $generateHtmlFromNodes under withDOM (happy-dom). */
export function headlessHtml(state: SerializedEditorState): string {
  const editor = createHeadlessEditor({
    namespace: 'bench-headless',
    nodes: HEADLESS_NODES,
    onError: (error) => {
      throw error;
    },
  });
  editor.setEditorState(editor.parseEditorState(state));
  return withDOM(() => editor.read(() => $generateHtmlFromNodes(editor, null)));
}

type ExportBundle = typeof ExportEntry;

/** Our export code bundled by esbuild (no tsx wrappers), as the app and a built CLI run it. */
async function loadExportBundle(outDir: string): Promise<ExportBundle> {
  const outfile = path.join(outDir, 'export-lib.mjs');
  await build({
    entryPoints: ['bench/export-entry.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile,
    logLevel: 'warning',
  });
  return (await import(pathToFileURL(outfile).href)) as ExportBundle;
}

export async function benchExport(gen: GeneratedStory, workDir: string, runs: number): Promise<Pair[]> {
  const { exportStory, renderFragment, restoreStoryText } = await loadExportBundle(workDir);
  const restored = restoreStoryText(gen.text);
  if (!restored.ok) throw new Error(`generated story does not restore: ${restored.reason}`);
  const story: Story = restored.story;
  const peer = headlessPeerState(story) as unknown as SerializedEditorState;
  let sink = 0;
  const times = await interleave(
    {
      // The HTML renderer itself, photos pointing at images/<sha256>.png: the same text content headless gets.
      ours: () => (sink += renderFragment(story, { assets: 'dir' }).length),
      // exportStory as Export / Copy as HTML run it: every photo inlined as a data: URI.
      oursInline: () => (sink += exportStory(story, { format: 'html' }).text.length),
      headless: () => (sink += headlessHtml(peer).length),
    },
    runs,
  );
  if (sink === 0) throw new Error('export produced nothing');
  const headlessBytes = headlessHtml(peer).length;
  const oursBytes = renderFragment(story, { assets: 'dir' }).length;
  const inlineBytes = exportStory(story, { format: 'html' }).text.length;
  const headless = '@lexical/headless + $generateHtmlFromNodes';
  return [
    pairOf('HTML export (images referenced)', 'shared/export renderFragment', times.ours!, headless, times.headless!, [
      `same text content: ours ${(oursBytes / 1e6).toFixed(2)} MB of HTML (photos as figure/img/figcaption, tweets as blockquote.twitter-tweet), headless ${(headlessBytes / 1e6).toFixed(2)} MB (stock nodes; tweets, photos and the helpline as paragraphs). Restore already checked every photo's base64 (${(Object.values(story.assets).reduce((n, a) => n + a.data.length, 0) / 1e6).toFixed(1)} MB), so ours does not scan it again (it does for input that never went through restore).`,
    ]),
    pairOf('HTML export (images inline)', 'exportStory --format html', times.oursInline!, headless, times.headless!, [
      `inline: ours carries the ${gen.photos} images as data: URIs (${(inlineBytes / 1e6).toFixed(1)} MB); headless has no image node`,
    ]),
  ];
}

// ---- 3b. the CLI end to end ---------------------------------------------------------------

function spawnTimed(args: string[]): number {
  const t0 = now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const t = now() - t0;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr?.toString().slice(0, 500)}`);
  return t;
}

/**
 * `npm run cli` is `node scripts/cli.mjs`: the bundled CLI (dist/cli/, rebuilt when its sources
 * change; built once here before timing). Export end to end, and `--help` for what start-up
 * alone costs, each vs `node -e ''`.
 */
export async function benchCli(storyPath: string, workDir: string, runs: number): Promise<Pair[]> {
  const { buildCli } = (await import(pathToFileURL(path.resolve('scripts/build-cli.mjs')).href)) as { buildCli: () => Promise<void> };
  await buildCli();
  const out = path.join(workDir, 'cli-export.html');
  // The same story as a container, for `validate` (which hashes every photo, streaming).
  const container = path.join(workDir, 'cli-validate.story');
  rmSync(container, { force: true });
  writeFileSync(container, await storyBytesFor(container, readFileSync(storyPath, 'utf8')));
  const times = await interleave(
    {
      cli: () => spawnTimed(['scripts/cli.mjs', 'export', storyPath, '--format', 'page', '-o', out]),
      validate: () => spawnTimed(['scripts/cli.mjs', 'validate', container]),
      help: () => spawnTimed(['scripts/cli.mjs', '--help']),
      empty: () => spawnTimed(['-e', '']),
    },
    runs,
    1,
  );
  return [
    pairOf(
      'CLI export --format page (`npm run cli`: the bundled CLI)',
      'node scripts/cli.mjs export',
      times.cli!,
      "node -e ''",
      times.empty!,
      [
        "the CLI reads the file, restores it through the schema (JSON.parse, every node and every photo's base64 checked), renders the page with every photo inlined and writes it atomically with fsync",
      ],
    ),
    pairOf('CLI start-up alone', 'node scripts/cli.mjs --help', times.help!, "node -e ''", times.empty!),
    pairOf('CLI validate of the container', 'node scripts/cli.mjs validate', times.validate!, "node -e ''", times.empty!, [
      "the CLI reads the container's directory, parses and restores story.json, and streams every photo through SHA-256",
    ]),
  ];
}

// ---- 4. save --------------------------------------------------------------------------------

function plainWrite(file: string, bytes: Buffer) {
  const fd = openSync(file, 'w');
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * writeStoryFile (read + hash the old file for the conflict check, write the .bak, write
 * a temp file, fsync, rename) on a story whose text changed since the last save — so a
 * backup is written every time, as in real use — vs a plain write + fsync of the same bytes.
 */
export async function benchSave(gen: GeneratedStory, workDir: string, runs: number): Promise<Pair[]> {
  const dir = path.join(workDir, `save-${gen.size}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const atomicPath = path.join(dir, 'atomic.story');
  const plainPath = path.join(dir, 'plain.story');
  // Two versions of the story, as an edit between saves makes them.
  const versions = [gen.text, gen.text.replace('"headline": "Live:', '"headline": "LIVE:')];
  // What Save writes: the container (photos stored as their bytes, not base64); the plain write gets as many bytes.
  const bytes = await Promise.all(versions.map((v) => storyBytesFor(atomicPath, v)));
  let stamp = (await writeStoryFile(atomicPath, versions[1]!, { expected: null, overwrite: true })).stamp;
  const barePath = path.join(dir, 'bare-atomic.story');
  let i = 0;
  let j = 0;
  let k = 0;
  const times = await interleave(
    {
      atomic: async () => {
        stamp = (await writeStoryFile(atomicPath, versions[i++ % 2]!, { expected: stamp })).stamp;
      },
      // The atomic write alone (temp file, fsync, rename), without the conflict check and backup.
      bare: () => writeFileAtomic(barePath, bytes[k++ % 2]!, { fsync: true }),
      plain: () => plainWrite(plainPath, bytes[j++ % 2]!),
    },
    runs,
  );
  const leftovers = (await fs.readdir(dir)).filter(
    (f) => !['atomic.story', 'atomic.story.bak', 'plain.story', 'bare-atomic.story'].includes(f),
  );
  rmSync(dir, { recursive: true, force: true });
  return [
    pairOf(
      `Save ${gen.size} (${(bytes[0]!.length / 1e6).toFixed(1)} MB)`,
      'writeStoryFile (atomic + .bak)',
      times.atomic!,
      'fs write + fsync',
      times.plain!,
      leftovers.length ? [`left behind: ${leftovers.join(', ')}`] : undefined,
    ),
    pairOf(
      `Save ${gen.size}, the atomic write alone`,
      'write-file-atomic (temp, fsync, rename)',
      times.bare!,
      'fs write + fsync',
      times.plain!,
      [
        'writeStoryFile = UTF-8 encode + stat (conflict check: the file is read and hashed only when its stat differs from the stamp) + a hard link of the old file staged as .bak + the atomic write (temp, fsync, rename) with the new bytes hashed meanwhile + the .bak rename + stat + a scan for leftover temp files',
      ],
    ),
  ];
}

// ---- 5. compare -------------------------------------------------------------------------------

/**
 * The story as a subeditor leaves it: a word changed in every 40th block, five paragraphs
 * moved, three blocks cut, two paragraphs written, a photo credit and the headline changed.
 */
export function editedCopy(story: Story): Story {
  const copy = structuredClone(story);
  const blocks = copy.body.root.children;
  const firstText = (node: SerializedBodyNode) => node.children?.find((c) => c.type === 'text');
  for (let k = 5; k < blocks.length; k += 40) {
    const text = firstText(blocks[k]!);
    if (text && typeof text.text === 'string') text.text = text.text.replace(/\b\p{L}{4,}\b/u, 'reportedly');
  }
  for (let k = 0; k < 5; k++) blocks.splice(100 + k * 80, 0, ...blocks.splice(30 + k * 90, 1));
  blocks.splice(Math.floor(blocks.length / 2), 3);
  const written = (text: string): SerializedBodyNode => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
  });
  blocks.splice(200, 0, written('Police have confirmed the road will stay closed overnight.'));
  blocks.splice(900, 0, written('Whānau were told to expect more rain on Thursday.'));
  const photo = blocks.find((b) => b.type === 'photo');
  if (photo) photo.credit = 'RNZ';
  copy.meta.headline = `${copy.meta.headline} (updated)`;
  return copy;
}

/**
 * compareStories (block alignment, then words inside changed blocks) of the big story against
 * an edited copy, vs the `diff` package's diffWords over the two stories' plain text: what a
 * word diff of the whole text costs, with no blocks, fields or moves.
 */
export function benchDiff(gen: GeneratedStory, runs: number): Pair[] {
  const before = gen.story;
  const after = editedCopy(before);
  const textBefore = bodyPlainText(before.body);
  const textAfter = bodyPlainText(after.body);
  let sink = 0;
  const times: Record<'compare' | 'words', number[]> = { compare: [], words: [] };
  for (let r = 0; r < runs + 2; r++) {
    for (const name of rotate(['compare', 'words'] as const, r)) {
      const t0 = now();
      sink += name === 'compare' ? compareStories(before, after).blocks.length : diffWords(textBefore, textAfter).length;
      if (r >= 2) times[name].push(now() - t0);
    }
  }
  if (sink === 0) throw new Error('compare produced nothing');
  const stats = compareStories(before, after).stats;
  return [
    pairOf(
      `Diff of ${gen.size} against an edited ${gen.size} (ms)`,
      'shared/compare compareStories',
      times.compare,
      'diffWords over the plain text',
      times.words,
      [
        `compare found ${stats.wordsInserted} words added, ${stats.wordsDeleted} removed, ${stats.blocksInserted} blocks added, ${stats.blocksDeleted} removed, ${stats.blocksMoved} moved (and the photo credit and headline)`,
      ],
    ),
  ];
}
