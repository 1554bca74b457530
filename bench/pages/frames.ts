/** Resolves in the frame after the next one (rAF → rAF): the change has been painted. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** What every bench page exposes to the runner (bench/browser.ts). */
export interface BenchPeer {
  /** Opens the peer's file text (parse + show), resolving after it is painted. */
  open(text: string): Promise<void>;
}

declare global {
  interface Window {
    __benchPeer?: BenchPeer;
  }
}
