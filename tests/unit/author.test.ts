import { describe, expect, it } from 'vitest';
import { defaultAuthorName, fullNameFromPasswd } from '../../electron/services/author';

const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'sam:x:1000:1000:Sam Sub,Room 4,,:/home/sam:/bin/bash',
  'bare:x:1001:1001::/home/bare:/bin/sh',
].join('\n');

describe('"Your name" default', () => {
  it('takes the first field of the passwd comment', () => {
    expect(fullNameFromPasswd(PASSWD, 'sam')).toBe('Sam Sub');
    expect(fullNameFromPasswd(PASSWD, 'bare')).toBe('');
    expect(fullNameFromPasswd(PASSWD, 'nobody-here')).toBe('');
  });

  it('falls back to the account name and is never empty', () => {
    const name = defaultAuthorName('linux', () => '');
    expect(name.length).toBeGreaterThan(0);
    expect(defaultAuthorName('linux', () => 'garbage')).toBe(name);
    expect(
      defaultAuthorName('linux', () => {
        throw new Error('no passwd');
      }),
    ).toBe(name);
  });
});
