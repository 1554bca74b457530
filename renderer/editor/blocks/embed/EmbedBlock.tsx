import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { memo, useId, useState } from 'react';
import { EMBED_LIMITS, embedProvider, parseEmbedUrl, type EmbedState } from '../../../../shared/blocks/embed';
import { BlockFrame, EditToggle } from '../BlockFrame';
import { useNewsroom } from '../context';
import { $isEmbedNode } from './EmbedNode';
import { emptyFieldsOnly, lookupEmbed } from './lookup';
import './embed.css';

/** The post or video as readers know it, and the form that fills the snapshot. */
export const EmbedBlock = memo(function EmbedBlock({ nodeKey, embed }: { nodeKey: NodeKey; embed: EmbedState }) {
  const [editor] = useLexicalComposerContext();
  const { tweetLookup } = useNewsroom();
  const spec = embedProvider(embed.provider);
  const video = embed.provider === 'youtube' || embed.provider === 'vimeo';
  const [editing, setEditing] = useState(!embed.text && !embed.authorName);
  const [urlDraft, setUrlDraft] = useState(embed.url);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [lookupState, setLookupState] = useState<string | null>(null);
  const id = useId();

  const update = (patch: Partial<EmbedState>) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isEmbedNode(node)) node.setState(patch);
    });

  const commitUrl = (value: string) => {
    setUrlDraft(value);
    if (value.trim() === '') return setUrlError(null);
    const parsed = parseEmbedUrl(value);
    if (!parsed.ok) return setUrlError(parsed.tweet ? 'That is a tweet: insert it as a tweet (Insert → Tweet).' : parsed.reason);
    setUrlError(null);
    update({ provider: parsed.provider, url: parsed.url, authorHandle: parsed.handle || embed.authorHandle });
  };

  const runLookup = async () => {
    setLookupState(`Looking up the ${spec.label} ${spec.noun}…`);
    const result = await lookupEmbed(embed.url);
    if (result.ok) {
      const patch = emptyFieldsOnly(embed, result.fields);
      if (Object.keys(patch).length > 0) update(patch);
      setLookupState(Object.keys(patch).length > 0 ? null : 'Nothing new was found; the fields you wrote are kept.');
    } else setLookupState(`${result.reason} Fill in the fields by hand.`);
  };

  const credit =
    embed.authorName && embed.authorHandle
      ? `${embed.authorName} (@${embed.authorHandle})`
      : embed.authorName || (embed.authorHandle ? `@${embed.authorHandle}` : '');

  return (
    <BlockFrame
      nodeKey={nodeKey}
      kind="embed"
      label={`${spec.label} ${spec.noun}`}
      actions={<EditToggle editing={editing} onToggle={() => setEditing((e) => !e)} />}
    >
      <figure className={`embed-card embed-${embed.provider}`} aria-label={`${spec.label} ${spec.noun}${credit ? ` by ${credit}` : ''}`}>
        <div className="embed-service">
          <span className="embed-badge">{spec.label}</span>
          {credit ? <span className="embed-author">{credit}</span> : <span className="placeholder">Who posted it</span>}
        </div>
        <p className={video ? 'embed-title' : 'embed-text'}>
          {embed.text || <span className="placeholder">{video ? 'Video title' : 'Post text'}</span>}
        </p>
        <div className="embed-meta">
          {embed.date || <span className="placeholder">Date</span>}
          {embed.url && (
            <>
              {' · '}
              <span className="embed-url">{embed.url}</span>
            </>
          )}
        </div>
      </figure>
      {editing && (
        <div className="block-form">
          <div className="field">
            <label htmlFor={`${id}-url`}>{spec.label} link</label>
            <div className="field-row">
              <input
                id={`${id}-url`}
                value={urlDraft}
                spellCheck={false}
                maxLength={EMBED_LIMITS.url}
                aria-invalid={urlError !== null}
                aria-describedby={urlError ? `${id}-url-error` : undefined}
                onChange={(e) => commitUrl(e.target.value)}
              />
              {tweetLookup && embed.url && (
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
              <label htmlFor={`${id}-name`}>{video ? 'Channel or maker' : 'Display name'}</label>
              <input
                id={`${id}-name`}
                value={embed.authorName}
                maxLength={EMBED_LIMITS.authorName}
                onChange={(e) => update({ authorName: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-handle`}>Handle</label>
              <input
                id={`${id}-handle`}
                value={embed.authorHandle}
                spellCheck={false}
                maxLength={EMBED_LIMITS.authorHandle}
                onChange={(e) => update({ authorHandle: e.target.value.replace(/^@/, '').replace(/\s/g, '') })}
              />
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-text`}>{video ? 'Title' : 'Post text'}</label>
            <textarea
              id={`${id}-text`}
              rows={video ? 1 : 3}
              value={embed.text}
              maxLength={EMBED_LIMITS.text}
              onChange={(e) => update({ text: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>Date</label>
            <input
              id={`${id}-date`}
              value={embed.date}
              maxLength={EMBED_LIMITS.date}
              placeholder="January 28, 2023"
              onChange={(e) => update({ date: e.target.value })}
            />
          </div>
        </div>
      )}
    </BlockFrame>
  );
});
