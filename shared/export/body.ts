import { DEFAULT_CREDIT_STYLE, type CreditStyle, type PhotoState } from '../blocks/photo';
import type { HelplineEntry, HelplineState } from '../blocks/helpline';
import type { TweetState } from '../blocks/tweet';
import type { SerializedBodyNode, StoryAsset, StoryBody } from '../story/schema';
import { resolvePhotoImage, type AssetMode, type ResolvedImage } from './assets';
import { isPrintableEntry, renderHelpline } from './helpline';
import { el, fragment, lines, safeLinkUrl, type Html, type SafeUrl } from './markup';
import { renderPhoto } from './photo';
import { cleanTweet, renderTweet } from './tweet';
import { renderEmbedBlock, type EmbedState } from '../blocks/embed';
import { renderPullquoteBlock, type PullquoteState } from '../blocks/pullquote';

/**
 * The story body as a list of rendered blocks: the one walk over Lexical's serialized
 * state that the HTML fragment, the page, CMS JSON and ninjs are all made from.
 */
export type RenderedBlock =
  | { type: 'paragraph'; html: Html; inner: Html; text: string; dir?: 'rtl' }
  | { type: 'heading'; level: 2 | 3; html: Html; inner: Html; text: string; dir?: 'rtl' }
  | { type: 'quote'; html: Html; inner: Html; text: string; dir?: 'rtl' }
  | { type: 'list'; ordered: boolean; start: number; items: RenderedListItem[]; html: Html; text: string }
  | { type: 'tweet'; tweet: TweetState; html: Html }
  | { type: 'photo'; alt: string; caption: string; credit: string; image: ResolvedImage | null; html: Html }
  | { type: 'helpline'; presetId: string; heading: string; entries: HelplineEntry[]; verifiedAt: string; html: Html }
  | { type: 'pullquote'; quote: PullquoteState; html: Html }
  /** `pageHtml`: the page export's markup (a video player for YouTube and Vimeo). */
  | { type: 'embed'; embed: EmbedState; html: Html; pageHtml: Html };

export interface RenderedListItem {
  /** The item's inner HTML, nested lists included. */
  inner: Html;
  /** The item's text; a nested list's items follow on their own lines. */
  text: string;
}

/** Blocks whose words are the story's copy (see `storyWordCount`). */
export const COPY_BLOCK_TYPES: ReadonlySet<RenderedBlock['type']> = new Set(['paragraph', 'heading', 'quote', 'list']);

export interface BodyRenderOptions {
  assets: AssetMode;
  creditStyle: CreditStyle;
}

/** Nesting deeper than this is flattened (restore refuses it anyway; the renderer must not recurse forever). */
const MAX_DEPTH = 64;

export function renderBodyBlocks(
  body: StoryBody | undefined,
  storyAssets: Readonly<Record<string, StoryAsset>> | undefined,
  options: Partial<BodyRenderOptions> = {},
): RenderedBlock[] {
  const mode = options.assets ?? 'inline';
  const creditStyle = options.creditStyle ?? DEFAULT_CREDIT_STYLE;
  const blocks: RenderedBlock[] = [];
  const children = Array.isArray(body?.root?.children) ? body.root.children : [];
  for (const node of children) {
    const block = renderTopLevel(node, storyAssets, mode, creditStyle);
    if (block) blocks.push(block);
  }
  return blocks;
}

export function fragmentOf(blocks: readonly RenderedBlock[]): Html {
  return lines(blocks.map((b) => b.html));
}

/** The body as a standalone page prints it: embedded videos play in their privacy-enhanced players. */
export function pageFragmentOf(blocks: readonly RenderedBlock[]): Html {
  return lines(blocks.map((b) => (b.type === 'embed' ? b.pageHtml : b.html)));
}

