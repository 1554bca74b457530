import type { HeapResult, KeystrokeResult, MemorySample, OpenResult, PeerName, Position } from './browser';
import { POSITIONS } from './browser';
import type { Pair } from './node';
import { fmtBytes, fmtMs, fmtRatio, ratio, summarize } from './stats';

/** Markdown tables and the one-line summary. */

export interface SizeReport {
  size: string;
  words: number;
  tweets: number;
  photos: number;
  fileBytes: number;
  keysPerPosition: number;
  open: OpenResult;
  keys: KeystrokeResult;
}

export interface Target {
  name: string;
  value: number;
  limit: number;
  /** true: value must be ≤ limit */
  met: boolean;
}

export function check(name: string, value: number, limit: number): Target {
  return { name, value, limit, met: Number.isFinite(value) && value <= limit };
}

const PEER_LABEL: Record<PeerName, string> = { copydesk: 'Copydesk', lexical: 'stock Lexical', bare: 'bare contenteditable' };

export function keystrokeRatios(keys: KeystrokeResult, position: Position, metric: 'total' | 'work' = 'total') {
  const s = (peer: PeerName) => summarize(keys.samples[position][peer].map((k) => k[metric]));
  const cd = s('copydesk');
  const lex = s('lexical');
  const bare = s('bare');
  return {
    cd,
    lex,
    bare,
    p95VsLexical: ratio(cd.p95, lex.p95),
    p95VsBare: ratio(cd.p95, bare.p95),
    medianVsLexical: ratio(cd.median, lex.median),
  };
}

export function sizeTables(r: SizeReport): string {
  const out: string[] = [];
  out.push(
    `### ${r.size}: ${r.words.toLocaleString('en')} words, ${r.tweets} tweets, ${r.photos} photos, helpline footer — ${fmtBytes(r.fileBytes)} file`,
  );
  out.push('');
  out.push(
    `Keystroke latency, ms — ${r.keysPerPosition} characters typed at each place in each editor. \`frame\`: keydown → DOM changed → rAF → rAF (the frame after the one that painted it); \`work\`: main-thread time of the key (its task + the next frame's rendering), below the 16.7 ms frame grid.`,
  );
  out.push('');
  out.push('| where | metric | Copydesk median / p95 | stock Lexical median / p95 | bare median / p95 | p95 vs Lexical | p95 vs bare |');
  out.push('|---|---|---|---|---|---|---|');
  for (const position of POSITIONS) {
    for (const metric of ['total', 'work'] as const) {
      const k = keystrokeRatios(r.keys, position, metric);
      out.push(
        `| ${position} | ${metric === 'total' ? 'frame' : 'work'} | ${fmtMs(k.cd.median)} / ${fmtMs(k.cd.p95)} | ${fmtMs(k.lex.median)} / ${fmtMs(k.lex.p95)} | ${fmtMs(k.bare.median)} / ${fmtMs(k.bare.p95)} | ${fmtRatio(k.p95VsLexical)} | ${fmtRatio(k.p95VsBare)} |`,
      );
    }
  }
  out.push('');
  const cd = summarize(r.open.copydesk);
  const lex = summarize(r.open.lexical);
  const lexAssets = summarize(r.open.lexicalAssets);
  const parse = summarize(r.open.parse);
  const images = summarize(r.open.copydeskImages);
  const save = summarize(r.open.copydeskSave);
  out.push(
    `Open, ms — from the file's bytes (TextDecoder) to an editable editor, painted (rAF → rAF); ${r.open.copydesk.length} runs each, interleaved.`,
  );
  out.push('');
  out.push('| | median | p95 | vs stock Lexical (median) |');
  out.push('|---|---|---|---|');
  out.push(
    `| Copydesk (restore + editor load + app state; the text and the blocks near the top) | ${fmtMs(cd.median)} | ${fmtMs(cd.p95)} | ${fmtRatio(ratio(cd.median, lex.median))} |`,
  );
  out.push(`| stock Lexical (JSON.parse + setEditorState) | ${fmtMs(lex.median)} | ${fmtMs(lex.p95)} | 1.00 |`);
  out.push(
    `| stock Lexical, file also carrying the photos (parses as many bytes as Copydesk) | ${fmtMs(lexAssets.median)} | ${fmtMs(lexAssets.p95)} | ${fmtRatio(ratio(lexAssets.median, lex.median))} |`,
  );
  out.push(
    `| floor: JSON.parse of the .story | ${fmtMs(parse.median)} | ${fmtMs(parse.p95)} | ${fmtRatio(ratio(parse.median, lex.median))} |`,
  );
  out.push(
    `| Copydesk, until every photo's preview is made and the blocks near the screen show theirs | ${fmtMs(images.median)} | ${fmtMs(images.p95)} | — |`,
  );
  out.push(
    `| Copydesk, the story as Save writes it (photos' base64 made from their Blobs, validated, serialised; the write itself is below) | ${fmtMs(save.median)} | ${fmtMs(save.p95)} | — |`,
  );
  out.push('');
  return out.join('\n');
}

