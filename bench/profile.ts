/**
 * Where the time goes: a V8 CPU profile of Copydesk (the built renderer, through the web
 * harness) while it opens a generated story or while keys are typed into it.
 *
 *   npx tsx bench/profile.ts [--size S|M|L] [--what keys|open|open-once|save|heap] [--at top|middle|end] [--keys N] [--peer copydesk|lexical]
 *                            [--stub-journal | --no-journal] [--css 'extra CSS']
 *
 * --stub-journal answers the crash journal's writes in the page without sending them (the
 * story is still serialised once a second while typing, only the upload is skipped);
 * --no-journal drops the journal's one-second timer altogether (what typing costs without
 * it); --css adds a style sheet (to try a CSS fix, e.g. content-visibility, before making it).
 *
 * Prints the heaviest functions by self time and by total time (with their source file),
 * and writes the .cpuprofile to dist/bench/ (open it in Chromium DevTools → Performance).
 * --what save profiles making the text Save writes, five times (Copydesk only).
 * --what open-once profiles a single open (after three unprofiled ones), without the photo
 * previews and block batches that follow it. --what heap instead takes a heap snapshot with the story open (after two forced GCs) and
 * prints what fills the V8 heap: self size by kind and constructor, and the biggest strings
 * with what holds them; the .heapsnapshot goes to dist/bench/ (DevTools → Memory).
 * Needs `npm run bench` to have built dist/bench/renderer and dist/bench/pages once.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
    for (const f of readdirSync(dir))
      if (f.endsWith('.js.map')) maps.set(f.replace(/\.map$/, ''), new SourceMap(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))));
  }
  return (url, line, column) => {
    const map = maps.get(url.split('/').pop() ?? '');
    if (!map) return null;
    const entry = map.findEntry(line, column) as { originalSource?: string; originalLine?: number; name?: string };
    if (!entry.originalSource) return null;
    return `${entry.name ? `${entry.name} ` : ''}${entry.originalSource.replace(/^.*?(node_modules|renderer|shared)\//, '$1/')}:${(entry.originalLine ?? 0) + 1}`;
  };
}

const mapSource = sourceMapper([
  path.join(root, 'dist', 'bench', 'renderer', 'assets'),
  path.join(root, 'dist', 'bench', 'pages', 'assets'),
]);

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

interface HeapSnapshot {
  snapshot: {
    meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** What fills a V8 heap snapshot: self size by kind and name, and the biggest objects with the edges that hold them. */
export function summarizeHeap(snap: HeapSnapshot, top = 25): string {
  const { node_fields: nf, node_types, edge_fields: ef, edge_types } = snap.snapshot.meta;
  const N = nf.length;
  const E = ef.length;
  const [fType, fName, fSize, fEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f)) as [
    number,
    number,
    number,
    number,
  ];
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f)) as [number, number, number];
  const kinds = node_types[0];
  const edgeKinds = edge_types[0];
  const count = snap.nodes.length / N;
  const groups = new Map<string, { size: number; count: number }>();
  const holders = new Map<number, string[]>();
  let all = 0;
  const name = (i: number) => {
    const kind = kinds[snap.nodes[i * N + fType]!]!;
    const raw = snap.strings[snap.nodes[i * N + fName]!] ?? '';
    return kind === 'string' || kind === 'concatenated string' || kind === 'sliced string'
      ? `${kind} "${raw.slice(0, 40).replace(/\s+/g, ' ')}…" (${raw.length} chars)`
      : `${kind} ${raw.slice(0, 60)}`;
  };
  for (let i = 0; i < count; i++) {
    const kind = kinds[snap.nodes[i * N + fType]!]!;
    const size = snap.nodes[i * N + fSize]!;
    all += size;
    const key =
      kind === 'string' || kind === 'concatenated string' || kind === 'sliced string'
        ? `(${kind}s)`
        : `${kind} ${snap.strings[snap.nodes[i * N + fName]!]?.slice(0, 60)}`;
    const g = groups.get(key) ?? { size: 0, count: 0 };
    g.size += size;
    g.count++;
    groups.set(key, g);
  }
  const biggest = Array.from({ length: count }, (_, i) => i)
    .sort((a, b) => snap.nodes[b * N + fSize]! - snap.nodes[a * N + fSize]!)
    .slice(0, top);
  // Who holds what: every strong edge reversed, then one retainer chain per big object.
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i]! + snap.nodes[i * N + fEdges]! * E;
  const retainers = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e += E) {
      if (edgeKinds[snap.edges[e + eType]!] === 'weak') continue;
      const to = snap.edges[e + eTo]! / N;
      const list = retainers.get(to) ?? [];
      if (list.length < 8) list.push(e);
      retainers.set(to, list);
    }
  }
  const owner = (e: number) => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firstEdge[mid]! <= e) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const edgeLabel = (e: number) => {
    const kind = edgeKinds[snap.edges[e + eType]!];
    return kind === 'element' || kind === 'hidden'
      ? `[${snap.edges[e + eName]}]`
      : String(snap.strings[snap.edges[e + eName]!]).slice(0, 50);
  };
  for (const i of biggest) {
    const chain: string[] = [];
    const seen = new Set([i]);
    for (let cur = i, depth = 0; depth < 8; depth++) {
      const e = (retainers.get(cur) ?? []).find((x) => !seen.has(owner(x)));
      if (e === undefined) break;
      cur = owner(e);
      seen.add(cur);
      chain.push(`${name(cur)} .${edgeLabel(e)}`);
    }
    holders.set(i * N, chain);
  }
  const mb = (n: number) => `${(n / 1e6).toFixed(2).padStart(7)} MB`;
  const lines = [`heap snapshot: ${mb(all)} in ${count} objects`, '', 'self size by kind and name:'];
  for (const [k, g] of [...groups.entries()].sort((a, b) => b[1].size - a[1].size).slice(0, top))
    lines.push(`${mb(g.size)}  ${String(g.count).padStart(8)}×  ${k}`);
  lines.push('', 'biggest objects, and what holds them:');
  for (const i of biggest)
    lines.push(`${mb(snap.nodes[i * N + fSize]!)}  ${name(i)}`, ...(holders.get(i * N) ?? []).map((h) => `              ← ${h}`));
  return lines.join('\n');
}

