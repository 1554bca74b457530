import { $getNodeByKey, $getRoot, type NodeKey } from 'lexical';
import { BLOCKS, isBlockType } from '../../../shared/blocks/registry';

const placedLast = (type: string) => isBlockType(type) && BLOCKS[type].placement === 'last';

/** Moves a top-level block one place up or down; a block placed last (the helpline footer) stays last. */
export function $moveBlock(key: NodeKey, direction: -1 | 1): boolean {
  const node = $getNodeByKey(key);
  if (!node || node.getParent() !== $getRoot()) return false;
  const sibling = direction < 0 ? node.getPreviousSibling() : node.getNextSibling();
  if (!sibling) return false;
  if (placedLast(sibling.getType()) || placedLast(node.getType())) return false;
  if (direction < 0) sibling.insertBefore(node);
  else sibling.insertAfter(node);
  return true;
}
