import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  PASTE_COMMAND,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { useEffect } from 'react';
import { BLOCK_NODE_TYPES } from '../../../shared/story/schema';
import { BLOCKS, recogniseBlocksInHtml, type BlockType } from '../../../shared/blocks/registry';
import { $moveBlock } from '../blocks/block-actions';
import { setBlockExportContext } from '../blocks/block-node';
import { INSERT_BLOCKS_COMMAND } from '../blocks/commands';
import { useNewsroom } from '../blocks/context';
import { EDITOR_BLOCK_LIST, EDITOR_BLOCKS } from '../blocks/registry';

const isBlock = (node: LexicalNode) => BLOCK_NODE_TYPES.has(node.getType());
const placedLast = (type: string) => Object.hasOwn(BLOCKS, type) && BLOCKS[type as BlockType].placement === 'last';

function $insertBlock(node: LexicalNode) {
  const selection = $getSelection();
  // On an empty line, the block takes the line's place.
  if ($isRangeSelection(selection) && selection.isCollapsed()) {
    const top = selection.anchor.getNode().getTopLevelElement();
    if ($isParagraphNode(top) && top.getTextContentSize() === 0 && top.getChildrenSize() === 0) {
      top.replace(node);
      return;
    }
  }
  if (!selection) $getRoot().selectEnd();
  $insertNodeToNearestRoot(node);
}

/** A block needs a line after it to keep typing on (except a footer, which is last). */
function $ensureParagraphAfter(node: LexicalNode) {
  const next = node.getNextSibling();
  if (next === null || isBlock(next)) {
    const paragraph = $createParagraphNode();
    node.insertAfter(paragraph);
    paragraph.select();
  } else next.selectStart();
}

/** Inserts or replaces a story's single block of a `last` type (the helpline footer), as the last block. */
function $putLast(node: LexicalNode) {
  const root = $getRoot();
  for (const child of root.getChildren()) if (child.getType() === node.getType()) child.remove();
  const last = root.getLastChild();
  if (last && $isParagraphNode(last) && last.getTextContentSize() === 0 && root.getChildrenSize() > 1) last.remove();
  root.append(node);
}

