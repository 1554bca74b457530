import { z } from 'zod';
import { BlockSuggestionSchema } from '../review/model';
import {
  BLOCK_NODE_TYPES,
  BODY_NODE_SCHEMAS,
  ELEMENT_NODE_TYPES,
  MAX_BODY_DEPTH,
  MAX_STORY_BYTES,
  SCHEMA_VERSION,
  STORY_FORMAT,
  StoryEnvelopeSchema,
  ContainerEnvelopeSchema,
  checkingAssets,
  rememberCheckedAssets,
  type SerializedBodyNode,
  type Story,
  type StoryAsset,
  type StoryBody,
} from './schema';
import { migrateStory } from './migrations';
import { ASSETS_FOLDER, type StoryAssetSource } from './container';

/**
 * `notes`: one line for each thing set aside while opening a container (a damaged photo, an
 * entry story.json does not list); the story opened without it.
 */
export type RestoreResult = { ok: true; story: Story; migratedFrom?: number; notes?: string[] } | { ok: false; reason: string };

/**
 * The only door into the app for a story from outside (disk, clipboard, the web harness):
 * every field checked, defaults filled, old versions migrated. Never throws, never returns
 * half a story.
 */
export function restoreStory(input: unknown, assets?: StoryAssetSource): RestoreResult {
  try {
    const result = assets ? restoreFromContainer(input, assets) : restoreUnchecked(input);
    // However long the place or the value it names, the reason stays one short line.
    return result.ok || result.reason.length < MAX_REASON_LENGTH
      ? result
      : { ok: false, reason: truncate(result.reason, MAX_REASON_LENGTH - 1) };
  } catch (error) {
    // Defensive: a bug in a validator must still give the user a line, not a stack trace.
    return { ok: false, reason: `not a readable story (${oneLine(error)})` };
  }
}

/** `restoreStory` for the raw text of a `.story` file. */
export function restoreStoryText(text: string): RestoreResult {
  if (typeof text !== 'string') return { ok: false, reason: 'not a readable story (no text)' };
  if (text.length > MAX_STORY_BYTES) {
    return { ok: false, reason: `too large to open (${formatMegabytes(text.length)}; the limit is ${MAX_STORY_BYTES / (1024 * 1024)} MB)` };
  }
  if (text.trim() === '') return { ok: false, reason: 'the file is empty' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    if (isCutShort(text, error)) return { ok: false, reason: CUT_SHORT_REASON };
    return { ok: false, reason: `not a Copydesk story: broken JSON (${oneLine(error)})` };
  }
  return restoreStory(data);
}

/** A story whose end is missing: a save that never finished, a copy that stopped part way. */
export const CUT_SHORT_REASON = 'the file is cut short — it may not have finished saving';

/**
 * The JSON broke at its very end, and what is there begins as a Copydesk story: the file
 * lost its tail, which a user should hear in those words rather than as a parser position.
 */
function isCutShort(text: string, error: unknown): boolean {
  if (!text.slice(0, 200).includes(`"${STORY_FORMAT}"`)) return false;
  const message = error instanceof Error ? error.message : String(error);
  if (/Unexpected end of JSON input|Unterminated string/.test(message)) return true;
  const position = /at position (\d+)/.exec(message);
  return position !== null && Number(position[1]) >= text.trimEnd().length - 1;
}

function restoreUnchecked(input: unknown): RestoreResult {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a Copydesk story: expected a JSON object' };
  if (input.format !== STORY_FORMAT) {
    return {
      ok: false,
      reason:
        typeof input.format === 'string'
          ? `not a Copydesk story (format "${truncate(input.format, 40)}")`
          : 'not a Copydesk story: "format" is missing',
    };
  }
  const version = input.schemaVersion ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, reason: 'schemaVersion must be a whole number' };
  }
  if (version > SCHEMA_VERSION) {
    return { ok: false, reason: `written by a newer Copydesk (schemaVersion ${version}); update Copydesk to open it` };
  }
  const migrated = version < SCHEMA_VERSION ? migrateStory(input, version) : input;
  if (typeof migrated === 'string') return { ok: false, reason: migrated };

  const envelope = checkingAssets(isPlainObject(migrated) ? migrated.assets : undefined, () => StoryEnvelopeSchema.safeParse(migrated));
  if (!envelope.success) return { ok: false, reason: describeIssue(envelope.error.issues[0]) };

  const body = restoreBody(envelope.data.body.root);
  if (typeof body === 'string') return { ok: false, reason: body };

  for (const [index, node] of body.root.children.entries()) {
    if (node.type === 'photo' && node.asset && !(String(node.asset) in envelope.data.assets)) {
      return { ok: false, reason: `body block ${index + 1} (photo): its image is missing from the story's assets` };
    }
  }

  const story: Story = { ...envelope.data, body };
  rememberCheckedAssets(story.assets);
  return version < SCHEMA_VERSION ? { ok: true, story, migratedFrom: version } : { ok: true, story };
}

