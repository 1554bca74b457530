import { emptyPhoto } from '../blocks/photo';
import { BLOCKS, blockNode, clipToSchema } from '../blocks/registry';
import { isSafeLinkUrl, type SerializedBodyNode } from '../story/schema';
import type { Item } from './copy-lines';

/** What the plain-text importer found, as the story body's Lexical nodes. */

// Limits of the story schema, kept here so an import always restores.
const MAX_TEXT_NODE = 1_000_000;
export const MAX_CHILDREN = 100_000;
const MAX_LINES_PER_PARAGRAPH = 40_000;

function textNode(text: string): SerializedBodyNode {
  return { type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 };
}

function linebreak(): SerializedBodyNode {
  return { type: 'linebreak', version: 1 };
}

function element(type: string, children: SerializedBodyNode[], extra: Record<string, unknown> = {}): SerializedBodyNode {
  return { type, version: 1, direction: null, format: '', indent: 0, children, ...extra };
}

function paragraph(children: SerializedBodyNode[]): SerializedBodyNode {
  return element('paragraph', children, { textFormat: 0, textStyle: '' });
}

const LINK = /\bhttps?:\/\/[^\s<>"'`]+/giu;

/** A line's text with its web links as link nodes. */
function inline(line: string): SerializedBodyNode[] {
  const nodes: SerializedBodyNode[] = [];
  let at = 0;
  const pushText = (text: string) => {
    for (let i = 0; i < text.length; i += MAX_TEXT_NODE) nodes.push(textNode(text.slice(i, i + MAX_TEXT_NODE)));
  };
  for (const match of line.matchAll(LINK)) {
    let url = match[0].replace(/[.,;:!?'"”’]+$/u, '');
    while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) url = url.slice(0, -1);
    if (!isSafeLinkUrl(url)) continue;
    if (match.index! > at) pushText(line.slice(at, match.index!));
    nodes.push(element('link', [textNode(url)], { url, rel: null, target: null, title: null }));
    at = match.index! + url.length;
  }
  if (at < line.length) pushText(line.slice(at));
  return nodes;
}

function lineNodes(lines: string[]): SerializedBodyNode[] {
  const children: SerializedBodyNode[] = [];
  lines.forEach((line, i) => {
    if (i > 0) children.push(linebreak());
    children.push(...inline(line));
  });
  return children;
}

export function toNodes(item: Item): SerializedBodyNode[] {
  switch (item.kind) {
    case 'paragraph': {
      const out: SerializedBodyNode[] = [];
      for (let i = 0; i < item.lines.length; i += MAX_LINES_PER_PARAGRAPH) {
        out.push(paragraph(lineNodes(item.lines.slice(i, i + MAX_LINES_PER_PARAGRAPH).map((l) => l.trim()))));
      }
      return out;
    }
    case 'heading':
      return [element('heading', inline(item.text), { tag: 'h2', textFormat: 0 })];
    case 'list': {
      // An item of more lines than a node may hold children is split, never cut.
      const pieces = item.items.flatMap((lines) => {
        const out: string[][] = [];
        for (let i = 0; i < lines.length; i += MAX_LINES_PER_PARAGRAPH) out.push(lines.slice(i, i + MAX_LINES_PER_PARAGRAPH));
        return out;
      });
      const children = pieces.map((lines, i) => element('listitem', lineNodes(lines), { value: item.start + i }));
      return [
        element('list', children, {
          listType: item.ordered ? 'number' : 'bullet',
          start: item.start,
          tag: item.ordered ? 'ol' : 'ul',
        }),
      ];
    }
    // Newsroom blocks: their fields clipped to the block's own schema, so an import always restores.
    case 'tweet':
      return [blockNode('tweet', clipToSchema(BLOCKS.tweet, item.state))];
    case 'photo':
      return [blockNode('photo', clipToSchema(BLOCKS.photo, { ...emptyPhoto(), caption: item.caption, credit: item.credit }))];
    case 'helpline':
      return [blockNode('helpline', clipToSchema(BLOCKS.helpline, item.state))];
  }
}

/**
 * The schema allows 100,000 blocks in a body. Only a pathological file (hundreds of
 * thousands of one-word paragraphs) gets near that; then runs of paragraphs are joined,
 * separated by blank lines, so the text survives the limit.
 */
export function fitChildren(nodes: SerializedBodyNode[]): SerializedBodyNode[] {
  if (nodes.length <= MAX_CHILDREN) return nodes;
  const out: SerializedBodyNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    const lastChildren = last?.type === 'paragraph' ? last.children! : null;
    const children = node.type === 'paragraph' ? node.children! : null;
    if (lastChildren && children && lastChildren.length + children.length + 2 <= MAX_CHILDREN) {
      lastChildren.push(linebreak(), linebreak(), ...children);
    } else out.push(node);
  }
  return out;
}