/** Insert commands for every registered block, paste and drop of blocks, block keyboard moves, the footer-last rule. */
export function NewsroomBlocksPlugin() {
  const [editor] = useLexicalComposerContext();
  const services = useNewsroom();

  useEffect(() => {
    const missing = EDITOR_BLOCK_LIST.filter((block) => !editor.hasNodes([block.node]));
    if (missing.length > 0) throw new Error(`block nodes not registered: ${missing.map((b) => b.type).join(', ')}`);
    const selectedBlock = () => {
      const selection = $getSelection();
      if (!$isNodeSelection(selection)) return null;
      const nodes = selection.getNodes();
      return nodes.length === 1 && isBlock(nodes[0]!) ? nodes[0]! : null;
    };
    const deleteSelectedBlocks = (event: KeyboardEvent | null) => {
      const selection = $getSelection();
      if (!$isNodeSelection(selection)) return false;
      const nodes = selection.getNodes().filter(isBlock);
      if (nodes.length === 0) return false;
      event?.preventDefault();
      const after = nodes[nodes.length - 1]!.getNextSibling() ?? nodes[0]!.getPreviousSibling();
      for (const node of nodes) node.remove();
      if (after) after.selectStart();
      else $setSelection(null);
      return true;
    };
    const move = (direction: -1 | 1) => (event: KeyboardEvent) => {
      if (!event.altKey) return false;
      const block = selectedBlock();
      if (!block) return false;
      event.preventDefault();
      $moveBlock(block.getKey(), direction);
      return true;
    };

    /** Blocks placed last (the footer), by node key: normally none or one. */
    const footers = new Set<NodeKey>();
    return mergeRegister(
      setBlockExportContext(editor, { creditStyle: services.creditStyle, asset: (hash) => services.asset(hash) }),
      editor.registerCommand(
        INSERT_BLOCKS_COMMAND,
        ({ type, states }) => {
          const create = EDITOR_BLOCKS[type].create as (state: object) => LexicalNode;
          if (BLOCKS[type].placement === 'last') {
            for (const state of states.slice(-1)) $putLast(create(state));
            return true;
          }
          let last: LexicalNode | null = null;
          for (const state of states) {
            const node = create(state);
            if (last) last.insertAfter(node);
            else $insertBlock(node);
            last = node;
          }
          if (last) $ensureParagraphAfter(last);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(KEY_DELETE_COMMAND, deleteSelectedBlocks, COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_BACKSPACE_COMMAND, deleteSelectedBlocks, COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_ARROW_UP_COMMAND, move(-1), COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_ARROW_DOWN_COMMAND, move(1), COMMAND_PRIORITY_LOW),
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = (event as ClipboardEvent).clipboardData;
          if (!data) return false;
          const files = [...data.files];
          if (files.length > 0 && EDITOR_BLOCK_LIST.some((block) => block.pasteFiles?.(files, editor, services))) {
            event.preventDefault();
            return true;
          }
          const html = data.getData('text/html');
          const plain = data.getData('text/plain');
          // A block's embed code, pasted as markup or as the text of the code, and nothing else
          for (const source of [plain.trim(), html]) {
            if (!onlyBlockMarkup(source)) continue;
            const found = recogniseBlocksInHtml(source);
            if (found.length === 0) continue;
            event.preventDefault();
            const type = found[0]!.type;
            const states = found.filter((b) => b.type === type).map((b) => b.state);
            editor.dispatchCommand(INSERT_BLOCKS_COMMAND, { type, states } as never);
            return true;
          }
          // A block's link on an empty line (a tweet link) becomes the block
          const selection = $getSelection();
          const single = plain.trim();
          if (single && $isRangeSelection(selection) && selection.isCollapsed()) {
            const top = selection.anchor.getNode().getTopLevelElement();
            const onEmptyLine = $isParagraphNode(top) && top.getTextContentSize() === 0;
            if (onEmptyLine && EDITOR_BLOCK_LIST.some((block) => block.pasteText?.(single, editor, services))) {
              event.preventDefault();
              return true;
            }
          }
          return false;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if ([...(event.dataTransfer?.types ?? [])].includes('Files')) {
            event.preventDefault();
            return true;
          }
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const files = [...(event.dataTransfer?.files ?? [])];
          if (files.length === 0) return false;
          event.preventDefault();
          // Put the caret where the files were dropped.
          const range = document.caretRangeFromPoint?.(event.clientX, event.clientY);
          if (range) {
            const domSelection = window.getSelection();
            domSelection?.removeAllRanges();
            domSelection?.addRange(range);
          }
          for (const block of EDITOR_BLOCK_LIST) if (block.pasteFiles?.(files, editor, services)) break;
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      // A footer is the story's last block: whatever is typed after it goes above it. Footers
      // are tracked as they come and go, so a key typed costs a look at the last block (listing
      // the root's 2,400 children on every key of the L story cost ~0.6 ms a key).
      ...EDITOR_BLOCK_LIST.filter((block) => placedLast(block.type)).map((block) =>
        editor.registerMutationListener(
          block.node,
          (mutations) => {
            for (const [key, mutation] of mutations) {
              if (mutation === 'destroyed') footers.delete(key);
              else footers.add(key);
            }
          },
          { skipInitialization: false },
        ),
      ),
      editor.registerUpdateListener(({ editorState, dirtyElements }) => {
        if (dirtyElements.size === 0 || footers.size === 0) return;
        const misplaced = editorState.read(() => {
          const last = $getRoot().getLastChild();
          for (const key of footers) if (key !== last?.getKey() && $getNodeByKey(key)?.isAttached()) return key;
          return null;
        });
        if (misplaced)
          editor.update(
            () => {
              const node = $getNodeByKey(misplaced);
              if (node) $getRoot().append(node);
            },
            { tag: 'history-merge' },
          );
      }),
    );
  }, [editor, services]);

  return null;
}

/**
 * Markup that is a block's code and nothing more (a tweet's embed code with its script):
 * pasted as such it becomes the block. A page that also has paragraphs, or images (which
 * must become story assets), goes through the HTML importer instead (SmartPastePlugin),
 * which finds the same blocks among the text.
 */
function onlyBlockMarkup(source: string): boolean {
  const trimmed = source.trim();
  if (!trimmed.startsWith('<') || /<img[\s>]/i.test(trimmed)) return false;
  const withoutBlocks = trimmed.replace(/<(blockquote|figure|aside)[\s\S]*?<\/\1>/gi, '');
  return !/<(p|h\d|li)[\s>]/i.test(withoutBlocks) && withoutBlocks.replace(/<script[\s\S]*?<\/script>|<[^>]+>/gi, '').trim() === '';
}
