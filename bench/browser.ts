import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PROBE_SOURCE, type KeySample } from './probe';
import { rotate } from './stats';

/**
 * Chromium-side measurements: keystroke latency (Copydesk vs stock Lexical vs a bare
 * contenteditable), open (Copydesk vs stock Lexical, floor JSON.parse) and JS heap after
 * opening. Every peer runs in its own browser context (its own renderer process), all
 * three open at once; work alternates between them round by round (A B C, B C A, …).
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export type PeerName = 'copydesk' | 'lexical' | 'bare';
export const PEERS: PeerName[] = ['copydesk', 'lexical', 'bare'];
export type Position = 'top' | 'middle' | 'end';
export const POSITIONS: Position[] = ['top', 'middle', 'end'];

export interface BrowserInputs {
  /** The app, served by the web harness: `${url}?bench`. */
  copydeskUrl: string;
  /** dist/bench/pages served over http. */
  peersUrl: string;
  /** Empties the harness's recovery folder, so a fresh Copydesk page offers no crash-recovered story. */
  resetCopydesk(): void;
}

export interface SizeContent {
  /** The `.story` file's text. */
  storyText: string;
  /** Stock Lexical's serialized state of the same text (plain paragraphs). */
  lexicalText: string;
  /** `{ editorState, assets }`: the same state plus the story's photos, as bytes to parse. */
  lexicalWithAssetsText: string;
  /** The bare page's paragraphs (JSON array of strings). */
  bareText: string;
  /** Top-level block indices to type into: start of the first paragraph, end of the middle one, end of the last one. */
  targets: Record<Position, { index: number; where: 'start' | 'end' }>;
  blockCount: number;
}

export interface KeystrokeResult {
  /** samples[position][peer] */
  samples: Record<Position, Record<PeerName, KeySample[]>>;
}

export interface OpenResult {
  copydesk: number[];
  lexical: number[];
  /** Stock Lexical opening a file that also carries the photos' bytes (not shown). */
  lexicalAssets: number[];
  parse: number[];
  /** Copydesk: from open until every photo's preview is made and the mounted blocks show theirs (not part of `open`). */
  copydeskImages: number[];
  /** Copydesk: the story as Save writes it, from the open editor (photos' base64 made from their Blobs, validated, serialised). */
  copydeskSave: number[];
}

export interface MemorySample {
  /** V8 heap in use (Runtime.getHeapUsage usedSize). */
  js: number;
  /** Blink's garbage-collected heap (DOM, layout objects): embedderHeapUsedSize. */
  dom: number;
  /** The renderer process's private memory (USS, /proc/<pid>/smaps_rollup): everything, including strings Blink took out of the V8 heap. NaN when its process could not be told apart. */
  process: number;
}

export interface HeapResult {
  /** `everyBlock`: after every block is mounted too (as after scrolling through the whole story, or printing). */
  copydesk: { empty: MemorySample; opened: MemorySample; everyBlock: MemorySample };
  lexical: { empty: MemorySample; opened: MemorySample };
}

