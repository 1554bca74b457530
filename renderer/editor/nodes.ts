import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import type { Klass, LexicalNode } from 'lexical';
import { BLOCK_NODES } from './blocks/registry';

/** Every node type a story body may hold: Lexical's text nodes and each registered block's node. */
export const STORY_NODES: Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, ...BLOCK_NODES];
