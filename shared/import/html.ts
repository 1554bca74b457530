import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { isAssetKey, isHttpsImageUrl } from '../blocks/photo';
import { photoFromFigure } from '../blocks/photo/html';
import { blockNode, recogniseBlockElement, type BlockState, type BlockType } from '../blocks/registry';
import { createStory, emptyBody } from '../story/create';
import { isSafeLinkUrl, type SerializedBodyNode, type Story, type StoryAsset } from '../story/schema';
import { summarizeBody, type ImportSummary } from './summary';

export { summarizeBody };

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

// ---- serialized nodes -------------------------------------------------------------------

export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;

type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

const MAX_TEXT = 1_000_000;
const MAX_CHILDREN = 100_000;
/** Word has nine list levels; deeper HTML nesting is kept at the ninth. */
const MAX_LIST_LEVEL = 8;
/** Deeper markup is read as plain text (keeps the walk's recursion bounded). */
const MAX_DOM_DEPTH = 256;

function textNode(text: string, format: number): SerializedBodyNode {
  return { detail: 0, format, mode: 'normal', style: '', text, type: 'text', version: 1 };
}

function elementFields(children: SerializedBodyNode[]) {
  return { children, direction: null, format: '', indent: 0 };
}

function paragraphNode(children: SerializedBodyNode[]): SerializedBodyNode {
  return { ...elementFields(children), type: 'paragraph', version: 1, textFormat: 0, textStyle: '' };
}

function headingNode(tag: HeadingTag, children: SerializedBodyNode[]): SerializedBodyNode {
  return { ...elementFields(children), type: 'heading', version: 1, tag, textFormat: 0, textStyle: '' };
}

function quoteNode(children: SerializedBodyNode[]): SerializedBodyNode {
  return { ...elementFields(children), type: 'quote', version: 1 };
}

function linkNode(url: string, children: SerializedBodyNode[]): SerializedBodyNode {
  return { ...elementFields(children), type: 'link', version: 1, rel: null, target: null, title: null, url };
}

function listNode(ordered: boolean, start: number): SerializedBodyNode {
  return {
    ...elementFields([]),
    type: 'list',
    version: 1,
    listType: ordered ? 'number' : 'bullet',
    start,
    tag: ordered ? 'ol' : 'ul',
  };
}

function listItemNode(children: SerializedBodyNode[]): SerializedBodyNode {
  return { ...elementFields(children), type: 'listitem', version: 1, value: 1 };
}

function photoNode(fields: { src: string; alt: string; caption: string; credit: string }): SerializedBodyNode {
  return {
    type: 'photo',
    version: 1,
    format: '',
    asset: '',
    src: fields.src,
    alt: clip(fields.alt, 2000),
    caption: clip(fields.caption, 5000),
    credit: clip(fields.credit, 500),
  };
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

// ---- inline content ---------------------------------------------------------------------

/** A run of text (or a line break) with its formatting, before whitespace is settled. */
type Inline =
  | { kind: 'text'; text: string; format: number; link: string | null; whitespace: 'collapse' | 'preserve' | 'pre' }
  | { kind: 'break'; link: string | null };

const COLLAPSIBLE = /[ \t\n\r\f]+/g;
// C0/C1 controls and BOMs (tab, newline and NEL are handled before this runs).
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufeff]/g;
const LINE_SEPARATORS = /[\u0085\u2028\u2029]/;

/**
 * Settles whitespace the way a browser lays a block out: collapsible runs become one space,
 * spaces at the start, the end and around line breaks go, &nbsp; becomes a plain space.
 */
function settleInlines(items: readonly Inline[]): Inline[] {
  // 1. Newlines in preformatted text and Unicode line separators become breaks.
  const split: Inline[] = [];
  for (const item of items) {
    if (item.kind === 'break') {
      split.push(item);
      continue;
    }
    let text = item.text.replace(/\r\n?/g, '\n');
    const parts = text.split(item.whitespace === 'pre' ? /[\n\u0085\u2028\u2029]/ : LINE_SEPARATORS);
    parts.forEach((part, i) => {
      if (i > 0) split.push({ kind: 'break', link: item.link });
      text = part.replace(CONTROLS, '');
      if (item.whitespace === 'collapse') text = text.replace(COLLAPSIBLE, ' ');
      else text = text.replace(/[\t\n\r\f]/g, ' ');
      if (text !== '') split.push({ ...item, text });
    });
  }
  // 2. A collapsible space after a space (or at a line start) goes.
  const out: Inline[] = [];
  let atSpace = true;
  for (const item of split) {
    if (item.kind === 'break') {
      trimTrailing(out);
      out.push(item);
      atSpace = true;
      continue;
    }
    let text = item.text;
    if (atSpace) text = item.whitespace === 'collapse' ? text.replace(/^ /, '') : text.replace(/^[ \u00a0]+/, '');
    if (text === '') continue;
    out.push({ ...item, text });
    atSpace = /[ ]$/.test(text);
  }
  trimTrailing(out);
  // 3. Leading spaces of the block and after breaks (including &nbsp;), then &nbsp; → space.
  const result: Inline[] = [];
  let lineStart = true;
  for (const item of out) {
    if (item.kind === 'break') {
      result.push(item);
      lineStart = true;
      continue;
    }
    let text = lineStart ? item.text.replace(/^[ \u00a0]+/, '') : item.text;
    text = text.replace(/\u00a0/g, ' ');
    if (text === '') continue;
    result.push({ ...item, text });
    lineStart = false;
  }
  // 4. No breaks at the start or end of a block.
  while (result[0]?.kind === 'break') result.shift();
  while (result.at(-1)?.kind === 'break') result.pop();
  return result;
}

