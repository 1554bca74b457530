import { useEffect, useRef, useState } from 'react';
import { Actions, FormError } from '../../../dialogs/Actions';

/**
 * Insert → Social embed: a post or video link, or the service's embed code. `onSubmit` says
 * why it cannot be embedded, or null when it went in.
 */
export function EmbedPanel(props: { onClose(): void; onSubmit(source: string): string | null }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const source = useRef<HTMLTextAreaElement>(null);
  // The panel opens to be typed in: the box takes the focus (a focus move the user asked for).
  useEffect(() => source.current?.focus(), []);
  return (
    <div className="insert-panel" role="dialog" aria-label="Insert social embed">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const reason = props.onSubmit(value.trim());
          if (reason) setError(reason);
          else props.onClose();
        }}
      >
        <label htmlFor="embed-source">Post or video link, or its embed code</label>
        <textarea
          id="embed-source"
          ref={source}
          onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), props.onClose())}
          rows={3}
          value={value}
          spellCheck={false}
          placeholder="YouTube, Vimeo, Instagram, TikTok, Facebook, Bluesky, Mastodon or Threads"
          aria-invalid={error !== null}
          aria-describedby={error ? 'embed-source-error' : undefined}
          onChange={(e) => (setValue(e.target.value), setError(null))}
        />
        <FormError error={error} id="embed-source-error" />
        <Actions kind="panel" onCancel={props.onClose} primary="Insert embed" />
      </form>
    </div>
  );
}