export function pairTable(title: string, pairs: Pair[]): string {
  const out = [`${title}`, '', '| measure | ours median / p95 (ms) | peer median / p95 (ms) | ratio (median) |', '|---|---|---|---|'];
  for (const p of pairs) {
    out.push(
      `| ${p.name}: ${p.a.label} vs ${p.b.label} | ${fmtMs(p.a.summary.median)} / ${fmtMs(p.a.summary.p95)} | ${fmtMs(p.b.summary.median)} / ${fmtMs(p.b.summary.p95)} | ${fmtRatio(p.ratio)} |`,
    );
  }
  const notes = pairs.flatMap((p) => p.notes ?? []);
  if (notes.length) out.push('', ...notes.map((n) => `- ${n}`));
  out.push('');
  return out.join('\n');
}

export function heapTable(size: string, heap: HeapResult): string {
  const row = (label: string, key: keyof MemorySample) => {
    const c = heap.copydesk;
    const l = heap.lexical;
    return `| ${label} | ${fmtBytes(c.empty[key])} → ${fmtBytes(c.opened[key])} | ${fmtBytes(l.empty[key])} → ${fmtBytes(l.opened[key])} | ${fmtRatio(ratio(c.opened[key], l.opened[key]))} | ${fmtRatio(ratio(c.opened[key] - c.empty[key], l.opened[key] - l.empty[key]))} |`;
  };
  return [
    `Memory with the ${size} story open — each editor alone in a fresh page, after two forced GCs (CDP HeapProfiler.collectGarbage); empty page → story open:`,
    '',
    '| | Copydesk | stock Lexical | ratio (open) | ratio (growth) |',
    '|---|---|---|---|---|',
    row('JS heap (Runtime.getHeapUsage usedSize)', 'js'),
    row('Blink heap, DOM (embedderHeapUsedSize)', 'dom'),
    row('renderer process, private memory (USS)', 'process'),
    '',
    `Copydesk mounts the blocks near the screen when a story opens and the rest as they are scrolled to (or printed). With every block mounted: JS heap ${fmtBytes(heap.copydesk.everyBlock.js)} (${fmtRatio(ratio(heap.copydesk.everyBlock.js, heap.lexical.opened.js))} stock Lexical), Blink heap ${fmtBytes(heap.copydesk.everyBlock.dom)} (${fmtRatio(ratio(heap.copydesk.everyBlock.dom, heap.lexical.opened.dom))}), renderer process ${fmtBytes(heap.copydesk.everyBlock.process)} (${fmtRatio(ratio(heap.copydesk.everyBlock.process, heap.lexical.opened.process))}).`,
    '',
  ].join('\n');
}

export function targetsTable(targets: Target[]): string {
  const out = ['| target | measured | limit | met |', '|---|---|---|---|'];
  for (const t of targets) out.push(`| ${t.name} | ${fmtRatio(t.value)} | ≤ ${t.limit} | ${t.met ? 'yes' : '**no**'} |`);
  return `${out.join('\n')}\n`;
}

export function labelOf(peer: PeerName): string {
  return PEER_LABEL[peer];
}
