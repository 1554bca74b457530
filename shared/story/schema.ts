import { z } from 'zod';
import { HelplineStateSchema } from '../blocks/helpline';
import { PhotoFieldsSchema } from '../blocks/photo';
import { TweetStateSchema } from '../blocks/tweet';

/** The `.story` file format (DESIGN.md section 2). One schema, used by every door in. */
export const STORY_FORMAT = 'copydesk.story';
/** 2: the `.story` container (docs/story-format.md); 1: one JSON text with photos as base64. */
export const SCHEMA_VERSION = 2;
const MB = 1024 * 1024;
/**
 * A story as one JSON text (a `.story.json`, a schemaVersion 1 `.story`, the text the window and
 * the journal hold) longer than this is refused before parsing: photos inline as base64 make it
 * large, and V8 cannot hold a string much over 512 MB.
 */
export const MAX_STORY_BYTES = 500 * MB;
/** The `story.json` entry of a container: the story without its photos' bytes. */
export const MAX_STORY_JSON_BYTES = 64 * MB;
/** A whole `.story` container, photos included. */
export const MAX_CONTAINER_BYTES = 2 * 1024 * MB;
/** Deeper bodies are refused before schema validation so hostile files cannot blow the stack. */
export const MAX_BODY_DEPTH = 64;

export const STORY_STATUSES = ['draft', 'subbing', 'ready', 'sent'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** Link schemes a story may carry; everything else is refused on load and on entry. */
export const SAFE_LINK_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'] as const;

export function isSafeLinkUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.length > 4096) return false;
  // Refuse control characters and whitespace that browsers strip before resolving a scheme.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(trimmed)) return false;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return false;
  }
  return (SAFE_LINK_SCHEMES as readonly string[]).includes(parsed.protocol);
}

const isoDate = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO date' });

const shortText = (max: number) => z.string().max(max, { message: `is longer than ${max} characters` });

