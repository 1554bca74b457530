import { parseDocument } from 'htmlparser2';
import { isAssetKey } from '../blocks/photo';
import { createStory, emptyBody } from '../story/create';
import type { SerializedBodyNode, Story, StoryAsset } from '../story/schema';
import { Converter } from './html/converter';
import { paragraphNode, textNode } from './html/nodes';
import { summarizeBody, type ImportSummary } from './summary';

export { summarizeBody };
export { importLinkUrl } from './html/styles';
export { TEXT_FORMAT } from './html/nodes';

/**
 * HTML → story body (issue 5, "other ways in"): pasted Google Docs and Word clipboards,
 * Word's "Save as Web Page", mammoth's output for .docx files, and any web page. Pure: no
 * DOM, no Node — htmlparser2 builds the tree, and a walk over it writes Lexical's
 * serialized nodes directly.
 *
 * Allow-list by construction: nothing of the source's markup is copied. The walk only ever
 * *creates* the node types the story schema knows (paragraph, heading, quote, list,
 * listitem, link, text, linebreak and the tweet / photo / helpline blocks) with fresh
 * fields, so attributes, classes, inline styles, scripts and event handlers cannot come
 * through: the only values taken from the source are text, a heading level, list
 * structure, the seven text-format bits, link URLs that pass `isSafeLinkUrl`, and the
 * fields the block parsers check. Inline styles are *read* (Google Docs keeps bold and
 * italic only there) but never written.
 *
 * The walk lives in ./html/: converter (the walk), inline (runs of text), styles (reading
 * the source's markup), lists (HTML, Word and Google Docs lists), tables, blocks (the
 * registered newsroom blocks and images) and nodes (what is written).
 */

// ---- public API ---------------------------------------------------------------------------

export interface HtmlImportOptions {
  /**
   * 'collapse' (default): whitespace as a browser shows it (runs of spaces and newlines are
   * one space; <pre> and `white-space: pre*` keep theirs). 'preserve': the text is taken
   * literally, as mammoth writes a .docx's runs (Word keeps double spaces).
   */
  whitespace?: 'collapse' | 'preserve';
  /**
   * Where the headline may come from. 'any' (default): a Title-style paragraph (Word's
   * MsoTitle, `.title`), else a leading <h1>, else <title>. 'title-style': only a
   * Title-style paragraph (a .docx's headings are headings, not headlines).
   */
  headline?: 'any' | 'title-style';
}

/** An image the body holds as a photo block without a usable link (data:, file:, relative…). */
export interface HtmlImage {
  /** Index of its photo block in `children`; the caller fills that block's `asset`. */
  index: number;
  /** The source as written (a data: URI, a file or relative path, a docx placeholder). */
  src: string;
  alt: string;
  caption: string;
  credit: string;
}

export interface HtmlBodyResult {
  /** Top-level nodes for a root: paragraph, heading, quote, list, tweet, photo, helpline. */
  children: SerializedBodyNode[];
  /** Photo blocks waiting for an asset (see `resolveImages`). https images are already linked. */
  images: HtmlImage[];
  summary: ImportSummary;
  /** From a Title-style paragraph, a leading <h1> or <title> ('' if none); not in `children`. */
  headline: string;
  /** From the first Subtitle-style paragraph ('' if none); not in `children`. */
  standfirst: string;
}

/** Longer HTML is refused (`RangeError`): a Word clipboard of a very long read is ~2 MB. */
export const MAX_HTML_CHARS = 16_000_000;

export function htmlToBody(html: string, options: HtmlImportOptions = {}): HtmlBodyResult {
  if (typeof html !== 'string') throw new TypeError('html must be a string');
  if (html.length > MAX_HTML_CHARS) {
    throw new RangeError(`HTML is too long to import (${html.length} characters; the limit is ${MAX_HTML_CHARS})`);
  }
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const converter = new Converter(options);
  converter.run(doc.children);
  return converter.result();
}

export interface HtmlStoryOptions extends HtmlImportOptions {
  id: string;
  now: Date;
  /** Assets the caller already made (e.g. from data: URIs); kept when a photo uses them. */
  assets?: Record<string, StoryAsset>;
  /** Turns an image into an asset key (of `assets`), or null to leave it out. */
  assetFor?: (image: HtmlImage) => string | null | undefined;
}

export interface HtmlStoryResult {
  story: Story;
  summary: ImportSummary;
  /** One line each, for the person importing ("2 images could not be kept: …"). */
  warnings: string[];
}

/**
 * A whole story from HTML. Images that are neither https links nor turned into assets by
 * `assetFor` are left out (their caption is kept as a paragraph) and named in `warnings`.
 */
export function htmlToStory(html: string, options: HtmlStoryOptions): HtmlStoryResult {
  const body = htmlToBody(html, options);
  const assets = options.assets ?? {};
  const assetFor = options.assetFor ?? (() => null);
  const resolved = resolveImages(body.children, body.images, (image) => {
    const key = assetFor(image);
    return key && key in assets ? key : null;
  });
  const story = createStory({ id: options.id, now: options.now });
  story.meta.headline = body.headline;
  story.meta.standfirst = body.standfirst;
  if (resolved.children.length > 0) story.body = { root: { ...emptyBody().root, children: resolved.children } };
  const used = new Set(resolved.children.filter((n) => n.type === 'photo' && n.asset).map((n) => String(n.asset)));
  for (const key of used) story.assets[key] = assets[key]!;
  return { story, summary: summarizeBody(resolved.children), warnings: describeDroppedImages(resolved.dropped) };
}

/**
 * Fills each waiting photo block's `asset` with what `assetFor` returns. Blocks it gives no
 * asset are removed (a caption or alt text stays behind as a paragraph); they are returned
 * in `dropped`. Does not change its arguments.
 */
export function resolveImages(
  children: readonly SerializedBodyNode[],
  images: readonly HtmlImage[],
  assetFor: (image: HtmlImage) => string | null | undefined,
): { children: SerializedBodyNode[]; dropped: HtmlImage[] } {
  const byIndex = new Map(images.map((image) => [image.index, image]));
  const out: SerializedBodyNode[] = [];
  const dropped: HtmlImage[] = [];
  children.forEach((node, index) => {
    const image = byIndex.get(index);
    if (!image || node.type !== 'photo') {
      out.push(node);
      return;
    }
    const key = assetFor(image);
    if (isAssetKey(key)) {
      out.push({ ...node, asset: key, src: '' });
      return;
    }
    dropped.push(image);
    const words = [image.caption, image.credit ? `Photo / ${image.credit}` : ''].filter(Boolean).join(' ');
    if (words) out.push(paragraphNode([textNode(words, 0)]));
  });
  return { children: out, dropped };
}

function describeDroppedImages(dropped: readonly HtmlImage[]): string[] {
  if (dropped.length === 0) return [];
  const names = dropped.map((image) =>
    image.src.startsWith('data:') ? 'an embedded image of an unsupported type' : shorten(image.src || '(no source)', 60),
  );
  const unique = [...new Set(names)];
  return [
    `${dropped.length} ${dropped.length === 1 ? 'image was' : 'images were'} left out (not an https link or an embedded JPEG, PNG, WebP or GIF): ${unique.slice(0, 5).join(', ')}${unique.length > 5 ? ', …' : ''}`,
  ];
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
