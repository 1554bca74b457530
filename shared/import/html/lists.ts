import type { ChildNode, Element } from 'domhandler';
import type { SerializedBodyNode } from '../../story/schema';
import type { Converter } from './converter';
import { append, hasWords, inlineNodes, settleInlines, type Inline } from './inline';
import { listItemNode, listNode, MAX_LIST_LEVEL } from './nodes';
import { classes, isElement, isHidden, formatOf, styleOf } from './styles';
import type { BlockSpec, Ctx, ListEntry, ListEntryItem, Sink } from './walk';

/** Lists: HTML lists, Word's list paragraphs (mso-list) and Google Docs' side-by-side levels (lst-kix), built into Lexical's nested lists. */

let listKeys = 0;

const DOCS_LIST = /(?:^|\s)lst-kix_([A-Za-z0-9_]+)-(\d)(?:\s|$)/;

/** The level of a Google Docs download's list (`<ul class="lst-kix_abc-1">` → 1), or null. */
export function docsListLevel(node: ChildNode): number | null {
  if (!isElement(node) || (node.name !== 'ul' && node.name !== 'ol')) return null;
  const match = DOCS_LIST.exec(node.attribs.class ?? '');
  return match ? Math.min(Number(match[2]), MAX_LIST_LEVEL) : null;
}

export function docsListId(node: Element): string {
  return `docs-${DOCS_LIST.exec(node.attribs.class ?? '')?.[1] ?? ''}`;
}

const WORD_LIST = /mso-list\s*:\s*(l\d+)\s+level(\d+)(?:\s+(lfo\d+))?/i;

/** A Word list paragraph: `style='…mso-list:l0 level1 lfo1'` (not a numbered heading). */
export function wordListInfo(node: ChildNode): { level: number; key: string } | null {
  if (!isElement(node) || node.name !== 'p') return null;
  const match = WORD_LIST.exec(node.attribs.style ?? '');
  if (!match) return null;
  return { level: Math.max(0, Number(match[2]) - 1), key: `${match[1]}-${match[3] ?? ''}` };
}

/** "1." "a)" "iv." "(3)" → ordered; "·" "o" "§" "-" and other glyphs → bullet. */
export function orderedMarker(marker: string): { ordered: boolean; start: number } {
  const m = /^\(?([0-9]{1,6}|[a-z]{1,3}|[ivxlcdm]{1,8})[.)]$/i.exec(marker.trim());
  if (!m) return { ordered: false, start: 1 };
  const token = m[1]!;
  if (/^\d+$/.test(token)) return { ordered: true, start: Number(token) };
  if (/^[ivxlcdm]+$/i.test(token) && (token.length > 1 || /^i$/i.test(token))) return { ordered: true, start: romanValue(token) };
  // a, b, … z, aa: spreadsheet-style letters.
  let value = 0;
  for (const ch of token.toLowerCase()) value = value * 26 + (ch.charCodeAt(0) - 96);
  return { ordered: true, start: value };
}

