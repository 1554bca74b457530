import type { Element } from 'domhandler';
import type { SerializedBodyNode } from '../../story/schema';
import type { Converter } from './converter';
import { append, hasWords, settleInlines, type Inline } from './inline';
import { isElement, isHidden, styleOf } from './styles';
import type { BlockSpec, Ctx, Sink } from './walk';

/** A multi-column table row being read: each cell's blocks run together in one line. */
export class CellSink implements Sink {
  cells: Inline[][] = [];
  deferred: SerializedBodyNode[] = [];

  startCell(): void {
    this.cells.push([]);
  }

  text(_spec: BlockSpec, items: Inline[]): void {
    if (this.cells.length === 0) this.startCell();
    const cell = this.cells.at(-1)!;
    if (cell.length > 0) cell.push({ kind: 'text', text: ' ', format: 0, link: null, whitespace: 'collapse' });
    append(cell, items);
  }

  block(node: SerializedBodyNode): void {
    // Photos, tweets, lists found in a cell follow the row.
    this.deferred.push(node);
  }
}

/**
 * The story has no table node, so each row becomes a paragraph with its cells joined by
 * " | " — every cell's text is kept, in reading order. A one-column table (page layout,
 * not data) is read as ordinary blocks.
 */
export function table(c: Converter, el: Element, ctx: Ctx): void {
  c.flush();
  const rows: Element[] = [];
  const captions: Element[] = [];
  const collect = (parent: Element) => {
    for (const child of parent.children) {
      if (!isElement(child) || child.type !== 'tag') continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') collect(child);
      else if (child.name === 'caption') captions.push(child);
    }
  };
  collect(el);
  for (const caption of captions) c.element(caption, ctx);
  const cellCtx: Ctx = { ...ctx, spec: { kind: 'paragraph' } };
  for (const row of rows) {
    if (isHidden(row, styleOf(row, c.classRules))) continue;
    const cells = row.children.filter((c): c is Element => isElement(c) && c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
    if (cells.length === 0) continue;
    if (cells.length === 1) {
      c.walkChildren(cells[0]!.children, { ...ctx, spec: { kind: ctx.spec.kind === 'quote' ? 'quote' : 'paragraph' } });
      c.flush();
      continue;
    }
    const sink = c.withSink(new CellSink(), () => {
      for (const cell of cells) {
        c.flush();
        (c.sink as CellSink).startCell();
        c.walkChildren(cell.children, { ...cellCtx, spec: { kind: 'paragraph' } });
        c.flush();
      }
    });
    const line: Inline[] = [];
    sink.cells.forEach((cell, i) => {
      if (i > 0) line.push({ kind: 'text', text: ' | ', format: 0, link: null, whitespace: 'collapse' });
      // A cell's own line breaks would split the row: they become spaces.
      append(
        line,
        cell.map((item): Inline =>
          item.kind === 'break' ? { kind: 'text', text: ' ', format: 0, link: item.link, whitespace: 'collapse' } : item,
        ),
      );
    });
    if (sink.cells.some((cell) => hasWords(settleInlines(cell)))) c.sink.text({ kind: 'paragraph' }, line);
    for (const node of sink.deferred) c.sink.block(node);
  }
}
