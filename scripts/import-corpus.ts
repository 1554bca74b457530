import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPlainText, type ImportSummary } from '../shared/import/plain-text';
import type { SerializedBodyNode } from '../shared/story/schema';

/**
 * The article corpus (tests/fixtures/articles): real published stories copied as plain text,
 * each with what a reader finds in it (expected.json). Scores the plain-text importer against
 * them — by `npm run -s import-score` and by the corpus test — so both count the same way.
 */
export interface ExpectedArticle {
  tweets: { handle: string; name: string; date: string; textStartsWith: string }[];
  captions: { textStartsWith: string; credit: string }[];
  helplineFooter: boolean;
  /** Numbers of the footer, exactly as printed. */
  helplineNumbers: string[];
  /** Lines that are not in any block: paragraphs, subheadings, list items. */
  paragraphs: number;
  /** 1-based inclusive line ranges that are a block's source (tweet text and attribution, caption and credit, footer). */
  blockLines: [number, number][];
  notes?: string;
}

export interface Article {
  slug: string;
  text: string;
  expected: ExpectedArticle;
}

export const CORPUS_DIR = 'tests/fixtures/articles';

export function loadCorpus(dir = CORPUS_DIR): Article[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((slug) => ({
      slug,
      text: readFileSync(join(dir, slug, 'article.txt'), 'utf8'),
      expected: JSON.parse(readFileSync(join(dir, slug, 'expected.json'), 'utf8')) as ExpectedArticle,
    }));
}

export type Kind = 'tweets' | 'captions' | 'footers' | 'helpline numbers';
export const KINDS: readonly Kind[] = ['tweets', 'captions', 'footers', 'helpline numbers'];

export interface Tally {
  expected: number;
  found: number;
  /** Blocks made where the article has none of that kind (numbers: entries with no expected number). */
  falseBlocks: number;
}

export interface ArticleScore {
  slug: string;
  kinds: Record<Kind, Tally>;
  /** Tweets found whose text does not start as expected (found by handle and date). */
  tweetTextMisses: string[];
  paragraphs: { expected: number; made: number };
  summary: ImportSummary;
  /** Lines of the reporter's own text that did not come out as exactly one paragraph, subheading or list item. */
  misplacedLines: string[];
  nodes: SerializedBodyNode[];
}

const NOW = new Date('2026-12-04T00:00:00Z');

function norm(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** A line as it reads once a list marker is taken off. */
function bare(line: string): string {
  return norm(line.replace(/^\s*(?:[•·▪◦‣●\-–*]|\d{1,3}[.)])\s+/u, ''));
}

function textOf(node: SerializedBodyNode): string {
  if (node.type === 'linebreak') return '\n';
  if (typeof node.text === 'string') return node.text;
  return (node.children ?? []).map(textOf).join('');
}

/** Every line of text the story shows outside blocks. */
function textUnits(nodes: SerializedBodyNode[]): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    if (node.type === 'paragraph' || node.type === 'heading') out.push(...textOf(node).split('\n').map(norm));
    else if (node.type === 'list') for (const item of node.children ?? []) out.push(...textOf(item).split('\n').map(norm));
  }
  return out.filter((t) => t !== '');
}

/** Every piece of text held inside blocks. */
function blockTexts(nodes: SerializedBodyNode[]): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    const state = node as unknown as Record<string, unknown>;
    if (node.type === 'tweet') out.push(String(state.text ?? ''));
    else if (node.type === 'photo') out.push(String(state.caption ?? ''), String(state.credit ?? ''));
    else if (node.type === 'helpline') {
      out.push(String(state.heading ?? ''));
      for (const entry of (state.entries as { name: string; detail: string }[]) ?? []) out.push(entry.name, entry.detail);
    }
  }
  return out.map(norm);
}

