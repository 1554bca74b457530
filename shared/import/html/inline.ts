import type { SerializedBodyNode } from '../../story/schema';
import { linkNode, MAX_CHILDREN, MAX_TEXT, TEXT_FORMAT, textNode } from './nodes';

/** Inline runs: text and line breaks with their format and link, settled as a browser shows them, then written as nodes. */

/** A run of text (or a line break) with its formatting, before whitespace is settled. */
export type Inline =
  | { kind: 'text'; text: string; format: number; link: string | null; whitespace: 'collapse' | 'preserve' | 'pre' }
  | { kind: 'break'; link: string | null };

const COLLAPSIBLE = /[ \t\n\r\f]+/g;
// C0/C1 controls and BOMs (tab, newline and NEL are handled before this runs).

const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufeff]/g;
const LINE_SEPARATORS = /[\u0085\u2028\u2029]/;

/**
 * Settles whitespace the way a browser lays a block out: collapsible runs become one space,
 * spaces at the start, the end and around line breaks go, &nbsp; becomes a plain space.
 */
export function settleInlines(items: readonly Inline[]): Inline[] {
  // 1. Newlines in preformatted text and Unicode line separators become breaks.
  const split: Inline[] = [];
  for (const item of items) {
    if (item.kind === 'break') {
      split.push(item);
      continue;
    }
    let text = item.text.replace(/\r\n?/g, '\n');
    const parts = text.split(item.whitespace === 'pre' ? /[\n\u0085\u2028\u2029]/ : LINE_SEPARATORS);
    parts.forEach((part, i) => {
      if (i > 0) split.push({ kind: 'break', link: item.link });
      text = part.replace(CONTROLS, '');
      if (item.whitespace === 'collapse') text = text.replace(COLLAPSIBLE, ' ');
      else text = text.replace(/[\t\n\r\f]/g, ' ');
      if (text !== '') split.push({ ...item, text });
    });
  }
  // 2. A collapsible space after a space (or at a line start) goes.
  const out: Inline[] = [];
  let atSpace = true;
  for (const item of split) {
    if (item.kind === 'break') {
      trimTrailing(out);
      out.push(item);
      atSpace = true;
      continue;
    }
    let text = item.text;
    if (atSpace) text = item.whitespace === 'collapse' ? text.replace(/^ /, '') : text.replace(/^[ \u00a0]+/, '');
    if (text === '') continue;
    out.push({ ...item, text });
    atSpace = /[ ]$/.test(text);
  }
  trimTrailing(out);
  // 3. Leading spaces of the block and after breaks (including &nbsp;), then &nbsp; → space.
  const result: Inline[] = [];
  let lineStart = true;
  for (const item of out) {
    if (item.kind === 'break') {
      result.push(item);
      lineStart = true;
      continue;
    }
    let text = lineStart ? item.text.replace(/^[ \u00a0]+/, '') : item.text;
    text = text.replace(/\u00a0/g, ' ');
    if (text === '') continue;
    result.push({ ...item, text });
    lineStart = false;
  }
  // 4. No breaks at the start or end of a block.
  while (result[0]?.kind === 'break') result.shift();
  while (result.at(-1)?.kind === 'break') result.pop();
  return result;
}

export function trimTrailing(items: Inline[]): void {
  while (items.length > 0) {
    const last = items.at(-1)!;
    if (last.kind === 'break') return;
    const text = last.text.replace(/[ \u00a0]+$/, '');
    if (text !== '') {
      items[items.length - 1] = { ...last, text };
      return;
    }
    items.pop();
  }
}

export function hasWords(items: readonly Inline[]): boolean {
  return items.some((i) => i.kind === 'text' && i.text.trim() !== '');
}

/** Two or more line breaks in a row end a paragraph (`<br><br>` as a paragraph break). */
export function splitOnBlankLines(items: readonly Inline[]): Inline[][] {
  const parts: Inline[][] = [[]];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'break' && items[i + 1]?.kind === 'break') {
      while (items[i + 1]?.kind === 'break') i++;
      parts.push([]);
      continue;
    }
    parts.at(-1)!.push(item);
  }
  return parts.filter(hasWords);
}

/** Settled inline items → Lexical text / linebreak / link nodes. */
export function inlineNodes(items: readonly Inline[]): SerializedBodyNode[] {
  const nodes: SerializedBodyNode[] = [];
  let i = 0;
  while (i < items.length) {
    const link = items[i]!.link;
    let j = i;
    while (j < items.length && items[j]!.link === link) j++;
    const leaves = leafNodes(items.slice(i, j), link !== null);
    if (link !== null) {
      if (leaves.length > 0) nodes.push(linkNode(link, leaves));
    } else append(nodes, leaves);
    i = j;
  }
  if (nodes.length > MAX_CHILDREN) {
    // A hostile paste with hundreds of thousands of runs: keep every word, drop the marks.
    const text = nodes.map(plainTextOf).join('');
    return chunkText(text).map((t) => textNode(t, 0));
  }
  return nodes;
}

function leafNodes(items: readonly Inline[], inLink: boolean): SerializedBodyNode[] {
  const out: SerializedBodyNode[] = [];
  for (const item of items) {
    if (item.kind === 'break') {
      out.push({ type: 'linebreak', version: 1 });
      continue;
    }
    // Links are underlined by the renderer; an underline mark on link text is the source's styling.
    const format = inLink ? item.format & ~TEXT_FORMAT.underline : item.format;
    const last = out.at(-1);
    if (last && last.type === 'text' && last.format === format && String(last.text).length + item.text.length <= MAX_TEXT) {
      last.text = String(last.text) + item.text;
    } else {
      for (const chunk of chunkText(item.text)) out.push(textNode(chunk, format));
    }
  }
  return out;
}

/** `target.push(...source)` without the argument-count limit (huge pastes have huge runs). */
export function append<T>(target: T[], source: readonly T[]): void {
  for (const item of source) target.push(item);
}

function chunkText(text: string): string[] {
  if (text.length <= MAX_TEXT) return [text];
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += MAX_TEXT) chunks.push(text.slice(i, i + MAX_TEXT));
  return chunks;
}

export function plainTextOf(node: SerializedBodyNode): string {
  if (node.type === 'text') return String(node.text);
  if (node.type === 'linebreak') return '\n';
  return (node.children ?? []).map(plainTextOf).join('');
}

export function inlinePlainText(items: readonly Inline[]): string {
  return settleInlines(items)
    .map((i) => (i.kind === 'text' ? i.text : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
