import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useCallback, useEffect, useState } from 'react';
import { OPEN_BLOCK_INSERT_COMMAND } from './blocks/commands';
import { EDITOR_BLOCK_LIST } from './blocks/registry';
import { $currentBlockType, $selectionIsLink, OPEN_LINK_EDITOR_COMMAND, setBlockType, type BlockType } from './commands';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  link: boolean;
  block: BlockType;
}

const INITIAL: ToolbarState = { bold: false, italic: false, underline: false, strikethrough: false, link: false, block: 'paragraph' };

const FORMATS: { format: TextFormatType; label: string; glyph: string; shortcut: string }[] = [
  { format: 'bold', label: 'Bold', glyph: 'B', shortcut: `${mod}B` },
  { format: 'italic', label: 'Italic', glyph: 'I', shortcut: `${mod}I` },
  { format: 'underline', label: 'Underline', glyph: 'U', shortcut: `${mod}U` },
  { format: 'strikethrough', label: 'Strikethrough', glyph: 'S', shortcut: `${mod}Shift+X` },
];

const BLOCKS: { type: BlockType; label: string; glyph: string }[] = [
  { type: 'paragraph', label: 'Paragraph', glyph: '¶' },
  { type: 'h2', label: 'Subheading', glyph: 'H2' },
  { type: 'h3', label: 'Minor subheading', glyph: 'H3' },
  { type: 'bullet', label: 'Bulleted list', glyph: '•≡' },
  { type: 'number', label: 'Numbered list', glyph: '1≡' },
  { type: 'quote', label: 'Block quote', glyph: '❝' },
];

export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(INITIAL);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  const refresh = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const next: ToolbarState = {
      bold: selection.hasFormat('bold'),
      italic: selection.hasFormat('italic'),
      underline: selection.hasFormat('underline'),
      strikethrough: selection.hasFormat('strikethrough'),
      link: $selectionIsLink(),
      block: $currentBlockType(),
    };
    setState((prev) => ((Object.keys(next) as (keyof ToolbarState)[]).every((k) => prev[k] === next[k]) ? prev : next));
  }, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(refresh)),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            refresh();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
      ),
    [editor, refresh],
  );

  // Keep focus in the text when a toolbar button is pressed.
  const keepFocus = (e: React.MouseEvent) => e.preventDefault();

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <div className="toolbar-group">
        <button
          type="button"
          className="tb"
          onMouseDown={keepFocus}
          disabled={!canUndo}
          title={`Undo (${mod}Z)`}
          aria-label="Undo"
          onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
        >
          ↶
        </button>
        <button
          type="button"
          className="tb"
          onMouseDown={keepFocus}
          disabled={!canRedo}
          title={`Redo (${mod}Shift+Z)`}
          aria-label="Redo"
          onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
        >
          ↷
        </button>
      </div>
      <div className="toolbar-group">
        {BLOCKS.map((b) => (
          <button
            key={b.type}
            type="button"
            className={`tb tb-block tb-${b.type}`}
            aria-label={b.label}
            title={b.label}
            aria-pressed={state.block === b.type}
            onMouseDown={keepFocus}
            onClick={() => setBlockType(editor, b.type)}
          >
            {b.glyph}
          </button>
        ))}
      </div>
      <div className="toolbar-group">
        {FORMATS.map((f) => (
          <button
            key={f.format}
            type="button"
            className={`tb tb-${f.format}`}
            aria-label={f.label}
            title={`${f.label} (${f.shortcut})`}
            aria-pressed={state[f.format as keyof ToolbarState] === true}
            onMouseDown={keepFocus}
            onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f.format)}
          >
            {f.glyph}
          </button>
        ))}
        <button
          type="button"
          className="tb tb-link"
          aria-label="Link"
          title={`Link (${mod}K)`}
          aria-pressed={state.link}
          onMouseDown={keepFocus}
          onClick={() => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)}
        >
          🔗
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label="Insert">
        {EDITOR_BLOCK_LIST.map((block) => (
          <button
            key={block.type}
            type="button"
            className="tb tb-insert"
            title={block.insert.title}
            onMouseDown={keepFocus}
            onClick={() => editor.dispatchCommand(OPEN_BLOCK_INSERT_COMMAND, block.type)}
          >
            {block.insert.button}
          </button>
        ))}
      </div>
    </div>
  );
}
