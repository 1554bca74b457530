import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  PASTE_COMMAND,
  createCommand,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { useEffect } from 'react';
import type { HelplineState } from '../../../shared/blocks/helpline';
import { parseTweetEmbeds } from '../../../shared/blocks/parse-html';
import type { PhotoState } from '../../../shared/blocks/photo';
import { parseTweetUrl, type TweetState } from '../../../shared/blocks/tweet';
import { $moveBlock } from '../blocks/block-actions';
import { useNewsroom, type NewsroomServices } from '../blocks/context';
import { $createHelplineNode, $isHelplineNode, HelplineNode } from '../nodes/HelplineNode';
import { $createPhotoNode } from '../nodes/PhotoNode';
import { $createTweetNode, $isTweetNode } from '../nodes/TweetNode';

export const INSERT_TWEETS_COMMAND = createCommand<TweetState[]>('INSERT_TWEETS_COMMAND');
export const INSERT_PHOTO_COMMAND = createCommand<PhotoState>('INSERT_PHOTO_COMMAND');
export const INSERT_HELPLINE_COMMAND = createCommand<HelplineState>('INSERT_HELPLINE_COMMAND');
export const OPEN_TWEET_PANEL_COMMAND = createCommand<void>('OPEN_TWEET_PANEL_COMMAND');
export const OPEN_HELPLINE_PANEL_COMMAND = createCommand<void>('OPEN_HELPLINE_PANEL_COMMAND');
export const OPEN_PHOTO_PICKER_COMMAND = createCommand<void>('OPEN_PHOTO_PICKER_COMMAND');

const BLOCK_TYPES = new Set(['tweet', 'photo', 'helpline']);

/** Puts a block at the caret: in place of an empty line, else after the caret's block. */
export function $insertBlock(node: LexicalNode) {
  const selection = $getSelection();
  // On an empty line, the block takes the line's place.
  if ($isRangeSelection(selection) && selection.isCollapsed()) {
    const top = selection.anchor.getNode().getTopLevelElement();
    if ($isParagraphNode(top) && top.getTextContentSize() === 0 && top.getChildrenSize() === 0) {
      top.replace(node);
      $ensureParagraphAfter(node);
      return;
    }
  }
  if (!selection) $getRoot().selectEnd();
  $insertNodeToNearestRoot(node);
}

/** A block needs a line after it to keep typing on (except the footer, which is last). */
export function $ensureParagraphAfter(node: LexicalNode) {
  const next = node.getNextSibling();
  if (next === null || BLOCK_TYPES.has(next.getType())) {
    const paragraph = $createParagraphNode();
    node.insertAfter(paragraph);
    paragraph.select();
  } else if (next) next.selectStart();
}

/** Inserts or replaces the story's single helpline footer, always as the last block. */
export function $putHelplineLast(state: HelplineState) {
  const root = $getRoot();
  for (const child of root.getChildren()) if ($isHelplineNode(child)) child.remove();
  const last = root.getLastChild();
  if (last && $isParagraphNode(last) && last.getTextContentSize() === 0 && root.getChildrenSize() > 1) last.remove();
  root.append($createHelplineNode(state));
}

export function storyHasHelpline(editor: LexicalEditor): boolean {
  return editor.getEditorState().read(() => $getRoot().getChildren().some($isHelplineNode));
}

async function insertImages(editor: LexicalEditor, services: NewsroomServices, files: File[]) {
  for (const file of files) {
    const added = await services.addImage(file, file.name || 'pasted-image');
    if (!added.ok) {
      services.notify(added.reason);
      continue;
    }
    editor.dispatchCommand(INSERT_PHOTO_COMMAND, { asset: added.hash, src: '', alt: '', caption: '', credit: '' });
  }
}

export function insertTweetFromUrl(editor: LexicalEditor, services: NewsroomServices, url: string): boolean {
  const parsed = parseTweetUrl(url);
  if (!parsed.ok) return false;
  const tweet: TweetState = { url: parsed.url, tweetId: parsed.tweetId, handle: parsed.handle, name: '', text: '', date: '', lang: '' };
  editor.dispatchCommand(INSERT_TWEETS_COMMAND, [tweet]);
  if (services.tweetLookup) {
    void services.lookupTweet(parsed.url).then((result) => {
      if (!result.ok) {
        services.notify(`${result.reason} Fill in the tweet by hand.`, 'info');
        return;
      }
      editor.update(() => {
        for (const node of $getRoot().getChildren()) {
          if ($isTweetNode(node) && node.getTweet().tweetId === parsed.tweetId && !node.getTweet().text) node.setTweet(result.tweet);
        }
      });
    });
  }
  return true;
}

