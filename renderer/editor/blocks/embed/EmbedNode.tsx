import type { SerializedDecoratorBlockNode } from '@lexical/react/LexicalDecoratorBlockNode';
import type { DOMConversionMap, LexicalNode } from 'lexical';
import type { JSX } from 'react';
import type { EmbedState } from '../../../../shared/blocks/embed';
import { blockImportDOM, NewsroomBlockNode, stateFromJSON } from '../block-node';
import { EmbedBlock } from './EmbedBlock';

/** A social post or video, kept as a snapshot: the service's markup is made on export, never stored. */
export class EmbedNode extends NewsroomBlockNode<'embed'> {
  static getType(): string {
    return 'embed';
  }

  static clone(node: EmbedNode): EmbedNode {
    return new EmbedNode(node.__block, node.__format, node.__key);
  }

  static importJSON(json: Record<string, unknown>): EmbedNode {
    return new EmbedNode(stateFromJSON('embed', json)).updateFromJSON(json as unknown as SerializedDecoratorBlockNode);
  }

  static importDOM(): DOMConversionMap | null {
    return blockImportDOM('embed', $createEmbedNode);
  }

  decorate(): JSX.Element {
    return <EmbedBlock nodeKey={this.getKey()} embed={this.__block} />;
  }
}

export function $createEmbedNode(embed?: EmbedState): EmbedNode {
  return new EmbedNode(embed);
}

export function $isEmbedNode(node: LexicalNode | null | undefined): node is EmbedNode {
  return node instanceof EmbedNode;
}
