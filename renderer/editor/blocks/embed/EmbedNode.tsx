import { DecoratorBlockNode, type SerializedDecoratorBlockNode } from '@lexical/react/LexicalDecoratorBlockNode';
import type { DOMConversion, DOMConversionMap, DOMExportOutput, ElementFormatType, LexicalNode, NodeKey, Spread } from 'lexical';
import type { JSX } from 'react';
import {
  EMBED_FIELDS,
  cleanEmbed,
  embedText,
  emptyEmbed,
  parseEmbedCode,
  renderEmbed,
  type EmbedState,
} from '../../../../shared/blocks/embed';
import { elementFromMarkup } from '../pullquote/markup-dom';
import { EmbedBlock } from './EmbedBlock';

export type SerializedEmbedNode = Spread<EmbedState, SerializedDecoratorBlockNode>;

/** A social post or video, kept as a snapshot: the service's markup is made on export, never stored. */
export class EmbedNode extends DecoratorBlockNode {
  __embed: EmbedState;

  static getType(): string {
    return 'embed';
  }

  static clone(node: EmbedNode): EmbedNode {
    return new EmbedNode(node.__embed, node.__format, node.__key);
  }

  constructor(embed: EmbedState = emptyEmbed('youtube'), format?: ElementFormatType, key?: NodeKey) {
    super(format, key);
    this.__embed = embed;
  }

  static importJSON(json: Record<string, unknown>): EmbedNode {
    // Restore has checked the story; the same cleaning as the export keeps anything else out.
    const embed = cleanEmbed(json) ?? emptyEmbed('youtube');
    return new EmbedNode(embed).updateFromJSON(json as unknown as SerializedDecoratorBlockNode);
  }

  exportJSON(): SerializedEmbedNode {
    const embed = this.getLatest().__embed;
    const fields = Object.fromEntries(EMBED_FIELDS.map((f) => [f, embed[f]])) as EmbedState;
    return { ...super.exportJSON(), type: 'embed', version: 1, ...fields };
  }

  static importDOM(): DOMConversionMap | null {
    // The services' embed code (and our own export) in pasted or dropped HTML.
    const convert = (el: HTMLElement): DOMConversion | null => {
      const [embed] = parseEmbedCode(el.outerHTML);
      return embed ? { priority: 4, conversion: () => ({ node: $createEmbedNode(embed) }) } : null;
    };
    return { blockquote: convert, div: convert, figure: convert, iframe: convert };
  }

  exportDOM(): DOMExportOutput {
    // Copying out of the editor gives exactly the export's markup (a linked title for videos).
    return { element: elementFromMarkup(renderEmbed(this.getEmbed())) };
  }

  createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.dataset.block = 'embed';
    div.className = 'block-host';
    return div;
  }

  getEmbed(): EmbedState {
    return this.getLatest().__embed;
  }

  setEmbed(patch: Partial<EmbedState>): this {
    const writable = this.getWritable();
    writable.__embed = { ...writable.__embed, ...patch };
    return writable;
  }

  getTextContent(): string {
    return `${embedText(this.getEmbed())}\n\n`;
  }

  decorate(): JSX.Element {
    return <EmbedBlock nodeKey={this.getKey()} embed={this.__embed} />;
  }
}

export function $createEmbedNode(embed: EmbedState): EmbedNode {
  return new EmbedNode(embed);
}

export function $isEmbedNode(node: LexicalNode | null | undefined): node is EmbedNode {
  return node instanceof EmbedNode;
}