/** Insert commands, paste and drop of tweets and images, block keyboard moves, footer-last rule. */
export function NewsroomBlocksPlugin() {
  const [editor] = useLexicalComposerContext();
  const services = useNewsroom();

  useEffect(() => {
    if (!editor.hasNodes([HelplineNode])) throw new Error('HelplineNode not registered');
    const selectedBlock = () => {
      const selection = $getSelection();
      if (!$isNodeSelection(selection)) return null;
      const nodes = selection.getNodes();
      return nodes.length === 1 && BLOCK_TYPES.has(nodes[0]!.getType()) ? nodes[0]! : null;
    };
    const deleteSelectedBlocks = (event: KeyboardEvent | null) => {
      const selection = $getSelection();
      if (!$isNodeSelection(selection)) return false;
      const nodes = selection.getNodes().filter((n) => BLOCK_TYPES.has(n.getType()));
      if (nodes.length === 0) return false;
      event?.preventDefault();
      const after = nodes[nodes.length - 1]!.getNextSibling() ?? nodes[0]!.getPreviousSibling();
      for (const node of nodes) node.remove();
      if (after) after.selectStart();
      else $setSelection(null);
      return true;
    };
    const move = (direction: -1 | 1) => (event: KeyboardEvent) => {
      if (!event.altKey) return false;
      const block = selectedBlock();
      if (!block) return false;
      event.preventDefault();
      $moveBlock(block.getKey(), direction);
      return true;
    };

    /** The footers in the story (by node key): normally none or one. */
    const footers = new Set<NodeKey>();
    return mergeRegister(
      editor.registerCommand(
        INSERT_TWEETS_COMMAND,
        (tweets) => {
          let last: LexicalNode | null = null;
          for (const tweet of tweets) {
            const node = $createTweetNode(tweet);
            if (last) last.insertAfter(node);
            else $insertBlock(node);
            last = node;
          }
          if (last) $ensureParagraphAfter(last);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        INSERT_PHOTO_COMMAND,
        (photo) => {
          $insertBlock($createPhotoNode(photo));
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        INSERT_HELPLINE_COMMAND,
        (state) => {
          $putHelplineLast(state);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(KEY_DELETE_COMMAND, deleteSelectedBlocks, COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_BACKSPACE_COMMAND, deleteSelectedBlocks, COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_ARROW_UP_COMMAND, move(-1), COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_ARROW_DOWN_COMMAND, move(1), COMMAND_PRIORITY_LOW),
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = (event as ClipboardEvent).clipboardData;
          if (!data) return false;
          const images = [...data.files].filter((f) => f.type.startsWith('image/') || f.type === '');
          if (images.length > 0) {
            event.preventDefault();
            void insertImages(editor, services, images);
            return true;
          }
          const html = data.getData('text/html');
          const plain = data.getData('text/plain');
          // Twitter's embed code, pasted as markup or as the text of the code
          for (const source of [plain.trim(), html]) {
            if (
              /^<blockquote[^>]*class=["'][^"']*twitter-tweet/i.test(source.trim()) ||
              (source === html &&
                /class=["']twitter-tweet/.test(html) &&
                !/<(p|h\d|li)[\s>]/i.test(html.replace(/<blockquote[\s\S]*?<\/blockquote>/gi, '')))
            ) {
              const tweets = parseTweetEmbeds(source);
              if (tweets.length > 0) {
                event.preventDefault();
                editor.dispatchCommand(INSERT_TWEETS_COMMAND, tweets);
                return true;
              }
            }
          }
          // A bare tweet link on an empty line becomes a tweet block
          const selection = $getSelection();
          const single = plain.trim();
          if (single && !/\s/.test(single) && $isRangeSelection(selection) && selection.isCollapsed()) {
            const top = selection.anchor.getNode().getTopLevelElement();
            const onEmptyLine = $isParagraphNode(top) && top.getTextContentSize() === 0;
            if (onEmptyLine && parseTweetUrl(single).ok) {
              event.preventDefault();
              // Insert outside this paste's update so the look-up can follow it.
              queueMicrotask(() => insertTweetFromUrl(editor, services, single));
              return true;
            }
          }
          return false;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if ([...(event.dataTransfer?.types ?? [])].includes('Files')) {
            event.preventDefault();
            return true;
          }
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const files = [...(event.dataTransfer?.files ?? [])];
          if (files.length === 0) return false;
          event.preventDefault();
          // Put the caret where the photo was dropped.
          const range = document.caretRangeFromPoint?.(event.clientX, event.clientY);
          if (range) {
            const domSelection = window.getSelection();
            domSelection?.removeAllRanges();
            domSelection?.addRange(range);
          }
          void insertImages(editor, services, files);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      // The helpline footer is the story's last block: whatever is typed after it goes above it.
      // Footers are tracked as they come and go, so a key typed costs a look at the last block
      // (listing the root's 2,400 children on every key of the L story cost ~0.6 ms a key).
      editor.registerMutationListener(
        HelplineNode,
        (mutations) => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') footers.delete(key);
            else footers.add(key);
          }
        },
        { skipInitialization: false },
      ),
      editor.registerUpdateListener(({ editorState, dirtyElements }) => {
        if (dirtyElements.size === 0 || footers.size === 0) return;
        const misplaced = editorState.read(() => {
          const last = $getRoot().getLastChild();
          for (const key of footers) if (key !== last?.getKey() && $getNodeByKey(key)?.isAttached()) return key;
          return null;
        });
        if (misplaced)
          editor.update(
            () => {
              const node = $getNodeByKey(misplaced);
              if (node) $getRoot().append(node);
            },
            { tag: 'history-merge' },
          );
      }),
    );
  }, [editor, services]);

  return null;
}
