import type { SerializedBodyNode } from '../story/schema';

/**
 * The text of a block as the checks see it, and so as finding offsets count it: text runs
 * joined, a line break as "\n", a tab as "\t", each list item on its own line (nested lists
 * after their item). The app maps an offset back to a Lexical text node by the same walk.
 */
export function blockText(node: SerializedBodyNode): string {
  const parts: string[] = [];
  walk(node, parts, 0);
  return parts.join('');
}

const MAX_DEPTH = 64;

function walk(node: SerializedBodyNode, out: string[], depth: number): void {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return;
  switch (node.type) {
    case 'text':
      if (typeof node.text === 'string') out.push(node.text);
      return;
    case 'tab':
      out.push('\t');
      return;
    case 'linebreak':
      out.push('\n');
      return;
    default:
      break;
  }
  const children = Array.isArray(node.children) ? node.children : [];
  const lineItems = node.type === 'list';
  children.forEach((child, i) => {
    if (lineItems && i > 0) out.push('\n');
    walk(child, out, depth + 1);
  });
}

/** The block types whose text is the reporter's copy, checked for leftovers, style and spelling. */
export const TEXT_BLOCK_TYPES: ReadonlySet<string> = new Set(['paragraph', 'heading', 'quote', 'list']);

/** A string field of a block node, or '' when missing or not a string. */
export function field(node: SerializedBodyNode, name: string): string {
  const value = node[name];
  return typeof value === 'string' ? value : '';
}

/** Collapses whitespace and cuts long excerpts for messages. */
export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * Web links, bare domains, email addresses, @handles and #hashtags: not words to spell or
 * restyle. Each kind is looked for only when a cheap test says it may be there: this runs on
 * every block, and most paragraphs hold none of them.
 */
const UNTOUCHABLE: readonly { may: (text: string) => boolean; pattern: RegExp }[] = [
  { may: (t) => t.includes('://') || t.includes('www.'), pattern: /\b(?:https?:\/\/|www\.)[^\s<>"“”]+/gu },
  { may: (t) => t.includes('@'), pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|(?<![\p{L}\p{N}])@[\p{L}\p{N}_]+/gu },
  { may: (t) => t.includes('#'), pattern: /(?<![\p{L}\p{N}])#[\p{L}\p{N}_]+/gu },
  {
    may: (t) => /\.(?:nz|com|org|net|au|uk|io|gov|edu|info)\b/.test(t),
    pattern: /\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:nz|com|org|net|au|uk|io|gov|edu|info)\b(?:\/[^\s<>"“”]*)?/gu,
  },
];

/** Ranges of `text` that checks leave alone, as [start, end) pairs in order. */
export function untouchableRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const { may, pattern } of UNTOUCHABLE) {
    if (!may(text)) continue;
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}
