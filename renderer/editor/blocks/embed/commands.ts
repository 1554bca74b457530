import { $getRoot, createCommand, type LexicalEditor } from 'lexical';
import { embedProvider, parseEmbedUrl, type EmbedState } from '../../../../shared/blocks/embed';
import type { NewsroomServices } from '../context';
import { $isEmbedNode } from './EmbedNode';
import { emptyFieldsOnly, lookupEmbed } from './lookup';

export const INSERT_EMBEDS_COMMAND = createCommand<EmbedState[]>('INSERT_EMBEDS_COMMAND');
export const OPEN_EMBED_PANEL_COMMAND = createCommand<void>('OPEN_EMBED_PANEL_COMMAND');

/**
 * Inserts the post or video a link names, then — when look-up is on — fills its snapshot
 * from the service. Returns the reason when the link is not one (tweets answer `tweet`).
 */
export function insertEmbedFromUrl(
  editor: LexicalEditor,
  services: Pick<NewsroomServices, 'tweetLookup' | 'notify'>,
  link: string,
): { ok: true } | { ok: false; reason: string; tweet?: true } {
  const parsed = parseEmbedUrl(link);
  if (!parsed.ok) return parsed;
  const embed: EmbedState = { provider: parsed.provider, url: parsed.url, authorName: '', authorHandle: parsed.handle, text: '', date: '' };
  editor.dispatchCommand(INSERT_EMBEDS_COMMAND, [embed]);
  if (services.tweetLookup) fillFromLookup(editor, services, parsed.url);
  return { ok: true };
}

/** Looks the post up and fills the empty fields of every block showing it. */
export function fillFromLookup(editor: LexicalEditor, services: Pick<NewsroomServices, 'notify'>, url: string) {
  const parsed = parseEmbedUrl(url);
  const label = parsed.ok ? embedProvider(parsed.provider).label : 'The service';
  void lookupEmbed(url).then((result) => {
    if (!result.ok) {
      services.notify(`${result.reason} Fill in the ${label} post by hand.`, 'info');
      return;
    }
    editor.update(() => {
      for (const node of $getRoot().getChildren()) {
        if ($isEmbedNode(node) && node.getEmbed().url === url) {
          const patch = emptyFieldsOnly(node.getEmbed(), result.fields);
          if (Object.keys(patch).length > 0) node.setEmbed(patch);
        }
      }
    });
  });
}
