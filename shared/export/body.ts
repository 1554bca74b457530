import { DEFAULT_CREDIT_STYLE, type CreditStyle } from '../blocks/photo';
import { blockDefinition, isBlockType, type BlockRenderContext, type RenderedNewsroomBlock } from '../blocks/registry';
import type { SerializedBodyNode, StoryAsset, StoryBody } from '../story/schema';
import type { AssetMode, ResolvedImage } from './assets';
import { el, fragment, lines, safeLinkUrl, type Html, type SafeUrl } from './markup';

/**
 * The story body as a list of rendered blocks: the one walk over Lexical's serialized
 * state that the HTML fragment, the page, CMS JSON and ninjs are all made from.
 */
export type RenderedBlock =
  | { type: 'paragraph'; html: Html; inner: Html; text: string; dir?: 'rtl' }
  | { type: 'heading'; level: 2 | 3; html: Html; inner: Html; text: string; dir?: 'rtl' }
  | { type: 'quote'; html: Html; inner: Html; text: string; dir?: 'rtl' }
  | { type: 'list'; ordered: boolean; start: number; items: RenderedListItem[]; html: Html; text: string }
  // The newsroom blocks, one member per registered block (shared/blocks/registry.ts).
  | RenderedNewsroomBlock;

/** The story's own text blocks, as opposed to the registered newsroom blocks. */
export type RenderedTextBlock = Exclude<RenderedBlock, RenderedNewsroomBlock>;

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
  const context: BlockRenderContext = {
    assets: storyAssets,
    assetMode: options.assets ?? 'inline',
    creditStyle: options.creditStyle ?? DEFAULT_CREDIT_STYLE,
  };
  const blocks: RenderedBlock[] = [];
  const children = Array.isArray(body?.root?.children) ? body.root.children : [];
  for (const node of children) {
    const block = renderTopLevel(node, context);
    if (block) blocks.push(block);
  }
  return blocks;
}

/** The images the blocks ship with (photos), in order, as each block's definition lists them. */
export function blockImages(blocks: readonly RenderedBlock[]): ResolvedImage[] {
  const images: ResolvedImage[] = [];
  for (const block of blocks) {
    if (!isBlockType(block.type)) continue;
    const found = blockDefinition(block.type).images?.(block as never);
    if (found) images.push(...found);
  }
  return images;
}

export function fragmentOf(blocks: readonly RenderedBlock[]): Html {
  return lines(blocks.map((b) => b.html));
}

/** A block's markup in a standalone page, and the origins it frames there (a block's `page`, else its html). */
function pageBlock(block: RenderedBlock): { html: Html; frameSources: readonly string[] } {
  const page = isBlockType(block.type) ? blockDefinition(block.type).page?.(block as never) : undefined;
  return page ?? { html: block.html, frameSources: [] };
}

/** The body as a standalone page prints it (an embedded video plays there), and the origins it frames. */
export function pageBodyOf(blocks: readonly RenderedBlock[]): { html: Html; frameSources: string[] } {
  const pages = blocks.map(pageBlock);
  const frameSources = [...new Set(pages.flatMap((p) => p.frameSources))].sort();
  return { html: lines(pages.map((p) => p.html)), frameSources };
}

function renderTopLevel(node: SerializedBodyNode, context: BlockRenderContext): RenderedBlock | null {
  if (!isNode(node)) return null;
  const rtl = node.direction === 'rtl' ? ('rtl' as const) : undefined;
  if (isBlockType(node.type)) return blockDefinition(node.type).render(node as never, context) as RenderedNewsroomBlock | null;
  switch (node.type) {
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
    case 'paragraph':
    case 'text':
    case 'tab':
    case 'linebreak':
    case 'link':
    case 'autolink':
    case 'listitem': {
      // Paragraphs, and inline nodes or items left at the top level by hand-made input:
      // printed as a paragraph rather than lost.
      const inline = Array.isArray(node.children) ? renderInline(node) : renderInlineChildren([node]);
      if (!inline) return null;
      return { type: 'paragraph', inner: inline.html, text: inline.text, dir: rtl, html: el('p', { dir: rtl }, inline.html) };
    }
    default: {
      // Not a node a story may hold, and no registered block (restore refuses both). An
      // unrestored object's text is printed as a paragraph rather than lost; anything else
      // (an unregistered block's fields) is refused, never dropped without a word.
      const inline = Array.isArray(node.children) ? renderInline(node) : null;
      if (!inline) throw new UnknownBlockError(node.type);
      return { type: 'paragraph', inner: inline.html, text: inline.text, dir: rtl, html: el('p', { dir: rtl }, inline.html) };
    }
  }
}

/** Thrown by the exports for a top-level node of a type neither the story schema nor the block registry knows. */
export class UnknownBlockError extends Error {
  constructor(readonly blockType: string) {
    super(`the story holds a block of unknown type "${blockType.slice(0, 40)}"; it cannot be exported`);
    this.name = 'UnknownBlockError';
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
