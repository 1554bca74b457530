import type { HelplinePreset } from '../blocks/helpline';
import { emptyPhoto } from '../blocks/photo';
import { BLOCKS, blockNode, clipToSchema, type BlockState, type BlockType } from '../blocks/registry';
import { emptyTweet } from '../blocks/tweet';
import { createStory, emptyBody } from '../story/create';
import { isSafeLinkUrl, type SerializedBodyNode, type Story } from '../story/schema';
import { parseBullet } from './bullets';
import { summarizeBody, type ImportSummary } from './summary';
import { detectCaptionCredit, isLikelyCaption } from '../blocks/photo/caption-credit';
import { detectDateline } from './dateline';
import { detectHelplineFooter, findPhones } from '../blocks/helpline/plain-text';
import { parseTweetAttribution } from '../blocks/tweet/plain-text';

/**
 * Plain text → story (issue 5). Pure: no DOM, no Node, no clock (the caller passes `now`).
 *
 * Paragraphs are split on blank lines; a single newline inside a paragraph becomes a
 * `linebreak`. On top of that the importer recognises what copied news pages contain:
 * embedded tweets (their text, then "— Name (@handle) Month D, YYYY"), photo captions
 * ending in a credit ("… Photo / Supplied"), the helpline footer ("Where to get help:" and
 * its lines), a leading dateline, bulleted and numbered lists, and — only where it is
 * unambiguous — subheadings. Nothing else is guessed: every other line stays a paragraph,
 * in order, word for word.
 */
export interface ImportOptions {
  id: string;
  now: Date;
  /** The user's own helpline presets, recognised before the shipped ones. */
  presets?: readonly HelplinePreset[];
}

export { formatImportSummary, type ImportSummary } from './summary';

export interface PlainTextImport {
  story: Story;
  summary: ImportSummary;
  /** The provenance line ("source: https://…") at the top of the file, which is not story text. */
  source?: string;
  /**
   * Source text the story does not keep word for word, for the reporter to check: the
   * closing sentence a helpline footer was made from ("If you need help, call …").
   */
  reworded: string[];
}

/** Longer text is refused (`RangeError`): about ten times the longest long-read. */
export const MAX_IMPORT_CHARS = 1_000_000;

// Limits of the story schema, kept here so an import always restores.
const MAX_TEXT_NODE = 1_000_000;
const MAX_TWEET_TEXT = 10_000;
const MAX_CHILDREN = 100_000;
const MAX_LINES_PER_PARAGRAPH = 40_000;

type Item =
  | { kind: 'raw'; lines: string[] }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; ordered: boolean; start: number; items: string[][] }
  // A newsroom block a recogniser found, already a node (its fields clipped to its schema).
  | { kind: 'block'; node: SerializedBodyNode };

function blockItem<T extends BlockType>(type: T, state: BlockState<T>): Item {
  return { kind: 'block', node: blockNode(type, clipToSchema(BLOCKS[type], state)) };
}

const SOURCE_LINE = /^source:\s*(https?:\/\/\S.*)$/iu;

export function importPlainText(text: string, options: ImportOptions): PlainTextImport {
  if (text.length > MAX_IMPORT_CHARS) {
    throw new RangeError(`text is too long to import (${text.length} characters; the limit is ${MAX_IMPORT_CHARS})`);
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/u, ''));

  // Provenance line: not story text.
  let source: string | undefined;
  const first = firstContentLine(lines);
  if (first >= 0) {
    const match = SOURCE_LINE.exec(lines[first]!.trim());
    if (match) {
      source = match[1]!.trim();
      lines[first] = '';
    }
  }

  // Dateline: the first line, or the start of it when labelled ("date 2020-10-29 Former …").
  let dateline = '';
  const top = firstContentLine(lines);
  if (top >= 0) {
    const match = detectDateline(lines[top]!);
    if (match) {
      dateline = match.dateline;
      lines[top] = match.rest;
    }
  }

  const items: Item[] = [];
  const reworded: string[] = [];
  const footer = detectHelplineFooter(lines, { now: options.now, presets: options.presets });
  if (footer) {
    const before = lines.slice(0, footer.start);
    if (footer.startColumn > 0) before.push(lines[footer.start]!.slice(0, footer.startColumn).trimEnd());
    items.push(...regionItems(before));
    items.push(blockItem('helpline', footer.state));
    items.push(...regionItems(lines.slice(footer.end)));
    reworded.push(...footer.reworded);
  } else {
    items.push(...regionItems(lines));
  }

  const finished = markHeadings(mergeLists(items));
  const nodes = fitChildren(finished.flatMap(toNodes));
  const story = createStory({ id: options.id, now: options.now });
  story.meta.dateline = dateline;
  const summary = summarizeBody(nodes);
  if (nodes.length > 0) story.body = { root: { ...emptyBody().root, children: nodes } };
  return source === undefined ? { story, summary, reworded } : { story, summary, source, reworded };
}