async function main() {
  const gen = generateStory(size);
  const docsDir = path.join(root, 'dist', 'bench', 'profile-docs');
  // A fresh documents folder each time: a crash journal left by an earlier profile would show the recovery prompt.
  rmSync(docsDir, { recursive: true, force: true });
  mkdirSync(docsDir, { recursive: true });
  const pagesDir = path.join(root, 'dist', 'bench', 'pages');
  const server = http.createServer((req, res) => {
    const file = path.join(pagesDir, new URL(req.url ?? '/', 'http://x').pathname);
    if (!file.startsWith(pagesDir) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
    res
      .writeHead(200, { 'Content-Type': file.endsWith('.html') ? 'text/html' : file.endsWith('.css') ? 'text/css' : 'text/javascript' })
      .end(readFileSync(file));
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
      await page.evaluate(
        `(() => { const f = window.fetch; window.fetch = (u, o) => String(u).includes('journal') ? Promise.resolve(new Response('{"ok":true,"value":{}}')) : f(u, o); })()`,
      );
    }
    if (process.argv.includes('--no-journal')) {
      // JOURNAL_DELAY_MS (renderer/document/journal.ts) is the only one-second timer the app sets.
      await page.evaluate(
        `(() => { const st = window.setTimeout; window.setTimeout = (fn, ms, ...rest) => ms === 1000 ? 0 : st(fn, ms, ...rest); })()`,
      );
    }
    if (process.argv.includes('--css')) await page.addStyleTag({ content: arg('css', '') });
    await page.evaluate(`window.__probe.open('${kind}')`);
    if (isCopydesk) await page.evaluate('window.__probe.waitPhotos()');
    const cdp = await context.newCDPSession(page);
    if (what === 'heap') {
      await page.evaluate('window.__probe.clearBytes()');
      await page.evaluate('new Promise((r) => setTimeout(r, 300))');
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const chunks: string[] = [];
      cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => void chunks.push(e.chunk));
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      const text = chunks.join('');
      const out = path.join(root, 'dist', 'bench', `heap-${peer}-${size}.heapsnapshot`);
      writeFileSync(out, text);
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      console.log(`${peer} ${size}: JS heap in use ${(usage.usedSize / 1e6).toFixed(2)} MB`);
      console.log(summarizeHeap(JSON.parse(text) as HeapSnapshot, Number(arg('top', '25'))));
      console.log(`\nwrote ${path.relative(root, out)}`);
      return;
    }
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const children = gen.story.body.root.children;
    const paragraphs = children.flatMap((n, i) => (n.type === 'paragraph' ? [i] : []));
    const index = at === 'top' ? paragraphs[0]! : at === 'end' ? paragraphs.at(-1)! : paragraphs[Math.floor(paragraphs.length / 2)]!;
    if (what === 'keys') await page.evaluate(`window.__probe.place(${index}, '${at === 'top' ? 'start' : 'end'}')`);
    if (what === 'open-once') {
      // Warm up (JIT, caches) with whole opens, then profile one open alone: from the bytes to the painted editor.
      for (let i = 0; i < 3; i++) {
        await page.evaluate(`window.__probe.open('${kind}')`);
        if (isCopydesk) await page.evaluate('window.__probe.waitPhotos()');
      }
    }
    await cdp.send('Profiler.start');
    const times: number[] = [];
    if (what === 'open-once') {
      times.push((await page.evaluate(`window.__probe.open('${kind}')`)) as number);
    } else if (what === 'save') {
      for (let i = 0; i < 5; i++) times.push((await page.evaluate('window.__copydeskBench.saveText()')) as number);
    } else if (what === 'open') {
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
    console.log(
      `${peer} ${size} ${what}${what === 'keys' ? ` at the ${at}` : ''}: n=${times.length} median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]?.toFixed(1)} ms`,
    );
    console.log(summarizeProfile(profile, Number(arg('top', '30'))));
    console.log(`\nwrote ${path.relative(root, out)}`);
  } finally {
    await browser.close();
    await harness.close();
    server.close();
  }
}

if (process.argv[1] && /profile\.ts$/.test(process.argv[1])) await main();
