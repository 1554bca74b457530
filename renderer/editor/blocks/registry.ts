import type { Klass, LexicalNode } from 'lexical';
import { BLOCK_TYPES, type BlockType } from '../../../shared/blocks/registry';
import { helplineEditorBlock } from './helpline';
import { photoEditorBlock } from './photo';
import type { EditorBlockDefinition } from './registry-types';
import { tweetEditorBlock } from './tweet';
import { pullquoteEditorBlock } from './pullquote';
import { embedEditorBlock } from './embed';

export type { EditorBlockDefinition, InsertProps } from './registry-types';

/**
 * The editor half of every newsroom block, one line each (the shared half is
 * shared/blocks/registry.ts). Typed by the shared registry's block types, so a block
 * registered there and not here — or here under another type — does not compile.
 */
export const EDITOR_BLOCKS: { readonly [T in BlockType]: EditorBlockDefinition<T> } = {
  tweet: tweetEditorBlock,
  photo: photoEditorBlock,
  pullquote: pullquoteEditorBlock,
  embed: embedEditorBlock,
  helpline: helplineEditorBlock,
};

/** In the shared registry's order (menus and the toolbar list blocks in it). */
export const EDITOR_BLOCK_LIST: readonly EditorBlockDefinition<BlockType>[] = BLOCK_TYPES.map(
  (type) => EDITOR_BLOCKS[type] as EditorBlockDefinition<BlockType>,
);

/** The blocks' Lexical node classes, for the editor's node list. */
export const BLOCK_NODES: Klass<LexicalNode>[] = EDITOR_BLOCK_LIST.map((block) => block.node);
