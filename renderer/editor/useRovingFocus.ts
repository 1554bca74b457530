import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** The buttons arrow keys move between: enabled, in document order. */
function itemsOf(container: HTMLElement): HTMLButtonElement[] {
  return [...container.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.disabled);
}

/**
 * The WAI-ARIA toolbar pattern: the toolbar is one Tab stop (the button used last, else the
 * first), and Left/Right, Home/End move between its buttons. Tab indexes are set on the DOM
 * after each render, so buttons that come and go (or are disabled) need no bookkeeping.
 */
export function useRovingFocus(ref: RefObject<HTMLElement | null>): void {
  const current = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const container = ref.current;
    if (!container) return;
    const items = itemsOf(container);
    const stop = items.find((b) => b === current.current) ?? items[0];
    for (const button of container.querySelectorAll<HTMLButtonElement>('button')) button.tabIndex = button === stop ? 0 : -1;
  });

  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const focusOn = (button: HTMLButtonElement | undefined) => {
      if (!button) return;
      for (const other of container.querySelectorAll<HTMLButtonElement>('button')) other.tabIndex = other === button ? 0 : -1;
      current.current = button;
      button.focus();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const items = itemsOf(container);
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      if (at === -1) return;
      const next =
        event.key === 'ArrowRight'
          ? items[(at + 1) % items.length]
          : event.key === 'ArrowLeft'
            ? items[(at - 1 + items.length) % items.length]
            : event.key === 'Home'
              ? items[0]
              : event.key === 'End'
                ? items.at(-1)
                : null;
      if (!next) return;
      event.preventDefault();
      focusOn(next);
    };
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof HTMLButtonElement && container.contains(event.target)) {
        current.current = event.target;
        for (const other of container.querySelectorAll<HTMLButtonElement>('button')) other.tabIndex = other === event.target ? 0 : -1;
      }
    };
    container.addEventListener('keydown', onKeyDown);
    container.addEventListener('focusin', onFocusIn);
    return () => {
      container.removeEventListener('keydown', onKeyDown);
      container.removeEventListener('focusin', onFocusIn);
    };
  }, [ref]);
}
