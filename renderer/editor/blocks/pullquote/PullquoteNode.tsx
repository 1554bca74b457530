import type { SerializedDecoratorBlockNode } from '@lexical/react/LexicalDecoratorBlockNode';
import type { DOMConversionMap, LexicalNode } from 'lexical';
import type { JSX } from 'react';
import type { PullquoteState } from '../../../../shared/blocks/pullquote';
import { blockImportDOM, NewsroomBlockNode, stateFromJSON } from '../block-node';
import { PullquoteBlock } from './PullquoteBlock';

/** A pull quote: a line from the story set large, with who said it. */
export class PullquoteNode extends NewsroomBlockNode<'pullquote'> {
  static getType(): string {
    return 'pullquote';
  }

  static clone(node: PullquoteNode): PullquoteNode {
    return new PullquoteNode(node.__block, node.__format, node.__key);
  }

  static importJSON(json: Record<string, unknown>): PullquoteNode {
    return new PullquoteNode(stateFromJSON('pullquote', json)).updateFromJSON(json as unknown as SerializedDecoratorBlockNode);
  }

  static importDOM(): DOMConversionMap | null {
    return blockImportDOM('pullquote', $createPullquoteNode);
  }

  decorate(): JSX.Element {
    return <PullquoteBlock nodeKey={this.getKey()} quote={this.__block} />;
  }
}

export function $createPullquoteNode(quote?: PullquoteState): PullquoteNode {
  return new PullquoteNode(quote);
}

export function $isPullquoteNode(node: LexicalNode | null | undefined): node is PullquoteNode {
  return node instanceof PullquoteNode;
}
