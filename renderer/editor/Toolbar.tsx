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
import {
  Bold,
  Heading2,
  Heading3,
  Italic,
  Link,
  List,
  ListOrdered,
  Pilcrow,
  Redo2,
  Strikethrough,
  TextQuote,
  Underline,
  Undo2,
  type LucideIcon,
} from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { titleWithShortcut, type KeymapCommand } from '../../shared/keymap';
import { PLATFORM } from '../shell/platform';
import { useRovingFocus } from './useRovingFocus';
import { OPEN_BLOCK_INSERT_COMMAND } from './blocks/commands';
import { EDITOR_BLOCK_LIST } from './blocks/registry';
import { $currentBlockType, $selectionIsLink, OPEN_LINK_EDITOR_COMMAND, setBlockType, type BlockType } from './commands';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  link: boolean;
  block: BlockType;
}

const INITIAL: ToolbarState = { bold: false, italic: false, underline: false, strikethrough: false, link: false, block: 'paragraph' };

/** Icons are SVG (lucide): a glyph or emoji may have no font on the reporter's machine. */
const FORMATS: { format: TextFormatType & KeymapCommand; label: string; Icon: LucideIcon }[] = [
  { format: 'bold', label: 'Bold', Icon: Bold },
  { format: 'italic', label: 'Italic', Icon: Italic },
  { format: 'underline', label: 'Underline', Icon: Underline },
  { format: 'strikethrough', label: 'Strikethrough', Icon: Strikethrough },
];

const BLOCKS: { type: BlockType; command: KeymapCommand; label: string; Icon: LucideIcon }[] = [
  { type: 'paragraph', command: 'paragraph', label: 'Paragraph', Icon: Pilcrow },
  { type: 'h2', command: 'heading-2', label: 'Subheading', Icon: Heading2 },
  { type: 'h3', command: 'heading-3', label: 'Minor subheading', Icon: Heading3 },
  { type: 'bullet', command: 'bullet-list', label: 'Bulleted list', Icon: List },
  { type: 'number', command: 'numbered-list', label: 'Numbered list', Icon: ListOrdered },
  { type: 'quote', command: 'quote', label: 'Block quote', Icon: TextQuote },
];

/** "Bold (Ctrl+B)", from the one keymap. */
const titleOf = (command: KeymapCommand, label: string) => titleWithShortcut(command, PLATFORM, label);
const ICON = { size: 16, strokeWidth: 2, 'aria-hidden': true } as const;

export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(INITIAL);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const toolbarRef = useRef<HTMLDivElement>(null);
  useRovingFocus(toolbarRef);

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
    <div ref={toolbarRef} className="toolbar" role="toolbar" aria-label="Formatting">
      <div className="toolbar-group">
        <button
          type="button"
          className="tb"
          onMouseDown={keepFocus}
          disabled={!canUndo}
          title={titleOf('undo', 'Undo')}
          aria-label="Undo"
          onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
        >
          <Undo2 {...ICON} />
        </button>
        <button
          type="button"
          className="tb"
          onMouseDown={keepFocus}
          disabled={!canRedo}
          title={titleOf('redo', 'Redo')}
          aria-label="Redo"
          onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
        >
          <Redo2 {...ICON} />
        </button>
      </div>
      <div className="toolbar-group">
        {BLOCKS.map((b) => (
          <button
            key={b.type}
            type="button"
            className={`tb tb-block tb-${b.type}`}
            aria-label={b.label}
            title={titleOf(b.command, b.label)}
            aria-pressed={state.block === b.type}
            onMouseDown={keepFocus}
            onClick={() => setBlockType(editor, b.type)}
          >
            <b.Icon {...ICON} />
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
            title={titleOf(f.format, f.label)}
            aria-pressed={state[f.format as keyof ToolbarState] === true}
            onMouseDown={keepFocus}
            onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f.format)}
          >
            <f.Icon {...ICON} />
          </button>
        ))}
        <button
          type="button"
          className="tb tb-link"
          aria-label="Link"
          title={titleOf('link', 'Link')}
          aria-pressed={state.link}
          onMouseDown={keepFocus}
          onClick={() => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)}
        >
          <Link {...ICON} />
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
