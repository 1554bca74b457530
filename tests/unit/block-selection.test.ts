import {
  $createNodeSelection,
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $setSelection,
  createEditor,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { storeFor } from '../../renderer/editor/blocks/selection';
import { STORY_NODES } from '../../renderer/editor/nodes';
import { $createPhotoNode } from '../../renderer/editor/blocks/photo/PhotoNode';
import { $createTweetNode } from '../../renderer/editor/blocks/tweet/TweetNode';

// Headless Lexical: update listeners run on every commit, as in the app.
function setup(): { editor: LexicalEditor; blocks: NodeKey[]; texts: NodeKey[] } {
  const editor = createEditor({
    namespace: 'block-selection-test',
    nodes: STORY_NODES,
    onError: (e) => {
      throw e;
    },
  });
  const blocks: NodeKey[] = [];
  const texts: NodeKey[] = [];
  editor.update(
    () => {
      const root = $getRoot();
      for (let i = 0; i < 3; i++) {
        const text = $createTextNode(`Paragraph ${i}.`);
        texts.push(text.getKey());
        root.append($createParagraphNode().append(text));
        const block = i === 1 ? $createPhotoNode() : $createTweetNode();
        blocks.push(block.getKey());
        root.append(block);
      }
    },
    { discrete: true },
  );
  return { editor, blocks, texts };
}

/** What Lexical's own `isSelected()` says of each block now. */
const lexicalSays = (editor: LexicalEditor, keys: NodeKey[]) =>
  editor.getEditorState().read(() => keys.map((k) => $getNodeByKey(k)!.isSelected()));

describe('block selection store', () => {
  it('tells only the blocks whose selection changed, and agrees with isSelected()', () => {
    const { editor, blocks, texts } = setup();
    const store = storeFor(editor);
    const calls: NodeKey[] = [];
    const unsubscribe = blocks.map((key) => store.subscribe(key, () => calls.push(key)));

    // A caret typing in text: nobody is told anything.
    for (let i = 0; i < 5; i++) {
      editor.update(
        () => {
          const text = $getNodeByKey(texts[0]!)!;
          const selection = $createRangeSelection();
          selection.anchor.set(text.getKey(), 0, 'text');
          selection.focus.set(text.getKey(), 0, 'text');
          $setSelection(selection);
          selection.insertText('x');
        },
        { discrete: true },
      );
    }
    expect(calls).toEqual([]);
    expect(blocks.map((k) => store.has(k))).toEqual([false, false, false]);

    // Clicking the photo: only the photo hears of it.
    editor.update(
      () => {
        const selection = $createNodeSelection();
        selection.add(blocks[1]!);
        $setSelection(selection);
      },
      { discrete: true },
    );
    expect(calls).toEqual([blocks[1]]);
    expect(blocks.map((k) => store.has(k))).toEqual(lexicalSays(editor, blocks));
    expect(store.has(blocks[1]!)).toBe(true);

    // A range from the first paragraph into the last covers every block in between.
    calls.length = 0;
    editor.update(
      () => {
        const selection = $createRangeSelection();
        selection.anchor.set(texts[0]!, 2, 'text');
        selection.focus.set(texts[2]!, 3, 'text');
        $setSelection(selection);
      },
      { discrete: true },
    );
    expect(blocks.map((k) => store.has(k))).toEqual(lexicalSays(editor, blocks));
    expect(blocks.map((k) => store.has(k))).toEqual([true, true, false]);
    expect(calls.sort()).toEqual([blocks[0]].sort());

    // Selection gone: the covered blocks are told.
    calls.length = 0;
    editor.update(() => $setSelection(null), { discrete: true });
    expect(calls.sort()).toEqual([blocks[0], blocks[1]].sort());
    expect(blocks.map((k) => store.has(k))).toEqual([false, false, false]);

    for (const stop of unsubscribe) stop();
  });

  it('answers before anyone subscribes, and stops listening when the last block leaves', () => {
    const { editor, blocks } = setup();
    editor.update(
      () => {
        const selection = $createNodeSelection();
        selection.add(blocks[2]!);
        $setSelection(selection);
      },
      { discrete: true },
    );
    const store = storeFor(editor);
    expect(store.has(blocks[2]!)).toBe(true);
    expect(store.has(blocks[0]!)).toBe(false);
    const calls: NodeKey[] = [];
    const stop = store.subscribe(blocks[0]!, () => calls.push(blocks[0]!));
    stop();
    editor.update(
      () => {
        const selection = $createNodeSelection();
        selection.add(blocks[0]!);
        $setSelection(selection);
      },
      { discrete: true },
    );
    expect(calls).toEqual([]);
    expect(store.has(blocks[0]!)).toBe(true); // still right when asked
  });
});
