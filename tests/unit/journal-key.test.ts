import { describe, expect, it } from 'vitest';
import { isSafeJournalId } from '../../electron/services/journal';
import { journalKey } from '../../renderer/document/journal';

describe('the crash journal names every story it can be asked to keep', () => {
  it('uses a Copydesk id (a UUID) as it is', () => {
    const id = '3f0c2b9e-8d4a-4c1e-9b7a-2f6d5e4c3b2a';
    expect(journalKey(id)).toBe(id);
  });

  it.each(['migrated-2019-03-01T00:00:00.000Z', 'con', 'a/b\\c', ' spaced id ', 'ü'.repeat(300), '.hidden'])(
    'maps %j to a safe, stable file name',
    (id) => {
      const key = journalKey(id);
      expect(isSafeJournalId(key)).toBe(true);
      expect(journalKey(id)).toBe(key);
      expect(key).not.toBe(journalKey(`${id}x`));
    },
  );
});
