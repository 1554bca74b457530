import { useEffect, useRef, useState } from 'react';
import { countBySeverity, type Finding, type Severity } from '../../shared/check';
import type { Story } from '../../shared/story/schema';
import type { CheckRequest, CheckResponse, CheckSettings } from './protocol';

export interface ChecksState {
  findings: Finding[];
  counts: Record<Severity, number>;
  /** A check is running or waiting for typing to pause. */
  pending: boolean;
  /** Why the last check failed, if it did (the findings are the last good ones). */
  error: string | null;
}

/** How long typing must pause before the story is checked again. */
export const CHECK_DELAY_MS = 400;

/**
 * Preflight for the open story, in a Web Worker: after each pause in typing the story (its
 * images left behind) goes to the worker, which re-checks only the blocks that changed.
 * `story` should be the same object until the story changes (as the app's state holds it).
 */
export function useChecks(story: Story | null, settings: CheckSettings): ChecksState {
  const [state, setState] = useState<ChecksState>({ findings: [], counts: { error: 0, warning: 0, info: 0 }, pending: false, error: null });
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const settingsKey = JSON.stringify(settings);

  useEffect(() => {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (event: MessageEvent<CheckResponse>) => {
      const response = event.data;
      // An answer to an older request is out of date: a newer one is on its way.
      if (response.id !== latest.current) return;
      setState((previous) =>
        response.ok
          ? { findings: response.findings, counts: countBySeverity(response.findings), pending: false, error: null }
          : { ...previous, pending: false, error: response.reason },
      );
    };
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    if (!story) return;
    const timer = setTimeout(() => {
      const id = ++latest.current;
      setState((previous) => ({ ...previous, pending: true }));
      const request: CheckRequest = { id, story: { ...story, assets: {} }, settings: JSON.parse(settingsKey) as CheckSettings };
      worker.current?.postMessage(request);
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [story, settingsKey]);

  return state;
}
