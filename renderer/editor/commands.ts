import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import { $isLinkNode } from '@lexical/link';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  createCommand,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';

export type BlockType = 'paragraph' | 'h2' | 'h3' | 'bullet' | 'number' | 'quote';

/** Opens the link box (toolbar button, Ctrl/Cmd+K, Format → Link…). */
export const OPEN_LINK_EDITOR_COMMAND = createCommand<void>('OPEN_LINK_EDITOR_COMMAND');

/** The block the caret is in, as the toolbar names it. */
export function $currentBlockType(): BlockType {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return 'paragraph';
  const anchor = selection.anchor.getNode();
  const element =
    anchor.getKey() === 'root'
      ? anchor
      : ($findMatchingParent(anchor, (e: LexicalNode) => {
          const parent = e.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchor.getTopLevelElementOrThrow());
  if ($isListNode(element)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? element;
    return list.getListType() === 'number' ? 'number' : 'bullet';
  }
  if ($isHeadingNode(element)) return element.getTag() === 'h3' ? 'h3' : 'h2';
  if ($isQuoteNode(element)) return 'quote';
  return 'paragraph';
}

export function $selectionIsLink(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const node = selection.anchor.getNode();
  return $isLinkNode(node) || $isLinkNode(node.getParent());
}

/** Sets the caret's blocks to `type`; choosing the current type again turns it back to a paragraph. */
export function setBlockType(editor: LexicalEditor, type: BlockType) {
  const current = editor.getEditorState().read($currentBlockType);
  const target: BlockType = current === type && type !== 'paragraph' ? 'paragraph' : type;
  if (target === 'bullet' || target === 'number') {
    editor.dispatchCommand(target === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    return;
  }
  if (current === 'bullet' || current === 'number') {
    editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    if (target === 'paragraph') return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (target === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
    else if (target === 'quote') $setBlocksType(selection, () => $createQuoteNode());
    else $setBlocksType(selection, () => $createHeadingNode(target as HeadingTagType));
  });
}