interface Peer {
  name: PeerName;
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

const TYPED =
  'the river rose past the bridge at noon and crews closed the road while residents moved their cars to higher ground and waited for news from the council about the night ahead and the clean up that would follow in the morning light ';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export function chromiumVersion(browser: Browser): string {
  return browser.version();
}

async function openPeer(browser: Browser, name: PeerName, inputs: BrowserInputs): Promise<Peer> {
  if (name === 'copydesk') inputs.resetCopydesk();
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const url = name === 'copydesk' ? `${inputs.copydeskUrl}?bench` : `${inputs.peersUrl}${name}.html`;
  await page.goto(url);
  await page.waitForFunction(name === 'copydesk' ? 'window.__copydeskBench !== undefined' : 'window.__benchPeer !== undefined', undefined, {
    timeout: 30_000,
  });
  await page.waitForSelector('.editor-body[contenteditable="true"]');
  await page.evaluate(PROBE_SOURCE);
  await page.evaluate(`window.__probe.attach('.editor-body')`);
  if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
  const cdp = await context.newCDPSession(page);
  return { name, context, page, cdp };
}

async function gc(peer: Peer) {
  await peer.cdp.send('HeapProfiler.collectGarbage');
}

function fileFor(name: PeerName | 'parse', content: SizeContent): string {
  return name === 'lexical' ? content.lexicalText : name === 'bare' ? content.bareText : content.storyText;
}

/** Waits until Copydesk shows every photo (previews made and loaded); ms it took. */
async function waitForPhotos(page: Page): Promise<number> {
  return (await page.evaluate('window.__probe.waitPhotos()')) as number;
}

async function settle(page: Page, ms = 150) {
  await page.evaluate(`new Promise((r) => setTimeout(r, ${ms}))`);
}

async function setBytes(page: Page, text: string, slot = 'main') {
  // A string argument, not a function: tsx's helpers must not leak into the page.
  await page.evaluate(`window.__probe.setBytes(${JSON.stringify(text)}, ${JSON.stringify(slot)})`);
}

export interface SizeRunOptions {
  openRuns: number;
  keysPerPosition: number;
  chunk: number;
  log(line: string): void;
}

/** Open and keystroke measurements for one story size, all peers open side by side. */
export async function benchSizeInBrowser(
  browser: Browser,
  inputs: BrowserInputs,
  content: SizeContent,
  options: SizeRunOptions,
): Promise<{ open: OpenResult; keys: KeystrokeResult }> {
  const peers: Record<PeerName, Peer> = {} as Record<PeerName, Peer>;
  for (const name of PEERS) peers[name] = await openPeer(browser, name, inputs);
  try {
    for (const name of PEERS) await setBytes(peers[name].page, fileFor(name, content));
    await setBytes(peers.lexical.page, content.lexicalWithAssetsText, 'assets');

    // ---- open: Copydesk vs stock Lexical vs JSON.parse of the .story, interleaved ------
    const open: OpenResult = { copydesk: [], lexical: [], lexicalAssets: [], parse: [], copydeskImages: [], copydeskSave: [] };
    const kinds = ['copydesk', 'lexical', 'lexicalAssets', 'parse'] as const;
    for (let r = 0; r < options.openRuns + 1; r++) {
      for (const kind of rotate(kinds, r)) {
        const peer = kind === 'lexical' || kind === 'lexicalAssets' ? peers.lexical : peers.copydesk;
        await peer.page.bringToFront();
        await gc(peer);
        await settle(peer.page, 50);
        const call = kind === 'parse' ? `'parse'` : kind === 'copydesk' ? `'copydesk'` : kind === 'lexical' ? `'peer'` : `'peer', 'assets'`;
        const ms = (await peer.page.evaluate(`window.__probe.open(${call})`)) as number;
        // Photo previews are made after the editor is shown; wait for them so they do not
        // run under the next measurement (they are reported on their own).
        const images = kind === 'copydesk' ? await waitForPhotos(peer.page) : NaN;
        const save = kind === 'copydesk' ? ((await peer.page.evaluate('window.__copydeskBench.saveText()')) as number) : NaN;
        if (r > 0) {
          open[kind].push(ms);
          if (kind === 'copydesk') {
            open.copydeskImages.push(images + ms);
            open.copydeskSave.push(save);
          }
        }
      }
    }
    await peers.bare.page.evaluate(`window.__probe.open('peer')`);
    for (const name of PEERS) {
      const blocks = (await peers[name].page.evaluate('window.__probe.blockCount()')) as number;
      if (blocks !== content.blockCount) throw new Error(`${name} shows ${blocks} blocks, expected ${content.blockCount}`);
      await peers[name].page.evaluate('window.__probe.clearBytes()');
      await gc(peers[name]);
    }
    options.log(`    open: ${open.copydesk.length} runs each`);

    // ---- keystrokes -----------------------------------------------------------------------
    const samples = Object.fromEntries(
      POSITIONS.map((p) => [p, Object.fromEntries(PEERS.map((n) => [n, [] as KeySample[]]))]),
    ) as KeystrokeResult['samples'];
    const rounds = Math.ceil(options.keysPerPosition / options.chunk);
    let typedAt = 0;
    for (const position of POSITIONS) {
      const target = content.targets[position];
      for (let r = 0; r < rounds; r++) {
        const count = Math.min(options.chunk, options.keysPerPosition - r * options.chunk);
        const text = TYPED.slice(typedAt % (TYPED.length - count), (typedAt % (TYPED.length - count)) + count);
        typedAt += count;
        for (const name of rotate(PEERS, r + POSITIONS.indexOf(position))) {
          const { page } = peers[name];
          await page.bringToFront();
          await page.evaluate(`window.__probe.place(${target.index}, ${JSON.stringify(target.where)})`);
          await page.evaluate('window.__probe.take()');
          for (const ch of text) {
            await page.keyboard.press(ch === ' ' ? 'Space' : ch);
            await page.evaluate('window.__probe.waitKey()');
          }
          const got = (await page.evaluate('window.__probe.take()')) as KeySample[];
          // Copydesk journals unsaved work a second after an edit (and every second while
          // typing goes on): let that write finish on Copydesk's turn, not on a peer's.
          if (name === 'copydesk') await settle(page, 1300);
          samples[position][name].push(...got);
          if (r === 0) {
            const blockText = String(await page.evaluate(`window.__probe.blockText(${target.index})`)).replace(/\u00a0/g, ' ');
            if (!blockText.includes(text.trim()))
              throw new Error(`${name}: typed text did not land in block ${target.index} (${position}): ${blockText.slice(0, 120)}`);
          }
        }
      }
      options.log(`    keystrokes at the ${position}: ${samples[position].copydesk.length} per peer`);
    }
    return { open, keys: { samples } };
  } finally {
    for (const name of PEERS) await peers[name]?.context.close();
  }
}

/** Renderer processes and the CPU time each has used (browser-level SystemInfo.getProcessInfo). */
async function renderers(browser: Browser): Promise<Map<number, number>> {
  try {
    const session = await browser.newBrowserCDPSession();
    const info = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
    await session.detach();
    return new Map(info.processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
  } catch {
    return new Map();
  }
}

function privateMemory(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? NaN);
    return (kb('Private_Clean') + kb('Private_Dirty')) * 1024;
  } catch {
    return NaN;
  }
}