export function scoreArticle(article: Article): ArticleScore {
  const { story, summary } = importPlainText(article.text, { id: article.slug, now: NOW });
  const nodes = story.body.root.children as SerializedBodyNode[];
  const expected = article.expected;
  const kinds = Object.fromEntries(KINDS.map((k) => [k, { expected: 0, found: 0, falseBlocks: 0 }])) as Record<Kind, Tally>;

  // Tweets: matched by handle and date, in order.
  const tweets = nodes.filter((n) => n.type === 'tweet') as unknown as { handle: string; date: string; text: string }[];
  const unmatched = [...tweets];
  const tweetTextMisses: string[] = [];
  kinds.tweets.expected = expected.tweets.length;
  for (const want of expected.tweets) {
    const at = unmatched.findIndex((t) => t.handle === want.handle && t.date === want.date);
    if (at < 0) continue;
    const [got] = unmatched.splice(at, 1);
    kinds.tweets.found++;
    if (!norm(got!.text).startsWith(norm(want.textStartsWith))) tweetTextMisses.push(`@${want.handle}: "${got!.text.slice(0, 60)}"`);
  }
  kinds.tweets.falseBlocks = unmatched.length;

  // Captions: the credit, and the start of the caption.
  const photos = nodes.filter((n) => n.type === 'photo') as unknown as { caption: string; credit: string }[];
  const photosLeft = [...photos];
  kinds.captions.expected = expected.captions.length;
  for (const want of expected.captions) {
    const at = photosLeft.findIndex(
      (p) =>
        norm(p.credit).toLowerCase() === norm(want.credit).toLowerCase() &&
        (want.textStartsWith === '' ? norm(p.caption) === '' : norm(p.caption).startsWith(norm(want.textStartsWith))),
    );
    if (at < 0) continue;
    photosLeft.splice(at, 1);
    kinds.captions.found++;
  }
  kinds.captions.falseBlocks = photosLeft.length;

  // Footer, and its numbers as printed.
  const footers = nodes.filter((n) => n.type === 'helpline') as unknown as { entries: { detail: string; phone?: string }[] }[];
  kinds.footers.expected = expected.helplineFooter ? 1 : 0;
  kinds.footers.found = expected.helplineFooter && footers.length > 0 ? 1 : 0;
  kinds.footers.falseBlocks = Math.max(0, footers.length - kinds.footers.expected);
  const entries = footers.flatMap((f) => f.entries);
  kinds['helpline numbers'].expected = expected.helplineNumbers.length;
  for (const number of expected.helplineNumbers) {
    if (entries.some((e) => e.detail.includes(number))) kinds['helpline numbers'].found++;
  }
  if (!expected.helplineFooter) kinds['helpline numbers'].falseBlocks = entries.filter((e) => e.phone).length;

  // Where each line went: the reporter's own lines must each be one paragraph (or subheading, or list item).
  const lines = article.text.split('\n');
  const inBlock = new Set<number>();
  for (const [from, to] of expected.blockLines) for (let n = from; n <= to; n++) inBlock.add(n);
  const units = textUnits(nodes);
  const unitCounts = new Map<string, number>();
  for (const unit of units) unitCounts.set(unit, (unitCounts.get(unit) ?? 0) + 1);
  const inside = blockTexts(nodes);
  const misplacedLines: string[] = [];
  const wanted = new Map<string, number>();
  lines.forEach((line, i) => {
    if (line.trim() === '' || inBlock.has(i + 1)) return;
    const key = bare(line);
    wanted.set(key, (wanted.get(key) ?? 0) + 1);
  });
  for (const [key, count] of wanted) {
    const made = unitCounts.get(key) ?? 0;
    if (made === count) continue;
    const swallowed = inside.some((t) => t.includes(key));
    misplacedLines.push(swallowed ? `(inside a block) ${key}` : key);
  }
  // Nothing invented and nothing doubled: every line of text the story shows comes from the article.
  // (A paragraph may be the start of a line whose closing sentences became the helpline footer.)
  const source = new Set(lines.map(bare));
  for (const unit of units) {
    if (!source.has(unit) && !lines.some((l) => bare(l).startsWith(unit))) misplacedLines.push(`(not in the article) ${unit}`);
  }

  return {
    slug: article.slug,
    kinds,
    tweetTextMisses,
    paragraphs: { expected: expected.paragraphs, made: units.length },
    summary,
    misplacedLines,
    nodes,
  };
}

export interface CorpusScore {
  articles: ArticleScore[];
  totals: Record<Kind, Tally>;
  /** Recall over tweets, captions, footers and helpline numbers together. */
  recall: number;
  falseBlocks: number;
  paragraphsExact: number;
}

export function scoreCorpus(articles: Article[] = loadCorpus()): CorpusScore {
  const scored = articles.map(scoreArticle);
  const totals = Object.fromEntries(KINDS.map((k) => [k, { expected: 0, found: 0, falseBlocks: 0 }])) as Record<Kind, Tally>;
  for (const a of scored) {
    for (const k of KINDS) {
      totals[k].expected += a.kinds[k].expected;
      totals[k].found += a.kinds[k].found;
      totals[k].falseBlocks += a.kinds[k].falseBlocks;
    }
  }
  const expected = KINDS.reduce((n, k) => n + totals[k].expected, 0);
  const found = KINDS.reduce((n, k) => n + totals[k].found, 0);
  return {
    articles: scored,
    totals,
    recall: expected === 0 ? 1 : found / expected,
    falseBlocks: totals.tweets.falseBlocks + totals.captions.falseBlocks + totals.footers.falseBlocks,
    paragraphsExact: scored.filter((a) => a.paragraphs.made === a.paragraphs.expected).length,
  };
}
