import type { EditorBlockDefinition } from '../registry-types';
import { insertImages, PhotoInsert } from './insert';
import { $createPhotoNode, PhotoNode } from './PhotoNode';

export const photoEditorBlock: EditorBlockDefinition<'photo'> = {
  type: 'photo',
  node: PhotoNode,
  create: $createPhotoNode,
  insert: {
    button: 'Photo',
    menu: 'Photo',
    title: 'Insert a photo from a file (or drop / paste an image)',
    keywords: ['image', 'picture', 'figure'],
    Panel: PhotoInsert,
  },
  // Images pasted or dropped (a file with no type is offered too: the store sniffs its bytes).
  pasteFiles(files, editor, services) {
    const images = files.filter((f) => f.type.startsWith('image/') || f.type === '');
    if (images.length === 0) return false;
    void insertImages(editor, services, images);
    return true;
  },
};