function trimTrailing(items: Inline[]): void {
  while (items.length > 0) {
    const last = items.at(-1)!;
    if (last.kind === 'break') return;
    const text = last.text.replace(/[ \u00a0]+$/, '');
    if (text !== '') {
      items[items.length - 1] = { ...last, text };
      return;
    }
    items.pop();
  }
}

function hasWords(items: readonly Inline[]): boolean {
  return items.some((i) => i.kind === 'text' && i.text.trim() !== '');
}

/** Two or more line breaks in a row end a paragraph (`<br><br>` as a paragraph break). */
function splitOnBlankLines(items: readonly Inline[]): Inline[][] {
  const parts: Inline[][] = [[]];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'break' && items[i + 1]?.kind === 'break') {
      while (items[i + 1]?.kind === 'break') i++;
      parts.push([]);
      continue;
    }
    parts.at(-1)!.push(item);
  }
  return parts.filter(hasWords);
}

/** Settled inline items → Lexical text / linebreak / link nodes. */
function inlineNodes(items: readonly Inline[]): SerializedBodyNode[] {
  const nodes: SerializedBodyNode[] = [];
  let i = 0;
  while (i < items.length) {
    const link = items[i]!.link;
    let j = i;
    while (j < items.length && items[j]!.link === link) j++;
    const leaves = leafNodes(items.slice(i, j), link !== null);
    if (link !== null) {
      if (leaves.length > 0) nodes.push(linkNode(link, leaves));
    } else append(nodes, leaves);
    i = j;
  }
  if (nodes.length > MAX_CHILDREN) {
    // A hostile paste with hundreds of thousands of runs: keep every word, drop the marks.
    const text = nodes.map(plainTextOf).join('');
    return chunkText(text).map((t) => textNode(t, 0));
  }
  return nodes;
}

function leafNodes(items: readonly Inline[], inLink: boolean): SerializedBodyNode[] {
  const out: SerializedBodyNode[] = [];
  for (const item of items) {
    if (item.kind === 'break') {
      out.push({ type: 'linebreak', version: 1 });
      continue;
    }
    // Links are underlined by the renderer; an underline mark on link text is the source's styling.
    const format = inLink ? item.format & ~TEXT_FORMAT.underline : item.format;
    const last = out.at(-1);
    if (last && last.type === 'text' && last.format === format && String(last.text).length + item.text.length <= MAX_TEXT) {
      last.text = String(last.text) + item.text;
    } else {
      for (const chunk of chunkText(item.text)) out.push(textNode(chunk, format));
    }
  }
  return out;
}

/** `target.push(...source)` without the argument-count limit (huge pastes have huge runs). */
function append<T>(target: T[], source: readonly T[]): void {
  for (const item of source) target.push(item);
}

function chunkText(text: string): string[] {
  if (text.length <= MAX_TEXT) return [text];
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += MAX_TEXT) chunks.push(text.slice(i, i + MAX_TEXT));
  return chunks;
}

function plainTextOf(node: SerializedBodyNode): string {
  if (node.type === 'text') return String(node.text);
  if (node.type === 'linebreak') return '\n';
  return (node.children ?? []).map(plainTextOf).join('');
}

function inlinePlainText(items: readonly Inline[]): string {
  return settleInlines(items)
    .map((i) => (i.kind === 'text' ? i.text : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---- reading the source's markup ----------------------------------------------------------

/** Removed with everything inside them (their text too). */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'area',
  'noscript',
  'noembed',
  'noframes',
  'head',
  'meta',
  'link',
  'base',
  'xml',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'output',
  'progress',
  'meter',
  'dialog',
  'slot',
  'portal',
  'rp',
  // Obsolete raw-text elements: their "text" is markup, seen in exploit payloads, not in copy.
  'xmp',
  'plaintext',
]);

/** Elements that start a block of their own (others are inline: their text joins the current block). */
const CONTAINERS = new Set([
  'html',
  'body',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'address',
  'center',
  'form',
  'fieldset',
  'legend',
  'details',
  'summary',
  'hgroup',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'aside',
  'caption',
  'search',
  'li',
  'pre',
  'listing',
  'td',
  'th',
  'tr',
  'tbody',
  'thead',
  'tfoot',
  'colgroup',
  'col',
]);

const ITALIC_TAGS = new Set(['i', 'em', 'cite', 'var', 'dfn']);
const CODE_TAGS = new Set(['code', 'kbd', 'samp', 'tt']);

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function classes(el: Element): string[] {
  return (el.attribs.class ?? '').split(/\s+/).filter(Boolean);
}

function hasClass(el: Element, name: string): boolean {
  const lower = name.toLowerCase();
  return classes(el).some((c) => c.toLowerCase() === lower);
}

/** Declarations of a style sheet's class rules (`.c3{…}`, `span.c3{…}`), by class name. */
type ClassRules = Map<string, { tag: string; order: number; declarations: Map<string, string> }[]>;

function parseDeclarations(text: string, into = new Map<string, string>()): Map<string, string> {
  for (const declaration of text.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important/i, '')
      .trim()
      .toLowerCase();
    if (property) into.set(property, value);
  }
  return into;
}

/**
 * Google Docs' HTML download keeps bold and italic in class rules (`.c3{font-weight:700}`),
 * not inline. Only simple class selectors are read; tag selectors (`h1{…}`) and anything
 * more complex are not, so a house style sheet cannot make every heading bold.
 */
let ruleOrder = 0;

function readStyleSheet(css: string, rules: ClassRules): void {
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--|-->/g, '');
  for (const match of clean.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = parseDeclarations(match[2]!);
    for (const selector of match[1]!.split(',')) {
      const simple = /^\s*([a-z][a-z0-9]*)?\.([A-Za-z_][A-Za-z0-9_-]*)\s*$/.exec(selector);
      if (!simple) continue;
      const list = rules.get(simple[2]!) ?? [];
      list.push({ tag: (simple[1] ?? '').toLowerCase(), order: ruleOrder++, declarations });
      rules.set(simple[2]!, list);
    }
  }
}