/**
 * A container's `story.json` (its assets without data) with the photos reached through
 * `source`. A photo whose entry is missing, misnamed or damaged does not stop the story: its
 * block keeps caption, credit and alt text without the image, and a note says which and why.
 */
function restoreFromContainer(input: unknown, source: StoryAssetSource): RestoreResult {
  if (!isPlainObject(input)) return { ok: false, reason: 'not a Copydesk story: story.json must hold a JSON object' };
  if (input.format !== STORY_FORMAT) return restoreUnchecked(input);
  if (input.schemaVersion !== SCHEMA_VERSION) {
    return typeof input.schemaVersion === 'number' && input.schemaVersion > SCHEMA_VERSION
      ? { ok: false, reason: `written by a newer Copydesk (schemaVersion ${input.schemaVersion}); update Copydesk to open it` }
      : { ok: false, reason: `story.json must have schemaVersion ${SCHEMA_VERSION} (a container is never an older version)` };
  }
  const envelope = ContainerEnvelopeSchema.safeParse(input);
  if (!envelope.success) return { ok: false, reason: describeIssue(envelope.error.issues[0]) };
  const body = restoreBody(envelope.data.body.root);
  if (typeof body === 'string') return { ok: false, reason: body };

  const notes: string[] = [];
  const assets: Record<string, StoryAsset> = {};
  const damaged = new Map<string, string>();
  for (const [key, meta] of Object.entries(envelope.data.assets)) {
    const read = source.read(key, meta);
    if ('damaged' in read) damaged.set(key, read.damaged);
    else assets[key] = { ...meta, data: read.data };
  }
  for (const key of source.keys) {
    if (!Object.hasOwn(envelope.data.assets, key)) notes.push(`${ASSETS_FOLDER}${key.slice(0, 12)}…: not listed in story.json; ignored`);
  }
  const children = body.root.children;
  const shown = new Set<string>();
  for (const [index, node] of children.entries()) {
    if (node.type !== 'photo' || !node.asset) continue;
    const key = String(node.asset);
    if (key in assets) continue;
    const why = damaged.get(key) ?? 'its image is not listed in story.json';
    shown.add(key);
    const caption = String(node.caption ?? '').trim();
    notes.push(
      `photo in block ${index + 1}${caption ? ` ("${truncate(caption, 40)}")` : ''} is damaged: ${why}; its caption and credit are kept`,
    );
    children[index] = { ...node, asset: '' };
  }
  for (const [key, why] of damaged) {
    if (!shown.has(key)) notes.push(`${ASSETS_FOLDER}${key.slice(0, 12)}… (unused) is damaged: ${why}`);
  }
  const story: Story = { ...envelope.data, assets, body };
  rememberCheckedAssets(story.assets);
  return notes.length > 0 ? { ok: true, story, notes } : { ok: true, story };
}

/** Review fields any top-level node may carry (docs/story-format.md, "Review"). */
const TOP_LEVEL_REVIEW_FIELDS = z.object({
  suggestion: BlockSuggestionSchema.optional(),
  comments: z.array(z.string().min(1).max(100)).max(1000).optional(),
});

/**
 * Validates the Lexical tree node by node without recursion (a hostile file may nest
 * thousands deep) and rebuilds it from the schemas' output, so unknown keys are dropped.
 */
