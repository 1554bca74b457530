import type { PhotoMime } from '../blocks/photo';
import { blockDefinition, isBlockType, type BLOCKS, type BlockType } from '../blocks/registry';
import { STORY_STATUSES, type Story, type StoryStatus } from '../story/schema';
import type { z } from 'zod';
import { blockImages, fragmentOf, type RenderedBlock, type RenderedTextBlock } from './body';
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

/** A newsroom block in CMS JSON: its type, the fields its definition maps, and its HTML. */
export type CmsNewsroomBlock = {
  [T in BlockType]: { type: T; html: string } & z.output<(typeof BLOCKS)[T]['cms']['schema']>;
}[BlockType];

export type CmsBlock =
  | ({ type: 'paragraph' } & RichText)
  | ({ type: 'heading'; level: 2 | 3 } & RichText)
  | ({ type: 'quote' } & RichText)
  | { type: 'list'; ordered: boolean; start: number; items: { text: string; html: string }[] }
  | CmsNewsroomBlock;

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
  if (isBlockType(block.type)) {
    const definition = blockDefinition(block.type);
    return { type: block.type, ...definition.cms.fields(block as never), html: block.html.markup } as CmsNewsroomBlock;
  }
  const text = block as RenderedTextBlock;
  switch (text.type) {
    case 'paragraph':
    case 'quote':
      return { type: text.type, text: text.text, html: text.inner.markup, ...(text.dir ? { dir: text.dir } : {}) };
    case 'heading':
      return { type: 'heading', level: text.level, text: text.text, html: text.inner.markup, ...(text.dir ? { dir: text.dir } : {}) };
    case 'list':
      return {
        type: 'list',
        ordered: text.ordered,
        start: text.start,
        items: text.items.map((i) => ({ text: i.text, html: i.inner.markup })),
      };
  }
}

/** The images the body uses, once each, in order of first use. */
function cmsAssets(blocks: readonly RenderedBlock[]): CmsAsset[] {
  const out: CmsAsset[] = [];
  const seen = new Set<string>();
  for (const image of blockImages(blocks)) {
    if (!image.asset || !image.mime || seen.has(image.asset)) continue;
    seen.add(image.asset);
    out.push({
      id: image.asset,
      mime: image.mime,
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
