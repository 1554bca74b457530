import type { ChildNode, Element } from 'domhandler';
import { isSafeLinkUrl } from '../../story/link-rule';
import { TEXT_FORMAT } from './nodes';

/** Reading the source's markup: what is dropped, what starts a block, class and inline styles, formats and links. */

/** Removed with everything inside them (their text too). */
export const DROPPED = new Set([
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
export const CONTAINERS = new Set([
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

export function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function classes(el: Element): string[] {
  return (el.attribs.class ?? '').split(/\s+/).filter(Boolean);
}

export function hasClass(el: Element, name: string): boolean {
  const lower = name.toLowerCase();
  return classes(el).some((c) => c.toLowerCase() === lower);
}

/** Declarations of a style sheet's class rules (`.c3{…}`, `span.c3{…}`), by class name. */
export type ClassRules = Map<string, { tag: string; order: number; declarations: Map<string, string> }[]>;

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

export function readStyleSheet(css: string, rules: ClassRules): void {
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
export function styleOf(el: Element, rules?: ClassRules): Map<string, string> {
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

export function isHidden(el: Element, style: Map<string, string>): boolean {
  if ('hidden' in el.attribs) return true;
  if (style.get('display') === 'none' || style.get('visibility') === 'hidden') return true;
  if (style.get('mso-hide') === 'all') return true;
  // Word: comments and page headers/footers are not story text.
  const msoElement = style.get('mso-element') ?? '';
  return /^(comment|comment-list|header|footer)$/.test(msoElement);
}

/** The format bits an element adds to or removes from what it inherits. */
export function formatOf(el: Element, style: Map<string, string>, inherited: number): number {
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

export function flatStyleText(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
}

/** Text of a subtree without recursion, leaving out what DROPPED removes. */
export function flatText(node: ChildNode): string {
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
