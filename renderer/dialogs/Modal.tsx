import { useLayoutEffect, useRef, type ReactNode } from 'react';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** What Tab may reach inside the dialog, in order. */
function focusables(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden], [inert]'));
}

/**
 * Everything on the page but the dialog becomes inert while it is open: no Tab, click, Enter
 * or typing reaches the toolbar or the story behind. Returns the undo.
 */
function makeRestInert(dialog: HTMLElement): () => void {
  const changed: HTMLElement[] = [];
  for (let node: HTMLElement | null = dialog; node && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement?.children ?? []) {
      if (sibling === node || !(sibling instanceof HTMLElement) || sibling.inert) continue;
      sibling.inert = true;
      changed.push(sibling);
    }
  }
  return () => changed.forEach((el) => (el.inert = false));
}

/**
 * A modal dialog: focus moves in (to the element marked `data-autofocus`, the safe choice,
 * else the first field or button), Tab stays inside, Escape is Cancel, the page behind is
 * inert, and focus goes back where it was when the dialog closes.
 */
export function Modal(props: { title: string; onCancel(): void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const onCancel = useRef(props.onCancel);
  useLayoutEffect(() => {
    onCancel.current = props.onCancel;
  });

  useLayoutEffect(() => {
    const dialog = ref.current!;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const restore = makeRestInert(dialog);
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(dialog)[0] ?? dialog;
    first.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onCancel.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusables(dialog);
      if (items.length === 0) return event.preventDefault();
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = event.shiftKey
        ? at <= 0
          ? items.at(-1)!
          : items[at - 1]!
        : at === -1 || at === items.length - 1
          ? items[0]!
          : items[at + 1]!;
      event.preventDefault();
      next.focus();
    };
    dialog.addEventListener('keydown', onKeyDown);
    return () => {
      dialog.removeEventListener('keydown', onKeyDown);
      restore();
      // Back where the user was, unless something else has taken focus meanwhile.
      if (previous?.isConnected && (document.activeElement === document.body || dialog.contains(document.activeElement))) previous.focus();
    };
  }, []);

  return (
    <div className="modal-backdrop">
      {/* A click outside the dialog is Cancel, as Escape is (the backdrop is not a control of its own). */}
      <div className="modal-dismiss" aria-hidden="true" onClick={() => props.onCancel()} />
      <div
        ref={ref}
        className={`modal ${props.className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="modal-title"
        tabIndex={-1}
      >
        <h2 id="modal-title">{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}
