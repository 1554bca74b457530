/**
 * Where the time goes: a V8 CPU profile of Copydesk (the built renderer, through the web
 * harness) while it opens a generated story or while keys are typed into it.
 *
 *   npx tsx bench/profile.ts [--size S|M|L] [--what keys|open] [--at top|middle|end] [--keys N] [--peer copydesk|lexical]
 *                            [--stub-journal | --no-journal] [--css 'extra CSS']
 *
 * --stub-journal answers the crash journal's writes in the page without sending them (the
 * story is still serialised once a second while typing, only the upload is skipped);
 * --no-journal drops the journal's one-second timer altogether (what typing costs without
 * it); --css adds a style sheet (to try a CSS fix, e.g. content-visibility, before making it).
 *
 * Prints the heaviest functions by self time and by total time (with their source file),
 * and writes the .cpuprofile to dist/bench/ (open it in Chromium DevTools → Performance).
 * Needs `npm run bench` to have built dist/bench/renderer and dist/bench/pages once.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness } from '../electron/web-harness';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';
import { generateStory, lexicalPeerState, type BenchSize } from './generate';
import { PROBE_SOURCE } from './probe';
import { chromium } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const size = arg('size', 'M') as BenchSize;
const what = arg('what', 'keys');
const at = arg('at', 'top');
const keys = Number(arg('keys', '150'));
const peer = arg('peer', 'copydesk');

const root = fileURLToPath(new URL('..', import.meta.url));

/** Maps minified positions in a built bundle back to source files and function names (Node's own SourceMap). */
function sourceMapper(assetsDirs: string[]): (url: string, line: number, column: number) => string | null {
  const maps = new Map<string, SourceMap>();
  for (const dir of assetsDirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (f.endsWith('.js.map')) maps.set(f.replace(/\.map$/, ''), new SourceMap(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))));
  }
  return (url, line, column) => {
    const map = maps.get(url.split('/').pop() ?? '');
    if (!map) return null;
    const entry = map.findEntry(line, column) as { originalSource?: string; originalLine?: number; name?: string };
    if (!entry.originalSource) return null;
    return `${entry.name ? `${entry.name} ` : ''}${entry.originalSource.replace(/^.*?(node_modules|renderer|shared)\//, '$1/')}:${(entry.originalLine ?? 0) + 1}`;
  };
}

const mapSource = sourceMapper([path.join(root, 'dist', 'bench', 'renderer', 'assets'), path.join(root, 'dist', 'bench', 'pages', 'assets')]);

export function summarizeProfile(profile: CpuProfile, top = 30): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${mapSource(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber) ?? `${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`}`;
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    all += dt;
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  });
  const fmt = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${(v / 1000).toFixed(1).padStart(9)} ms  ${((100 * v) / all).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return `profile: ${(all / 1000).toFixed(0)} ms sampled\n\nby self time:\n${fmt(self)}\n\nby total time:\n${fmt(total)}`;
}

async function main() {
  const gen = generateStory(size);
  const docsDir = path.join(root, 'dist', 'bench', 'profile-docs');
  mkdirSync(docsDir, { recursive: true });
  const pagesDir = path.join(root, 'dist', 'bench', 'pages');
  const server = http.createServer((req, res) => {
    const file = path.join(pagesDir, new URL(req.url ?? '/', 'http://x').pathname);
    if (!file.startsWith(pagesDir) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file.endsWith('.html') ? 'text/html' : file.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const harness = await startHarness({ rendererDir: path.join(root, 'dist', 'bench', 'renderer'), docsDir, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    const page = await context.newPage();
    const isCopydesk = peer === 'copydesk';
    await page.goto(isCopydesk ? `${harness.url}?bench` : `http://127.0.0.1:${(server.address() as { port: number }).port}/${peer}.html`);
    await page.waitForFunction(isCopydesk ? 'window.__copydeskBench' : 'window.__benchPeer');
    await page.evaluate(PROBE_SOURCE);
    await page.evaluate(`window.__probe.attach('.editor-body')`);
    const text = isCopydesk ? gen.text : JSON.stringify(lexicalPeerState(gen.story));
    await page.evaluate(`window.__probe.setBytes(${JSON.stringify(text)})`);
    const kind = isCopydesk ? 'copydesk' : 'peer';
    if (process.argv.includes('--stub-journal')) {
      await page.evaluate(`(() => { const f = window.fetch; window.fetch = (u, o) => String(u).includes('journal') ? Promise.resolve(new Response('{"ok":true,"value":{}}')) : f(u, o); })()`);
    }
    if (process.argv.includes('--no-journal')) {
      // JOURNAL_DELAY_MS (renderer/document/journal.ts) is the only one-second timer the app sets.
      await page.evaluate(`(() => { const st = window.setTimeout; window.setTimeout = (fn, ms, ...rest) => ms === 1000 ? 0 : st(fn, ms, ...rest); })()`);
    }
    if (process.argv.includes('--css')) await page.addStyleTag({ content: arg('css', '') });
    await page.evaluate(`window.__probe.open('${kind}')`);
    if (isCopydesk) await page.evaluate('window.__probe.waitPhotos()');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const children = gen.story.body.root.children;
    const paragraphs = children.flatMap((n, i) => (n.type === 'paragraph' ? [i] : []));
    const index = at === 'top' ? paragraphs[0]! : at === 'end' ? paragraphs.at(-1)! : paragraphs[Math.floor(paragraphs.length / 2)]!;
    if (what === 'keys') await page.evaluate(`window.__probe.place(${index}, '${at === 'top' ? 'start' : 'end'}')`);
    await cdp.send('Profiler.start');
    const times: number[] = [];
    if (what === 'open') {
      for (let i = 0; i < 5; i++) {
        times.push((await page.evaluate(`window.__probe.open('${kind}')`)) as number);
        if (isCopydesk) await page.evaluate('window.__probe.waitPhotos()');
      }
    } else {
      const typed = 'the storm passed over the harbour before dawn and the ferries ran again by noon ';
      for (let i = 0; i < keys; i++) {
        const ch = typed[i % typed.length]!;
        await page.keyboard.press(ch === ' ' ? 'Space' : ch);
        await page.evaluate('window.__probe.waitKey()');
      }
      const samples = (await page.evaluate('window.__probe.take()')) as { total: number; work: number }[];
      times.push(...samples.map((s) => s.total));
    }
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const out = path.join(root, 'dist', 'bench', `profile-${peer}-${size}-${what}${what === 'keys' ? `-${at}` : ''}.cpuprofile`);
    writeFileSync(out, JSON.stringify(profile));
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`${peer} ${size} ${what}${what === 'keys' ? ` at the ${at}` : ''}: n=${times.length} median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]?.toFixed(1)} ms`);
    console.log(summarizeProfile(profile, Number(arg('top', '30'))));
    console.log(`\nwrote ${path.relative(root, out)}`);
  } finally {
    await browser.close();
    await harness.close();
    server.close();
  }
}

if (process.argv[1] && /profile\.ts$/.test(process.argv[1])) await main();
