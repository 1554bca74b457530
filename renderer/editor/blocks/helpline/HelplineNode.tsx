import type { SerializedDecoratorBlockNode } from '@lexical/react/LexicalDecoratorBlockNode';
import type { DOMConversionMap, LexicalNode } from 'lexical';
import type { JSX } from 'react';
import type { HelplineState } from '../../../../shared/blocks/helpline';
import { blockImportDOM, NewsroomBlockNode, stateFromJSON } from '../block-node';
import { HelplineBlock } from './HelplineBlock';

/** The "Where to get help:" footer: a snapshot of a helpline preset, one per story, kept last. */
export class HelplineNode extends NewsroomBlockNode<'helpline'> {
  static getType(): string {
    return 'helpline';
  }

  static clone(node: HelplineNode): HelplineNode {
    return new HelplineNode(node.__block, node.__format, node.__key);
  }

  static importJSON(json: Record<string, unknown>): HelplineNode {
    return new HelplineNode(stateFromJSON('helpline', json)).updateFromJSON(json as unknown as SerializedDecoratorBlockNode);
  }

  static importDOM(): DOMConversionMap | null {
    return blockImportDOM('helpline', $createHelplineNode);
  }

  decorate(): JSX.Element {
    return <HelplineBlock nodeKey={this.getKey()} helpline={this.__block} />;
  }
}

export function $createHelplineNode(helpline?: HelplineState): HelplineNode {
  return new HelplineNode(helpline);
}

export function $isHelplineNode(node: LexicalNode | null | undefined): node is HelplineNode {
  return node instanceof HelplineNode;
}
