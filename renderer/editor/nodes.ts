import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import type { Klass, LexicalNode } from 'lexical';
import { HelplineNode } from './nodes/HelplineNode';
import { PhotoNode } from './nodes/PhotoNode';
import { TweetNode } from './nodes/TweetNode';

/** Every node type a story body may hold; keep in step with BODY_NODE_SCHEMAS in shared/. */
export const STORY_NODES: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  TweetNode,
  PhotoNode,
  HelplineNode,
];
