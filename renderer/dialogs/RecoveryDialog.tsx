import { Modal } from './Modal';
import { Actions } from './Actions';

export interface RecoverableStory {
  storyId: string;
  path: string | null;
  name: string;
  journalledAt: string;
}

/** After a crash: each story with unsaved work, when it was last journalled, restore or discard. */
export function RecoveryDialog(props: {
  stories: RecoverableStory[];
  onRestore(story: RecoverableStory): void;
  onDiscard(story: RecoverableStory): void;
  onLater(): void;
}) {
  return (
    <Modal title="Recover unsaved work" onCancel={props.onLater}>
      <p>Copydesk closed before these stories were saved. Your words are still here.</p>
      <ul className="recovery-list" aria-label="Recoverable stories">
        {props.stories.map((story) => (
          <li key={story.storyId}>
            <div>
              <strong>{story.name}</strong>
              <div className="hint">
                unsaved changes from {new Date(story.journalledAt).toLocaleString()}
                {story.path ? ` · ${story.path}` : ' · never saved'}
              </div>
            </div>
            <button type="button" className="primary" onClick={() => props.onRestore(story)}>
              Restore
            </button>
            <button type="button" onClick={() => props.onDiscard(story)}>
              Discard
            </button>
          </li>
        ))}
      </ul>
      <Actions kind="modal" onCancel={props.onLater} cancelLabel="Decide later" />
    </Modal>
  );
}
