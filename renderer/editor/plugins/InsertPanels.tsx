import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL } from 'lexical';
import { useCallback, useEffect, useState } from 'react';
import type { BlockType } from '../../../shared/blocks/registry';
import { OPEN_BLOCK_INSERT_COMMAND } from '../blocks/commands';
import { EDITOR_BLOCK_LIST } from '../blocks/registry';

/**
 * Mounts each registered block's insert UI (a panel, or the photo file picker) and opens the
 * one asked for by the toolbar or the `/` menu. One is open at a time; each ask is a new
 * request, so asking again reopens a closed picker.
 */
export function InsertPanels() {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState<{ type: BlockType; request: number } | null>(null);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_BLOCK_INSERT_COMMAND,
        (type) => {
          setOpen((previous) => ({ type, request: (previous?.request ?? 0) + 1 }));
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );

  const close = useCallback(() => {
    setOpen(null);
    editor.focus();
  }, [editor]);

  return (
    <>
      {EDITOR_BLOCK_LIST.map(({ type, insert: { Panel } }) => (
        <Panel key={type} request={open?.type === type ? open.request : null} onClose={close} />
      ))}
    </>
  );
}
