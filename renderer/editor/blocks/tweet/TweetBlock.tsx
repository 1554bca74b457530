import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { memo, useId, useState } from 'react';
import { parseTweetUrl, type TweetState } from '../../../../shared/blocks/tweet';
import { $isTweetNode } from './TweetNode';
import { BlockFrame, EditToggle } from '../BlockFrame';
import { useNewsroom } from '../context';

/** The tweet as readers know it, and the form that fills the snapshot. */
export const TweetBlock = memo(function TweetBlock({ nodeKey, tweet }: { nodeKey: NodeKey; tweet: TweetState }) {
  const [editor] = useLexicalComposerContext();
  const { tweetLookup, lookupTweet } = useNewsroom();
  const incomplete = !tweet.text || !tweet.name || !tweet.handle;
  const [editing, setEditing] = useState(incomplete);
  const [urlDraft, setUrlDraft] = useState(tweet.url);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [lookupState, setLookupState] = useState<string | null>(null);
  const id = useId();

  const update = (patch: Partial<TweetState>) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isTweetNode(node)) node.setState(patch);
    });

  const commitUrl = (value: string) => {
    setUrlDraft(value);
    if (value.trim() === '') {
      setUrlError(null);
      return;
    }
    const parsed = parseTweetUrl(value);
    if (!parsed.ok) {
      setUrlError(parsed.reason);
      return;
    }
    setUrlError(null);
    update({ url: parsed.url, tweetId: parsed.tweetId, handle: parsed.handle || tweet.handle });
  };

  const runLookup = async () => {
    setLookupState('Looking up the tweet…');
    const result = await lookupTweet(tweet.url);
    if (result.ok) {
      update(result.tweet);
      setLookupState(null);
    } else setLookupState(`${result.reason} Fill in the fields by hand.`);
  };

  return (
    <BlockFrame
      nodeKey={nodeKey}
      kind="tweet"
      label="Tweet"
      actions={<EditToggle editing={editing} onToggle={() => setEditing((e) => !e)} />}
    >
      <figure className="tweet-card" aria-label={`Tweet by ${tweet.name || 'unknown'}`}>
        <div className="tweet-author">
          <span className="tweet-name">{tweet.name || 'Display name'}</span>{' '}
          <span className="tweet-handle">@{tweet.handle || 'handle'}</span>
        </div>
        <p className="tweet-text" lang={tweet.lang || undefined}>
          {tweet.text || <span className="placeholder">Tweet text</span>}
        </p>
        <div className="tweet-date">{tweet.date || 'Date'}</div>
      </figure>
      {editing && (
        <div className="block-form">
          <div className="field">
            <label htmlFor={`${id}-url`}>Tweet link</label>
            <div className="field-row">
              <input
                id={`${id}-url`}
                value={urlDraft}
                placeholder="https://twitter.com/handle/status/1234567890"
                aria-invalid={urlError !== null}
                aria-describedby={urlError ? `${id}-url-error` : undefined}
                onChange={(e) => commitUrl(e.target.value)}
              />
              {tweetLookup && tweet.tweetId && (
                <button type="button" className="small" onClick={() => void runLookup()}>
                  Look up
                </button>
              )}
            </div>
            {urlError && (
              <p id={`${id}-url-error`} className="field-error" role="alert">
                {urlError}
              </p>
            )}
            {lookupState && (
              <p className="hint" role="status">
                {lookupState}
              </p>
            )}
          </div>
          <div className="field-grid">
            <div className="field">
              <label htmlFor={`${id}-name`}>Display name</label>
              <input id={`${id}-name`} value={tweet.name} onChange={(e) => update({ name: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-handle`}>Handle</label>
              <input
                id={`${id}-handle`}
                value={tweet.handle}
                spellCheck={false}
                onChange={(e) =>
                  update({
                    handle: e.target.value
                      .replace(/^@/, '')
                      .replace(/[^A-Za-z0-9_]/g, '')
                      .slice(0, 15),
                  })
                }
              />
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-text`}>Tweet text</label>
            <textarea id={`${id}-text`} rows={3} value={tweet.text} onChange={(e) => update({ text: e.target.value })} />
          </div>
          <div className="field-grid">
            <div className="field">
              <label htmlFor={`${id}-date`}>Date</label>
              <input
                id={`${id}-date`}
                value={tweet.date}
                placeholder="October 28, 2020"
                onChange={(e) => update({ date: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-lang`}>Language</label>
              <input
                id={`${id}-lang`}
                value={tweet.lang}
                placeholder="en"
                spellCheck={false}
                onChange={(e) => update({ lang: e.target.value.replace(/[^A-Za-z0-9-]/g, '').slice(0, 20) })}
              />
            </div>
          </div>
        </div>
      )}
    </BlockFrame>
  );
});
