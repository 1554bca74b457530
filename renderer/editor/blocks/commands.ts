import { createCommand } from 'lexical';
import type { BlockState, BlockType } from '../../../shared/blocks/registry';

/** Inserts blocks of one type at the caret (a block placed `last` replaces the story's one). */
export const INSERT_BLOCKS_COMMAND =
  createCommand<{ [T in BlockType]: { type: T; states: BlockState<T>[] } }[BlockType]>('INSERT_BLOCKS_COMMAND');

/** Opens a block's insert panel (toolbar, `/` menu): the block's own `Insert` component answers. */
export const OPEN_BLOCK_INSERT_COMMAND = createCommand<BlockType>('OPEN_BLOCK_INSERT_COMMAND');
