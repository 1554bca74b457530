import { $getNodeByKey, $getRoot, type NodeKey } from 'lexical';

/** Moves a top-level block one place up or down; the helpline footer stays last. */
export function $moveBlock(key: NodeKey, direction: -1 | 1): boolean {
  const node = $getNodeByKey(key);
  if (!node || node.getParent() !== $getRoot()) return false;
  const sibling = direction < 0 ? node.getPreviousSibling() : node.getNextSibling();
  if (!sibling) return false;
  if (sibling.getType() === 'helpline' || node.getType() === 'helpline') return false;
  if (direction < 0) sibling.insertBefore(node);
  else sibling.insertAfter(node);
  return true;
}