export function restoreBody(root: unknown): StoryBody | string {
  if (!isPlainObject(root)) return 'body must hold a root node';
  if (root.type !== 'root') return 'body root must be of type "root"';

  interface Frame {
    raw: unknown;
    depth: number;
    where: string;
    attach: (node: SerializedBodyNode) => void;
  }
  let restoredRoot: SerializedBodyNode | undefined;
  const stack: Frame[] = [{ raw: root, depth: 0, where: 'root', attach: (n) => (restoredRoot = n) }];
  let count = 0;

  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (++count > 2_000_000) return 'body has too many nodes';
    if (frame.depth > MAX_BODY_DEPTH) return `body is nested too deeply (more than ${MAX_BODY_DEPTH} levels)`;
    const raw = frame.raw;
    if (!isPlainObject(raw)) return `body ${shortPlace(frame.where)} must be an object`;
    const type = raw.type;
    if (typeof type !== 'string') return `body ${shortPlace(frame.where)} has no type`;
    if (frame.depth === 0 ? type !== 'root' : type === 'root') return `body ${shortPlace(frame.where)}: misplaced root node`;
    if (frame.depth > 1 && BLOCK_NODE_TYPES.has(type)) return `body ${shortPlace(frame.where)}: a ${type} block must sit at the top level`;
    // Own keys only: a node typed "constructor" or "toString" must not find Object.prototype's.
    const schema = Object.hasOwn(BODY_NODE_SCHEMAS, type) ? (BODY_NODE_SCHEMAS as Record<string, z.ZodType>)[type] : undefined;
    if (!schema) return `body ${shortPlace(frame.where)}: unknown block type "${truncate(type, 40)}"`;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return `body ${shortPlace(frame.where)} (${type}): ${describeIssue(parsed.error.issues[0], true)}`;
    const node = parsed.data as SerializedBodyNode;
    if (frame.depth === 1) {
      // Review fields any top-level node may carry: a block suggestion and the threads on a block.
      const review = TOP_LEVEL_REVIEW_FIELDS.safeParse(raw);
      if (!review.success) return `body ${shortPlace(frame.where)} (${type}): ${describeIssue(review.error.issues[0], true)}`;
      if (review.data.suggestion) node.suggestion = review.data.suggestion;
      if (review.data.comments && review.data.comments.length > 0) node.comments = review.data.comments;
    }
    frame.attach(node);
    if (ELEMENT_NODE_TYPES.has(type)) {
      const rawChildren = node.children as unknown[];
      const children: SerializedBodyNode[] = new Array(rawChildren.length);
      node.children = children;
      // Push in reverse so nodes are visited in document order (keeps error messages natural).
      for (let i = rawChildren.length - 1; i >= 0; i--) {
        const index = i;
        stack.push({
          raw: rawChildren[i],
          depth: frame.depth + 1,
          where: frame.depth === 0 ? `block ${i + 1}` : `${frame.where}.${i + 1}`,
          attach: (child) => (children[index] = child),
        });
      }
    }
  }
  return { root: restoredRoot as StoryBody['root'] };
}

/** "block 3.1.4.….2.1": a node's place, with the middle of a very deep one left out. */
function shortPlace(where: string): string {
  const parts = where.split('.');
  return parts.length <= 7 ? where : [...parts.slice(0, 3), '…', ...parts.slice(-3)].join('.');
}

const MAX_REASON_LENGTH = 300;

const FIELD_NAMES: Record<string, string> = { meta: '', body: 'body', assets: 'asset', review: 'review' };

/** One line a reporter can read: "headline must be a string". */
export function describeIssue(issue: z.core.$ZodIssue | undefined, inBody = false): string {
  if (!issue) return 'not a readable story';
  // Record keys come from the file: keep them short and on one line.
  const path = issue.path.map((p) => truncate(String(p), 80));
  if (!inBody && path.length > 1 && Object.hasOwn(FIELD_NAMES, path[0]!)) {
    const prefix = FIELD_NAMES[path[0]!];
    path.splice(0, 1, ...(prefix ? [prefix] : []));
  }
  const where = path.length > 0 ? path.join('.') : 'story';
  // Our own messages are lower-case phrases ("must be an ISO date"); zod's start with a capital.
  if (/^[a-z]/.test(issue.message)) return `${where} ${issue.message}`;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected;
      if (/received undefined/.test(issue.message)) return `${where} is missing`;
      const article = /^[aeiou]/.test(expected) ? 'an' : 'a';
      return `${where} must be ${article} ${expected}`;
    }
    case 'invalid_value':
      return `${where} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_big':
      return `${where} ${issue.origin === 'string' ? 'is too long' : 'is too large'} (at most ${issue.maximum})`;
    case 'too_small':
      return `${where} ${issue.origin === 'string' ? 'must not be empty' : 'is too small'}`;
    case 'invalid_key':
      return `${where} has an invalid key (${issue.issues[0]?.message ?? 'not allowed'})`;
    default:
      return `${where} ${issue.message}`;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return truncate(text.replace(/\s+/g, ' ').trim(), 160);
}

/** Shortens text taken from a file and keeps it on one line (reasons are shown as one line). */
function truncate(text: string, max: number): string {
  text = text.replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function formatMegabytes(length: number): string {
  return `${(length / (1024 * 1024)).toFixed(1)} MB`;
}