export const StoryMetaSchema = z.object({
  headline: shortText(1000).default(''),
  standfirst: shortText(5000).default(''),
  byline: shortText(500).default(''),
  slug: shortText(200).default(''),
  section: shortText(200).default(''),
  tags: z.array(shortText(100)).max(200).default([]),
  dateline: shortText(200).default(''),
  language: shortText(35).default('en'),
  status: z.enum(STORY_STATUSES).default('draft'),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type StoryMeta = z.infer<typeof StoryMetaSchema>;

// ---- body: Lexical's serialized editor state -------------------------------------------

const direction = z.enum(['ltr', 'rtl']).nullable().default(null);
const elementFormat = z.enum(['', 'left', 'start', 'center', 'right', 'end', 'justify']).or(z.number().int().min(0).max(7)).default('');
const indent = z.number().int().min(0).max(20).default(0);
const version = z.number().int().min(0).max(1000).default(1);

const elementBase = {
  version,
  direction,
  format: elementFormat,
  indent,
  // `children` is validated separately, node by node, so errors can name the node.
  children: z.array(z.unknown()).max(100_000),
};

const textFormatBits = z.number().int().min(0).max(0xffff).default(0);

/** Per-type schemas for every node a story body may contain. */
export const BODY_NODE_SCHEMAS = {
  root: z.object({ type: z.literal('root'), ...elementBase }),
  paragraph: z.object({
    type: z.literal('paragraph'),
    ...elementBase,
    textFormat: textFormatBits.optional(),
    textStyle: z.string().max(0, { message: 'must not carry inline styles' }).optional(),
  }),
  heading: z.object({
    type: z.literal('heading'),
    ...elementBase,
    // Only h2/h3 are offered in the editor; others can arrive in pasted or imported copy.
    tag: z.enum(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']),
    textFormat: textFormatBits.optional(),
    textStyle: z.string().max(0, { message: 'must not carry inline styles' }).optional(),
  }),
  quote: z.object({ type: z.literal('quote'), ...elementBase }),
  list: z.object({
    type: z.literal('list'),
    ...elementBase,
    listType: z.enum(['bullet', 'number']),
    start: z.number().int().min(0).max(1_000_000).default(1),
    tag: z.enum(['ul', 'ol']),
  }),
  listitem: z.object({
    type: z.literal('listitem'),
    ...elementBase,
    value: z.number().int().min(0).max(1_000_000).default(1),
    checked: z.boolean().optional(),
  }),
  link: z.object({
    type: z.literal('link'),
    ...elementBase,
    url: z.string().refine(isSafeLinkUrl, { message: 'must be an http, https, mailto or tel link' }),
    rel: z.string().max(100).nullable().default(null),
    target: z.string().max(100).nullable().default(null),
    title: z.string().max(1000).nullable().default(null),
  }),
  text: z.object({
    type: z.literal('text'),
    version,
    text: z.string().max(1_000_000),
    format: textFormatBits,
    style: z.string().max(0, { message: 'must not carry inline styles' }).default(''),
    mode: z.enum(['normal', 'token', 'segmented']).default('normal'),
    detail: z.number().int().min(0).max(3).default(0),
  }),
  linebreak: z.object({ type: z.literal('linebreak'), version }),
  tab: z.object({
    type: z.literal('tab'),
    version,
    text: z.literal('\t').default('\t'),
    format: textFormatBits,
    style: z.string().max(0).default(''),
    mode: z.enum(['normal', 'token', 'segmented']).default('normal'),
    detail: z.number().int().min(0).max(3).default(0),
  }),
  // The three newsroom blocks: Lexical DecoratorBlockNodes with flat state (DESIGN.md section 3).
  tweet: z.object({ type: z.literal('tweet'), version, format: elementFormat, ...TweetStateSchema.shape }),
  photo: z
    .object({ type: z.literal('photo'), version, format: elementFormat, ...PhotoFieldsSchema.shape })
    .refine((p) => !(p.asset && p.src), { message: 'cannot have both an asset and a link', path: ['src'] }),
  helpline: z.object({ type: z.literal('helpline'), version, format: elementFormat, ...HelplineStateSchema.shape }),
} as const;

/** The newsroom blocks, which sit at the top level of the body only. */
export const BLOCK_NODE_TYPES: ReadonlySet<string> = new Set(['tweet', 'photo', 'helpline']);

export type BodyNodeType = keyof typeof BODY_NODE_SCHEMAS;

/** Nodes that hold children (element nodes in Lexical's terms). */
export const ELEMENT_NODE_TYPES: ReadonlySet<string> = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'link']);

/** A node of the serialized body, as stored. */
export interface SerializedBodyNode {
  type: string;
  version: number;
  children?: SerializedBodyNode[];
  [key: string]: unknown;
}

export interface StoryBody {
  root: SerializedBodyNode & { type: 'root'; children: SerializedBodyNode[] };
}

// ---- assets ----------------------------------------------------------------------------

export const ASSET_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
/** One photo's original bytes. */
export const MAX_ASSET_BYTES = 50 * MB;

const BASE64_ALPHABET = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64_ALPHABET[c.charCodeAt(0)] = 1;
/** Any character outside base64's alphabet ('=' is padding, allowed only at the end). */
const NOT_BASE64 = /[^A-Za-z0-9+/]/;

/** Where the padding of a base64 text starts, or -1 when its length cannot be base64. */
function base64End(text: string): number {
  const length = text.length;
  if (length % 4 !== 0) return -1;
  let end = length;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  return end;
}

/** isBase64 as one character loop: ~2.4 ns a character in Chromium 156, ~6 in Node 22. */
export function isBase64ByLoop(text: string): boolean {
  const end = base64End(text);
  if (end < 0) return false;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || BASE64_ALPHABET[c] === 0) return false;
  }
  return true;
}

/** isBase64 as one search for a character outside the alphabet: ~2.3 ns a character in Node 22, ~6 in Chromium 156. */
export function isBase64BySearch(text: string): boolean {
  const end = base64End(text);
  return end >= 0 && !NOT_BASE64.test(end === text.length ? text : text.slice(0, end));
}

/**
 * Padded base64 (groups of four, '=' only at the end): the strings
 * /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/ accepts. That regular
 * expression takes ~7 ns a character (npm run bench: ~85 ms for the 12 MB of photos in a
 * 100-photo story, on every open and every export). The two V8s we run on disagree on what is
 * fastest (measured on the L story's photos), so each gets its own: engines new enough to have
 * Uint8Array.fromBase64 (Chromium 140+, so Electron 45) the loop, Node 22 the search.
 */
