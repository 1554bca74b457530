import type { KeyboardEvent } from 'react';

/** Escape in an insert panel's field closes the panel (its Cancel button does the same). */
export function closeOnEscape(event: KeyboardEvent, close: () => void): void {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  close();
}