/** An element's CSS (class rules, then its inline style) as lower-case property → value. */
function styleOf(el: Element, rules?: ClassRules): Map<string, string> {
  const map = new Map<string, string>();
  if (rules && rules.size > 0 && el.attribs.class) {
    // Later rules win, whatever the order of the classes in the attribute.
    const matching = classes(el)
      .flatMap((name) => rules.get(name) ?? [])
      .filter((rule) => rule.tag === '' || rule.tag === el.name)
      .sort((a, b) => a.order - b.order);
    for (const rule of matching) for (const [k, v] of rule.declarations) map.set(k, v);
  }
  const style = el.attribs.style;
  return style ? parseDeclarations(style, map) : map;
}

function isHidden(el: Element, style: Map<string, string>): boolean {
  if ('hidden' in el.attribs) return true;
  if (style.get('display') === 'none' || style.get('visibility') === 'hidden') return true;
  if (style.get('mso-hide') === 'all') return true;
  // Word: comments and page headers/footers are not story text.
  const msoElement = style.get('mso-element') ?? '';
  return /^(comment|comment-list|header|footer)$/.test(msoElement);
}

/** The format bits an element adds to or removes from what it inherits. */
function formatOf(el: Element, style: Map<string, string>, inherited: number): number {
  let format = inherited;
  const name = el.name;
  if (name === 'b' || name === 'strong') format |= TEXT_FORMAT.bold;
  else if (ITALIC_TAGS.has(name)) format |= TEXT_FORMAT.italic;
  else if (name === 'u') format |= TEXT_FORMAT.underline;
  else if (name === 's' || name === 'strike' || name === 'del') format |= TEXT_FORMAT.strikethrough;
  else if (CODE_TAGS.has(name)) format |= TEXT_FORMAT.code;
  else if (name === 'sub') format = (format | TEXT_FORMAT.subscript) & ~TEXT_FORMAT.superscript;
  else if (name === 'sup') format = (format | TEXT_FORMAT.superscript) & ~TEXT_FORMAT.subscript;

  // Inline styles win over the tag: Google Docs wraps a whole paste in
  // <b style="font-weight:normal"> and marks bold on spans with font-weight:700.
  const weight = style.get('font-weight');
  if (weight !== undefined) {
    if (/^(bold|bolder)$/.test(weight) || (/^\d+$/.test(weight) && Number(weight) >= 600)) format |= TEXT_FORMAT.bold;
    else if (/^(normal|lighter)$/.test(weight) || (/^\d+$/.test(weight) && Number(weight) < 600)) format &= ~TEXT_FORMAT.bold;
  }
  const fontStyle = style.get('font-style');
  if (fontStyle !== undefined) {
    if (/^(italic|oblique)/.test(fontStyle)) format |= TEXT_FORMAT.italic;
    else if (fontStyle === 'normal') format &= ~TEXT_FORMAT.italic;
  }
  // text-decoration is not inherited but drawn through descendants: 'none' on a child
  // does not take a parent's underline away, so only additions count.
  const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
  if (/\bunderline\b/.test(decoration)) format |= TEXT_FORMAT.underline;
  if (/\bline-through\b/.test(decoration)) format |= TEXT_FORMAT.strikethrough;
  const align = style.get('vertical-align');
  if (align === 'super') format = (format | TEXT_FORMAT.superscript) & ~TEXT_FORMAT.subscript;
  else if (align === 'sub') format = (format | TEXT_FORMAT.subscript) & ~TEXT_FORMAT.superscript;
  return format;
}

