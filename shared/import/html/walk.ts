import type { SerializedBodyNode } from '../../story/schema';
import type { Inline } from './inline';
import type { HeadingTag } from './nodes';

/** The walk's shared shapes: the block an element starts, the context it passes down, and where blocks go. */

export interface BlockSpec {
  kind: 'paragraph' | 'heading' | 'quote';
  tag?: HeadingTag;
  /** Word/Docs paragraph styles that feed the story's metadata or the photo before them. */
  role?: 'title' | 'standfirst' | 'caption';
}

export interface Ctx {
  format: number;
  link: string | null;
  pre: boolean;
  spec: BlockSpec;
}

/** Where finished blocks go: the body, a list being gathered, or a table cell. */
export interface Sink {
  text(spec: BlockSpec, items: Inline[]): void;
  block(node: SerializedBodyNode): void;
}

export interface ListEntryItem {
  kind: 'item';
  level: number;
  ordered: boolean;
  key: string;
  start?: number;
  items: Inline[];
}
export type ListEntry = ListEntryItem | { kind: 'block'; node: SerializedBodyNode };
