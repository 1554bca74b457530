import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW, createCommand } from 'lexical';
import { useEffect } from 'react';
import type { PullquoteState } from '../../../../shared/blocks/pullquote';
import { $ensureParagraphAfter, $insertBlock } from '../../plugins/NewsroomBlocksPlugin';
import { justInserted } from './inserted';
import { $createPullquoteNode } from './PullquoteNode';

/** Inserts a pull quote (its form opens on the empty block: the quote is typed there). */
export const INSERT_PULLQUOTE_COMMAND = createCommand<PullquoteState | undefined>('INSERT_PULLQUOTE_COMMAND');

export function PullquotePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_PULLQUOTE_COMMAND,
        (state) => {
          const node = $createPullquoteNode(state);
          $insertBlock(node);
          $ensureParagraphAfter(node);
          justInserted.add(node.getKey());
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
