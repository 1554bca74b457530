import { parseTweetUrl } from '../../../../shared/blocks/tweet';
import type { EditorBlockDefinition } from '../registry-types';
import { insertTweetFromUrl, TweetInsert } from './insert';
import { $createTweetNode, TweetNode } from './TweetNode';

export const tweetEditorBlock: EditorBlockDefinition<'tweet'> = {
  type: 'tweet',
  node: TweetNode,
  create: $createTweetNode,
  insert: {
    button: 'Tweet',
    menu: 'Tweet',
    title: 'Insert a tweet (paste its link or embed code)',
    keywords: ['twitter', 'x', 'embed'],
    Panel: TweetInsert,
  },
  // A bare tweet link pasted on an empty line (inserted after the paste's update, so the look-up can follow it).
  pasteText(text, editor, services) {
    if (/\s/.test(text) || !parseTweetUrl(text).ok) return false;
    queueMicrotask(() => insertTweetFromUrl(editor, services, text));
    return true;
  },
};
