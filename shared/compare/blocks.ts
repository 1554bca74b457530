import type { SerializedBodyNode, Story } from '../story/schema';
import { clip, readFieldBlock, type FieldOptions, type NamedField } from './block-fields';
import { wordBag } from './words';

/**
 * A story's top-level blocks as compare sees them: copy blocks (paragraphs, headings,
 * quotes, lists) by their text, newsroom blocks by their fields. Empty paragraphs are not
 * blocks of copy and are left out; `index` is still the block's place among the body's
 * top-level nodes, so the app can find it.
 */
export interface CompareBlock {
  index: number;
  type: string;
  /** Copy blocks carry words; tweets, photos and the helpline carry fields. */
  copy: boolean;
  /** The copy ('' for a newsroom block). List items are one per line. */
  text: string;
  /** Newsroom blocks: names the block in one line ('' for copy). */
  label: string;
  /** Newsroom blocks: the same tweet / picture / footer. '' for copy. */
  identity: string;
  /** Equal keys: the very same block. */
  key: string;
  fields: NamedField[];
  /** What pairing compares when a block changed (the copy, or a caption, a tweet's text). */
  words: string;
}

export function storyBlocks(story: Pick<Story, 'body' | 'assets'>, options: FieldOptions = {}): CompareBlock[] {
  const children = Array.isArray(story.body?.root?.children) ? story.body.root.children : [];
  const fieldOptions = { ...options, assets: options.assets ?? story.assets };
  const blocks: CompareBlock[] = [];
  children.forEach((node, index) => {
    const block = readBlock(node, index, fieldOptions);
    if (block) blocks.push(block);
  });
  return blocks;
}

function readBlock(node: SerializedBodyNode, index: number, options: FieldOptions): CompareBlock | null {
  if (typeof node !== 'object' || node === null || typeof node.type !== 'string') return null;
  const field = readFieldBlock(node, options);
  if (field) {
    return {
      index,
      type: field.type,
      copy: false,
      text: '',
      label: field.label,
      identity: field.identity,
      key: `${field.type}\u0000${JSON.stringify(field.fields)}`,
      fields: field.fields,
      words: field.words,
    };
  }
  const copy = readCopy(node);
  if (!copy) return null;
  const formatting = describeFormatting(node);
  return {
    index,
    type: copy.type,
    copy: true,
    text: copy.text,
    // Copy is shown by its words; a label would cost a pass over every paragraph of both stories.
    label: '',
    identity: '',
    key: `${copy.style}\u0000${copy.text}\u0000${formatting}`,
    fields: [
      { field: 'style', value: copy.style },
      { field: 'formatting', value: formatting },
    ],
    words: copy.text,
  };
}

/**
 * The copy of a paragraph, heading, quote or list, read as the export reads it (shared/export/
 * body.ts: headings h3–h6 print as h3, line breaks at either end print as nothing, a block of
 * only spaces is no block, list items one per line) but without building its HTML: compare
 * reads every block of both stories, and most are equal.
 */
function readCopy(node: SerializedBodyNode): { type: string; style: string; text: string } | null {
  if (node.type === 'list') {
    const items: string[] = [];
    collectItems(node, items, 0);
    const text = items.join('\n');
    if (text.trim() === '') return null;
    const ordered = node.listType === 'number' || (node.listType !== 'bullet' && node.tag === 'ol');
    return { type: 'list', style: ordered ? 'numbered list' : 'bulleted list', text };
  }
  const text = inlineText(Array.isArray(node.children) ? node.children : [node]).replace(/^\n+|\n+$/g, '');
  if (text.trim() === '') return null;
  if (node.type === 'heading') return { type: 'heading', style: /^h[3-6]$/.test(String(node.tag)) ? 'heading 3' : 'heading 2', text };
  if (node.type === 'quote') return { type: 'quote', style: 'quote', text };
  return { type: 'paragraph', style: 'paragraph', text };
}

function collectItems(list: SerializedBodyNode, items: string[], depth: number) {
  if (depth > 64) return;
  for (const child of list.children ?? []) {
    if (!child || typeof child !== 'object') continue;
    const parts = child.type === 'listitem' ? (child.children ?? []) : [child];
    const line = inlineText(parts.filter((c) => c?.type !== 'list')).replace(/^\n+|\n+$/g, '');
    if (line.trim() !== '') items.push(line);
    for (const nested of parts) if (nested?.type === 'list') collectItems(nested, items, depth + 1);
  }
}

function inlineText(nodes: readonly SerializedBodyNode[], depth = 0): string {
  let text = '';
  for (const node of nodes) {
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'text') text += typeof node.text === 'string' ? node.text : '';
    else if (node.type === 'tab') text += '\t';
    else if (node.type === 'linebreak') text += '\n';
    else if (Array.isArray(node.children) && depth < 64) text += inlineText(node.children, depth + 1);
  }
  return text;
}

/** Words of a block for pairing, computed when a block needs pairing (most blocks are equal). */
export function bagOf(block: CompareBlock): { bag: Map<string, number>; size: number } {
  let cached = bags.get(block);
  if (!cached) {
    const bag = wordBag(block.words);
    let size = 0;
    for (const n of bag.values()) size += n;
    cached = { bag, size };
    bags.set(block, cached);
  }
  return cached;
}
const bags = new WeakMap<CompareBlock, { bag: Map<string, number>; size: number }>();

// ---- formatting, in words -----------------------------------------------------------------

const MARKS: readonly [number, string][] = [
  [1, 'bold'],
  [2, 'italic'],
  [8, 'underline'],
  [4, 'strikethrough'],
  [16, 'code'],
  [32, 'subscript'],
  [64, 'superscript'],
  [128, 'highlight'],
];

/**
 * The marks of a block's copy as a subeditor would list them: `bold “Hillary Clinton”;
 * link (https://…) “essay”`. '' when the copy is plain. Changes of formatting alone show
 * as this field changing.
 */
export function describeFormatting(node: SerializedBodyNode): string {
  const runs: { text: string; marks: string }[] = [];
  const walk = (n: SerializedBodyNode, link: string, depth: number) => {
    if (depth > 64) return;
    if (n.type === 'text' && typeof n.text === 'string') {
      const format = typeof n.format === 'number' ? n.format : 0;
      const names = MARKS.filter(([bit]) => (format & bit) !== 0).map(([, name]) => name);
      if (link) names.push(`link (${link})`);
      const marks = names.join(', ');
      const last = runs.at(-1);
      if (last && last.marks === marks) last.text += n.text;
      else runs.push({ text: n.text, marks });
      return;
    }
    const url = (n.type === 'link' || n.type === 'autolink') && typeof n.url === 'string' ? n.url : link;
    if (n.type === 'linebreak') runs.push({ text: '\n', marks: '' });
    if (Array.isArray(n.children)) for (const child of n.children) if (child && typeof child === 'object') walk(child, url, depth + 1);
  };
  walk(node, '', 0);
  return runs
    .filter((r) => r.marks !== '' && r.text.trim() !== '')
    .map((r) => `${r.marks} “${clip(r.text, 40)}”`)
    .join('; ');
}
