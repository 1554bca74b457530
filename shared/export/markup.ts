import { hasBase64Data } from '../story/base64';
import { isSafeLinkUrl } from '../story/link-rule';
import { isHttpsImageUrl } from '../blocks/photo';
import { isAssetKey } from '../blocks/photo/media';

/**
 * Escaping by construction. Exported HTML is only ever an `Html` value, and an `Html` can
 * only be made here: from text (escaped), from `el()` (tag names and attribute names from
 * a fixed list, attribute values escaped, URLs only as `SafeUrl`) or from a constant
 * template literal. No function in shared/export/ concatenates a user's string into markup.
 */

const TRUSTED: unique symbol = Symbol('copydesk trusted markup');

export class Html {
  readonly markup: string;
  constructor(token: typeof TRUSTED, markup: string) {
    if (token !== TRUSTED) throw new TypeError('Html is built only by shared/export/markup');
    this.markup = markup;
  }
  toString(): string {
    return this.markup;
  }
}

/** A URL that passed an allow-list below; the only thing `href` and `src` accept. */
export type SafeUrl = string & { readonly __safeUrl: true };

export type Child = Html | string | null | undefined | false | readonly Child[];

// Characters HTML forbids in text (C0 controls other than tab/newline/return, DEL, lone
// surrogates would be replaced by parsers anyway): dropped so the output is valid HTML.

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function escapeText(text: string): string {
  const value = String(text);
  // Most text has nothing to escape: one scan, and the string itself comes back.
  if (!NEEDS_TEXT_ESCAPE.test(value)) return value;
  return value.replace(FORBIDDEN, '').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const NEEDS_TEXT_ESCAPE = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** For a value inside double quotes (el() always writes them); `'` needs no escape there. */
export function escapeAttribute(value: string): string {
  const text = String(value);
  if (!NEEDS_ATTRIBUTE_ESCAPE.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(/[&<>"]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

const NEEDS_ATTRIBUTE_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escaped text as markup. */
export function text(value: string): Html {
  return new Html(TRUSTED, escapeText(value));
}

/** Constant markup written in this folder's source: a template literal with no `${}` holes. */
export function constant(strings: TemplateStringsArray, ...holes: never[]): Html {
  if (strings.length !== 1 || holes.length !== 0) throw new TypeError('constant markup cannot hold values');
  return new Html(TRUSTED, strings[0]!);
}

/** Children in order, strings escaped. */
export function fragment(...children: Child[]): Html {
  let out = '';
  const add = (child: Child) => {
    if (child === null || child === undefined || child === false) return;
    if (typeof child === 'string') out += escapeText(child);
    else if (child instanceof Html) out += child.markup;
    else for (const c of child as readonly Child[]) add(c);
  };
  for (const child of children) add(child);
  return new Html(TRUSTED, out);
}

/** One child per line: block-level markup reads (and diffs) a block per line. */
export function lines(children: readonly Child[]): Html {
  return new Html(
    TRUSTED,
    children
      .map((c) => fragment(c).markup)
      .filter((m) => m !== '')
      .join('\n'),
  );
}

export type Tag =
  | 'html'
  | 'head'
  | 'body'
  | 'meta'
  | 'title'
  | 'style'
  | 'script'
  | 'article'
  | 'p'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'blockquote'
  | 'ul'
  | 'ol'
  | 'li'
  | 'br'
  | 'strong'
  | 'em'
  | 'u'
  | 's'
  | 'code'
  | 'sub'
  | 'sup'
  | 'mark'
  | 'a'
  | 'span'
  | 'figure'
  | 'img'
  | 'figcaption'
  | 'aside'
  // The compare view (shared/compare): a block per div, insertions and deletions marked.
  | 'ins'
  | 'del'
  // Social embeds in their providers' own markup (shared/blocks/embed/); an iframe only ever
  // holds a privacy-enhanced video player URL that the embed block built itself.
  | 'div'
  | 'section'
  | 'iframe';

const VOID_TAGS: ReadonlySet<Tag> = new Set(['meta', 'br', 'img']);

/** The attributes exported HTML may carry, in the order they are written. */
export interface Attributes {
  class?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  href?: SafeUrl;
  src?: SafeUrl;
  alt?: string;
  width?: number;
  height?: number;
  start?: number;
  charset?: string;
  name?: string;
  'http-equiv'?: string;
  content?: string;
  async?: boolean;
  /** The post a quoting element comes from (TikTok's and Facebook's embed blockquotes). */
  cite?: SafeUrl;
  title?: string;
  /** Embed codes carry the post in data- attributes; only these names, values escaped. */
  'data-instgrm-permalink'?: SafeUrl;
  'data-instgrm-version'?: string;
  'data-instgrm-captioned'?: boolean;
  'data-video-id'?: string;
  'data-bluesky-uri'?: string;
  'data-text-post-permalink'?: SafeUrl;
  'data-text-post-version'?: string;
  'data-embed-url'?: SafeUrl;
  'data-href'?: SafeUrl;
  'data-width'?: number;
  'data-show-text'?: 'true' | 'false';
  allow?: string;
  allowfullscreen?: boolean;
  referrerpolicy?: 'strict-origin-when-cross-origin';
  loading?: 'lazy';
}

const ATTRIBUTE_ORDER: readonly (keyof Attributes)[] = [
  'name',
  'http-equiv',
  'content',
  'class',
  'lang',
  'dir',
  'async',
  'href',
  'src',
  'alt',
  'width',
  'height',
  'start',
  'charset',
  'cite',
  'title',
  'data-instgrm-captioned',
  'data-instgrm-permalink',
  'data-instgrm-version',
  'data-video-id',
  'data-bluesky-uri',
  'data-text-post-permalink',
  'data-text-post-version',
  'data-embed-url',
  'data-href',
  'data-width',
  'data-show-text',
  'allow',
  'referrerpolicy',
  'loading',
  'allowfullscreen',
];

export function el(tag: Tag, attributes: Attributes | null, ...children: Child[]): Html {
  let open = `<${tag}`;
  if (attributes) {
    for (const name of ATTRIBUTE_ORDER) {
      const value = attributes[name];
      if (value === undefined || value === false) continue;
      if (value === true) open += ` ${name}`;
      else if (typeof value === 'number') {
        if (Number.isFinite(value)) open += ` ${name}="${Math.trunc(value)}"`;
      } else if (name === 'src' && value.startsWith('data:image/')) {
        // A SafeUrl that is a data: URI comes only from dataImageUrl: a fixed image type and
        // checked base64, nothing to escape — and megabytes long, so not scanned again.
        open += ` ${name}="${value}"`;
      } else open += ` ${name}="${escapeAttribute(value)}"`;
    }
  }
  open += '>';
  if (VOID_TAGS.has(tag)) return new Html(TRUSTED, open);
  return new Html(TRUSTED, `${open}${fragment(...children).markup}</${tag}>`);
}

// ---- URL allow-lists --------------------------------------------------------------------

/** http, https, mailto and tel links (the story schema's own rule); anything else → null. */
export function safeLinkUrl(url: unknown): SafeUrl | null {
  if (typeof url !== 'string' || !isSafeLinkUrl(url)) return null;
  return url.trim() as SafeUrl;
}

/** An https image URL, or null. */
export function safeImageUrl(url: unknown): SafeUrl | null {
  if (typeof url !== 'string' || !isHttpsImageUrl(url)) return null;
  return url.trim() as SafeUrl;
}

/** A `data:` image URI built from a story asset: null unless its data is base64 (see hasBase64Data). */
export function dataImageUrl(mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif', asset: { data?: unknown }): SafeUrl | null {
  return hasBase64Data(asset) ? (`data:${mime};base64,${asset.data as string}` as SafeUrl) : null;
}

/** A path relative to the exported file (`images/<sha256>.png`), for assets written beside it. */
export function relativeAssetPath(key: string, extension: string): SafeUrl | null {
  return isAssetKey(key) && /^[a-z]{3,4}$/.test(extension) ? (`images/${key}.${extension}` as SafeUrl) : null;
}
