import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  COMMAND_PRIORITY_NORMAL,
  PASTE_COMMAND,
  type LexicalNode,
} from 'lexical';
import { useEffect, useState } from 'react';
import { parseEmbedCodeOnly, parseEmbedUrl } from '../../../../shared/blocks/embed';
import { $ensureParagraphAfter, $insertBlock, insertTweetFromUrl } from '../../plugins/NewsroomBlocksPlugin';
import { useNewsroom } from '../context';
import { INSERT_EMBEDS_COMMAND, OPEN_EMBED_PANEL_COMMAND, fillFromLookup, insertEmbedFromUrl } from './commands';
import { $createEmbedNode } from './EmbedNode';
import { EmbedPanel } from './EmbedPanel';

/**
 * The social embed's part of the editor: its insert command and panel, and paste — a post
 * or video link alone on an empty line, or a service's embed code, becomes the block.
 * X/Twitter links are left to the tweet block.
 */
export function EmbedPlugin() {
  const [editor] = useLexicalComposerContext();
  const services = useNewsroom();
  const [open, setOpen] = useState(false);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_EMBEDS_COMMAND,
          (embeds) => {
            let last: LexicalNode | null = null;
            for (const embed of embeds) {
              const node = $createEmbedNode(embed);
              if (last) last.insertAfter(node);
              else $insertBlock(node);
              last = node;
            }
            if (last) $ensureParagraphAfter(last);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(OPEN_EMBED_PANEL_COMMAND, () => (setOpen(true), true), COMMAND_PRIORITY_NORMAL),
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = (event as ClipboardEvent).clipboardData;
            if (!data || data.files.length > 0 || data.types.includes('application/x-lexical-editor')) return false;
            const plain = data.getData('text/plain').trim();
            // Embed code, as the services' "Embed" boxes copy it (text) or as a page holding only it (HTML).
            const embeds = parseEmbedCodeOnly(plain) ?? parseEmbedCodeOnly(data.getData('text/html'));
            if (embeds) {
              event.preventDefault();
              editor.dispatchCommand(INSERT_EMBEDS_COMMAND, embeds);
              return true;
            }
            // A post link alone on an empty line.
            const selection = $getSelection();
            if (!plain || /\s/.test(plain) || !$isRangeSelection(selection) || !selection.isCollapsed()) return false;
            const top = selection.anchor.getNode().getTopLevelElement();
            if (!$isParagraphNode(top) || top.getTextContentSize() !== 0 || !parseEmbedUrl(plain).ok) return false;
            event.preventDefault();
            // Outside this paste's update, so the look-up can follow it.
            queueMicrotask(() => insertEmbedFromUrl(editor, services, plain));
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, services],
  );

  const close = () => {
    setOpen(false);
    editor.focus();
  };

  const submit = (source: string): string | null => {
    if (source === '') return 'Paste a link to a post or video.';
    if (source.startsWith('<')) {
      const embeds = parseEmbedCodeOnly(source);
      if (!embeds) return 'That code is not the embed code of a post or video Copydesk knows.';
      if (embeds.every((e) => e.url === '')) return 'That embed code has no post link in it.';
      editor.dispatchCommand(INSERT_EMBEDS_COMMAND, embeds);
      if (services.tweetLookup) for (const embed of embeds) if (embed.url && !embed.text) fillFromLookup(editor, services, embed.url);
      return null;
    }
    const inserted = insertEmbedFromUrl(editor, services, source);
    if (inserted.ok) return null;
    if (inserted.tweet) return insertTweetFromUrl(editor, services, source) ? null : inserted.reason;
    return inserted.reason;
  };

  return open ? <EmbedPanel onClose={close} onSubmit={submit} /> : null;
}
