import { z } from 'zod';

/**
 * The review layer of a story: comment threads, suggestions (track changes), versions and the
 * workflow timeline. These are the shapes stored in a story file (docs/story-format.md); the
 * editor's nodes serialise to exactly these, and every door in validates them.
 */

const isoDate = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO date' });
const text = (max: number) => z.string().max(max, { message: `is longer than ${max} characters` });
const id = z
  .string()
  .min(1, { message: 'is missing' })
  .max(100, { message: 'is longer than 100 characters' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'must be letters, digits, "-" or "_"' });
const author = z.string().trim().min(1, { message: 'is missing' }).max(200, { message: 'is longer than 200 characters' });

// ---- comments ---------------------------------------------------------------------------

export const CommentReplySchema = z.object({
  id,
  author,
  text: text(10_000),
  createdAt: isoDate,
  editedAt: isoDate.optional(),
});
export type CommentReply = z.infer<typeof CommentReplySchema>;

/**
 * One comment thread. Anchored by a `mark` node whose `ids` hold the thread id (text) or by a
 * block's `comments` list; a thread whose anchor is gone is *detached* and still shown, with
 * `quote` (the text it was made on) standing in for it.
 */
export const CommentThreadSchema = z.object({
  id,
  author,
  text: text(10_000),
  createdAt: isoDate,
  quote: text(10_000).default(''),
  resolved: z.boolean().default(false),
  resolvedBy: author.optional(),
  resolvedAt: isoDate.optional(),
  editedAt: isoDate.optional(),
  replies: z.array(CommentReplySchema).max(10_000).default([]),
  /** Set when the thread discusses a suggestion rather than a passage. */
  suggestionId: id.optional(),
});
export type CommentThread = z.infer<typeof CommentThreadSchema>;

/** Schema 2 stories written before threads existed held flat `{id, author, text, createdAt, resolved}` records. */
export function threadFromLegacyComment(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const r = record as Record<string, unknown>;
  return { quote: '', replies: [], ...r };
}

// ---- suggestions ------------------------------------------------------------------------

/** Inline suggestion element nodes: they wrap the text they insert, delete or reformat. */
export const INLINE_SUGGESTION_TYPES = ['insertion', 'deletion', 'format-change'] as const;
export type InlineSuggestionType = (typeof INLINE_SUGGESTION_TYPES)[number];

/**
 * The attributes every inline suggestion node carries besides Lexical's element fields and
 * `children`. A replacement is a deletion and an insertion sharing one `group`; a format change
 * also holds `before`, the text format bits it replaced (Lexical's `format` number).
 */
export const InlineSuggestionFieldsSchema = z.object({
  id,
  author,
  createdAt: isoDate,
  group: id.optional(),
  before: z.number().int().min(0).max(0xffff).optional(),
});
export type InlineSuggestionFields = z.infer<typeof InlineSuggestionFieldsSchema>;

export const BLOCK_SUGGESTION_KINDS = ['insert', 'delete', 'move', 'edit', 'split', 'join'] as const;
export type BlockSuggestionKind = (typeof BLOCK_SUGGESTION_KINDS)[number];

/**
 * A suggestion on a whole top-level node (paragraph, heading, list, any newsroom block):
 * `{"suggestion": {...}}` on the node. `before` is what an edit replaced (the block's fields)
 * or where a moved block came from (`{index}`); a split or join records the node it came from.
 */
export const BlockSuggestionSchema = z.object({
  id,
  kind: z.enum(BLOCK_SUGGESTION_KINDS),
  author,
  createdAt: isoDate,
  before: z.unknown().optional(),
});
export type BlockSuggestion = z.infer<typeof BlockSuggestionSchema>;

// ---- versions and the workflow ----------------------------------------------------------

/** Why a version was kept without anyone asking (named versions have no `auto`). */
export const AUTO_VERSION_REASONS = ['status', 'new-author', 'accept-all', 'reject-all', 'restore'] as const;
export type AutoVersionReason = (typeof AUTO_VERSION_REASONS)[number];

/** The list entry of a version; its body, meta and review live apart (`versions/<id>.json`). */
export const VersionEntrySchema = z.object({
  id,
  name: text(200).default(''),
  note: text(2000).default(''),
  author,
  createdAt: isoDate,
  words: z.number().int().min(0).max(100_000_000),
  auto: z.enum(AUTO_VERSION_REASONS).optional(),
});
export type VersionEntry = z.infer<typeof VersionEntrySchema>;

/** One status change on the story's timeline. */
export const HistoryEntrySchema = z.object({
  at: isoDate,
  by: author,
  from: text(40),
  to: text(40),
  note: text(2000).default(''),
  /** Who the story was handed to, when the change was a hand-over. */
  assignee: text(200).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const LegalHoldSchema = z.object({
  hold: z.boolean().default(false),
  note: text(2000).default(''),
  by: text(200).default(''),
  at: isoDate.optional(),
});
export type LegalHold = z.infer<typeof LegalHoldSchema>;
