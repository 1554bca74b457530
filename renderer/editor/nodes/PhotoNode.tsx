import { DecoratorBlockNode, type SerializedDecoratorBlockNode } from '@lexical/react/LexicalDecoratorBlockNode';
import type { DOMConversionMap, ElementFormatType, LexicalNode, NodeKey, Spread } from 'lexical';
import type { JSX } from 'react';
import { parsePhotoFigure } from '../../../shared/blocks/parse-html';
import { emptyPhoto, type PhotoState } from '../../../shared/blocks/photo';
import { PhotoBlock } from '../blocks/PhotoBlock';

export type SerializedPhotoNode = Spread<PhotoState, SerializedDecoratorBlockNode>;
const PHOTO_FIELDS = ['asset', 'src', 'alt', 'caption', 'credit'] as const;

/** A photo with caption, credit and alt text; the image is a story asset (by hash) or an https URL. */
export class PhotoNode extends DecoratorBlockNode {
  __photo: PhotoState;

  static getType(): string {
    return 'photo';
  }

  static clone(node: PhotoNode): PhotoNode {
    return new PhotoNode(node.__photo, node.__format, node.__key);
  }

  constructor(photo: PhotoState = emptyPhoto(), format?: ElementFormatType, key?: NodeKey) {
    super(format, key);
    this.__photo = photo;
  }

  static importJSON(json: Record<string, unknown>): PhotoNode {
    const photo = emptyPhoto();
    for (const field of PHOTO_FIELDS) photo[field] = typeof json[field] === 'string' ? json[field] : '';
    return new PhotoNode(photo).updateFromJSON(json as unknown as SerializedDecoratorBlockNode);
  }

  exportJSON(): SerializedPhotoNode {
    return { ...super.exportJSON(), type: 'photo', version: 1, ...this.getLatest().__photo };
  }

  static importDOM(): DOMConversionMap | null {
    return {
      figure: () => ({
        priority: 3,
        conversion: (dom: HTMLElement) => {
          const photo = parsePhotoFigure(dom.outerHTML);
          return { node: photo ? $createPhotoNode(photo) : null };
        },
      }),
    };
  }

  createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.dataset.block = 'photo';
    div.className = 'block-host';
    return div;
  }

  getPhoto(): PhotoState {
    return this.getLatest().__photo;
  }

  setPhoto(patch: Partial<PhotoState>): this {
    const writable = this.getWritable();
    writable.__photo = { ...writable.__photo, ...patch };
    return writable;
  }

  getTextContent(): string {
    const p = this.getPhoto();
    return p.caption ? `${p.caption}\n\n` : '';
  }

  decorate(): JSX.Element {
    return <PhotoBlock nodeKey={this.getKey()} photo={this.__photo} />;
  }
}

export function $createPhotoNode(photo: PhotoState = emptyPhoto()): PhotoNode {
  return new PhotoNode(photo);
}

export function $isPhotoNode(node: LexicalNode | null | undefined): node is PhotoNode {
  return node instanceof PhotoNode;
}