function romanValue(token: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  const chars = token.toLowerCase();
  for (let i = 0; i < chars.length; i++) {
    const v = values[chars[i]!]!;
    const next = values[chars[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return Math.max(1, total);
}

const ORDERED_STYLE =
  /^(decimal|decimal-leading-zero|lower-alpha|upper-alpha|lower-latin|upper-latin|lower-roman|upper-roman|lower-greek|armenian|georgian|cjk-|hiragana|katakana|hebrew)/;

export function listStyleOrdered(style: Map<string, string>): boolean | null {
  const type = style.get('list-style-type') ?? style.get('list-style')?.split(/\s+/)[0];
  if (!type) return null;
  if (ORDERED_STYLE.test(type)) return true;
  if (/^(disc|circle|square|disclosure)/.test(type)) return false;
  // 'none': markers drawn some other way (Google Docs' download uses counters) — the tag decides.
  return null;
}

/** Gathers list items with their levels, then builds Lexical's nested lists from them. */
export class ListSink implements Sink {
  entries: ListEntry[] = [];
  private open: { level: number; ordered: boolean; key: string; start?: number; item: ListEntryItem | null }[] = [];

  openItem(level: number, ordered: boolean, key: string, start?: number): void {
    this.open.push({ level: Math.min(Math.max(level, 0), MAX_LIST_LEVEL), ordered, key, start, item: null });
  }

  closeItem(): void {
    this.open.pop();
  }

  /** Level for a list nested in the current item. */
  nestedLevel(): number {
    const top = this.open.at(-1);
    return top ? Math.min(top.level + 1, MAX_LIST_LEVEL) : 0;
  }

  text(_spec: BlockSpec, items: Inline[]): void {
    let top = this.open.at(-1);
    if (!top) {
      // Text straight inside <ul>: an item of its own.
      this.openItem(0, false, 'stray');
      top = this.open.at(-1)!;
      this.open.pop();
    }
    if (!top.item || this.entries.at(-1) !== top.item) {
      top.item = { kind: 'item', level: top.level, ordered: top.ordered, key: top.key, start: top.start, items: [] };
      top.start = undefined;
      this.entries.push(top.item);
    }
    if (top.item.items.length > 0) top.item.items.push({ kind: 'break', link: null });
    append(top.item.items, items);
  }

  block(node: SerializedBodyNode): void {
    this.entries.push({ kind: 'block', node });
  }

  /** The lists (split where a tweet, photo or helpline had to be lifted out) and blocks, in order. */
  build(): SerializedBodyNode[] {
    const out: SerializedBodyNode[] = [];
    let run: ListEntryItem[] = [];
    let continueFrom: { key: string; ordered: boolean; next: number } | null = null;
    const finishRun = () => {
      if (run.length === 0) return;
      const lists = buildLists(run, continueFrom);
      append(out, lists);
      const last = lists.at(-1);
      const lastItem = run.at(-1)!;
      continueFrom = last ? { key: lastItem.key, ordered: last.listType === 'number', next: nextValue(last) } : null;
      run = [];
    };
    for (const entry of this.entries) {
      if (entry.kind === 'block') {
        finishRun();
        out.push(entry.node);
      } else if (hasWords(settleInlines(entry.items))) {
        run.push(entry);
      }
    }
    finishRun();
    return out;
  }
}

function nextValue(list: SerializedBodyNode): number {
  const items = (list.children ?? []).filter((c) => !(c.children?.length === 1 && c.children[0]!.type === 'list'));
  return Number(list.start ?? 1) + items.length;
}

/**
 * Flat items with levels → Lexical lists. Lexical nests a list in a list item of its own
 * (an item whose only child is the list) placed after its parent item; levels that skip
 * (1 → 3) get the items in between, so no level is lost.
 */
function buildLists(
  items: readonly ListEntryItem[],
  continueFrom: { key: string; ordered: boolean; next: number } | null,
): SerializedBodyNode[] {
  const out: SerializedBodyNode[] = [];
  const stack: { node: SerializedBodyNode; key: string; ordered: boolean }[] = [];
  for (const item of items) {
    const level = item.level;
    while (stack.length > level + 1) stack.pop();
    if (stack.length === level + 1) {
      const top = stack[level]!;
      if (top.key !== item.key || top.ordered !== item.ordered) stack.pop();
    }
    while (stack.length <= level) {
      const depth = stack.length;
      let start = depth === level && item.start !== undefined ? item.start : 1;
      // A numbered list split by a lifted-out photo goes on counting.
      if (
        depth === 0 &&
        out.length === 0 &&
        continueFrom &&
        continueFrom.key === item.key &&
        continueFrom.ordered &&
        item.ordered &&
        item.start === undefined
      ) {
        start = continueFrom.next;
      }
      const list = listNode(item.ordered, clampStart(start));
      if (depth === 0) out.push(list);
      else stack[depth - 1]!.node.children!.push(listItemNode([list]));
      stack.push({ node: list, key: item.key, ordered: item.ordered });
    }
    const children = inlineNodes(settleInlines(item.items));
    stack[level]!.node.children!.push(listItemNode(children));
  }
  for (const list of out) numberList(list, 0);
  return out;
}

function clampStart(start: number): number {
  return Number.isInteger(start) && start >= 0 && start <= 1_000_000 ? start : 1;
}

/** Item values and indents as Lexical computes them (a nested list's holder does not count). */
function numberList(list: SerializedBodyNode, depth: number): void {
  let value = Number(list.start ?? 1);
  for (const item of list.children ?? []) {
    item.value = Math.min(value, 1_000_000);
    item.indent = depth;
    const only = item.children?.length === 1 ? item.children[0]! : null;
    if (only?.type === 'list') numberList(only, depth + 1);
    else value++;
  }
}

export function list(c: Converter, el: Element, ctx: Ctx): void {
  const outer = c.sink;
  if (outer instanceof ListSink) {
    c.flush();
    listItems(c, el, ctx, outer, outer.nestedLevel());
    return;
  }
  const sink = c.withSink(new ListSink(), () => listItems(c, el, ctx, c.sink as ListSink, 0));
  for (const node of sink.build()) emitBuilt(c, node);
}

/** Hands a built list or lifted block to the current sink (a table cell gets the words). */
export function emitBuilt(c: Converter, node: SerializedBodyNode): void {
  c.sink.block(node);
}

export function listItems(c: Converter, el: Element, ctx: Ctx, sink: ListSink, level: number, listId?: string): void {
  const style = styleOf(el, c.classRules);
  const ordered = listStyleOrdered(style) ?? el.name === 'ol';
  const key = listId ?? `html-${++listKeys}`;
  const startAttr = Number.parseInt(el.attribs.start ?? '', 10);
  let start: number | undefined = ordered && Number.isInteger(startAttr) ? startAttr : undefined;
  const itemCtx: Ctx = { ...ctx, format: formatOf(el, style, ctx.format) };
  for (const child of el.children) {
    if (child.type === 'text' && child.data.trim() === '') continue;
    if (!isElement(child) || child.type !== 'tag') {
      if (child.type === 'text') {
        c.addText(child.data, { ...itemCtx, spec: { kind: 'paragraph' } });
        c.flush();
      }
      continue;
    }
    if (child.name === 'li') {
      const liStyle = styleOf(child, c.classRules);
      if (isHidden(child, liStyle)) continue;
      const aria = Number.parseInt(child.attribs['aria-level'] ?? '', 10);
      const itemLevel = Number.isInteger(aria) && aria >= 1 ? Math.max(level, aria - 1) : level;
      const itemOrdered = listStyleOrdered(liStyle) ?? ordered;
      const value = Number.parseInt(child.attribs.value ?? '', 10);
      sink.openItem(itemLevel, itemOrdered, key, Number.isInteger(value) && itemOrdered ? value : start);
      start = undefined;
      c.walkChildren(child.children, { ...itemCtx, format: formatOf(child, liStyle, itemCtx.format), spec: { kind: 'paragraph' } });
      c.flush();
      sink.closeItem();
    } else if (child.name === 'ul' || child.name === 'ol') {
      // Google Docs nests a level as a list beside the items, not inside one.
      listItems(c, child, itemCtx, sink, Math.min(level + 1, MAX_LIST_LEVEL));
    } else {
      c.walk(child, { ...itemCtx, spec: { kind: 'paragraph' } });
      c.flush();
    }
  }
}

export function docsLists(c: Converter, lists: readonly Element[], ctx: Ctx): void {
  if (c.sink instanceof ListSink) {
    for (const list of lists) listItems(c, list, ctx, c.sink, docsListLevel(list)!);
    return;
  }
  const sink = c.withSink(new ListSink(), () => {
    for (const list of lists) listItems(c, list, ctx, c.sink as ListSink, docsListLevel(list)!, docsListId(list));
  });
  for (const node of sink.build()) emitBuilt(c, node);
}

export function wordList(c: Converter, paragraphs: readonly Element[], ctx: Ctx): void {
  const sink = c.withSink(new ListSink(), () => {
    const listSink = c.sink as ListSink;
    for (const p of paragraphs) {
      const info = wordListInfo(p)!;
      const marker = c.markers.get(p) ?? '';
      const numbered = orderedMarker(marker);
      const ordered = numbered.ordered || classes(p).some((c) => /^MsoListNumber/i.test(c));
      listSink.openItem(info.level, ordered, info.key, numbered.ordered ? numbered.start : undefined);
      const style = styleOf(p, c.classRules);
      c.walkChildren(p.children, { ...ctx, format: formatOf(p, style, ctx.format), spec: { kind: 'paragraph' } });
      c.flush();
      listSink.closeItem();
    }
  });
  // Every Word item carries its own number; a list opened at a level starts at its first item's.
  for (const node of sink.build()) emitBuilt(c, node);
}
