import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createNodeSelection,
  $getNodeByKey,
  $getSelection,
  $isDecoratorNode,
  $isNodeSelection,
  $setSelection,
  type EditorState,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * Which newsroom blocks the selection covers, worked out once per editor update and told
 * only to the blocks whose answer changed.
 *
 * Lexical's `useLexicalNodeSelection` gives every block its own update listener that reads
 * the editor state and asks its node `isSelected()`: on a live blog with 400 tweets and
 * photos that is 400 reads and 400 React state checks on every key typed anywhere. Here one
 * listener asks the selection for its nodes — for a caret in text, that is the text node
 * alone — and the same `isSelected()` decides for the blocks among them, so the answer is
 * exactly Lexical's.
 */
export class BlockSelection {
  private selected = new Set<NodeKey>();
  private computedFor: EditorState | null = null;
  private readonly listeners = new Map<NodeKey, Set<() => void>>();
  private unregister: (() => void) | null = null;

  constructor(private readonly editor: LexicalEditor) {}

  has(key: NodeKey): boolean {
    const state = this.editor.getEditorState();
    if (this.computedFor !== state) this.recompute(state, false);
    return this.selected.has(key);
  }

  subscribe(key: NodeKey, listener: () => void): () => void {
    let forKey = this.listeners.get(key);
    if (!forKey) this.listeners.set(key, (forKey = new Set()));
    forKey.add(listener);
    this.unregister ??= this.editor.registerUpdateListener(({ editorState }) => this.recompute(editorState, true));
    return () => {
      forKey.delete(listener);
      if (forKey.size === 0) this.listeners.delete(key);
      if (this.listeners.size === 0) {
        this.unregister?.();
        this.unregister = null;
      }
    };
  }

  private recompute(state: EditorState, notify: boolean): void {
    if (state === this.computedFor) return;
    const next = state.read(() => {
      const keys = new Set<NodeKey>();
      const selection = $getSelection();
      if (!selection) return keys;
      for (const node of selection.getNodes()) {
        if ($isDecoratorNode(node) && !node.isInline() && node.isSelected(selection)) keys.add(node.getKey());
      }
      return keys;
    });
    const previous = this.selected;
    this.selected = next;
    this.computedFor = state;
    if (!notify) return;
    for (const key of previous) if (!next.has(key)) this.notify(key);
    for (const key of next) if (!previous.has(key)) this.notify(key);
  }

  private notify(key: NodeKey): void {
    for (const listener of this.listeners.get(key) ?? []) listener();
  }
}

const stores = new WeakMap<LexicalEditor, BlockSelection>();

export function storeFor(editor: LexicalEditor): BlockSelection {
  let store = stores.get(editor);
  if (!store) stores.set(editor, (store = new BlockSelection(editor)));
  return store;
}

/** `useLexicalNodeSelection` for block decorators: [selected, setSelected, clearSelection]. */
export function useBlockSelection(key: NodeKey): [boolean, (selected: boolean) => void, () => void] {
  const [editor] = useLexicalComposerContext();
  const store = storeFor(editor);
  const subscribe = useCallback((listener: () => void) => store.subscribe(key, listener), [store, key]);
  const selected = useSyncExternalStore(subscribe, () => store.has(key));

  const setSelected = useCallback(
    (value: boolean) =>
      editor.update(() => {
        let selection = $getSelection();
        if (!$isNodeSelection(selection)) {
          if (!value) {
            const node = $getNodeByKey(key);
            if (node === null || !node.isSelected()) return;
          }
          selection = $createNodeSelection();
          $setSelection(selection);
        }
        if ($isNodeSelection(selection)) {
          if (value) selection.add(key);
          else selection.delete(key);
        }
      }),
    [editor, key],
  );

  const clearSelection = useCallback(
    () =>
      editor.update(() => {
        const selection = $getSelection();
        if ($isNodeSelection(selection)) selection.clear();
      }),
    [editor],
  );

  return [selected, setSelected, clearSelection];
}
