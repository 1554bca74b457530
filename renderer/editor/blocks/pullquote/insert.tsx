import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection } from 'lexical';
import { useEffect } from 'react';
import { emptyPullquote } from '../../../../shared/blocks/pullquote';
import { INSERT_BLOCKS_COMMAND } from '../commands';
import type { InsertProps } from '../registry-types';
import { justInserted } from './inserted';
import { $isPullquoteNode } from './PullquoteNode';

/**
 * Insert → Pull quote: the block goes in empty and its own form is the panel — the caret
 * lands in its quote box.
 */
export function PullquoteInsert({ request, onClose }: InsertProps) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (request === null) return;
    editor.dispatchCommand(INSERT_BLOCKS_COMMAND, { type: 'pullquote', states: [emptyPullquote()] });
    // The insert leaves the caret on the line after the new block.
    editor.update(() => {
      const selection = $getSelection();
      const line = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
      const block = line?.getPreviousSibling();
      if ($isPullquoteNode(block)) justInserted.add(block.getKey());
    });
    onClose();
  }, [request, editor, onClose]);
  return null;
}
