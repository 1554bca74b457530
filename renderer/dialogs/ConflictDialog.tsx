import { Modal } from './Modal';

export type ConflictChoice = 'overwrite' | 'copy' | 'reload' | 'cancel';

/** Save found the file changed on disk since it was opened: a colleague may have saved it. */
export function ConflictDialog(props: { reason: string; onChoose(choice: ConflictChoice): void }) {
  return (
    <Modal title="This story changed on disk" onCancel={() => props.onChoose('cancel')}>
      <p>{props.reason} Someone else may have saved it. What do you want to do?</p>
      <div className="modal-actions">
        <button type="button" onClick={() => props.onChoose('overwrite')}>
          Overwrite theirs
        </button>
        <button type="button" onClick={() => props.onChoose('reload')}>
          Reload theirs
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => props.onChoose('cancel')}>
          Cancel
        </button>
        <button type="button" className="primary" data-autofocus onClick={() => props.onChoose('copy')}>
          Save mine as a copy…
        </button>
      </div>
    </Modal>
  );
}
