import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOURNAL_MAX_WAIT_MS, JOURNAL_QUIET_MS, JournalScheduler } from '../../renderer/document/journal';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Types a key every `everyMs` for `forMs`, advancing the fake clock. */
function type(scheduler: JournalScheduler, forMs: number, everyMs: number) {
  for (let t = 0; t < forMs; t += everyMs) {
    scheduler.edited();
    vi.advanceTimersByTime(everyMs);
  }
}

describe('journal schedule', () => {
  it('writes a second after typing pauses, once', () => {
    const write = vi.fn();
    const scheduler = new JournalScheduler(write);
    type(scheduler, 600, 150); // a short burst, ~7 keys a second
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(JOURNAL_QUIET_MS - 150 - 1);
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(write).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(write).toHaveBeenCalledTimes(1); // nothing new, nothing written
  });

  it('never lets more than five seconds of continuous typing go unjournalled', () => {
    const write = vi.fn();
    const scheduler = new JournalScheduler(write);
    const written: number[] = [];
    write.mockImplementation(() => written.push(Date.now()));
    const start = Date.now();
    type(scheduler, 20_000, 120); // twenty seconds without a pause
    expect(written.length).toBeGreaterThanOrEqual(3);
    const gaps = written.map((t, i) => t - (i === 0 ? start : written[i - 1]!));
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(JOURNAL_MAX_WAIT_MS + 120);
    // …and not every second: a burst is not interrupted by a write per second.
    expect(written.length).toBeLessThanOrEqual(20_000 / JOURNAL_MAX_WAIT_MS + 1);
  });

  it('cancel drops a pending write (saved or closed)', () => {
    const write = vi.fn();
    const scheduler = new JournalScheduler(write);
    scheduler.edited();
    scheduler.cancel();
    vi.advanceTimersByTime(JOURNAL_MAX_WAIT_MS * 2);
    expect(write).not.toHaveBeenCalled();
    scheduler.edited();
    vi.advanceTimersByTime(JOURNAL_QUIET_MS);
    expect(write).toHaveBeenCalledTimes(1);
  });
});
