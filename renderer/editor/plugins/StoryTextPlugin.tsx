import { registerDragonSupport } from '@lexical/dragon';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { registerRichText } from '@lexical/rich-text';
import { $getNodeByKey, $getSelection, $isNodeSelection, mergeRegister, type LexicalEditor } from 'lexical';
import {
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type JSX,
  type ReactNode,
} from 'react';
import { createPortal, flushSync } from 'react-dom';

/**
 * Newsroom blocks mounted with the text when many arrive at once (opening a story, a big paste).
 * A block is a React portal, and React registers its ~140 delegated event listeners on every
 * portal's container: on a story with 400 blocks, mounting them all inside the open was a third
 * of it, and their listeners and fibers a third of the JS heap (npm run bench, L). The rest wait,
 * holding their text (so find-in-page and screen readers still reach it), until they come within
 * NEAR_VIEWPORT of the screen, are printed, or are selected. Fewer new blocks than this — a block
 * inserted, an undo — are mounted at once.
 */
export const BLOCK_BATCH = 24;

/** How far outside the viewport a waiting block is mounted: well before it scrolls into sight. */
export const NEAR_VIEWPORT = '1500px 0px';

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
  /** Blocks mounted (by node key); a mounted block stays mounted while its node lives. */
  const [live, setLive] = useState<ReadonlySet<string>>(() => new Set());
  /** The same set, for listeners: written together with every setLive below. */
  const liveRef = useRef(live);
  /** Keys seen in the last decorators, to tell a story's worth of new blocks from a few. */
  const known = useRef(new Set<string>());
  /** Waiting blocks: the host element each is watched on. */
  const waiting = useRef(new Map<string, HTMLElement>());
  const observer = useRef<IntersectionObserver | null>(null);

  const mount = useCallback((keys: Iterable<string>) => {
    const add = [...keys].filter((key) => !liveRef.current.has(key));
    if (add.length === 0) return;
    for (const key of add) {
      const element = waiting.current.get(key);
      if (element) {
        observer.current?.unobserve(element);
        // The portal renders into the host: its stand-in text goes first.
        element.replaceChildren();
        delete element.dataset.waitingKey;
        waiting.current.delete(key);
      }
    }
    const next = new Set(liveRef.current);
    for (const key of add) next.add(key);
    liveRef.current = next;
    // Synchronously, so the host is never painted empty between its stand-in and the block.
    flushSync(() => setLive(next));
  }, []);

  useEffect(() => {
    const io = new IntersectionObserver(
      (entries) => {
        const near = entries.filter((e) => e.isIntersecting).map((e) => (e.target as HTMLElement).dataset.waitingKey ?? '');
        if (near.length > 0) mount(near.filter(Boolean));
      },
      { rootMargin: NEAR_VIEWPORT },
    );
    observer.current = io;
    for (const element of waiting.current.values()) io.observe(element);
    // Printing shows every block.
    const beforePrint = () => mount(waiting.current.keys());
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      io.disconnect();
      observer.current = null;
      window.removeEventListener('beforeprint', beforePrint);
    };
  }, [mount]);

  // A waiting block that is selected (arrow keys, Ctrl+A and Delete) is mounted.
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        if (waiting.current.size === 0) return;
        const selected = editorState.read(() => {
          const selection = $getSelection();
          return $isNodeSelection(selection) ? selection.getNodes().map((n) => n.getKey()) : [];
        });
        const wanted = selected.filter((key) => waiting.current.has(key));
        if (wanted.length > 0) mount(wanted);
      }),
    [editor, mount],
  );

  useLayoutEffect(() => {
    const keys = Object.keys(decorators);
    const fresh = keys.filter((key) => !known.current.has(key) && !liveRef.current.has(key));
    known.current = new Set(keys);
    // Forget blocks that are gone.
    for (const [key, element] of waiting.current) {
      if (!(key in decorators) || editor.getElementByKey(key) !== element) {
        observer.current?.unobserve(element);
        waiting.current.delete(key);
      }
    }
    const mountNow = fresh.length <= BLOCK_BATCH ? fresh : fresh.slice(0, BLOCK_BATCH);
    const wait = new Set(fresh.length <= BLOCK_BATCH ? [] : fresh.slice(BLOCK_BATCH));
    // Blocks not mounted and not waiting yet (new ones, or a waiting one whose host Lexical replaced).
    for (const key of keys) if (!liveRef.current.has(key) && !waiting.current.has(key) && !mountNow.includes(key)) wait.add(key);
    if (wait.size > 0) {
      editor.getEditorState().read(() => {
        for (const key of wait) {
          const element = editor.getElementByKey(key);
          if (element === null) continue;
          const standIn = document.createElement('div');
          standIn.className = 'block-stand-in';
          standIn.textContent = $getNodeByKey(key)?.getTextContent().trim() ?? '';
          element.replaceChildren(standIn);
          element.dataset.waitingKey = key;
          waiting.current.set(key, element);
          observer.current?.observe(element);
        }
      });
    }
    const gone = [...liveRef.current].filter((key) => !(key in decorators));
    if (gone.length > 0 || mountNow.length > 0) {
      const next = new Set([...liveRef.current].filter((key) => key in decorators));
      for (const key of mountNow) next.add(key);
      liveRef.current = next;
      setLive(next);
    }
  }, [decorators, editor, rootElement]);

  return useMemo(() => {
    void rootElement;
    const onError = (e: Error) => editor._onError(e);
    const portals: JSX.Element[] = [];
    for (const key in decorators) {
      if (!live.has(key)) continue;
      const element = editor.getElementByKey(key);
      if (element === null) continue;
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
    return portals;
  }, [decorators, editor, rootElement, live]);
}
