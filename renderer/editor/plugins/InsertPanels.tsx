import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_NORMAL } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { BUILT_IN_PRESETS, entryLine, presetToState, type HelplinePreset } from '../../../shared/blocks/helpline';
import { parseTweetEmbeds } from '../../../shared/blocks/parse-html';
import { parseTweetUrl } from '../../../shared/blocks/tweet';
import { useNewsroom } from '../blocks/context';
import { PHOTO_ACCEPT } from '../blocks/PhotoBlock';
import { Actions, FormError } from '../../dialogs/Actions';
import {
  INSERT_HELPLINE_COMMAND,
  INSERT_PHOTO_COMMAND,
  INSERT_TWEETS_COMMAND,
  OPEN_HELPLINE_PANEL_COMMAND,
  OPEN_PHOTO_PICKER_COMMAND,
  OPEN_TWEET_PANEL_COMMAND,
  insertTweetFromUrl,
  storyHasHelpline,
} from './NewsroomBlocksPlugin';

type Panel = 'tweet' | 'helpline' | null;

/** The small panels behind Insert → Tweet / Helpline footer, and the photo file picker. */
export function InsertPanels() {
  const [editor] = useLexicalComposerContext();
  const services = useNewsroom();
  const [panel, setPanel] = useState<Panel>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(OPEN_TWEET_PANEL_COMMAND, () => (setPanel('tweet'), true), COMMAND_PRIORITY_NORMAL),
        editor.registerCommand(OPEN_HELPLINE_PANEL_COMMAND, () => (setPanel('helpline'), true), COMMAND_PRIORITY_NORMAL),
        editor.registerCommand(OPEN_PHOTO_PICKER_COMMAND, () => (fileInput.current?.click(), true), COMMAND_PRIORITY_NORMAL),
      ),
    [editor],
  );

  const close = () => {
    setPanel(null);
    editor.focus();
  };

  const addPhotos = async (files: FileList | null) => {
    for (const file of [...(files ?? [])]) {
      const added = await services.addImage(file, file.name);
      if (added.ok) editor.dispatchCommand(INSERT_PHOTO_COMMAND, { asset: added.hash, src: '', alt: '', caption: '', credit: '' });
      else services.notify(added.reason);
    }
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <>
      <input
        ref={fileInput}
        type="file"
        accept={PHOTO_ACCEPT}
        multiple
        hidden
        aria-label="Add photo from file"
        data-testid="photo-file-input"
        onChange={(e) => void addPhotos(e.target.files)}
      />
      {panel === 'tweet' && <TweetPanel onClose={close} onInsertUrl={(url) => insertTweetFromUrl(editor, services, url)} />}
      {panel === 'helpline' && (
        <HelplinePanel
          presets={[...BUILT_IN_PRESETS, ...services.userPresets]}
          replacing={storyHasHelpline(editor)}
          onClose={close}
          onInsert={(preset) => {
            editor.update(() => {}, { discrete: true });
            editor.dispatchCommand(INSERT_HELPLINE_COMMAND, presetToState(preset));
            close();
          }}
        />
      )}
    </>
  );
}

function TweetPanel(props: { onClose(): void; onInsertUrl(url: string): boolean }) {
  const [editor] = useLexicalComposerContext();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const text = value.trim();
    if (/<blockquote/i.test(text)) {
      const tweets = parseTweetEmbeds(text);
      if (tweets.length === 0 || !tweets.some((t) => t.tweetId)) {
        setError('That embed code has no tweet link in it.');
        return;
      }
      editor.dispatchCommand(INSERT_TWEETS_COMMAND, tweets);
      props.onClose();
      return;
    }
    const parsed = parseTweetUrl(text);
    if (!parsed.ok) {
      setError(parsed.reason);
      return;
    }
    props.onClose();
    props.onInsertUrl(text);
  };
  return (
    <div className="insert-panel" role="dialog" aria-label="Insert tweet">
      <form onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), props.onClose())}>
        <label htmlFor="tweet-source">Tweet link or embed code</label>
        <textarea
          id="tweet-source"
          autoFocus
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

/**
 * Choose a helpline list and see it before it goes in. A story keeps one footer: when it has
 * one already, the panel says so up front and its button replaces it (one undo brings the old
 * footer back), rather than asking afterwards in a browser dialog.
 */
function HelplinePanel(props: { presets: HelplinePreset[]; replacing: boolean; onClose(): void; onInsert(preset: HelplinePreset): void }) {
  const [chosen, setChosen] = useState(props.presets[0]!.id);
  const preset = props.presets.find((p) => p.id === chosen) ?? props.presets[0]!;
  return (
    <div className="insert-panel" role="dialog" aria-label="Insert helpline footer">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onInsert(preset);
        }}
        onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), props.onClose())}
      >
        <label htmlFor="helpline-preset">Helpline list</label>
        <select id="helpline-preset" value={chosen} onChange={(e) => setChosen(e.target.value)} autoFocus>
          {props.presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
              {p.builtIn ? '' : ' (yours)'}
            </option>
          ))}
        </select>
        <div className="helpline-preview" aria-label="Preview">
          <strong>{preset.heading}</strong>
          <ul>
            {preset.entries.map((e, i) => (
              <li key={i}>{entryLine(e)}</li>
            ))}
          </ul>
          <p className="hint">Numbers checked {preset.verifiedAt}</p>
        </div>
        {props.replacing && (
          <p className="hint" role="note">
            This story already has a helpline footer; this one will replace it.
          </p>
        )}
        <Actions kind="panel" onCancel={props.onClose} primary={props.replacing ? 'Replace footer' : 'Insert footer'} />
      </form>
    </div>
  );
}
