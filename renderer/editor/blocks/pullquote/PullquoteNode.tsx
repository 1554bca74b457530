import { DecoratorBlockNode, type SerializedDecoratorBlockNode } from '@lexical/react/LexicalDecoratorBlockNode';
import type { DOMConversionMap, DOMExportOutput, ElementFormatType, LexicalNode, NodeKey, Spread } from 'lexical';
import type { JSX } from 'react';
import {
  PULLQUOTE_FIELDS,
  cleanPullquote,
  emptyPullquote,
  parsePullquotes,
  pullquoteText,
  renderPullquote,
  type PullquoteState,
} from '../../../../shared/blocks/pullquote';
import { elementFromMarkup } from './markup-dom';
import { PullquoteBlock } from './PullquoteBlock';

export type SerializedPullquoteNode = Spread<PullquoteState, SerializedDecoratorBlockNode>;

/** A pull quote: a line from the story set large, with who said it. */
export class PullquoteNode extends DecoratorBlockNode {
  __quote: PullquoteState;

  static getType(): string {
    return 'pullquote';
  }

  static clone(node: PullquoteNode): PullquoteNode {
    return new PullquoteNode(node.__quote, node.__format, node.__key);
  }

  constructor(quote: PullquoteState = emptyPullquote(), format?: ElementFormatType, key?: NodeKey) {
    super(format, key);
    this.__quote = quote;
  }

  static importJSON(json: Record<string, unknown>): PullquoteNode {
    return new PullquoteNode(cleanPullquote(json)).updateFromJSON(json as unknown as SerializedDecoratorBlockNode);
  }

  exportJSON(): SerializedPullquoteNode {
    const quote = this.getLatest().__quote;
    const fields = Object.fromEntries(PULLQUOTE_FIELDS.map((f) => [f, quote[f]])) as PullquoteState;
    return { ...super.exportJSON(), type: 'pullquote', version: 1, ...fields };
  }

  static importDOM(): DOMConversionMap | null {
    return {
      figure: (el: HTMLElement) =>
        el.classList.contains('pullquote')
          ? {
              priority: 4,
              conversion: (dom: HTMLElement) => ({ node: $createPullquoteNode(parsePullquotes(dom.outerHTML)[0] ?? emptyPullquote()) }),
            }
          : null,
    };
  }

  exportDOM(): DOMExportOutput {
    // Copying out of the editor gives exactly the export's markup.
    return { element: elementFromMarkup(renderPullquote(this.getQuote())) };
  }

  createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.dataset.block = 'pullquote';
    div.className = 'block-host';
    return div;
  }

  getQuote(): PullquoteState {
    return this.getLatest().__quote;
  }

  setQuote(patch: Partial<PullquoteState>): this {
    const writable = this.getWritable();
    writable.__quote = { ...writable.__quote, ...patch };
    return writable;
  }

  getTextContent(): string {
    return `${pullquoteText(this.getQuote())}\n\n`;
  }

  decorate(): JSX.Element {
    return <PullquoteBlock nodeKey={this.getKey()} quote={this.__quote} />;
  }
}

export function $createPullquoteNode(quote: PullquoteState = emptyPullquote()): PullquoteNode {
  return new PullquoteNode(quote);
}

export function $isPullquoteNode(node: LexicalNode | null | undefined): node is PullquoteNode {
  return node instanceof PullquoteNode;
}
