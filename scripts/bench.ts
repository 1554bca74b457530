/**
 * `npm run bench` — Copydesk against its peers (issue #7). See BENCHMARKS.md.
 *
 *   npm run bench                 S, M and L; writes the results into BENCHMARKS.md
 *   npm run bench -- --quick      S and M, fewer keys (CI-sized, < 2 min); prints only
 *   npm run bench -- --quick --write   …and writes BENCHMARKS.md too, marked quick
 *   npm run bench -- --sizes L --keys 60   (development: chosen sizes, keys per place; prints only)
 *   npm run bench -- --renderer DIR        (development: measure another build of the renderer, e.g. a "before";
 *                                          build it with `vite build --mode bench` so it carries the hook)
 *
 * The last line printed is one machine-readable summary: `bench: key=value …`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as viteBuild } from 'vite';
import { startHarness } from '../electron/web-harness';
import {
  benchHeap,
  benchSizeInBrowser,
  chromiumVersion,
  launchBrowser,
  POSITIONS,
  type HeapResult,
  type Position,
  type SizeContent,
} from '../bench/browser';
import { generateStory, lexicalPeerState, plainParagraphs, type BenchSize, type GeneratedStory } from '../bench/generate';
import { benchCheck, benchCli, benchDiff, benchExport, benchSave } from '../bench/node';
import { check, heapTable, keystrokeRatios, pairTable, sizeTables, targetsTable, type SizeReport, type Target } from '../bench/report';
import { fmtBytes, fmtRatio, ratio } from '../bench/stats';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const sizesOption = option('--sizes')
  ?.split(',')
  .map((s) => s.trim().toUpperCase()) as BenchSize[] | undefined;
const keysOption = option('--keys') === undefined ? undefined : Number(option('--keys'));
const rendererOption = option('--renderer');
const custom = sizesOption !== undefined || keysOption !== undefined || rendererOption !== undefined;
const write = (!quick && !custom) || argv.includes('--write');
const unknown = argv.filter(
  (a, i) =>
    !['--quick', '--write', '--sizes', '--keys', '--renderer'].includes(a) &&
    !['--sizes', '--keys', '--renderer'].includes(argv[i - 1] ?? ''),
);
if (
  unknown.length ||
  (sizesOption && !sizesOption.every((s) => ['S', 'M', 'L'].includes(s))) ||
  (keysOption !== undefined && !(keysOption > 0))
) {
  console.error(`usage: npm run bench [-- --quick] [--write] [--sizes S,M,L] [--keys N] [--renderer DIR]  (unknown: ${unknown.join(' ')})`);
  process.exit(2);
}

const plan: { sizes: BenchSize[]; keys: number; chunk: number; openRuns: number; exportRuns: number; saveRuns: number; cliRuns: number } =
  quick
    ? { sizes: ['S', 'M'] as BenchSize[], keys: 30, chunk: 15, openRuns: 3, exportRuns: 5, saveRuns: 5, cliRuns: 2 }
    : { sizes: ['S', 'M', 'L'] as BenchSize[], keys: 300, chunk: 100, openRuns: 9, exportRuns: 11, saveRuns: 11, cliRuns: 7 };
if (sizesOption) plan.sizes = sizesOption;
if (keysOption) {
  plan.keys = keysOption;
  plan.chunk = Math.min(plan.chunk, keysOption);
}
const big = plan.sizes.at(-1)!;

const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${line}`);

const benchDir = path.join(root, 'dist', 'bench');
const workDir = path.join(benchDir, 'work');
const docsDir = path.join(workDir, 'docs');
const rendererDir = rendererOption ? path.resolve(rendererOption) : path.join(benchDir, 'renderer');
const pagesDir = path.join(benchDir, 'pages');

// ---- builds: the real renderer (into dist/bench/renderer, so a parallel e2e build of
// dist/renderer is never disturbed) and the peer pages; rebuilt only when sources changed.

function newest(paths: string[]): number {
  let latest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const entry of readdirSync(p)) walk(path.join(p, entry));
    else latest = Math.max(latest, st.mtimeMs);
  };
  for (const p of paths) walk(p);
  return latest;
}

async function buildIfStale(outDir: string, sources: string[], run: () => Promise<unknown>, name: string) {
  const marker = path.join(outDir, '.built');
  if (existsSync(marker) && statSync(marker).mtimeMs > newest(sources)) return log(`${name}: up to date`);
  log(`${name}: building…`);
  await run();
  writeFileSync(marker, new Date().toISOString());
}

if (!rendererOption)
  await buildIfStale(
    rendererDir,
    ['renderer', 'shared', 'vite.config.ts', 'package-lock.json'],
    // --mode bench: the build that carries the benchmark hook (window.__copydeskBench).
    () =>
      viteBuild({
        configFile: path.join(root, 'vite.config.ts'),
        mode: 'bench',
        logLevel: 'warn',
        build: { outDir: rendererDir, emptyOutDir: true },
      }),
    'renderer',
  );
await buildIfStale(
  pagesDir,
  ['bench/pages', 'bench/vite.config.ts', 'package-lock.json'],
  () => viteBuild({ configFile: path.join(root, 'bench', 'vite.config.ts'), logLevel: 'warn' }),
  'peer pages',
);

// ---- stories --------------------------------------------------------------------------------

rmSync(workDir, { recursive: true, force: true });
mkdirSync(docsDir, { recursive: true });
const stories = new Map<BenchSize, GeneratedStory>();
for (const size of plan.sizes) {
  const gen = generateStory(size);
  stories.set(size, gen);
  writeFileSync(path.join(docsDir, `live-${size}.story`), gen.text);
  log(`story ${size}: ${gen.words} words, ${gen.tweets} tweets, ${gen.photos} photos, ${fmtBytes(Buffer.byteLength(gen.text))}`);
}

function contentOf(gen: GeneratedStory): SizeContent {
  const children = gen.story.body.root.children;
  const paragraphs = children.flatMap((n, i) => (n.type === 'paragraph' ? [i] : []));
  const middle = paragraphs.reduce(
    (best, i) => (Math.abs(i - children.length / 2) < Math.abs(best - children.length / 2) ? i : best),
    paragraphs[0]!,
  );
  const targets: Record<Position, { index: number; where: 'start' | 'end' }> = {
    top: { index: paragraphs[0]!, where: 'start' },
    middle: { index: middle, where: 'end' },
    end: { index: paragraphs.at(-1)!, where: 'end' },
  };
  return {
    storyText: gen.text,
    lexicalText: JSON.stringify(lexicalPeerState(gen.story)),
    lexicalWithAssetsText: JSON.stringify({ editorState: lexicalPeerState(gen.story), assets: gen.story.assets }),
    bareText: JSON.stringify(plainParagraphs(gen.story)),
    targets,
    blockCount: children.length,
  };
}

// ---- Node side first (nothing else of ours running) ----------------------------------------

const bigStory = stories.get(big)!;
log(`export (${big})…`);
const exportPairs = await benchExport(bigStory, workDir, plan.exportRuns);
log(`save (${big})…`);
const savePairs = await benchSave(bigStory, workDir, plan.saveRuns);
log(`CLI (${big})…`);
const cliPairs = await benchCli(path.join(docsDir, `live-${big}.story`), workDir, plan.cliRuns);
log(`diff (${big})…`);
const diffPairs = benchDiff(bigStory, plan.exportRuns);
log(`preflight check (${big})…`);
const checkPairs = await benchCheck(bigStory, workDir, plan.exportRuns);

// ---- Chromium ---------------------------------------------------------------------------------

const peersServer = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/+/, '');
  const file = path.resolve(pagesDir, rel);
  if (!file.startsWith(pagesDir + path.sep) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
  const type = file.endsWith('.html')
    ? 'text/html; charset=utf-8'
    : file.endsWith('.js')
      ? 'text/javascript'
      : file.endsWith('.css')
        ? 'text/css'
        : 'application/octet-stream';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(readFileSync(file));
});
await new Promise<void>((resolve) => peersServer.listen(0, '127.0.0.1', resolve));
const peersUrl = `http://127.0.0.1:${(peersServer.address() as { port: number }).port}/`;
const harness = await startHarness({ rendererDir, docsDir, port: 0 });
const resetCopydesk = () => rmSync(path.join(docsDir, '.copydesk', 'recovery'), { recursive: true, force: true });
const browser = await launchBrowser();
const version = chromiumVersion(browser);
const reports: SizeReport[] = [];
let heap: HeapResult;
try {
  for (const size of plan.sizes) {
    const gen = stories.get(size)!;
    log(`Chromium, ${size}…`);
    const { open, keys } = await benchSizeInBrowser(browser, { copydeskUrl: harness.url, peersUrl, resetCopydesk }, contentOf(gen), {
      openRuns: plan.openRuns,
      keysPerPosition: plan.keys,
      chunk: plan.chunk,
      log,
    });
    reports.push({
      size,
      words: gen.words,
      tweets: gen.tweets,
      photos: gen.photos,
      fileBytes: Buffer.byteLength(gen.text),
      keysPerPosition: plan.keys,
      open,
      keys,
    });
  }
  log(`heap (${big})…`);
  heap = await benchHeap(browser, { copydeskUrl: harness.url, peersUrl, resetCopydesk }, contentOf(bigStory));
} finally {
  await browser.close();
  await harness.close();
  peersServer.close();
}

// ---- bundle size --------------------------------------------------------------------------------

const assets = path.join(rendererDir, 'assets');
const jsFiles = readdirSync(assets).filter((f) => f.endsWith('.js'));
const cssFiles = readdirSync(assets).filter((f) => f.endsWith('.css'));
const sizeOf = (files: string[]) =>
  files.reduce(
    (acc, f) => {
      const bytes = readFileSync(path.join(assets, f));
      return { raw: acc.raw + bytes.length, gzip: acc.gzip + gzipSync(bytes, { level: 9 }).length };
    },
    { raw: 0, gzip: 0 },
  );
const js = sizeOf(jsFiles);
const css = sizeOf(cssFiles);

// ---- targets (the largest size run) ---------------------------------------------------------------

const last = reports.at(-1)!;
const targets: Target[] = [];
for (const position of POSITIONS) {
  const k = keystrokeRatios(last.keys, position);
  targets.push(check(`keystroke p95 at the ${position} vs stock Lexical (${big})`, k.p95VsLexical, 1.1));
  targets.push(check(`keystroke p95 at the ${position} vs bare contenteditable (${big})`, k.p95VsBare, 2));
}
const openRatio = ratio(median(last.open.copydesk), median(last.open.lexical));
targets.push(check(`open vs stock Lexical, median (${big})`, openRatio, 1.2));
const exportHeadline = exportPairs.find((p) => p.name.includes('referenced'))!;
targets.push(check(`HTML export vs @lexical/headless, median (${big}; ≤ 0.05 = 20× faster)`, exportHeadline.ratio, 0.05));
targets.push(check(`CLI export --format page vs node -e '' (${big})`, cliPairs[0]!.ratio, 4));
const validatePair = cliPairs.find((p) => p.name.startsWith('CLI validate'))!;
targets.push(check(`CLI validate of the container vs node -e '' (${big})`, validatePair.ratio, 3));
targets.push(check(`atomic save vs write + fsync (${big})`, savePairs[0]!.ratio, 1.3));
const heapRatio = ratio(heap.copydesk.opened.js, heap.lexical.opened.js);
targets.push(check(`JS heap with the story open vs stock Lexical (${big})`, heapRatio, 1.5));
const processRatio = ratio(heap.copydesk.opened.process, heap.lexical.opened.process);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
}

// ---- output -----------------------------------------------------------------------------------

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpu} × ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}; Node ${process.version}; Chromium ${version} (headless, /usr/bin/chromium); load average at the end ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}`;
const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const sections = [
  `Run: ${date}, ${quick ? '**quick**' : custom ? '**custom**' : 'full'} (${plan.sizes.join(', ')}; ${plan.keys} keys per place per editor), ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  `Machine: ${machine}.`,
  ...(rendererOption ? [`Renderer measured: ${path.relative(root, rendererDir)} (not the current build).`] : []),
  '',
  `#### Targets (${big})`,
  '',
  targetsTable(targets),
  ...reports.map(sizeTables),
  pairTable(`#### Export, CLI, save, diff and preflight check (${big})`, [
    ...exportPairs,
    ...cliPairs,
    ...savePairs,
    ...diffPairs,
    ...checkPairs,
  ]),
  heapTable(big, heap),
  `Renderer bundle (dist/renderer/assets): JS ${fmtBytes(js.raw)} raw, ${fmtBytes(js.gzip)} gzip (${jsFiles.length} file${jsFiles.length === 1 ? '' : 's'}); CSS ${fmtBytes(css.raw)} raw, ${fmtBytes(css.gzip)} gzip.`,
  '',
];
const results = sections.join('\n');
writeFileSync(
  path.join(benchDir, 'last-run.json'),
  JSON.stringify(
    { date, quick, machine, reports, exportPairs, cliPairs, savePairs, diffPairs, checkPairs, heap, js, css, targets },
    null,
    1,
  ),
);
console.log(`\n${results}`);

if (write) {
  const file = path.join(root, 'BENCHMARKS.md');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const block = `${start}\n${results}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`;
  const next =
    current.includes(start) && current.includes(end)
      ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => block)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
  log('wrote BENCHMARKS.md');
}

const worstLexical = Math.max(...POSITIONS.map((p) => keystrokeRatios(last.keys, p).p95VsLexical));
const worstBare = Math.max(...POSITIONS.map((p) => keystrokeRatios(last.keys, p).p95VsBare));
const summary: [string, string][] = [
  ['mode', quick ? 'quick' : custom ? 'custom' : 'full'],
  ['size', big],
  ['keystroke-p95-vs-lexical', fmtRatio(worstLexical)],
  ['keystroke-p95-vs-bare', fmtRatio(worstBare)],
  ['open-vs-lexical', fmtRatio(openRatio)],
  ['export-vs-headless', fmtRatio(exportHeadline.ratio)],
  ['cli-vs-node', fmtRatio(cliPairs[0]!.ratio)],
  ['validate-vs-node', fmtRatio(validatePair.ratio)],
  ['save-vs-write', fmtRatio(savePairs[0]!.ratio)],
  ['diff-ms', diffPairs[0]!.a.summary.median.toFixed(0)],
  ['heap-vs-lexical', fmtRatio(heapRatio)],
  ['heap-every-block-vs-lexical', fmtRatio(ratio(heap.copydesk.everyBlock.js, heap.lexical.opened.js))],
  ['renderer-memory-vs-lexical', fmtRatio(processRatio)],
  ['bundle-js-gzip-kb', (js.gzip / 1024).toFixed(0)],
  ['targets-met', `${targets.filter((t) => t.met).length}/${targets.length}`],
];
console.log(`bench: ${summary.map(([k, v]) => `${k}=${v}`).join(' ')}`);
