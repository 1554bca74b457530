import { renderBodyBlocks } from '../export/body';
import type { SerializedBodyNode, Story, StoryBody } from '../story/schema';
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
  // The export's own walk reads the copy, so compare sees exactly the words that go out.
  const body: StoryBody = { root: { type: 'root', version: 1, children: [node] } };
  const rendered = renderBodyBlocks(body, undefined, { assets: 'dir' })[0];
  if (!rendered || !('text' in rendered)) return null;
  const style =
    rendered.type === 'heading'
      ? `heading ${rendered.level}`
      : rendered.type === 'list'
        ? rendered.ordered
          ? 'numbered list'
          : 'bulleted list'
        : rendered.type;
  const formatting = describeFormatting(node);
  return {
    index,
    type: rendered.type,
    copy: true,
    text: rendered.text,
    label: clip(rendered.text),
    identity: '',
    key: `${style}\u0000${rendered.text}\u0000${formatting}`,
    fields: [
      { field: 'style', value: style },
      { field: 'formatting', value: formatting },
    ],
    words: rendered.text,
  };
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
 * link “essay” (https://…)`. '' when the copy is plain. Changes of formatting alone show
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