// ---- blocks → items ----------------------------------------------------------------------

function firstContentLine(lines: readonly string[]): number {
  return lines.findIndex((l) => l.trim() !== '');
}

function splitBlocks(lines: readonly string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function regionItems(lines: readonly string[]): Item[] {
  return captions(tweets(splitBlocks(lines))).flatMap((item) => (item.kind === 'raw' ? splitLists(item.lines) : [item]));
}

/**
 * Tweets: a block (or its last line) ending in an attribution. The tweet's text is what
 * precedes the attribution in its block, or — when the attribution stands alone — the
 * block just before it. Lines after an attribution in the same block start a new block.
 */
function tweets(blocks: string[][]): Item[] {
  const items: Item[] = [];
  for (const block of blocks) {
    let segment: string[] = [];
    for (const line of block) {
      const attribution = parseTweetAttribution(line);
      if (!attribution) {
        segment.push(line);
        continue;
      }
      const own = [...segment.map((l) => l.trim()), attribution.text].filter((l) => l !== '');
      let textLines = own;
      let borrowed: Item | undefined;
      if (own.length === 0 && items[items.length - 1]?.kind === 'raw') {
        borrowed = items.pop();
        textLines = (borrowed as { lines: string[] }).lines.map((l) => l.trim());
      }
      const tweetText = textLines.join('\n');
      if (tweetText.length > MAX_TWEET_TEXT) {
        // Too long to be a tweet: leave everything as text.
        if (borrowed) items.push(borrowed);
        segment.push(line);
        continue;
      }
      segment = [];
      items.push(
        blockItem('tweet', {
          ...emptyTweet(),
          name: attribution.name,
          handle: attribution.handle,
          text: tweetText,
          date: attribution.date,
        }),
      );
    }
    if (segment.length > 0) items.push({ kind: 'raw', lines: segment });
  }
  return items;
}

/**
 * Photo captions: a block ending in a credit. A credit standing alone takes the block
 * before it as its caption when that block is one short line that reads like a caption
 * (no quotes, no "said"); otherwise the photo has no caption and the block stays prose.
 */
function captions(input: Item[]): Item[] {
  const items: Item[] = [];
  for (const item of input) {
    if (item.kind !== 'raw' || parseBullet(item.lines[0]!)) {
      items.push(item);
      continue;
    }
    const found = detectCaptionCredit(item.lines.join('\n'));
    if (!found) {
      items.push(item);
      continue;
    }
    const previous = items[items.length - 1];
    if (
      found.caption === '' &&
      previous?.kind === 'raw' &&
      previous.lines.length === 1 &&
      !parseBullet(previous.lines[0]!) &&
      isLikelyCaption(previous.lines[0]!)
    ) {
      items.pop();
      items.push(blockItem('photo', { ...emptyPhoto(), caption: previous.lines[0]!.trim(), credit: found.credit }));
    } else {
      items.push(blockItem('photo', { ...emptyPhoto(), caption: found.caption, credit: found.credit }));
    }
  }
  return items;
}

/** A block's lines as paragraphs and lists: bullet runs become lists, indented lines continue an item. */
function splitLists(lines: string[]): Item[] {
  const items: Item[] = [];
  for (const line of lines) {
    const bullet = parseBullet(line);
    const last = items[items.length - 1];
    if (bullet) {
      if (last?.kind === 'list' && last.ordered === bullet.ordered && last.items.length < MAX_CHILDREN) last.items.push([bullet.text]);
      else items.push({ kind: 'list', ordered: bullet.ordered, start: bullet.number ?? 1, items: [[bullet.text]] });
    } else if (last?.kind === 'list' && /^\s/u.test(line)) {
      last.items[last.items.length - 1]!.push(line.trim());
    } else if (last?.kind === 'paragraph') {
      last.lines.push(line.trim());
    } else {
      items.push({ kind: 'paragraph', lines: [line.trim()] });
    }
  }
  return items;
}

/** Single bullets separated by blank lines ("• a", "", "• b") are one list. */
function mergeLists(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (
      item.kind === 'list' &&
      last?.kind === 'list' &&
      last.ordered === item.ordered &&
      last.items.length + item.items.length <= MAX_CHILDREN
    ) {
      last.items.push(...item.items);
    } else out.push(item);
  }
  return out;
}

