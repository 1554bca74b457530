import { Modal } from './Modal';

export type LockChoice = 'read-only' | 'anyway' | 'cancel';

/** The story is open in another window or on another machine: ask before two people edit one file. */
export function LockDialog(props: { holder: string | null; onChoose(choice: LockChoice): void }) {
  return (
    <Modal title="This story is open elsewhere" onCancel={() => props.onChoose('cancel')}>
      <p>{props.holder} Opening it here too means one of you may overwrite the other.</p>
      <div className="modal-actions">
        <button type="button" onClick={() => props.onChoose('anyway')}>
          Open anyway
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => props.onChoose('cancel')}>
          Cancel
        </button>
        <button type="button" className="primary" data-autofocus onClick={() => props.onChoose('read-only')}>
          Open read-only
        </button>
      </div>
    </Modal>
  );
}
