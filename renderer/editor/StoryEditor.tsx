import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import {
  $getRoot,
  $isElementNode,
  CLEAR_HISTORY_COMMAND,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type SerializedEditorState,
} from 'lexical';
import { forwardRef, memo, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef } from 'react';
import type { AppCommandName } from '../../shared/ipc';
import { bindingForKey, windowCommand, type KeyPress } from '../../shared/keymap';
import { PLATFORM } from '../shell/platform';
import { BLOCK_NODE_TYPES, isSafeLinkUrl, type StoryBody } from '../../shared/story/schema';
import { countWords } from '../../shared/story/create';
import { OPEN_LINK_EDITOR_COMMAND, setBlockType } from './commands';
import { STORY_NODES } from './nodes';
import { InsertPanels } from './plugins/InsertPanels';
import { StoryTextPlugin } from './plugins/StoryTextPlugin';
import { LinkEditorPlugin } from './plugins/LinkEditorPlugin';
import { NewsroomBlocksPlugin } from './plugins/NewsroomBlocksPlugin';
import { SlashMenuPlugin } from './plugins/SlashMenuPlugin';
import { SmartPastePlugin } from './plugins/SmartPastePlugin';
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

// memo: the app re-renders for its own state (word counts, save state, metadata typing);
// the editor and its blocks need not, as long as the props stay the same.
export const StoryEditor = memo(
  forwardRef<StoryEditorHandle, Props>(function StoryEditor(props, ref) {
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
          <StoryText />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isSafeLinkUrl} />
        <LinkEditorPlugin />
        <NewsroomBlocksPlugin />
        <SmartPastePlugin />
        <InsertPanels />
        <SlashMenuPlugin />
        <EditorBridge ref={ref} onEdit={props.onEdit} onCounts={props.onCounts} />
      </LexicalComposer>
    );
  }),
);

function StoryText() {
  const [editor] = useLexicalComposerContext();
  return (
    <StoryTextPlugin
      editor={editor}
      contentEditable={
        <ContentEditable
          className="editor-body"
          aria-label="Story text"
          aria-placeholder="Write your story…"
          placeholder={<div className="editor-placeholder">Write your story…</div>}
        />
      }
    />
  );
}

const EditorBridge = forwardRef<StoryEditorHandle, Pick<Props, 'onEdit' | 'onCounts'>>(function EditorBridge({ onEdit, onCounts }, ref) {
  const [editor] = useLexicalComposerContext();

  useImperativeHandle(
    ref,
    () => ({
      getBody: () => editor.getEditorState().toJSON() as unknown as StoryBody,
      load(body) {
        // The restored object as it is: a JSON.stringify + JSON.parse round trip cost ~10% of opening a large story.
        editor.setEditorState(editor.parseEditorState(body as unknown as SerializedEditorState), { tag: LOAD_TAG });
        // Text that had the keyboard keeps it, with the caret at the start of the story's first
        // text block: a caret left where the old story's was lands on the root, and a click on
        // a block's own buttons was then lost to it.
        const root = editor.getRootElement();
        if (root && root.contains(document.activeElement)) {
          editor.update(() => $getRoot().getChildren().find($isElementNode)?.selectStart(), { tag: LOAD_TAG, discrete: true });
        }
        editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
      },
      focus: () => editor.focus(),
      runCommand: (command) => runFormatCommand(editor, command),
    }),
    [editor],
  );

  // Shortcuts Lexical does not bind itself (it already handles B/I/U and undo/redo): the keymap's 'editor' keys.
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

  // The latest callbacks, so a parent passing new functions never re-subscribes or recounts.
  const onEditRef = useRef(onEdit);
  const onCountsRef = useRef(onCounts);
  useLayoutEffect(() => {
    onEditRef.current = onEdit;
    onCountsRef.current = onCounts;
  }, [onEdit, onCounts]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Words and characters per top-level block, kept until an update marks the block dirty:
    // a recount while typing counts the one paragraph that changed, not the whole story.
    const cache = new Map<NodeKey, { node: LexicalNode; words: number; characters: number }>();
    let last = '';
    const count = () => {
      timer = undefined;
      let words = 0;
      let characters = 0;
      editor.getEditorState().read(() => {
        const seen = new Set<NodeKey>();
        for (const node of $getRoot().getChildren()) {
          if (BLOCK_NODE_TYPES.has(node.getType())) continue;
          const key = node.getKey();
          let entry = cache.get(key);
          if (!entry || entry.node !== node) {
            const text = node.getTextContent();
            entry = { node, words: countWords(text), characters: text.replace(/\n/g, '').length };
            cache.set(key, entry);
          }
          seen.add(key);
          words += entry.words;
          characters += entry.characters;
        }
        for (const key of cache.keys()) if (!seen.has(key)) cache.delete(key);
      });
      // Only a change re-renders the app (a caption edit or a format change leaves them as they were).
      if (`${words}/${characters}` === last) return;
      last = `${words}/${characters}`;
      onCountsRef.current({ words, characters });
    };
    count();
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      // A change inside a block marks the block (and the root) dirty.
      for (const key of dirtyElements.keys()) cache.delete(key);
      if (!tags.has(LOAD_TAG)) onEditRef.current();
      // Recount once typing pauses: a recount re-renders the app around the editor, and on a
      // long story that commit (~15 ms) landed on every fourth key while typing went on.
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(count, 300);
    });
    return () => {
      unregister();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [editor]);

  return null;
});

/** The story editor's own keys (the Format menu's), from the one keymap. */
export function shortcutCommand(event: KeyPress): AppCommandName | null {
  const binding = bindingForKey(event, PLATFORM, ['editor']);
  return binding ? windowCommand(binding) : null;
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
