import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getRoot, CLEAR_HISTORY_COMMAND, COMMAND_PRIORITY_NORMAL, FORMAT_TEXT_COMMAND, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical';
import { forwardRef, useEffect, useImperativeHandle, useMemo } from 'react';
import type { AppCommandName } from '../../shared/ipc';
import { BLOCK_NODE_TYPES, isSafeLinkUrl, type StoryBody } from '../../shared/story/schema';
import { countWords } from '../../shared/story/create';
import { OPEN_LINK_EDITOR_COMMAND, setBlockType } from './commands';
import { STORY_NODES } from './nodes';
import { InsertPanels } from './plugins/InsertPanels';
import { LinkEditorPlugin } from './plugins/LinkEditorPlugin';
import { NewsroomBlocksPlugin } from './plugins/NewsroomBlocksPlugin';
import { SlashMenuPlugin } from './plugins/SlashMenuPlugin';
import { editorTheme } from './theme';
import { Toolbar } from './Toolbar';

/** Tag on updates that load a story: they are not edits and do not make the story dirty. */
export const LOAD_TAG = 'copydesk-load';

export interface StoryEditorHandle {
  /** The body as stored in the `.story` file. */
  getBody(): StoryBody;
  /** Replaces the body (open, new) and clears undo history. */
  load(body: StoryBody): void;
  focus(): void;
  runCommand(command: AppCommandName): void;
}

export interface BodyCounts {
  words: number;
  characters: number;
}

interface Props {
  initialBody: StoryBody;
  onEdit(): void;
  onCounts(counts: BodyCounts): void;
  onError(message: string): void;
}

export const StoryEditor = forwardRef<StoryEditorHandle, Props>(function StoryEditor(props, ref) {
  const initialConfig = useMemo(
    () => ({
      namespace: 'copydesk-story',
      theme: editorTheme,
      nodes: STORY_NODES,
      editorState: JSON.stringify(props.initialBody),
      onError: (error: Error) => props.onError(error.message),
    }),
    // The composer reads its config once; later stories arrive through load().
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <Toolbar />
      <div className="editor-frame">
        <RichTextPlugin
          contentEditable={
            <ContentEditable className="editor-body" aria-label="Story text" aria-placeholder="Write your story…" placeholder={<div className="editor-placeholder">Write your story…</div>} />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isSafeLinkUrl} />
      <LinkEditorPlugin />
      <NewsroomBlocksPlugin />
      <InsertPanels />
      <SlashMenuPlugin />
      <EditorBridge ref={ref} onEdit={props.onEdit} onCounts={props.onCounts} />
    </LexicalComposer>
  );
});

const EditorBridge = forwardRef<StoryEditorHandle, Pick<Props, 'onEdit' | 'onCounts'>>(function EditorBridge({ onEdit, onCounts }, ref) {
  const [editor] = useLexicalComposerContext();

  useImperativeHandle(
    ref,
    () => ({
      getBody: () => editor.getEditorState().toJSON() as unknown as StoryBody,
      load(body) {
        editor.setEditorState(editor.parseEditorState(JSON.stringify(body)), { tag: LOAD_TAG });
        editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
      },
      focus: () => editor.focus(),
      runCommand: (command) => runFormatCommand(editor, command),
    }),
    [editor],
  );

  // Shortcuts Lexical does not bind itself (it already handles B/I/U and undo/redo).
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          const command = shortcutCommand(event);
          if (!command) return false;
          event.preventDefault();
          runFormatCommand(editor, command);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Counting walks the whole story: do it when typing pauses, not on every keystroke.
    const count = () => {
      timer = undefined;
      const text = editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .filter((n) => !BLOCK_NODE_TYPES.has(n.getType()))
          .map((n) => n.getTextContent())
          .join('\n'),
      );
      onCounts({ words: countWords(text), characters: text.replace(/\n/g, '').length });
    };
    count();
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (!tags.has(LOAD_TAG)) onEdit();
      if (timer === undefined) timer = setTimeout(count, 250);
    });
    return () => {
      unregister();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [editor, onEdit, onCounts]);

  return null;
});

/** Same keys as the desktop Format menu. */
export function shortcutCommand(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'code'>): AppCommandName | null {
  if (!(event.ctrlKey || event.metaKey)) return null;
  if (event.shiftKey && !event.altKey) {
    if (event.code === 'KeyX') return 'strikethrough';
    if (event.code === 'Digit8') return 'bullet-list';
    if (event.code === 'Digit7') return 'numbered-list';
    if (event.code === 'Digit9') return 'quote';
  }
  if (event.altKey && !event.shiftKey) {
    if (event.code === 'Digit0') return 'paragraph';
    if (event.code === 'Digit2') return 'heading-2';
    if (event.code === 'Digit3') return 'heading-3';
  }
  return null;
}

function runFormatCommand(editor: LexicalEditor, command: AppCommandName) {
  switch (command) {
    case 'bold':
    case 'italic':
    case 'underline':
    case 'strikethrough':
      editor.dispatchCommand(FORMAT_TEXT_COMMAND, command);
      break;
    case 'link':
      editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined);
      break;
    case 'paragraph':
      setBlockType(editor, 'paragraph');
      break;
    case 'heading-2':
      setBlockType(editor, 'h2');
      break;
    case 'heading-3':
      setBlockType(editor, 'h3');
      break;
    case 'bullet-list':
      setBlockType(editor, 'bullet');
      break;
    case 'numbered-list':
      setBlockType(editor, 'number');
      break;
    case 'quote':
      setBlockType(editor, 'quote');
      break;
    default:
      break;
  }
}
