import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, type LexicalEditor } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { parseTweetUrl, type TweetState } from '../../../../shared/blocks/tweet';
import { parseTweetEmbeds } from '../../../../shared/blocks/tweet/html';
import { Actions, FormError } from '../../../dialogs/Actions';
import { INSERT_BLOCKS_COMMAND } from '../commands';
import { closeOnEscape } from '../panel-keys';
import { useNewsroom, type NewsroomServices } from '../context';
import type { InsertProps } from '../registry-types';
import { $isTweetNode } from './TweetNode';

/** A tweet link becomes a tweet block, filled from the network when look-ups are on. False when it is not a tweet link. */
export function insertTweetFromUrl(editor: LexicalEditor, services: NewsroomServices, url: string): boolean {
  const parsed = parseTweetUrl(url);
  if (!parsed.ok) return false;
  const tweet: TweetState = { url: parsed.url, tweetId: parsed.tweetId, handle: parsed.handle, name: '', text: '', date: '', lang: '' };
  editor.dispatchCommand(INSERT_BLOCKS_COMMAND, { type: 'tweet', states: [tweet] });
  if (services.tweetLookup) {
    void services.lookupTweet(parsed.url).then((result) => {
      if (!result.ok) {
        services.notify(`${result.reason} Fill in the tweet by hand.`, 'info');
        return;
      }
      editor.update(() => {
        for (const node of $getRoot().getChildren()) {
          if ($isTweetNode(node) && node.getState().tweetId === parsed.tweetId && !node.getState().text) node.setState(result.tweet);
        }
      });
    });
  }
  return true;
}

/** Insert → Tweet: a link or Twitter's embed code. */
export function TweetInsert({ request, onClose }: InsertProps) {
  const [editor] = useLexicalComposerContext();
  const services = useNewsroom();
  if (request === null) return null;
  return <TweetPanel key={request} onClose={onClose} editor={editor} services={services} />;
}

function TweetPanel(props: { onClose(): void; editor: LexicalEditor; services: NewsroomServices }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const text = value.trim();
    if (/<blockquote/i.test(text)) {
      const tweets = parseTweetEmbeds(text);
      if (tweets.length === 0 || !tweets.some((t) => t.tweetId)) {
        setError('That embed code has no tweet link in it.');
        return;
      }
      props.editor.dispatchCommand(INSERT_BLOCKS_COMMAND, { type: 'tweet', states: tweets });
      props.onClose();
      return;
    }
    const parsed = parseTweetUrl(text);
    if (!parsed.ok) {
      setError(parsed.reason);
      return;
    }
    props.onClose();
    insertTweetFromUrl(props.editor, props.services, text);
  };
  return (
    <div className="insert-panel" role="dialog" aria-label="Insert tweet">
      <form onSubmit={submit}>
        <label htmlFor="tweet-source">Tweet link or embed code</label>
        <textarea
          id="tweet-source"
          ref={field}
          onKeyDown={(e) => closeOnEscape(e, props.onClose)}
          rows={3}
          value={value}
          spellCheck={false}
          placeholder='https://twitter.com/handle/status/1234567890 — or paste the <blockquote class="twitter-tweet"> code'
          aria-invalid={error !== null}
          aria-describedby={error ? 'tweet-source-error' : undefined}
          onChange={(e) => (setValue(e.target.value), setError(null))}
        />
        <FormError error={error} id="tweet-source-error" />
        <Actions kind="panel" onCancel={props.onClose} primary="Insert tweet" />
      </form>
    </div>
  );
}