/**
 * Memory with the story open, each editor alone in a fresh page (after two forced GCs): the
 * V8 heap, Blink's heap, and the renderer process's private memory. The V8 heap alone can
 * mislead: a string handed to a Web API (atob, a DOM attribute) may move out of it.
 */
export async function benchHeap(browser: Browser, inputs: BrowserInputs, content: SizeContent): Promise<HeapResult> {
  const measure = async (name: 'copydesk' | 'lexical') => {
    const before = await renderers(browser);
    const peer = await openPeer(browser, name, inputs);
    // A new context can start more than one renderer (a spare, the first blank page); the
    // page's own is the one whose memory grows when the story opens.
    const fresh = [...(await renderers(browser)).keys()].filter((id) => !before.has(id));
    try {
      const used = async () => {
        await settle(peer.page, 300);
        await gc(peer);
        await gc(peer);
        const usage = (await peer.cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
        return {
          js: usage.usedSize,
          dom: usage.embedderHeapUsedSize ?? NaN,
          processes: new Map(fresh.map((id) => [id, privateMemory(id)])),
        };
      };
      const empty = await used();
      await setBytes(peer.page, fileFor(name, content));
      await peer.page.evaluate(`window.__probe.open(${JSON.stringify(name === 'copydesk' ? 'copydesk' : 'peer')})`);
      if (name === 'copydesk') await waitForPhotos(peer.page);
      await peer.page.evaluate('window.__probe.clearBytes()');
      const opened = await used();
      let everyBlock = opened;
      if (name === 'copydesk') {
        // Blocks far from the screen wait to be mounted; printing mounts them all.
        await peer.page.evaluate(`window.dispatchEvent(new Event('beforeprint'))`);
        await waitForPhotos(peer.page);
        everyBlock = await used();
      }
      const pid = fresh
        .filter((id) => Number.isFinite(opened.processes.get(id)))
        .sort((a, b) => opened.processes.get(b)! - opened.processes.get(a)!)[0];
      const sample = (m: typeof empty): MemorySample => ({
        js: m.js,
        dom: m.dom,
        process: pid === undefined ? NaN : (m.processes.get(pid) ?? NaN),
      });
      return { empty: sample(empty), opened: sample(opened), everyBlock: sample(everyBlock) };
    } finally {
      await peer.context.close();
    }
  };
  const copydesk = await measure('copydesk');
  const lexical = await measure('lexical');
  return { copydesk: { ...copydesk, everyBlock: copydesk.everyBlock }, lexical: { empty: lexical.empty, opened: lexical.opened } };
}
