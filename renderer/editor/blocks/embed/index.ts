import { parseEmbedUrl } from '../../../../shared/blocks/embed';
import type { EditorBlockDefinition } from '../registry-types';
import { $createEmbedNode, EmbedNode } from './EmbedNode';
import { EmbedInsert, insertEmbedFromUrl } from './insert';

export const embedEditorBlock: EditorBlockDefinition<'embed'> = {
  type: 'embed',
  node: EmbedNode,
  create: $createEmbedNode,
  insert: {
    button: 'Embed',
    menu: 'Social embed',
    title: 'Insert a post or video: YouTube, Vimeo, Instagram, TikTok, Facebook, Bluesky, Mastodon or Threads (its link or embed code)',
    keywords: ['youtube', 'vimeo', 'instagram', 'tiktok', 'facebook', 'bluesky', 'mastodon', 'threads', 'video', 'post', 'embed', 'social'],
    Panel: EmbedInsert,
  },
  // A post or video link pasted on an empty line (inserted after the paste's update, so the look-up can follow it).
  pasteText(text, editor, services) {
    if (/\s/.test(text) || !parseEmbedUrl(text).ok) return false;
    queueMicrotask(() => insertEmbedFromUrl(editor, services, text));
    return true;
  },
};