export const isBase64: (text: string) => boolean =
  typeof (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64 === 'function' ? isBase64ByLoop : isBase64BySearch;

/**
 * Asset objects whose `data` restore has already checked, with the very string it checked. The
 * export renderer also runs on objects that never went through restore, so it checks base64
 * itself — unless the asset is one restore produced and its data is still that string: on a
 * 100-photo story that second scan was most of an export's time. A WeakMap, so it holds
 * nothing alive; a later `asset.data = …` makes the entry stale and the check runs again.
 */
const checkedBase64 = new WeakMap<object, string>();

export function rememberCheckedAssets(assets: Readonly<Record<string, StoryAsset>>): void {
  for (const asset of Object.values(assets)) checkedBase64.set(asset, asset.data);
}

/** isBase64(asset.data), answered at once for an asset already checked (by restore or an earlier call). */
export function hasBase64Data(asset: { data?: unknown }): boolean {
  const data = asset.data;
  if (typeof data !== 'string') return false;
  if (checkedBase64.get(asset) === data) return true;
  if (!isBase64(data)) return false;
  checkedBase64.set(asset, data);
  return true;
}

/** While restore parses: the base64 strings of its input's assets that were checked before (see checkingAssets). */
let checkedInInput: ReadonlySet<string> | null = null;

/**
 * Runs `parse` (restore's schema parse of a story) knowing which of `rawAssets`' base64 strings
 * were checked before — assets restore produced, or the app's AssetStore made from bytes — so
 * the schema does not scan them again: saving the L story re-checked its 12.4 MB of photos,
 * ~50 ms, every time. The set holds the very strings (V8 hashes a string this long by its
 * length, and equal strings compare at once when they are the same string), and only for the
 * parse.
 */
export function checkingAssets<T>(rawAssets: unknown, parse: () => T): T {
  const known = new Set<string>();
  if (rawAssets !== null && typeof rawAssets === 'object') {
    for (const asset of Object.values(rawAssets)) {
      if (asset !== null && typeof asset === 'object' && typeof asset.data === 'string' && checkedBase64.get(asset) === asset.data)
        known.add(asset.data);
    }
  }
  checkedInInput = known;
  try {
    return parse();
  } finally {
    checkedInInput = null;
  }
}

const base64 = z
  .string()
  .max(Math.ceil((MAX_ASSET_BYTES * 4) / 3) + 4)
  .refine((text) => checkedInInput?.has(text) === true || isBase64(text), { message: 'is not valid base64' });

/** What `story.json` in a container keeps of a photo: everything but its bytes (those are an entry of their own). */
export const StoryAssetMetaSchema = z.object({
  mime: z.enum(ASSET_MIME_TYPES),
  name: shortText(255).default(''),
  width: z.number().int().min(0).max(100_000),
  height: z.number().int().min(0).max(100_000),
  bytes: z.number().int().min(0).max(MAX_ASSET_BYTES),
});
export type StoryAssetMeta = z.infer<typeof StoryAssetMetaSchema>;

export const StoryAssetSchema = StoryAssetMetaSchema.extend({ data: base64 })
  .refine((a) => decodedBase64Length(a.data) === a.bytes, {
    message: 'byte count does not match its data',
    path: ['bytes'],
  });
export type StoryAsset = z.infer<typeof StoryAssetSchema>;

export function decodedBase64Length(data: string): number {
  if (data.length === 0) return 0;
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - padding;
}

export const ASSET_KEY = /^[0-9a-f]{64}$/;

// ---- review ----------------------------------------------------------------------------

export const StoryCommentSchema = z.object({
  id: shortText(100),
  author: shortText(200),
  text: shortText(10_000),
  createdAt: isoDate,
  resolved: z.boolean().default(false),
});

export const StoryRevisionSchema = z.object({
  id: shortText(100),
  author: shortText(200).default(''),
  createdAt: isoDate,
  note: shortText(2000).default(''),
});

export const StoryReviewSchema = z.object({
  comments: z.array(StoryCommentSchema).max(10_000).default([]),
  revisions: z.array(StoryRevisionSchema).max(10_000).default([]),
});

// ---- the document ----------------------------------------------------------------------

export const StoryEnvelopeSchema = z.object({
  format: z.literal(STORY_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().min(1).max(100),
  meta: StoryMetaSchema,
  body: z.object({ root: z.unknown() }),
  assets: z.record(z.string().regex(ASSET_KEY, { message: 'must be a SHA-256 hex key' }), StoryAssetSchema).default({}),
  review: StoryReviewSchema.default({ comments: [], revisions: [] }),
});

/** `story.json` inside a container: the same story, its assets without data. */
export const ContainerEnvelopeSchema = StoryEnvelopeSchema.extend({
  assets: z.record(z.string().regex(ASSET_KEY, { message: 'must be a SHA-256 hex key' }), StoryAssetMetaSchema).default({}),
});

export type StoryReview = z.infer<typeof StoryReviewSchema>;

export interface Story {
  format: typeof STORY_FORMAT;
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  meta: StoryMeta;
  body: StoryBody;
  assets: Record<string, StoryAsset>;
  review: StoryReview;
}
