import type { HelplineEntry } from '../blocks/helpline';
import { cmsEmbed, type CmsEmbed } from '../blocks/embed';
import { cmsPullquote, type CmsPullquote } from '../blocks/pullquote';
import { STORY_STATUSES, type Story, type StoryStatus } from '../story/schema';
import type { PhotoMime } from '../blocks/photo';
import { fragmentOf, type RenderedBlock } from './body';
import { readMeta, renderStoryBlocks, type HtmlOptions } from './html';
import { storyWordCount } from './word-count';

/**
 * Copydesk's CMS JSON (`copydesk.cms` version 1): the story's metadata, its body as typed
 * blocks, the body as one HTML string, and the images it uses. Its JSON Schema is
 * `cms-schema.json` beside this file; every export in the test suite is validated against it.
 */
export const CMS_FORMAT = 'copydesk.cms';
export const CMS_VERSION = 1;

interface RichText {
  /** Plain text; line breaks as "\n". */
  text: string;
  /** The block's content as HTML (inline markup only, without the block's own tag). */
  html: string;
  dir?: 'rtl';
}

export type CmsBlock =
  | ({ type: 'paragraph' } & RichText)
  | ({ type: 'heading'; level: 2 | 3 } & RichText)
  | ({ type: 'quote' } & RichText)
  | { type: 'list'; ordered: boolean; start: number; items: { text: string; html: string }[] }
  | { type: 'tweet'; url: string; tweetId: string; name: string; handle: string; text: string; date: string; lang: string; html: string }
  | {
      type: 'photo';
      asset?: string;
      /** Where the image is, as the HTML refers to it ('' when the photo has no image). */
      src: string;
      alt: string;
      caption: string;
      credit: string;
      width?: number;
      height?: number;
      html: string;
    }
  | { type: 'helpline'; heading: string; entries: HelplineEntry[]; presetId: string; verifiedAt: string; html: string }
  | CmsPullquote
  | CmsEmbed;

export interface CmsAsset {
  /** SHA-256 of the image bytes (the key in the story file). */
  id: string;
  mime: PhotoMime;
  name: string;
  width: number;
  height: number;
  bytes: number;
  /** data: URI (`inline`) or `images/<sha256>.<ext>` (`dir`). */
  src: string;
}

export interface CmsDocument {
  format: typeof CMS_FORMAT;
  version: typeof CMS_VERSION;
  id: string;
  headline: string;
  standfirst: string;
  byline: string;
  slug: string;
  section: string;
  tags: string[];
  dateline: string;
  language: string;
  status: StoryStatus;
  createdAt?: string;
  updatedAt?: string;
  /** Words of the copy: paragraphs, headings, lists and quotes (not captions, tweets or the helpline). */
  wordCount: number;
  blocks: CmsBlock[];
  /** The body as clean HTML, exactly the `html` export. */
  html: string;
  assets: CmsAsset[];
}

export function renderCmsDocument(story: Pick<Story, 'id' | 'meta' | 'body' | 'assets'>, options: HtmlOptions = {}): CmsDocument {
  const meta = readMeta(story);
  const rendered = renderStoryBlocks(story, options);
  const status = (STORY_STATUSES as readonly string[]).includes(meta.status) ? (meta.status as StoryStatus) : 'draft';
  return {
    format: CMS_FORMAT,
    version: CMS_VERSION,
    id: typeof story.id === 'string' ? story.id : '',
    headline: meta.headline,
    standfirst: meta.standfirst,
    byline: meta.byline,
    slug: meta.slug,
    section: meta.section,
    tags: meta.tags,
    dateline: meta.dateline,
    language: meta.language,
    status,
    ...optionalDate('createdAt', meta.createdAt),
    ...optionalDate('updatedAt', meta.updatedAt),
    wordCount: storyWordCount(rendered),
    blocks: rendered.map(cmsBlock),
    html: fragmentOf(rendered).markup,
    assets: cmsAssets(rendered),
  };
}

/** An ISO timestamp (UTC), or nothing when the value is not a date. */
export function isoTimestamp(value: string): string | undefined {
  const time = Date.parse(value);
  return value && !Number.isNaN(time) ? new Date(time).toISOString() : undefined;
}

function optionalDate<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const iso = isoTimestamp(value);
  return iso ? ({ [key]: iso } as Record<K, string>) : {};
}

function cmsBlock(block: RenderedBlock): CmsBlock {
  switch (block.type) {
    case 'paragraph':
    case 'quote':
      return { type: block.type, text: block.text, html: block.inner.markup, ...(block.dir ? { dir: block.dir } : {}) };
    case 'heading':
      return { type: 'heading', level: block.level, text: block.text, html: block.inner.markup, ...(block.dir ? { dir: block.dir } : {}) };
    case 'list':
      return {
        type: 'list',
        ordered: block.ordered,
        start: block.start,
        items: block.items.map((i) => ({ text: i.text, html: i.inner.markup })),
      };
    case 'tweet':
      return { type: 'tweet', ...block.tweet, html: block.html.markup };
    case 'photo': {
      const image = block.image;
      return {
        type: 'photo',
        ...(image?.asset ? { asset: image.asset } : {}),
        src: image?.src ?? '',
        alt: block.alt,
        caption: block.caption,
        credit: block.credit,
        ...(image?.width ? { width: image.width } : {}),
        ...(image?.height ? { height: image.height } : {}),
        html: block.html.markup,
      };
    }
    case 'helpline':
      return {
        type: 'helpline',
        heading: block.heading,
        entries: block.entries,
        presetId: block.presetId,
        verifiedAt: block.verifiedAt,
        html: block.html.markup,
      };
    case 'pullquote':
      return cmsPullquote(block.quote, block.html);
    case 'embed':
      return cmsEmbed(block.embed, block.html);
  }
}

/** The images the body uses, once each, in order of first use. */
function cmsAssets(blocks: readonly RenderedBlock[]): CmsAsset[] {
  const out: CmsAsset[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    if (block.type !== 'photo' || !block.image?.asset || !block.image.mime || seen.has(block.image.asset)) continue;
    const image = block.image;
    seen.add(image.asset!);
    out.push({
      id: image.asset!,
      mime: image.mime!,
      name: image.name ?? '',
      width: image.width ?? 0,
      height: image.height ?? 0,
      bytes: image.bytes ?? 0,
      src: image.src,
    });
  }
  return out;
}

/**
 * JSON text that is safe anywhere: `<`, `>` and `&` are written as \u escapes (as Go's
 * encoding/json does), so the file can sit inside an HTML page or a log viewer without
 * a stored `</script>` closing anything. Parsed, the values are unchanged.
 */
export function safeJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
