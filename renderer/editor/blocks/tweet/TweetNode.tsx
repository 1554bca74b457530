import type { SerializedDecoratorBlockNode } from '@lexical/react/LexicalDecoratorBlockNode';
import type { DOMConversionMap, LexicalNode } from 'lexical';
import type { JSX } from 'react';
import type { TweetState } from '../../../../shared/blocks/tweet';
import { blockImportDOM, NewsroomBlockNode, stateFromJSON } from '../block-node';
import { TweetBlock } from './TweetBlock';

/** An embedded tweet, kept as a snapshot (DESIGN.md section 3). */
export class TweetNode extends NewsroomBlockNode<'tweet'> {
  static getType(): string {
    return 'tweet';
  }

  static clone(node: TweetNode): TweetNode {
    return new TweetNode(node.__block, node.__format, node.__key);
  }

  static importJSON(json: Record<string, unknown>): TweetNode {
    return new TweetNode(stateFromJSON('tweet', json)).updateFromJSON(json as unknown as SerializedDecoratorBlockNode);
  }

  static importDOM(): DOMConversionMap | null {
    return blockImportDOM('tweet', $createTweetNode);
  }

  decorate(): JSX.Element {
    return <TweetBlock nodeKey={this.getKey()} tweet={this.__block} />;
  }
}

export function $createTweetNode(tweet?: TweetState): TweetNode {
  return new TweetNode(tweet);
}

export function $isTweetNode(node: LexicalNode | null | undefined): node is TweetNode {
  return node instanceof TweetNode;
}