function renderTopLevel(
  node: SerializedBodyNode,
  storyAssets: Readonly<Record<string, StoryAsset>> | undefined,
  mode: AssetMode,
  creditStyle: CreditStyle,
): RenderedBlock | null {
  if (!isNode(node)) return null;
  const rtl = node.direction === 'rtl' ? ('rtl' as const) : undefined;
  switch (node.type) {
    case 'tweet': {
      const tweet = cleanTweet(node as Partial<TweetState>);
      return { type: 'tweet', tweet, html: renderTweet(tweet) };
    }
    case 'photo': {
      const photo = node as Partial<PhotoState>;
      const image = resolvePhotoImage(photo, storyAssets, mode);
      const html = renderPhoto(photo, image, creditStyle);
      if (!html) return null;
      return { type: 'photo', alt: str(node.alt), caption: str(node.caption).trim(), credit: str(node.credit).trim(), image, html };
    }
    case 'helpline': {
      const html = renderHelpline(node as Partial<HelplineState>);
      if (!html) return null;
      const entries = Array.isArray(node.entries) ? (node.entries as unknown[]).filter(isPrintableEntry).map(cleanEntry) : [];
      return {
        type: 'helpline',
        presetId: str(node.presetId),
        heading: str(node.heading).trim(),
        entries,
        verifiedAt: str(node.verifiedAt),
        html,
      };
    }
    case 'pullquote': {
      const rendered = renderPullquoteBlock(node);
      return rendered ? { type: 'pullquote', quote: rendered.state, html: rendered.html } : null;
    }
    case 'embed': {
      const rendered = renderEmbedBlock(node);
      return rendered ? { type: 'embed', embed: rendered.state, html: rendered.html, pageHtml: rendered.pageHtml } : null;
    }
    case 'heading': {
      const inline = renderInline(node);
      if (!inline) return null;
      const level = node.tag === 'h3' || node.tag === 'h4' || node.tag === 'h5' || node.tag === 'h6' ? 3 : 2;
      return {
        type: 'heading',
        level,
        inner: inline.html,
        text: inline.text,
        dir: rtl,
        html: el(level === 2 ? 'h2' : 'h3', { dir: rtl }, inline.html),
      };
    }
    case 'quote': {
      const inline = renderInline(node);
      if (!inline) return null;
      return { type: 'quote', inner: inline.html, text: inline.text, dir: rtl, html: el('blockquote', { dir: rtl }, inline.html) };
    }
    case 'list': {
      const list = renderList(node, 0);
      if (!list) return null;
      return {
        type: 'list',
        ordered: list.ordered,
        start: list.start,
        items: list.items,
        html: list.html,
        text: list.items.map((i) => i.text).join('\n'),
      };
    }
    default: {
      // Paragraphs, and anything unknown that holds text (a future node type, a stray
      // text node) — printed as a paragraph rather than lost.
      const inline = Array.isArray(node.children) ? renderInline(node) : renderInlineChildren([node]);
      if (!inline) return null;
      return { type: 'paragraph', inner: inline.html, text: inline.text, dir: rtl, html: el('p', { dir: rtl }, inline.html) };
    }
  }
}

// ---- lists ------------------------------------------------------------------------------

interface RenderedList {
  ordered: boolean;
  start: number;
  items: RenderedListItem[];
  html: Html;
}

function renderList(node: SerializedBodyNode, depth: number): RenderedList | null {
  const ordered = node.listType === 'number' || (node.listType !== 'bullet' && node.tag === 'ol');
  const start = typeof node.start === 'number' && Number.isInteger(node.start) && node.start >= 0 ? node.start : 1;
  interface Item {
    inline: { html: Html; text: string } | null;
    nested: RenderedList[];
  }
  const items: Item[] = [];
  for (const child of childrenOf(node)) {
    const itemChildren = child.type === 'listitem' ? childrenOf(child) : [child];
    const nestedNodes = itemChildren.filter((c) => c.type === 'list');
    const nested = depth < MAX_DEPTH ? nestedNodes.map((n) => renderList(n, depth + 1)).filter((l): l is RenderedList => l !== null) : [];
    const inline = renderInlineChildren(itemChildren.filter((c) => c.type !== 'list'));
    // Lexical keeps a nested list in an item of its own after its parent item; it belongs
    // inside the parent's <li>.
    const previous = items.at(-1);
    if (!inline && previous) previous.nested.push(...nested);
    else if (inline || nested.length > 0) items.push({ inline, nested });
  }
  if (items.length === 0) return null;
  const rendered: RenderedListItem[] = items.map((item) => ({
    inner: fragment(
      item.inline?.html,
      item.nested.map((n) => n.html),
    ),
    text: [item.inline?.text ?? '', ...item.nested.flatMap((n) => n.items.map((i) => i.text))].filter((t) => t !== '').join('\n'),
  }));
  const html = el(
    ordered ? 'ol' : 'ul',
    { start: ordered && start !== 1 ? start : undefined },
    '\n',
    lines(rendered.map((item) => el('li', null, item.inner))),
    '\n',
  );
  return { ordered, start, items: rendered, html };
}

// ---- inline content ---------------------------------------------------------------------

/** One piece of inline content after flattening: text with its format bits and link. */
interface Run {
  kind: 'text' | 'br';
  text: string;
  format: number;
  /** Identifies the link node the run sits in (0: none), so adjacent links stay apart. */
  linkId: number;
  href: SafeUrl | null;
}

const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, subscript: 32, superscript: 64, highlight: 128 } as const;

