import { registerDragonSupport } from '@lexical/dragon';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { registerRichText } from '@lexical/rich-text';
import { mergeRegister, type LexicalEditor } from 'lexical';
import { Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type JSX, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * How many newsroom blocks appear in one go. A block is a React portal, and React registers
 * its ~140 delegated event listeners on every portal's container: on a story with 400 blocks,
 * mounting them all inside the open was a third of it (npm run bench, L). More than this many
 * new blocks at once (opening a story, a big paste) come in batches, one task each, the first
 * batch with the text and the rest right after, between which keys and frames get through.
 */
export const BLOCK_BATCH = 24;

/**
 * Lexical's RichTextPlugin — the same rich-text commands and Dragon dictation support — with
 * its decorators (tweet, photo and helpline blocks) mounted as above instead of all at once.
 */
export function StoryTextPlugin({ editor, contentEditable }: { editor: LexicalEditor; contentEditable: ReactNode }): JSX.Element {
  useLayoutEffect(() => mergeRegister(registerRichText(editor), registerDragonSupport(editor)), [editor]);
  return (
    <>
      {contentEditable}
      <BlockPortals editor={editor} />
    </>
  );
}

function BlockPortals({ editor }: { editor: LexicalEditor }): JSX.Element[] {
  const [subscribe, getSnapshot] = useMemo(
    () => [(changed: () => void) => editor.registerDecoratorListener(changed), () => editor.getDecorators<JSX.Element>()] as const,
    [editor],
  );
  const decorators = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  const rootElement = useSyncExternalStore(
    (changed) => editor.registerRootListener(changed),
    () => editor.getRootElement(),
    () => editor.getRootElement(),
  );
  /** Blocks mounted so far (by node key). */
  const mounted = useRef(new Set<string>());
  /** Bumped to mount the next batch. */
  const [batch, setBatch] = useState(0);

  const { portals, shown, waiting } = useMemo(() => {
    void rootElement;
    const onError = (e: Error) => editor._onError(e);
    const portals: JSX.Element[] = [];
    const shown: string[] = [];
    let fresh = 0;
    let waiting = false;
    for (const key in decorators) {
      const element = editor.getElementByKey(key);
      if (element === null) continue;
      if (!mounted.current.has(key)) {
        if (fresh === BLOCK_BATCH) {
          waiting = true;
          continue;
        }
        fresh++;
      }
      shown.push(key);
      portals.push(
        createPortal(
          <LexicalErrorBoundary onError={onError}>
            <Suspense fallback={null}>{decorators[key]}</Suspense>
          </LexicalErrorBoundary>,
          element,
          key,
        ),
      );
    }
    return { portals, shown, waiting };
    // `batch` changes nothing itself: bumped, it makes the next batch count as new against `mounted`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [decorators, editor, rootElement, batch]);

  useLayoutEffect(() => {
    // Forget blocks that are gone (their keys never come back) and remember what is now mounted.
    mounted.current = new Set(shown);
  }, [shown]);

  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setBatch((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [waiting, batch, decorators]);

  return portals;
}
