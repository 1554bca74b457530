import { z } from 'zod';
import {
  CommentThreadSchema,
  HistoryEntrySchema,
  InlineSuggestionFieldsSchema,
  LegalHoldSchema,
  VersionEntrySchema,
  threadFromLegacyComment,
} from '../review/model';
import { ASSET_KEY, PHOTO_MIME_TYPES } from '../blocks/photo/media';
import { BLOCK_NODE_SCHEMAS, BLOCK_TYPES } from '../blocks/registry';
import { elementFormat, nodeVersion } from './node-fields';
import {
  checkingAssets,
  decodedBase64Length,
  hasBase64Data,
  isBase64,
  isBase64ByLoop,
  isBase64BySearch,
  rememberCheckedAssets,
  wasCheckedInInput,
} from './base64';
import { isSafeLinkUrl, SAFE_LINK_SCHEMES } from './link-rule';

export {
  checkingAssets,
  decodedBase64Length,
  hasBase64Data,
  isBase64,
  isBase64ByLoop,
  isBase64BySearch,
  isSafeLinkUrl,
  rememberCheckedAssets,
  SAFE_LINK_SCHEMES,
};

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

/** The workflow: Draft → Filed → Subbing → Ready → Sent, and Spiked (dropped) from anywhere. */
export const STORY_STATUSES = ['draft', 'filed', 'subbing', 'ready', 'sent', 'spiked'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

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
  /** Who has the story now (set by Hand over…). */
  assignee: shortText(200).default(''),
  /** A story on legal hold is not exported to the CMS formats. */
  legal: LegalHoldSchema.default({ hold: false, note: '', by: '' }),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type StoryMeta = z.infer<typeof StoryMetaSchema>;

// ---- body: Lexical's serialized editor state -------------------------------------------

const direction = z.enum(['ltr', 'rtl']).nullable().default(null);
const indent = z.number().int().min(0).max(20).default(0);
const version = nodeVersion;

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
  // Review marks (shared/review/model.ts): a comment anchor as @lexical/mark serialises it, and
  // suggestions wrapping the text they insert, delete or reformat. Never exported.
  mark: z.object({ type: z.literal('mark'), ...elementBase, ids: z.array(z.string().min(1).max(100)).min(1).max(100) }),
  insertion: z.object({ type: z.literal('insertion'), ...elementBase, ...InlineSuggestionFieldsSchema.shape }),
  deletion: z.object({ type: z.literal('deletion'), ...elementBase, ...InlineSuggestionFieldsSchema.shape }),
  'format-change': z.object({ type: z.literal('format-change'), ...elementBase, ...InlineSuggestionFieldsSchema.shape }),
  tab: z.object({
    type: z.literal('tab'),
    version,
    text: z.literal('\t').default('\t'),
    format: textFormatBits,
    style: z.string().max(0).default(''),
    mode: z.enum(['normal', 'token', 'segmented']).default('normal'),
    detail: z.number().int().min(0).max(3).default(0),
  }),
  // The newsroom blocks: Lexical DecoratorBlockNodes with flat state (DESIGN.md section 3),
  // one schema each from shared/blocks/registry.ts.
  ...BLOCK_NODE_SCHEMAS,
} as const;

/** The newsroom blocks, which sit at the top level of the body only. */
export const BLOCK_NODE_TYPES: ReadonlySet<string> = new Set(BLOCK_TYPES);

export type BodyNodeType = keyof typeof BODY_NODE_SCHEMAS;

/** Nodes that hold children (element nodes in Lexical's terms). */
export const ELEMENT_NODE_TYPES: ReadonlySet<string> = new Set([
  'root',
  'paragraph',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'mark',
  'insertion',
  'deletion',
  'format-change',
]);

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

export const ASSET_MIME_TYPES = PHOTO_MIME_TYPES;
/** One photo's original bytes. */
export const MAX_ASSET_BYTES = 50 * MB;

const base64 = z
  .string()
  .max(Math.ceil((MAX_ASSET_BYTES * 4) / 3) + 4)
  .refine((text) => wasCheckedInInput(text) || isBase64(text), { message: 'is not valid base64' });

/** What `story.json` in a container keeps of a photo: everything but its bytes (those are an entry of their own). */
export const StoryAssetMetaSchema = z.object({
  mime: z.enum(ASSET_MIME_TYPES),
  name: shortText(255).default(''),
  width: z.number().int().min(0).max(100_000),
  height: z.number().int().min(0).max(100_000),
  bytes: z.number().int().min(0).max(MAX_ASSET_BYTES),
});
export type StoryAssetMeta = z.infer<typeof StoryAssetMetaSchema>;

export const StoryAssetSchema = StoryAssetMetaSchema.extend({ data: base64 }).refine((a) => decodedBase64Length(a.data) === a.bytes, {
  message: 'byte count does not match its data',
  path: ['bytes'],
});
export type StoryAsset = z.infer<typeof StoryAssetSchema>;

export { ASSET_KEY };

// ---- review ----------------------------------------------------------------------------

/** A comment thread (shared/review/model.ts); flat comment records from before threads migrate in. */
export const StoryCommentSchema = z.preprocess(threadFromLegacyComment, CommentThreadSchema);

export const StoryRevisionSchema = z.object({
  id: shortText(100),
  author: shortText(200).default(''),
  createdAt: isoDate,
  note: shortText(2000).default(''),
});

export const StoryReviewSchema = z.object({
  comments: z.array(StoryCommentSchema).max(10_000).default([]),
  revisions: z.array(StoryRevisionSchema).max(10_000).default([]),
  /** The versions kept in the file, newest last; their texts are read only when asked for. */
  versions: z.array(VersionEntrySchema).max(10_000).default([]),
  /** The workflow timeline: every status change and hand-over. */
  history: z.array(HistoryEntrySchema).max(100_000).default([]),
});

// ---- the document ----------------------------------------------------------------------

export const StoryEnvelopeSchema = z.object({
  format: z.literal(STORY_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().min(1).max(100),
  meta: StoryMetaSchema,
  body: z.object({ root: z.unknown() }),
  assets: z.record(z.string().regex(ASSET_KEY, { message: 'must be a SHA-256 hex key' }), StoryAssetSchema).default({}),
  review: StoryReviewSchema.default({ comments: [], revisions: [], versions: [], history: [] }),
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