// ---- subheadings -----------------------------------------------------------------------

const SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'nor',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'with',
  'from',
  'as',
  'into',
  'vs',
  'via',
  'is',
  'are',
  'was',
  'be',
  'it',
  'its',
  'up',
  'off',
  'over',
  'out',
  'than',
  'so',
  'if',
  'not',
]);
/** Words that open a title but rarely a name: "What Happens Next", "The Road Ahead". */
const TITLE_OPENERS = new Set([
  'what',
  'how',
  'why',
  'who',
  'where',
  'when',
  'which',
  'the',
  'a',
  'an',
  'our',
  'your',
  'this',
  'that',
  'these',
  'inside',
  'behind',
  'after',
  'before',
  'beyond',
  'looking',
  'more',
  'next',
]);
const WEB_CHROME =
  /^(?:advertisement|sponsored|read more|related(?: articles| stories| content)?|share(?: this(?: article| story)?)?|continue reading(?: below)?|sign up|subscribe(?: now)?|listen to this article|follow us|most read|trending|comments?)$/iu;

/** A short line that can only be a subheading: ALL CAPS, or Title Case that is not just a name. */
export function looksLikeSubheading(line: string): boolean {
  const text = line.trim();
  if (text.length < 4 || text.length > 70) return false;
  if (/[.,;:!?…"”’'»)\]—–-]$/u.test(text) || /^[—–-]/u.test(text)) return false;
  if (/https?:|www\.|@|\/|\d{3,}/u.test(text) || /^by\s/iu.test(text) || WEB_CHROME.test(text)) return false;
  if (parseBullet(text) || findPhones(text).length > 0) return false;
  const words = text.split(/\s+/u);
  if (words.length > 10) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4) return false;
  // ALL CAPS ("THE VERDICT", "BACKGROUND")
  if (letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return true;
  // Title Case with at least three words, where a small word or a title opener shows it is
  // not a name ("What Happens Next", "A Timeline of Events"; not "Prime Minister Jacinda Ardern").
  if (words.length < 3) return false;
  const clean = words.map((w) => w.replace(/^["“‘'(]+|["”’')]+$/gu, ''));
  if (!/^\p{Lu}/u.test(clean[0]!)) return false;
  let hasSmall = false;
  for (const word of clean) {
    if (SMALL_WORDS.has(word)) {
      hasSmall = true;
      continue;
    }
    if (!/^[\p{Lu}\p{N}]/u.test(word)) return false;
  }
  return hasSmall || TITLE_OPENERS.has(clean[0]!.toLowerCase());
}

/** Subheadings: a one-line paragraph that looks like one, between content and a prose paragraph. */
function markHeadings(items: Item[]): Item[] {
  return items.map((item, i) => {
    if (item.kind !== 'paragraph' || item.lines.length !== 1) return item;
    const previous = items[i - 1];
    const next = items[i + 1];
    if (!previous || previous.kind === 'heading' || previous.kind === 'raw' || next?.kind !== 'paragraph') return item;
    const text = item.lines[0]!;
    const nextText = next.lines.join(' ');
    const prose = nextText.length > text.length + 20 && (/[.!?"”’)]$/u.test(nextText) || nextText.split(/\s+/).length >= 12);
    if (!prose || !looksLikeSubheading(text)) return item;
    return { kind: 'heading', text };
  });
}

// ---- items → Lexical nodes -------------------------------------------------------------

function textNode(text: string): SerializedBodyNode {
  return { type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 };
}

function linebreak(): SerializedBodyNode {
  return { type: 'linebreak', version: 1 };
}

function element(type: string, children: SerializedBodyNode[], extra: Record<string, unknown> = {}): SerializedBodyNode {
  return { type, version: 1, direction: null, format: '', indent: 0, children, ...extra };
}

function paragraph(children: SerializedBodyNode[]): SerializedBodyNode {
  return element('paragraph', children, { textFormat: 0, textStyle: '' });
}

const LINK = /\bhttps?:\/\/[^\s<>"'`]+/giu;

/** A line's text with its web links as link nodes. */
function inline(line: string): SerializedBodyNode[] {
  const nodes: SerializedBodyNode[] = [];
  let at = 0;
  const pushText = (text: string) => {
    for (let i = 0; i < text.length; i += MAX_TEXT_NODE) nodes.push(textNode(text.slice(i, i + MAX_TEXT_NODE)));
  };
  for (const match of line.matchAll(LINK)) {
    let url = match[0].replace(/[.,;:!?'"”’]+$/u, '');
    while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) url = url.slice(0, -1);
    if (!isSafeLinkUrl(url)) continue;
    if (match.index! > at) pushText(line.slice(at, match.index!));
    nodes.push(element('link', [textNode(url)], { url, rel: null, target: null, title: null }));
    at = match.index! + url.length;
  }
  if (at < line.length) pushText(line.slice(at));
  return nodes;
}

function lineNodes(lines: string[]): SerializedBodyNode[] {
  const children: SerializedBodyNode[] = [];
  lines.forEach((line, i) => {
    if (i > 0) children.push(linebreak());
    children.push(...inline(line));
  });
  return children;
}

function toNodes(item: Item): SerializedBodyNode[] {
  switch (item.kind) {
    case 'raw':
    case 'paragraph': {
      const out: SerializedBodyNode[] = [];
      for (let i = 0; i < item.lines.length; i += MAX_LINES_PER_PARAGRAPH) {
        out.push(paragraph(lineNodes(item.lines.slice(i, i + MAX_LINES_PER_PARAGRAPH).map((l) => l.trim()))));
      }
      return out;
    }
    case 'heading':
      return [element('heading', inline(item.text), { tag: 'h2', textFormat: 0 })];
    case 'list': {
      // An item of more lines than a node may hold children is split, never cut.
      const pieces = item.items.flatMap((lines) => {
        const out: string[][] = [];
        for (let i = 0; i < lines.length; i += MAX_LINES_PER_PARAGRAPH) out.push(lines.slice(i, i + MAX_LINES_PER_PARAGRAPH));
        return out;
      });
      const children = pieces.map((lines, i) => element('listitem', lineNodes(lines), { value: item.start + i }));
      return [
        element('list', children, {
          listType: item.ordered ? 'number' : 'bullet',
          start: item.start,
          tag: item.ordered ? 'ol' : 'ul',
        }),
      ];
    }
    case 'block':
      return [item.node];
  }
}

/**
 * The schema allows 100,000 blocks in a body. Only a pathological file (hundreds of
 * thousands of one-word paragraphs) gets near that; then runs of paragraphs are joined,
 * separated by blank lines, so the text survives the limit.
 */
function fitChildren(nodes: SerializedBodyNode[]): SerializedBodyNode[] {
  if (nodes.length <= MAX_CHILDREN) return nodes;
  const out: SerializedBodyNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    const lastChildren = last?.type === 'paragraph' ? last.children! : null;
    const children = node.type === 'paragraph' ? node.children! : null;
    if (lastChildren && children && lastChildren.length + children.length + 2 <= MAX_CHILDREN) {
      lastChildren.push(linebreak(), linebreak(), ...children);
    } else out.push(node);
  }
  return out;
}
