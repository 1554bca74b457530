import type { SerializedBodyNode } from '../../story/schema';

/** The serialized Lexical nodes the HTML importer writes, always fresh (nothing of the source is copied). */

export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;

export type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

export const MAX_TEXT = 1_000_000;
export const MAX_CHILDREN = 100_000;
/** Word has nine list levels; deeper HTML nesting is kept at the ninth. */
export const MAX_LIST_LEVEL = 8;
/** Deeper markup is read as plain text (keeps the walk's recursion bounded). */
export const MAX_DOM_DEPTH = 256;

export function textNode(text: string, format: number): SerializedBodyNode {
  return { detail: 0, format, mode: 'normal', style: '', text, type: 'text', version: 1 };
}

export function elementFields(children: SerializedBodyNode[]) {
  return { children, direction: null, format: '', indent: 0 };
}

export function paragraphNode(children: SerializedBodyNode[]): SerializedBodyNode {
  return { ...elementFields(children), type: 'paragraph', version: 1, textFormat: 0, textStyle: '' };
}

export function headingNode(tag: HeadingTag, children: SerializedBodyNode[]): SerializedBodyNode {
  return { ...elementFields(children), type: 'heading', version: 1, tag, textFormat: 0, textStyle: '' };
}

export function quoteNode(children: SerializedBodyNode[]): SerializedBodyNode {
  return { ...elementFields(children), type: 'quote', version: 1 };
}

export function linkNode(url: string, children: SerializedBodyNode[]): SerializedBodyNode {
  return { ...elementFields(children), type: 'link', version: 1, rel: null, target: null, title: null, url };
}

export function listNode(ordered: boolean, start: number): SerializedBodyNode {
  return {
    ...elementFields([]),
    type: 'list',
    version: 1,
    listType: ordered ? 'number' : 'bullet',
    start,
    tag: ordered ? 'ol' : 'ul',
  };
}

export function listItemNode(children: SerializedBodyNode[]): SerializedBodyNode {
  return { ...elementFields(children), type: 'listitem', version: 1, value: 1 };
}

export function photoNode(fields: { src: string; alt: string; caption: string; credit: string }): SerializedBodyNode {
  return {
    type: 'photo',
    version: 1,
    format: '',
    asset: '',
    src: fields.src,
    alt: clip(fields.alt, 2000),
    caption: clip(fields.caption, 5000),
    credit: clip(fields.credit, 500),
  };
}

export function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}
