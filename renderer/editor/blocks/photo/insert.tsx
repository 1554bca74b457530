import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect, useRef } from 'react';
import { emptyPhoto } from '../../../../shared/blocks/photo';
import { INSERT_BLOCKS_COMMAND } from '../commands';
import { useNewsroom, type NewsroomServices } from '../context';
import type { InsertProps } from '../registry-types';
import { PHOTO_ACCEPT } from './PhotoBlock';

/** Adds image files to the story's assets and inserts a photo block for each; a refused file says why. */
export async function insertImages(editor: LexicalEditor, services: NewsroomServices, files: readonly File[]): Promise<void> {
  for (const file of files) {
    const added = await services.addImage(file, file.name || 'pasted-image');
    if (!added.ok) {
      services.notify(added.reason);
      continue;
    }
    editor.dispatchCommand(INSERT_BLOCKS_COMMAND, { type: 'photo', states: [{ ...emptyPhoto(), asset: added.hash }] });
  }
}

/** Insert → Photo: the system's file picker (the input stays mounted so a picked file always lands). */
export function PhotoInsert({ request, onClose }: InsertProps) {
  const [editor] = useLexicalComposerContext();
  const services = useNewsroom();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (request === null) return;
    input.current?.click();
    onClose();
  }, [request, onClose]);
  return (
    <input
      ref={input}
      type="file"
      accept={PHOTO_ACCEPT}
      multiple
      hidden
      aria-label="Add photo from file"
      data-testid="photo-file-input"
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        void insertImages(editor, services, files);
      }}
    />
  );
}