/** A link's URL if the story may carry it (Google's and Outlook's redirect wrappers unwrapped). */
export function importLinkUrl(href: string | undefined): string | null {
  if (href === undefined) return null;
  let url = href.trim().replace(/ /g, '%20');
  if (url === '' || url.startsWith('#')) return null;
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase();
    if (/(^|\.)google\.[a-z]{2,3}(\.[a-z]{2})?$/.test(host) && parsed.pathname === '/url') {
      url = parsed.searchParams.get('q') ?? parsed.searchParams.get('url') ?? url;
    } else if (host.endsWith('.safelinks.protection.outlook.com')) {
      url = parsed.searchParams.get('url') ?? url;
    }
  } catch {
    return null;
  }
  // Characters a URL cannot hold unencoded are encoded (as a browser would), so a stored
  // link can never close an attribute or open a tag, whatever the exporter does.
  url = url.trim().replace(/["<>`\\^{|}]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return isSafeLinkUrl(url) ? url : null;
}

const DOCS_LIST = /(?:^|\s)lst-kix_([A-Za-z0-9_]+)-(\d)(?:\s|$)/;

/** The level of a Google Docs download's list (`<ul class="lst-kix_abc-1">` → 1), or null. */
function docsListLevel(node: ChildNode): number | null {
  if (!isElement(node) || (node.name !== 'ul' && node.name !== 'ol')) return null;
  const match = DOCS_LIST.exec(node.attribs.class ?? '');
  return match ? Math.min(Number(match[2]), MAX_LIST_LEVEL) : null;
}

function docsListId(node: Element): string {
  return `docs-${DOCS_LIST.exec(node.attribs.class ?? '')?.[1] ?? ''}`;
}

const WORD_LIST = /mso-list\s*:\s*(l\d+)\s+level(\d+)(?:\s+(lfo\d+))?/i;

/** A Word list paragraph: `style='…mso-list:l0 level1 lfo1'` (not a numbered heading). */
function wordListInfo(node: ChildNode): { level: number; key: string } | null {
  if (!isElement(node) || node.name !== 'p') return null;
  const match = WORD_LIST.exec(node.attribs.style ?? '');
  if (!match) return null;
  return { level: Math.max(0, Number(match[2]) - 1), key: `${match[1]}-${match[3] ?? ''}` };
}

/** "1." "a)" "iv." "(3)" → ordered; "·" "o" "§" "-" and other glyphs → bullet. */
function orderedMarker(marker: string): { ordered: boolean; start: number } {
  const m = /^\(?([0-9]{1,6}|[a-z]{1,3}|[ivxlcdm]{1,8})[.)]$/i.exec(marker.trim());
  if (!m) return { ordered: false, start: 1 };
  const token = m[1]!;
  if (/^\d+$/.test(token)) return { ordered: true, start: Number(token) };
  if (/^[ivxlcdm]+$/i.test(token) && (token.length > 1 || /^i$/i.test(token))) return { ordered: true, start: romanValue(token) };
  // a, b, … z, aa: spreadsheet-style letters.
  let value = 0;
  for (const ch of token.toLowerCase()) value = value * 26 + (ch.charCodeAt(0) - 96);
  return { ordered: true, start: value };
}

function romanValue(token: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  const chars = token.toLowerCase();
  for (let i = 0; i < chars.length; i++) {
    const v = values[chars[i]!]!;
    const next = values[chars[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return Math.max(1, total);
}

const ORDERED_STYLE =
  /^(decimal|decimal-leading-zero|lower-alpha|upper-alpha|lower-latin|upper-latin|lower-roman|upper-roman|lower-greek|armenian|georgian|cjk-|hiragana|katakana|hebrew)/;

function listStyleOrdered(style: Map<string, string>): boolean | null {
  const type = style.get('list-style-type') ?? style.get('list-style')?.split(/\s+/)[0];
  if (!type) return null;
  if (ORDERED_STYLE.test(type)) return true;
  if (/^(disc|circle|square|disclosure)/.test(type)) return false;
  // 'none': markers drawn some other way (Google Docs' download uses counters) — the tag decides.
  return null;
}

// ---- the walk ---------------------------------------------------------------------------

interface BlockSpec {
  kind: 'paragraph' | 'heading' | 'quote';
  tag?: HeadingTag;
  /** Word/Docs paragraph styles that feed the story's metadata or the photo before them. */
  role?: 'title' | 'standfirst' | 'caption';
}

interface Ctx {
  format: number;
  link: string | null;
  pre: boolean;
  spec: BlockSpec;
}

/** Where finished blocks go: the body, a list being gathered, or a table cell. */
interface Sink {
  text(spec: BlockSpec, items: Inline[]): void;
  block(node: SerializedBodyNode): void;
}

interface ListEntryItem {
  kind: 'item';
  level: number;
  ordered: boolean;
  key: string;
  start?: number;
  items: Inline[];
}
type ListEntry = ListEntryItem | { kind: 'block'; node: SerializedBodyNode };

/** Gathers list items with their levels, then builds Lexical's nested lists from them. */
class ListSink implements Sink {
  entries: ListEntry[] = [];
  private open: { level: number; ordered: boolean; key: string; start?: number; item: ListEntryItem | null }[] = [];

  openItem(level: number, ordered: boolean, key: string, start?: number): void {
    this.open.push({ level: Math.min(Math.max(level, 0), MAX_LIST_LEVEL), ordered, key, start, item: null });
  }

  closeItem(): void {
    this.open.pop();
  }

  /** Level for a list nested in the current item. */
  nestedLevel(): number {
    const top = this.open.at(-1);
    return top ? Math.min(top.level + 1, MAX_LIST_LEVEL) : 0;
  }

  text(_spec: BlockSpec, items: Inline[]): void {
    let top = this.open.at(-1);
    if (!top) {
      // Text straight inside <ul>: an item of its own.
      this.openItem(0, false, 'stray');
      top = this.open.at(-1)!;
      this.open.pop();
    }
    if (!top.item || this.entries.at(-1) !== top.item) {
      top.item = { kind: 'item', level: top.level, ordered: top.ordered, key: top.key, start: top.start, items: [] };
      top.start = undefined;
      this.entries.push(top.item);
    }
    if (top.item.items.length > 0) top.item.items.push({ kind: 'break', link: null });
    append(top.item.items, items);
  }

  block(node: SerializedBodyNode): void {
    this.entries.push({ kind: 'block', node });
  }

  /** The lists (split where a tweet, photo or helpline had to be lifted out) and blocks, in order. */
  build(): SerializedBodyNode[] {
    const out: SerializedBodyNode[] = [];
    let run: ListEntryItem[] = [];
    let continueFrom: { key: string; ordered: boolean; next: number } | null = null;
    const finishRun = () => {
      if (run.length === 0) return;
      const lists = buildLists(run, continueFrom);
      append(out, lists);
      const last = lists.at(-1);
      const lastItem = run.at(-1)!;
      continueFrom = last ? { key: lastItem.key, ordered: last.listType === 'number', next: nextValue(last) } : null;
      run = [];
    };
    for (const entry of this.entries) {
      if (entry.kind === 'block') {
        finishRun();
        out.push(entry.node);
      } else if (hasWords(settleInlines(entry.items))) {
        run.push(entry);
      }
    }
    finishRun();
    return out;
  }
}

function nextValue(list: SerializedBodyNode): number {
  const items = (list.children ?? []).filter((c) => !(c.children?.length === 1 && c.children[0]!.type === 'list'));
  return Number(list.start ?? 1) + items.length;
}

/**
 * Flat items with levels → Lexical lists. Lexical nests a list in a list item of its own
 * (an item whose only child is the list) placed after its parent item; levels that skip
 * (1 → 3) get the items in between, so no level is lost.
 */
function buildLists(
  items: readonly ListEntryItem[],
  continueFrom: { key: string; ordered: boolean; next: number } | null,
): SerializedBodyNode[] {
  const out: SerializedBodyNode[] = [];
  const stack: { node: SerializedBodyNode; key: string; ordered: boolean }[] = [];
  for (const item of items) {
    const level = item.level;
    while (stack.length > level + 1) stack.pop();
    if (stack.length === level + 1) {
      const top = stack[level]!;
      if (top.key !== item.key || top.ordered !== item.ordered) stack.pop();
    }
    while (stack.length <= level) {
      const depth = stack.length;
      let start = depth === level && item.start !== undefined ? item.start : 1;
      // A numbered list split by a lifted-out photo goes on counting.
      if (
        depth === 0 &&
        out.length === 0 &&
        continueFrom &&
        continueFrom.key === item.key &&
        continueFrom.ordered &&
        item.ordered &&
        item.start === undefined
      ) {
        start = continueFrom.next;
      }
      const list = listNode(item.ordered, clampStart(start));
      if (depth === 0) out.push(list);
      else stack[depth - 1]!.node.children!.push(listItemNode([list]));
      stack.push({ node: list, key: item.key, ordered: item.ordered });
    }
    const children = inlineNodes(settleInlines(item.items));
    stack[level]!.node.children!.push(listItemNode(children));
  }
  for (const list of out) numberList(list, 0);
  return out;
}

function clampStart(start: number): number {
  return Number.isInteger(start) && start >= 0 && start <= 1_000_000 ? start : 1;
}

/** Item values and indents as Lexical computes them (a nested list's holder does not count). */
function numberList(list: SerializedBodyNode, depth: number): void {
  let value = Number(list.start ?? 1);
  for (const item of list.children ?? []) {
    item.value = Math.min(value, 1_000_000);
    item.indent = depth;
    const only = item.children?.length === 1 ? item.children[0]! : null;
    if (only?.type === 'list') numberList(only, depth + 1);
    else value++;
  }
}

/** A multi-column table row being read: each cell's blocks run together in one line. */
class CellSink implements Sink {
  cells: Inline[][] = [];
  deferred: SerializedBodyNode[] = [];

  startCell(): void {
    this.cells.push([]);
  }

  text(_spec: BlockSpec, items: Inline[]): void {
    if (this.cells.length === 0) this.startCell();
    const cell = this.cells.at(-1)!;
    if (cell.length > 0) cell.push({ kind: 'text', text: ' ', format: 0, link: null, whitespace: 'collapse' });
    append(cell, items);
  }

  block(node: SerializedBodyNode): void {
    // Photos, tweets, lists found in a cell follow the row.
    this.deferred.push(node);
  }
}

class Converter implements Sink {
  private readonly children: SerializedBodyNode[] = [];
  private readonly imageSources = new Map<SerializedBodyNode, Omit<HtmlImage, 'index'>>();
  private readonly markers = new WeakMap<Element, string>();
  private readonly flattened = new WeakMap<Element, string>();
  private readonly classRules: ClassRules = new Map();
  private readonly whitespace: 'collapse' | 'preserve';
  private readonly headlineFrom: 'any' | 'title-style';
  private sink: Sink = this;
  private pending: Inline[] = [];
  private pendingSpec: BlockSpec | null = null;
  private headline = '';
  private standfirst = '';
  private documentTitle = '';
  private readonly rootSpec: BlockSpec = { kind: 'paragraph' };

  constructor(options: HtmlImportOptions) {
    this.whitespace = options.whitespace ?? 'collapse';
    this.headlineFrom = options.headline ?? 'any';
  }

  run(nodes: ChildNode[]): void {
    this.prepare(nodes);
    this.walkChildren(nodes, { format: 0, link: null, pre: false, spec: this.rootSpec });
    this.flush();
  }

  result(): HtmlBodyResult {
    let children = this.children;
    let headline = this.headline;
    if (!headline && this.headlineFrom === 'any') {
      const first = children[0];
      if (first?.type === 'heading' && first.tag === 'h1') {
        headline = plainTextOf(first).replace(/\s+/g, ' ').trim();
        children = children.slice(1);
      } else headline = this.documentTitle;
    }
    const images: HtmlImage[] = [];
    children.forEach((node, index) => {
      const source = this.imageSources.get(node);
      if (source) images.push({ index, ...source });
    });
    return {
      children,
      images,
      summary: summarizeBody(children),
      headline: clip(headline, 1000),
      standfirst: clip(this.standfirst, 5000),
    };
  }

  // -- Sink (the body itself) --

  text(spec: BlockSpec, items: Inline[]): void {
    const settled = settleInlines(items);
    if (!hasWords(settled)) return;
    if (spec.role === 'title' && !this.headline) {
      this.headline = inlinePlainText(settled);
      return;
    }
    if (spec.role === 'standfirst' && !this.standfirst) {
      this.standfirst = inlinePlainText(settled);
      return;
    }
    if (spec.role === 'caption') {
      const last = this.children.at(-1);
      if (last?.type === 'photo' && last.caption === '') {
        last.caption = clip(inlinePlainText(settled), 5000);
        return;
      }
    }
    const parts = spec.kind === 'paragraph' ? splitOnBlankLines(settled) : [settled];
    for (const part of parts) {
      const nodes = inlineNodes(part);
      if (spec.kind === 'heading') this.push(headingNode(spec.tag ?? 'h2', nodes));
      else if (spec.kind === 'quote') this.push(quoteNode(nodes));
      else this.push(paragraphNode(nodes));
    }
  }

  block(node: SerializedBodyNode): void {
    this.push(node);
  }

  private push(node: SerializedBodyNode): void {
    if (this.children.length >= MAX_CHILDREN) throw new RangeError(`too many blocks to import (the limit is ${MAX_CHILDREN})`);
    this.children.push(node);
  }

  // -- preparation --

  /**
   * One pass without recursion: notes Word's list markers (and takes them out of the text),
   * and reads markup nested deeper than MAX_DOM_DEPTH as plain text.
   */
  private prepare(nodes: ChildNode[]): void {
    const stack: { node: ChildNode; depth: number }[] = nodes.map((node) => ({ node, depth: 0 }));
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      if (!isElement(node)) continue;
      if (depth >= MAX_DOM_DEPTH) {
        this.flattened.set(node, flatText(node));
        continue;
      }
      if (node.type === 'style') readStyleSheet(flatStyleText(node), this.classRules);
      else if (node.type === 'tag' && (!DROPPED.has(node.name) || node.name === 'head')) {
        this.takeWordMarkers(node);
        for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
      }
    }
  }

  /**
   * Word writes a list item's number or bullet as text, fenced by `<![if !supportLists]>`
   * … `<![endif]>` (or in a `span style='mso-list:Ignore'`). The marker says whether the
   * list is numbered; it is removed from the text.
   */
  private takeWordMarkers(el: Element): void {
    const children = el.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'comment' && /^\s*\[if !supportLists\]\s*$/i.test(child.data)) {
        let end = i + 1;
        while (
          end < children.length &&
          !(children[end]!.type === 'comment' && /^\s*\[endif\]\s*$/i.test((children[end] as { data: string }).data))
        )
          end++;
        if (end >= children.length) continue;
        const marker = children
          .slice(i + 1, end)
          .map((n) => flatText(n))
          .join('');
        this.setMarker(el, marker);
        for (const removed of children.slice(i, end + 1)) DomUtils.removeElement(removed);
        i--;
      }
    }
    if (el.name === 'span' && /mso-list\s*:\s*ignore/i.test(el.attribs.style ?? '')) {
      let owner: Element | null = el.parent && isElement(el.parent as ChildNode) ? (el.parent as Element) : null;
      while (owner && owner.name === 'span' && owner.parent && isElement(owner.parent as ChildNode)) owner = owner.parent as Element;
      if (owner && !this.markers.has(owner)) this.setMarker(owner, flatText(el));
      DomUtils.removeElement(el);
    }
  }

  private setMarker(el: Element, marker: string): void {
    this.markers.set(el, marker.replace(/[\s\u00a0]+/g, ' ').trim());
  }

  // -- walking --

  private inline(item: Inline, ctx: Ctx): void {
    if (this.pendingSpec !== ctx.spec && this.pending.length > 0) this.flush();
    this.pendingSpec = ctx.spec;
    this.pending.push(item);
  }

  private addText(text: string, ctx: Ctx): void {
    if (text === '') return;
    const whitespace = ctx.pre ? 'pre' : this.whitespace;
    this.inline({ kind: 'text', text, format: ctx.format, link: ctx.link, whitespace }, ctx);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const items = this.pending;
    const spec = this.pendingSpec ?? this.rootSpec;
    this.pending = [];
    this.pendingSpec = null;
    this.sink.text(spec, items);
  }

  private withSink<T extends Sink>(sink: T, fn: () => void): T {
    this.flush();
    const previous = this.sink;
    this.sink = sink;
    try {
      fn();
      this.flush();
    } finally {
      this.sink = previous;
    }
    return sink;
  }

  private walkChildren(nodes: readonly ChildNode[], ctx: Ctx): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (docsListLevel(node) !== null) {
        // Google Docs' HTML download writes each level as a list of its own, side by side:
        // <ul class="lst-kix_abc-0">…</ul><ul class="lst-kix_abc-1">…</ul>.
        const run: Element[] = [node as Element];
        let j = i + 1;
        for (; j < nodes.length; j++) {
          const next = nodes[j]!;
          if (docsListLevel(next) !== null) run.push(next as Element);
          else if (next.type === 'comment' || (next.type === 'text' && next.data.trim() === '')) continue;
          else break;
        }
        this.docsLists(run, ctx);
        i = j - 1;
        continue;
      }
      if (wordListInfo(node)) {
        // A run of Word list paragraphs (blank text and comments between them do not break it).
        const run: Element[] = [node as Element];
        let j = i + 1;
        for (; j < nodes.length; j++) {
          const next = nodes[j]!;
          if (wordListInfo(next)) run.push(next as Element);
          else if (next.type === 'comment' || (next.type === 'text' && next.data.trim() === '')) continue;
          else break;
        }
        this.wordList(run, ctx);
        i = j - 1;
        continue;
      }
      this.walk(node, ctx);
    }
  }

  private walk(node: ChildNode, ctx: Ctx): void {
    if (node.type === 'text') this.addText(node.data, ctx);
    else if (node.type === 'tag') this.element(node, ctx);
    // Comments (conditional ones too), directives, <script>, <style>: nothing.
  }

  private element(el: Element, ctx: Ctx): void {
    const name = el.name;
    const flat = this.flattened.get(el);
    if (flat !== undefined) {
      this.addText(flat, ctx);
      return;
    }
    if (name === 'title') {
      if (!this.documentTitle) this.documentTitle = flatText(el).replace(/\s+/g, ' ').trim();
      return;
    }
    if (name === 'head') {
      const title = el.children.find((c): c is Element => isElement(c) && c.name === 'title');
      if (title) this.element(title, ctx);
      return;
    }
    if (DROPPED.has(name) || /^(o|v|x|w10|m):/.test(name)) return;
    const style = styleOf(el, this.classRules);
    if (isHidden(el, style)) return;
    if (this.newsroomBlock(el, ctx)) return;

    switch (name) {
      case 'br':
        this.inline({ kind: 'break', link: ctx.link }, ctx);
        return;
      case 'wbr':
        return;
      case 'hr':
        this.flush();
        return;
      case 'img':
        this.image(el, ctx);
        return;
      case 'ul':
      case 'ol':
      case 'menu':
      case 'dir':
        this.list(el, ctx);
        return;
      case 'table':
        this.table(el, ctx);
        return;
      case 'p':
        if (wordListInfo(el)) {
          this.wordList([el], ctx);
          return;
        }
        break;
    }

    if (style.get('mso-tab-count') !== undefined) {
      this.addText(' ', ctx);
      return;
    }

    const inner: Ctx = { ...ctx, format: formatOf(el, style, ctx.format) };
    if (name === 'a') inner.link = importLinkUrl(el.attribs.href) ?? ctx.link;
    const whiteSpace = style.get('white-space');
    if (name === 'pre' || name === 'listing' || (whiteSpace && /^(pre|break-spaces)/.test(whiteSpace))) inner.pre = true;
    else if (whiteSpace === 'normal' || whiteSpace === 'nowrap') inner.pre = false;

    const spec = this.blockSpec(el, ctx.spec);
    if (spec) {
      this.flush();
      inner.spec = spec;
      this.walkChildren(el.children, inner);
      this.flush();
      return;
    }
    if (name === 'q') {
      this.addText('“', inner);
      this.walkChildren(el.children, inner);
      this.addText('”', inner);
      return;
    }
    this.walkChildren(el.children, inner);
  }

  /** The block an element starts, or null for inline elements. */
  private blockSpec(el: Element, parent: BlockSpec): BlockSpec | null {
    const name = el.name;
    const cls = classes(el).map((c) => c.toLowerCase());
    const heading = /^h([1-6])$/.exec(name);
    // Title style: Word's MsoTitle, Google Docs' exported p.title, mammoth's h1.title.
    if (cls.includes('msotitle') || (cls.includes('title') && (name === 'p' || name === 'h1'))) {
      return { kind: 'heading', tag: 'h1', role: 'title' };
    }
    if (heading) return { kind: 'heading', tag: `h${heading[1]}` as HeadingTag };
    if (name === 'blockquote') return { kind: 'quote' };
    if (name !== 'p' && !CONTAINERS.has(name)) return null;
    if (cls.includes('msosubtitle') || (name === 'p' && (cls.includes('subtitle') || cls.includes('standfirst')))) {
      return { kind: 'paragraph', role: 'standfirst' };
    }
    const msoHeading = cls.map((c) => /^msoheading([1-6])$/.exec(c)).find(Boolean);
    if (msoHeading) return { kind: 'heading', tag: `h${msoHeading[1]}` as HeadingTag };
    if (cls.includes('msoquote') || cls.includes('msointensequote') || cls.includes('quote')) return { kind: 'quote' };
    if (cls.includes('msocaption') || cls.includes('caption') || name === 'figcaption') return { kind: 'paragraph', role: 'caption' };
    // Blocks inside a heading or quote stay part of it (each its own node).
    if (parent.kind !== 'paragraph') return { kind: parent.kind, tag: parent.tag };
    return { kind: 'paragraph' };
  }

  // -- lists --

  private list(el: Element, ctx: Ctx): void {
    const outer = this.sink;
    if (outer instanceof ListSink) {
      this.flush();
      this.listItems(el, ctx, outer, outer.nestedLevel());
      return;
    }
    const sink = this.withSink(new ListSink(), () => this.listItems(el, ctx, this.sink as ListSink, 0));
    for (const node of sink.build()) this.emitBuilt(node);
  }

  /** Hands a built list or lifted block to the current sink (a table cell gets the words). */
  private emitBuilt(node: SerializedBodyNode): void {
    this.sink.block(node);
  }

  private static listKeys = 0;

  private listItems(el: Element, ctx: Ctx, sink: ListSink, level: number, listId?: string): void {
    const style = styleOf(el, this.classRules);
    const ordered = listStyleOrdered(style) ?? el.name === 'ol';
    const key = listId ?? `html-${++Converter.listKeys}`;
    const startAttr = Number.parseInt(el.attribs.start ?? '', 10);
    let start: number | undefined = ordered && Number.isInteger(startAttr) ? startAttr : undefined;
    const itemCtx: Ctx = { ...ctx, format: formatOf(el, style, ctx.format) };
    for (const child of el.children) {
      if (child.type === 'text' && child.data.trim() === '') continue;
      if (!isElement(child) || child.type !== 'tag') {
        if (child.type === 'text') {
          this.addText(child.data, { ...itemCtx, spec: { kind: 'paragraph' } });
          this.flush();
        }
        continue;
      }
      if (child.name === 'li') {
        const liStyle = styleOf(child, this.classRules);
        if (isHidden(child, liStyle)) continue;
        const aria = Number.parseInt(child.attribs['aria-level'] ?? '', 10);
        const itemLevel = Number.isInteger(aria) && aria >= 1 ? Math.max(level, aria - 1) : level;
        const itemOrdered = listStyleOrdered(liStyle) ?? ordered;
        const value = Number.parseInt(child.attribs.value ?? '', 10);
        sink.openItem(itemLevel, itemOrdered, key, Number.isInteger(value) && itemOrdered ? value : start);
        start = undefined;
        this.walkChildren(child.children, { ...itemCtx, format: formatOf(child, liStyle, itemCtx.format), spec: { kind: 'paragraph' } });
        this.flush();
        sink.closeItem();
      } else if (child.name === 'ul' || child.name === 'ol') {
        // Google Docs nests a level as a list beside the items, not inside one.
        this.listItems(child, itemCtx, sink, Math.min(level + 1, MAX_LIST_LEVEL));
      } else {
        this.walk(child, { ...itemCtx, spec: { kind: 'paragraph' } });
        this.flush();
      }
    }
  }

  private docsLists(lists: readonly Element[], ctx: Ctx): void {
    if (this.sink instanceof ListSink) {
      for (const list of lists) this.listItems(list, ctx, this.sink, docsListLevel(list)!);
      return;
    }
    const sink = this.withSink(new ListSink(), () => {
      for (const list of lists) this.listItems(list, ctx, this.sink as ListSink, docsListLevel(list)!, docsListId(list));
    });
    for (const node of sink.build()) this.emitBuilt(node);
  }

  private wordList(paragraphs: readonly Element[], ctx: Ctx): void {
    const sink = this.withSink(new ListSink(), () => {
      const listSink = this.sink as ListSink;
      for (const p of paragraphs) {
        const info = wordListInfo(p)!;
        const marker = this.markers.get(p) ?? '';
        const numbered = orderedMarker(marker);
        const ordered = numbered.ordered || classes(p).some((c) => /^MsoListNumber/i.test(c));
        listSink.openItem(info.level, ordered, info.key, numbered.ordered ? numbered.start : undefined);
        const style = styleOf(p, this.classRules);
        this.walkChildren(p.children, { ...ctx, format: formatOf(p, style, ctx.format), spec: { kind: 'paragraph' } });
        this.flush();
        listSink.closeItem();
      }
    });
    // Every Word item carries its own number; a list opened at a level starts at its first item's.
    for (const node of sink.build()) this.emitBuilt(node);
  }

  // -- tables --

  /**
   * The story has no table node, so each row becomes a paragraph with its cells joined by
   * " | " — every cell's text is kept, in reading order. A one-column table (page layout,
   * not data) is read as ordinary blocks.
   */
  private table(el: Element, ctx: Ctx): void {
    this.flush();
    const rows: Element[] = [];
    const captions: Element[] = [];
    const collect = (parent: Element) => {
      for (const child of parent.children) {
        if (!isElement(child) || child.type !== 'tag') continue;
        if (child.name === 'tr') rows.push(child);
        else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') collect(child);
        else if (child.name === 'caption') captions.push(child);
      }
    };
    collect(el);
    for (const caption of captions) this.element(caption, ctx);
    const cellCtx: Ctx = { ...ctx, spec: { kind: 'paragraph' } };
    for (const row of rows) {
      if (isHidden(row, styleOf(row, this.classRules))) continue;
      const cells = row.children.filter((c): c is Element => isElement(c) && c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
      if (cells.length === 0) continue;
      if (cells.length === 1) {
        this.walkChildren(cells[0]!.children, { ...ctx, spec: { kind: ctx.spec.kind === 'quote' ? 'quote' : 'paragraph' } });
        this.flush();
        continue;
      }
      const sink = this.withSink(new CellSink(), () => {
        for (const cell of cells) {
          this.flush();
          (this.sink as CellSink).startCell();
          this.walkChildren(cell.children, { ...cellCtx, spec: { kind: 'paragraph' } });
          this.flush();
        }
      });
      const line: Inline[] = [];
      sink.cells.forEach((cell, i) => {
        if (i > 0) line.push({ kind: 'text', text: ' | ', format: 0, link: null, whitespace: 'collapse' });
        // A cell's own line breaks would split the row: they become spaces.
        append(
          line,
          cell.map((item): Inline =>
            item.kind === 'break' ? { kind: 'text', text: ' ', format: 0, link: item.link, whitespace: 'collapse' } : item,
          ),
        );
      });
      if (sink.cells.some((cell) => hasWords(settleInlines(cell)))) this.sink.text({ kind: 'paragraph' }, line);
      for (const node of sink.deferred) this.sink.block(node);
    }
  }

  // -- the newsroom blocks --

  /** A registered block's markup (shared/blocks/registry.ts) → that block; false when no block claims the element. */
  private newsroomBlock(el: Element, ctx: Ctx): boolean {
    const found = recogniseBlockElement(el);
    if (!found) return false;
    this.flush();
    // A photo's image may be a data: URI or a file the caller turns into a story asset.
    if (found.type === 'photo') this.figure(el, ctx);
    else this.sink.block(blockNode(found.type, found.state as BlockState<BlockType>));
    return true;
  }

  private figure(el: Element, ctx: Ctx): void {
    this.flush();
    const images = DomUtils.findAll((e) => e.name === 'img', el.children);
    const photo = photoFromFigure(el);
    const first = images[0]!;
    this.addPhoto(first.attribs.src ?? '', photo.alt, photo.caption, photo.credit);
    for (const extra of images.slice(1)) this.image(extra, ctx);
  }

  private image(el: Element, ctx: Ctx): void {
    const src = (el.attribs.src ?? '').trim();
    const alt = (el.attribs.alt ?? '').replace(/\s+/g, ' ').trim();
    // Emoji drawn as images (Twitter, Slack, WordPress): their alt is the character.
    if (hasClass(el, 'emoji') || hasClass(el, 'wp-smiley') || /\/emoji\//.test(src)) {
      this.addText(alt, ctx);
      return;
    }
    const width = Number.parseInt(el.attribs.width ?? '', 10);
    const height = Number.parseInt(el.attribs.height ?? '', 10);
    if ((width >= 0 && width <= 2) || (height >= 0 && height <= 2)) return; // tracking pixel
    if (src === '' && alt === '') return;
    this.flush();
    this.addPhoto(src, alt, '', '');
  }

  private addPhoto(src: string, alt: string, caption: string, credit: string): void {
    const https = isHttpsImageUrl(src) && src.length <= 2000;
    const node = photoNode({ src: https ? src.trim() : '', alt, caption, credit });
    if (!https) this.imageSources.set(node, { src, alt: String(node.alt), caption: String(node.caption), credit: String(node.credit) });
    this.sink.block(node);
  }
}

function flatStyleText(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
}

/** Text of a subtree without recursion, leaving out what DROPPED removes. */
function flatText(node: ChildNode): string {
  let out = '';
  const stack: ChildNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'text') out += current.data;
    else if (current.type === 'tag' && !DROPPED.has(current.name)) {
      if (current.name === 'br') out += ' ';
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
    }
  }
  return out;
}
