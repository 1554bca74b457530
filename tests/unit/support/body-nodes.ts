import { expect } from 'vitest';
import { emptyBody } from '../../../shared/story/create';
import { restoreBody } from '../../../shared/story/restore';
import { isSafeLinkUrl, type SerializedBodyNode } from '../../../shared/story/schema';

/** Helpers for reading serialized story bodies in import tests. */

export const BOLD = 1;
export const ITALIC = 2;
export const STRIKETHROUGH = 4;
export const UNDERLINE = 8;
export const SUBSCRIPT = 32;
export const SUPERSCRIPT = 64;

export function* walk(node: SerializedBodyNode): Generator<SerializedBodyNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

export function allNodes(children: readonly SerializedBodyNode[]): SerializedBodyNode[] {
  return children.flatMap((c) => [...walk(c)]);
}

/** A block's text: text nodes joined, line breaks as "\n". */
export function textOf(node: SerializedBodyNode): string {
  if (node.type === 'text') return String(node.text);
  if (node.type === 'linebreak') return '\n';
  return (node.children ?? []).map(textOf).join('');
}

export interface FlatItem {
  text: string;
  level: number;
  ordered: boolean;
}

/** A Lexical list as (text, nesting level, ordered) rows, in reading order. */
export function flattenList(list: SerializedBodyNode, level = 0): FlatItem[] {
  const out: FlatItem[] = [];
  for (const item of list.children ?? []) {
    const only = item.children?.length === 1 ? item.children[0]! : null;
    if (only?.type === 'list') out.push(...flattenList(only, level + 1));
    else out.push({ text: textOf(item), level, ordered: list.listType === 'number' });
  }
  return out;
}

/** Text of every text node carrying the given format bit, one entry per node. */
export function textsWith(children: readonly SerializedBodyNode[], bit: number): string[] {
  return allNodes(children)
    .filter((n) => n.type === 'text' && (Number(n.format) & bit) !== 0)
    .map((n) => String(n.text));
}

export function links(children: readonly SerializedBodyNode[]): { url: string; text: string }[] {
  return allNodes(children)
    .filter((n) => n.type === 'link')
    .map((n) => ({ url: String(n.url), text: textOf(n) }));
}

const ALLOWED_KEYS: Record<string, readonly string[]> = {
  paragraph: ['type', 'version', 'children', 'direction', 'format', 'indent', 'textFormat', 'textStyle'],
  heading: ['type', 'version', 'children', 'direction', 'format', 'indent', 'tag', 'textFormat', 'textStyle'],
  quote: ['type', 'version', 'children', 'direction', 'format', 'indent'],
  list: ['type', 'version', 'children', 'direction', 'format', 'indent', 'listType', 'start', 'tag'],
  listitem: ['type', 'version', 'children', 'direction', 'format', 'indent', 'value'],
  link: ['type', 'version', 'children', 'direction', 'format', 'indent', 'url', 'rel', 'target', 'title'],
  text: ['type', 'version', 'text', 'format', 'style', 'mode', 'detail'],
  linebreak: ['type', 'version'],
  tweet: ['type', 'version', 'format', 'url', 'tweetId', 'name', 'handle', 'text', 'date', 'lang'],
  photo: ['type', 'version', 'format', 'asset', 'src', 'alt', 'caption', 'credit'],
  helpline: ['type', 'version', 'format', 'presetId', 'heading', 'entries', 'verifiedAt'],
};
const TOP_LEVEL = new Set(['paragraph', 'heading', 'quote', 'list', 'tweet', 'photo', 'helpline']);

/**
 * The allow-list, checked node by node: only known types with only their own keys, no
 * inline styles, no element alignment, every link safe — and restoreBody accepts it.
 */
export function expectCleanBody(children: readonly SerializedBodyNode[]): void {
  for (const top of children) expect(TOP_LEVEL.has(top.type), `top-level ${top.type}`).toBe(true);
  for (const node of allNodes(children)) {
    const allowed = ALLOWED_KEYS[node.type];
    expect(allowed, `node type ${node.type}`).toBeDefined();
    for (const key of Object.keys(node)) expect(allowed, `${node.type}.${key}`).toContain(key);
    if ('style' in node) expect(node.style).toBe('');
    if ('textStyle' in node) expect(node.textStyle).toBe('');
    if (node.type !== 'text' && 'format' in node) expect(node.format).toBe('');
    if (node.type === 'link') {
      expect(isSafeLinkUrl(String(node.url)), String(node.url)).toBe(true);
      expect(String(node.url)).toMatch(/^(https?:|mailto:|tel:)/i);
      expect(String(node.url)).not.toMatch(/["<>`\s]/);
    }
  }
  const restored = restoreBody({ ...emptyBody().root, children });
  expect(typeof restored === 'string' ? restored : 'ok').toBe('ok');
}