/** Outermost first, so output is the same whichever order the editor applied them in. */
const FORMAT_TAGS = [
  [FORMAT.bold, 'strong'],
  [FORMAT.italic, 'em'],
  [FORMAT.underline, 'u'],
  [FORMAT.strikethrough, 's'],
  [FORMAT.subscript, 'sub'],
  [FORMAT.superscript, 'sup'],
  [FORMAT.highlight, 'mark'],
  [FORMAT.code, 'code'],
] as const;

/** Inline HTML and text of an element, or null when it holds no visible text. */
export function renderInline(node: SerializedBodyNode): { html: Html; text: string } | null {
  return renderInlineChildren(childrenOf(node));
}

function renderInlineChildren(children: readonly SerializedBodyNode[]): { html: Html; text: string } | null {
  const runs: Run[] = [];
  let nextLinkId = 1;
  const walk = (nodes: readonly SerializedBodyNode[], linkId: number, href: SafeUrl | null, depth: number) => {
    for (const node of nodes) {
      if (!isNode(node)) continue;
      const format = typeof node.format === 'number' && Number.isInteger(node.format) ? node.format : 0;
      switch (node.type) {
        case 'text':
          if (typeof node.text === 'string' && node.text !== '') runs.push({ kind: 'text', text: node.text, format, linkId, href });
          break;
        case 'tab':
          runs.push({ kind: 'text', text: '\t', format, linkId, href });
          break;
        case 'linebreak':
          runs.push({ kind: 'br', text: '\n', format: 0, linkId, href });
          break;
        case 'link':
        case 'autolink': {
          if (depth >= MAX_DEPTH) break;
          // Links cannot nest; an unsafe link keeps its text and loses the link.
          const safe = href ?? safeLinkUrl(node.url);
          walk(childrenOf(node), href ? linkId : safe ? nextLinkId++ : 0, safe, depth + 1);
          break;
        }
        default:
          if (depth < MAX_DEPTH) walk(childrenOf(node), linkId, href, depth + 1);
      }
    }
  };
  walk(children, 0, null, 0);
  // Line breaks at either end of a block print as nothing but empty space.
  while (runs[0]?.kind === 'br') runs.shift();
  while (runs.at(-1)?.kind === 'br') runs.pop();
  const text = runs.map((r) => r.text).join('');
  if (text.trim() === '') return null;
  return { html: renderRuns(runs), text };
}

function renderRuns(runs: readonly Run[]): Html {
  return fragment(
    groupBy(runs, (r) => r.linkId).map((group) => {
      const inner = renderFormatted(group, 0);
      const href = group[0]!.href;
      return group[0]!.linkId !== 0 && href ? el('a', { href }, inner) : inner;
    }),
  );
}

/** For each level, the format bits of that level and every one after it. */
const FORMAT_BITS_FROM = FORMAT_TAGS.map((_, level) => FORMAT_TAGS.slice(level).reduce((bits, [bit]) => bits | bit, 0));

function renderFormatted(runs: readonly Run[], level: number): Html {
  // Plain text (most of a story) goes straight to the leaf instead of through every level.
  if (level < FORMAT_TAGS.length && !runs.some((r) => r.kind === 'text' && (r.format & FORMAT_BITS_FROM[level]!) !== 0)) {
    level = FORMAT_TAGS.length;
  }
  if (level === FORMAT_TAGS.length) {
    // Same format all through: adjacent text nodes merge into one escaped string.
    return fragment(runs.map((r) => (r.kind === 'br' ? el('br', null) : r.text)));
  }
  const [bit, tag] = FORMAT_TAGS[level]!;
  return fragment(
    groupBy(runs, (r) => r.kind === 'text' && (r.format & bit) !== 0).map((group) => {
      const inner = renderFormatted(group, level + 1);
      return group[0]!.kind === 'text' && (group[0]!.format & bit) !== 0 ? el(tag, null, inner) : inner;
    }),
  );
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let currentKey: K | undefined;
  for (const item of items) {
    const k = key(item);
    if (current.length > 0 && k !== currentKey) {
      groups.push(current);
      current = [];
    }
    currentKey = k;
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

// ---- defensive readers ------------------------------------------------------------------

function isNode(value: unknown): value is SerializedBodyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function childrenOf(node: SerializedBodyNode): SerializedBodyNode[] {
  return Array.isArray(node.children) ? node.children.filter(isNode) : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** An entry as exported in JSON: the phone only when it is digits, the url only when safe. */
function cleanEntry(entry: HelplineEntry): HelplineEntry {
  const out: HelplineEntry = { name: entry.name, detail: entry.detail };
  if (typeof entry.phone === 'string' && /^\+?[0-9]{3,15}$/.test(entry.phone)) out.phone = entry.phone;
  const url = safeLinkUrl(entry.url);
  if (url && /^https?:/i.test(url)) out.url = url;
  return out;
}
