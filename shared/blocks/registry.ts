import type { Element } from 'domhandler';
import { z } from 'zod';
import { findElements } from './html-reading';
import { helplineBlock } from './helpline/definition';
import { photoBlock } from './photo/definition';
import { tweetBlock } from './tweet/definition';
import { pullquoteBlock } from './pullquote/definition';
import { embedBlock } from './embed/definition';
import { elementFormat, nodeVersion } from '../story/node-fields';
import type { AnyBlockDefinition, BlockDefinition, RenderedBlockOf } from './types';

export type { AnyBlockDefinition, BlockDefinition, BlockRenderContext, BlockRule, FieldDescription, NinjsAssociation } from './types';

/**
 * Every newsroom block, in the order menus list them. Adding a block: make its folder
 * (`shared/blocks/<name>/definition.ts` exporting a `BlockDefinition`), add one line here,
 * and one line in `renderer/editor/blocks/registry.ts`. Everything that walks a story —
 * the story schema and restore, the exports, the importers, the import summary — reads
 * this object, and the types below make a block that is missing from either registry a
 * type error rather than a block silently dropped.
 */
export const BLOCKS = {
  tweet: tweetBlock,
  photo: photoBlock,
  pullquote: pullquoteBlock,
  embed: embedBlock,
  helpline: helplineBlock,
} as const;

/** Each entry's key is its block's type: compiles only while that holds (a typo is a type error, not a block under two names). */
export type RegistryKeysAreTypes = Assert<
  { [K in keyof typeof BLOCKS]: (typeof BLOCKS)[K]['type'] extends K ? true : false }[keyof typeof BLOCKS]
>;
type Assert<T extends true> = T;

export type BlockType = keyof typeof BLOCKS;
/** A block's state, by type: `BlockState<'tweet'>` is `TweetState`. */
export type BlockState<T extends BlockType> = (typeof BLOCKS)[T] extends BlockDefinition<T, infer S, infer _D, infer _K> ? S : never;
type BlockData<T extends BlockType> = (typeof BLOCKS)[T] extends BlockDefinition<T, infer _S, infer D, infer _K> ? D : never;
/** The import summary's count of each block (`tweets`, `photos`, …). */
export type BlockSummaryCounts = { [T in BlockType as (typeof BLOCKS)[T]['summary']['key']]: number };

/** A rendered block of each registered type (the export's union; see shared/export/body.ts). */
export type RenderedNewsroomBlock = { [T in BlockType]: RenderedBlockOf<T, BlockState<T>, BlockData<T>> }[BlockType];

export const BLOCK_TYPES = Object.keys(BLOCKS) as BlockType[];
export const BLOCK_LIST: readonly AnyBlockDefinition[] = Object.values(BLOCKS);

export function isBlockType(type: unknown): type is BlockType {
  return typeof type === 'string' && Object.hasOwn(BLOCKS, type);
}

export function blockDefinition<T extends BlockType>(type: T): (typeof BLOCKS)[T];
export function blockDefinition(type: string): AnyBlockDefinition | undefined;
export function blockDefinition(type: string): AnyBlockDefinition | undefined {
  return isBlockType(type) ? (BLOCKS[type] as AnyBlockDefinition) : undefined;
}

// ---- the node schemas the story schema is made of ---------------------------------------------

/** A block's node as the story file holds it: Lexical's `type`, `version` and `format`, then the state's fields. */
export function blockNodeSchema(definition: AnyBlockDefinition): z.ZodType {
  const node = z.object({ type: z.literal(definition.type), version: nodeVersion, format: elementFormat, ...definition.schema.shape });
  const rules = definition.rules ?? [];
  if (rules.length === 0) return node;
  return node.superRefine((value, context) => {
    for (const rule of rules) if (!rule.check(value)) context.addIssue({ code: 'custom', message: rule.message, path: rule.path });
  });
}

export const BLOCK_NODE_SCHEMAS = Object.fromEntries(BLOCK_LIST.map((d) => [d.type, blockNodeSchema(d)])) as {
  [T in BlockType]: z.ZodType;
};

/** The block's state as a node of the story body (what `$parseSerializedNode` and restore take). */
export function blockNode<T extends BlockType>(
  type: T,
  state: BlockState<T>,
): { type: T; version: 1; format: ''; [field: string]: unknown } {
  return { type, version: 1, format: '', ...state };
}

/**
 * The state fields of a serialized node, by the schema's field list (no field is named twice:
 * the editor nodes' importJSON reads exactly these): each field its schema accepts, the empty
 * block's value for one it does not, and nothing else.
 */
export function pickState<T extends BlockType>(type: T, node: Readonly<Record<string, unknown>>): BlockState<T> {
  const state: Record<string, unknown> = { ...BLOCKS[type].empty() };
  for (const [field, schema] of Object.entries(BLOCKS[type].schema.shape)) {
    const parsed = (schema as z.ZodType).safeParse(node[field]);
    if (parsed.success && parsed.data !== undefined) state[field] = parsed.data;
  }
  return state as BlockState<T>;
}

// ---- HTML recognition ---------------------------------------------------------------------

/**
 * The block an element of imported or pasted HTML is, checked against the block's schema:
 * null when no block claims it or what it holds would not restore (it is then read as text).
 */
export function recogniseBlockElement(el: Element): { type: BlockType; state: object } | null {
  for (const definition of BLOCK_LIST) {
    if (!definition.html.matches(el)) continue;
    const state = definition.html.read(el);
    if (state === null) return null;
    const clipped = clipToSchema(definition, state);
    return blockNodeSchema(definition).safeParse({ type: definition.type, version: 1, format: '', ...clipped }).success
      ? { type: definition.type as BlockType, state: clipped }
      : null;
  }
  return null;
}

/** Every registered block in a piece of HTML (outermost elements only), in document order. */
export function recogniseBlocksInHtml(html: string): { type: BlockType; state: object }[] {
  const found: { type: BlockType; state: object }[] = [];
  const claimed = new Set<Element>();
  for (const el of findElements(html, (e) => BLOCK_LIST.some((d) => d.html.matches(e)))) {
    let parent = el.parent;
    while (parent && !claimed.has(parent as Element)) parent = parent.parent;
    if (parent) continue;
    const block = recogniseBlockElement(el);
    if (block) {
      claimed.add(el);
      found.push(block);
    }
  }
  return found;
}

/** Text fields cut to their schema's maximum length, so anything an importer reads restores. */
export function clipToSchema<S extends object>(definition: AnyBlockDefinition, state: S): S {
  const out: Record<string, unknown> = { ...(state as Record<string, unknown>) };
  for (const [field, schema] of Object.entries(definition.schema.shape)) {
    const max = maxLength(schema as z.ZodType);
    const value = out[field];
    if (max !== undefined && typeof value === 'string' && value.length > max) out[field] = value.slice(0, max);
  }
  return out as S;
}

const maxLengths = new WeakMap<z.ZodType, number | undefined>();

function maxLength(schema: z.ZodType): number | undefined {
  if (!maxLengths.has(schema)) {
    const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as { maxLength?: number };
    maxLengths.set(schema, json.maxLength);
  }
  return maxLengths.get(schema);
}
