import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, type LexicalEditor } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { embedProvider, parseEmbedCodeOnly, parseEmbedUrl, type EmbedState } from '../../../../shared/blocks/embed';
import { Actions, FormError } from '../../../dialogs/Actions';
import { INSERT_BLOCKS_COMMAND } from '../commands';
import { useNewsroom, type NewsroomServices } from '../context';
import type { InsertProps } from '../registry-types';
import { insertTweetFromUrl } from '../tweet/insert';
import { $isEmbedNode } from './EmbedNode';
import { emptyFieldsOnly, lookupEmbed } from './lookup';

/**
 * Inserts the post or video a link names, then — when look-up is on — fills its snapshot
 * from the service. Returns the reason when the link is not one (tweets answer `tweet`).
 */
export function insertEmbedFromUrl(
  editor: LexicalEditor,
  services: NewsroomServices,
  link: string,
): { ok: true } | { ok: false; reason: string; tweet?: true } {
  const parsed = parseEmbedUrl(link);
  if (!parsed.ok) return parsed;
  const embed: EmbedState = { provider: parsed.provider, url: parsed.url, authorName: '', authorHandle: parsed.handle, text: '', date: '' };
  editor.dispatchCommand(INSERT_BLOCKS_COMMAND, { type: 'embed', states: [embed] });
  if (services.tweetLookup) fillFromLookup(editor, services, parsed.url);
  return { ok: true };
}

/** Looks the post up and fills the empty fields of every block showing it. */
export function fillFromLookup(editor: LexicalEditor, services: NewsroomServices, url: string) {
  const parsed = parseEmbedUrl(url);
  const label = parsed.ok ? embedProvider(parsed.provider).label : 'the';
  void lookupEmbed(url).then((result) => {
    if (!result.ok) {
      services.notify(`${result.reason} Fill in the ${label} post by hand.`, 'info');
      return;
    }
    editor.update(() => {
      for (const node of $getRoot().getChildren()) {
        if (!$isEmbedNode(node) || node.getState().url !== url) continue;
        const patch = emptyFieldsOnly(node.getState(), result.fields);
        if (Object.keys(patch).length > 0) node.setState(patch);
      }
    });
  });
}

/** Insert → Social embed: a post or video link, or the service's embed code. */
export function EmbedInsert({ request, onClose }: InsertProps) {
  const [editor] = useLexicalComposerContext();
  const services = useNewsroom();
  if (request === null) return null;
  return <EmbedPanel key={request} onClose={onClose} editor={editor} services={services} />;
}

function EmbedPanel(props: { onClose(): void; editor: LexicalEditor; services: NewsroomServices }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  // The panel opens to be typed in: the box takes the focus (a move the reporter asked for).
  useEffect(() => field.current?.focus(), []);

  /** Why the source cannot go in, or null once it is in. */
  const insert = (source: string): string | null => {
    const { editor, services } = props;
    if (source === '') return 'Paste a link to a post or video.';
    if (source.startsWith('<')) {
      const embeds = parseEmbedCodeOnly(source);
      if (!embeds) return 'That is not the embed code of a post or video Copydesk knows.';
      const usable = embeds.filter((e) => e.url !== '');
      if (usable.length === 0) return 'That embed code has no post link in it.';
      editor.dispatchCommand(INSERT_BLOCKS_COMMAND, { type: 'embed', states: usable });
      if (services.tweetLookup) for (const embed of usable) if (!embed.text) fillFromLookup(editor, services, embed.url);
      return null;
    }
    const inserted = insertEmbedFromUrl(editor, services, source);
    if (inserted.ok) return null;
    // X and Twitter links stay tweets.
    if (inserted.tweet && insertTweetFromUrl(editor, services, source)) return null;
    return inserted.reason;
  };

  return (
    <div className="insert-panel" role="dialog" aria-label="Insert social embed">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const reason = insert(value.trim());
          if (reason) setError(reason);
          else props.onClose();
        }}
      >
        <label htmlFor="embed-source">Post or video link, or its embed code</label>
        <textarea
          id="embed-source"
          ref={field}
          rows={3}
          value={value}
          spellCheck={false}
          placeholder="YouTube, Vimeo, Instagram, TikTok, Facebook, Bluesky, Mastodon or Threads"
          aria-invalid={error !== null}
          aria-describedby={error ? 'embed-source-error' : undefined}
          onChange={(e) => (setValue(e.target.value), setError(null))}
          onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), props.onClose())}
        />
        <FormError error={error} id="embed-source-error" />
        <Actions kind="panel" onCancel={props.onClose} primary="Insert embed" />
      </form>
    </div>
  );
}
