import type { SerializedDecoratorBlockNode } from '@lexical/react/LexicalDecoratorBlockNode';
import type { DOMConversionMap, LexicalNode } from 'lexical';
import type { JSX } from 'react';
import type { PhotoState } from '../../../../shared/blocks/photo';
import { blockImportDOM, NewsroomBlockNode, stateFromJSON } from '../block-node';
import { PhotoBlock } from './PhotoBlock';

/** A photo with caption, credit and alt text; the image is a story asset (by hash) or an https URL. */
export class PhotoNode extends NewsroomBlockNode<'photo'> {
  static getType(): string {
    return 'photo';
  }

  static clone(node: PhotoNode): PhotoNode {
    return new PhotoNode(node.__block, node.__format, node.__key);
  }

  static importJSON(json: Record<string, unknown>): PhotoNode {
    return new PhotoNode(stateFromJSON('photo', json)).updateFromJSON(json as unknown as SerializedDecoratorBlockNode);
  }

  static importDOM(): DOMConversionMap | null {
    return blockImportDOM('photo', $createPhotoNode);
  }

  decorate(): JSX.Element {
    return <PhotoBlock nodeKey={this.getKey()} photo={this.__block} />;
  }
}

export function $createPhotoNode(photo?: PhotoState): PhotoNode {
  return new PhotoNode(photo);
}

export function $isPhotoNode(node: LexicalNode | null | undefined): node is PhotoNode {
  return node instanceof PhotoNode;
}
