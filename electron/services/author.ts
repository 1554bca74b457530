import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/**
 * "Your name" when the user has not set one: the OS account's full name (Linux's passwd
 * comment field, macOS's `id -F`), else the account's user name, else "Unknown author".
 * Every comment, suggestion and version records an author, so this is never empty.
 */
export function defaultAuthorName(platform: NodeJS.Platform = process.platform, passwd: () => string = readPasswd): string {
  let user = '';
  try {
    user = os.userInfo().username;
  } catch {
    user = process.env.USER ?? process.env.USERNAME ?? '';
  }
  const full = fullNameOf(user, platform, passwd);
  return (full || user || 'Unknown author').slice(0, 200);
}

function fullNameOf(user: string, platform: NodeJS.Platform, passwd: () => string): string {
  try {
    if (platform === 'darwin') return execFileSync('id', ['-F'], { encoding: 'utf8', timeout: 2000 }).trim();
    if (platform === 'win32' || !user) return '';
    return fullNameFromPasswd(passwd(), user);
  } catch {
    return '';
  }
}

/** The GECOS comment's first comma-separated field of `user`'s line in an /etc/passwd text. */
export function fullNameFromPasswd(text: string, user: string): string {
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === user && fields.length >= 5) return (fields[4] ?? '').split(',')[0]!.trim();
  }
  return '';
}

function readPasswd(): string {
  return fs.readFileSync('/etc/passwd', 'utf8');
}
