import { Modal } from './Modal';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** Save / Don't Save / Cancel, as every desktop editor asks. */
export function UnsavedChangesDialog(props: { storyName: string; onChoose(choice: UnsavedChoice): void }) {
  return (
    <Modal title={`Save changes to “${props.storyName}”?`} onCancel={() => props.onChoose('cancel')}>
      <p>Your changes will be lost if you don’t save them.</p>
      <div className="modal-actions">
        <button type="button" onClick={() => props.onChoose('discard')}>
          Don’t Save
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => props.onChoose('cancel')}>
          Cancel
        </button>
        <button type="button" className="primary" data-autofocus onClick={() => props.onChoose('save')}>
          Save
        </button>
      </div>
    </Modal>
  );
}
