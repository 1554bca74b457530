import type { Banner } from '../document/session';
import type { BodyCounts } from '../editor/StoryEditor';

/** The message line under the top bar: errors are alerts, the rest a polite status. */
export function BannerLine(props: { banner: Banner | null; onDismiss(): void }) {
  if (!props.banner) return null;
  return (
    <div className={`banner banner-${props.banner.kind}`} role={props.banner.kind === 'error' ? 'alert' : 'status'}>
      <span>{props.banner.text}</span>
      <button type="button" className="small" onClick={props.onDismiss} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}

/** Words, characters and where the story is saved. */
export function StatusBar(props: { counts: BodyCounts; path: string | null }) {
  const { counts } = props;
  return (
    <footer className="status-bar">
      <span data-testid="word-count">
        {counts.words.toLocaleString()} {counts.words === 1 ? 'word' : 'words'}
      </span>
      <span data-testid="char-count">{counts.characters.toLocaleString()} characters</span>
      <span className="status-path" title={props.path ?? undefined}>
        {props.path ?? 'Not saved yet'}
      </span>
    </footer>
  );
}
