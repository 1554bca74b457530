import type { Klass, LexicalEditor, LexicalNode } from 'lexical';
import type { ComponentType } from 'react';
import type { BlockState, BlockType } from '../../../shared/blocks/registry';
import type { NewsroomServices } from './context';

/** What a block's insert UI gets: a request number while it is asked for (a new one each time), null when closed. */
export interface InsertProps {
  request: number | null;
  onClose(): void;
}

/**
 * What the editor knows about one newsroom block, in `renderer/editor/blocks/<name>/index.ts`;
 * the shared half (schema, renderers, recognisers) is `shared/blocks/<name>/`. The editor's
 * node list, the toolbar's insert buttons, the `/` menu, NewsroomBlocksPlugin (insert,
 * select, move, delete) and paste all read `EDITOR_BLOCKS` in ./registry.ts.
 */
export interface EditorBlockDefinition<T extends BlockType> {
  type: T;
  /** The Lexical node class (a NewsroomBlockNode subclass). */
  node: Klass<LexicalNode>;
  create(state: BlockState<T>): LexicalNode;
  insert: {
    /** On the toolbar button ("Tweet"). */
    button: string;
    /** In the `/` menu ("Helpline footer"). */
    menu: string;
    /** The toolbar button's tooltip. */
    title: string;
    /** Other words the `/` menu finds it by. */
    keywords: readonly string[];
    /** Mounted once per editor; shows the block's panel (or picker) while `request` is set. */
    Panel: ComponentType<InsertProps>;
  };
  /** Plain text pasted on an empty line that is this block (a tweet link): inserts it and says true. */
  pasteText?(text: string, editor: LexicalEditor, services: NewsroomServices): boolean;
  /** Files pasted or dropped that are this block (images): inserts them and says true. */
  pasteFiles?(files: readonly File[], editor: LexicalEditor, services: NewsroomServices): boolean;
}
