import type { ReactNode } from 'react';

/** A one-line error under a form, read out when it appears. */
export function FormError({ error, id }: { error: string | null; id?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {error}
    </p>
  );
}

/**
 * The row every dialog and insert panel ends with: Cancel, then its one primary action (a
 * submit button unless `onPrimary` is given). Dialogs push the buttons right; panels do not.
 */
export function Actions(props: {
  kind: 'modal' | 'panel';
  onCancel(): void;
  cancelLabel?: string;
  primary?: ReactNode;
  onPrimary?(): void;
  primaryDisabled?: boolean;
  autoFocusPrimary?: boolean;
}) {
  return (
    <div className={props.kind === 'modal' ? 'modal-actions' : 'panel-actions'}>
      {props.kind === 'modal' && <span className="spacer" />}
      <button type="button" onClick={props.onCancel}>
        {props.cancelLabel ?? 'Cancel'}
      </button>
      {props.primary !== undefined && (
        <button
          type={props.onPrimary ? 'button' : 'submit'}
          className="primary"
          disabled={props.primaryDisabled}
          data-autofocus={props.autoFocusPrimary || undefined}
          onClick={props.onPrimary}
        >
          {props.primary}
        </button>
      )}
    </div>
  );
}
