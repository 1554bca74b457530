import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  acceleratorFor,
  bindingForKey,
  KEYMAP,
  keysFor,
  matchesAccelerator,
  shortcutText,
  titleWithShortcut,
  type KeyPress,
  type Platform,
} from '../../shared/keymap';
import { ShortcutList } from '../../renderer/dialogs/KeyboardShortcutsDialog';
import { shortcutCommand } from '../../renderer/editor/StoryEditor';

/**
 * One keymap, read by everyone: the menus (tests/unit/electron-main.test.ts checks them
 * against KEYMAP), the window's and the editor's keys, the toolbar titles and Help →
 * Keyboard shortcuts. Here: the keys and the list.
 */

const PLATFORMS: Platform[] = ['linux', 'windows', 'mac'];

/** The key press a person makes for an accelerator on a platform (US layout). */
function pressFor(accelerator: string, platform: Platform): KeyPress {
  const parts = accelerator.split('+').map((p, i, all) => (p === '' && i === all.length - 1 ? '+' : p));
  const key = parts.at(-1)!;
  const mods = new Set(parts.slice(0, -1));
  const primary = mods.has('CmdOrCtrl');
  const shift = mods.has('Shift');
  const digitShifted: Record<string, string> = { '0': ')', '7': '&', '8': '*', '9': '(' };
  return {
    key: /^[A-Z]$/.test(key) ? (shift ? key : key.toLowerCase()) : /^[0-9]$/.test(key) && shift ? digitShifted[key]! : key,
    code: /^[A-Z]$/.test(key) ? `Key${key}` : /^[0-9]$/.test(key) ? `Digit${key}` : key === '/' ? 'Slash' : key,
    ctrlKey: (primary && platform !== 'mac') || mods.has('Ctrl'),
    metaKey: primary && platform === 'mac',
    shiftKey: shift,
    altKey: mods.has('Alt'),
  };
}

describe('the keymap', () => {
  it('gives no two commands the same key on any platform', () => {
    for (const platform of PLATFORMS) {
      const keys = KEYMAP.flatMap((b) => keysFor(b, platform));
      expect(new Set(keys).size, platform).toBe(keys.length);
    }
  });

  it('answers each key in the window with its own command, and no other', () => {
    for (const platform of PLATFORMS) {
      for (const binding of KEYMAP) {
        for (const accelerator of keysFor(binding, platform)) {
          const press = pressFor(accelerator, platform);
          const found = bindingForKey(press, platform, ['window', 'editor', 'lexical', 'menu']);
          expect(found?.command, `${platform} ${accelerator}`).toBe(binding.command);
        }
      }
    }
  });

  it("drives the story editor's own keys: every 'editor' binding and nothing else", () => {
    for (const binding of KEYMAP) {
      const command = shortcutCommand(pressFor(acceleratorFor(binding, 'linux'), 'linux'));
      expect(command, binding.command).toBe(binding.handler === 'editor' ? binding.command : null);
    }
  });

  it('matches letters by the character and digits by their key, whatever Shift types', () => {
    expect(matchesAccelerator(pressFor('CmdOrCtrl+Shift+8', 'linux'), 'CmdOrCtrl+Shift+8', 'linux')).toBe(true);
    expect(matchesAccelerator({ ...pressFor('CmdOrCtrl+S', 'linux'), shiftKey: true, key: 'S' }, 'CmdOrCtrl+S', 'linux')).toBe(false);
    expect(matchesAccelerator({ ...pressFor('CmdOrCtrl+S', 'linux'), ctrlKey: false }, 'CmdOrCtrl+S', 'linux')).toBe(false);
    // On a Mac the primary key is Command, not Control.
    expect(matchesAccelerator(pressFor('CmdOrCtrl+S', 'linux'), 'CmdOrCtrl+S', 'mac')).toBe(false);
    expect(matchesAccelerator(pressFor('CmdOrCtrl+S', 'mac'), 'CmdOrCtrl+S', 'mac')).toBe(true);
  });

  it('writes shortcuts as each platform does', () => {
    expect(shortcutText('CmdOrCtrl+Shift+S', 'windows')).toBe('Ctrl+Shift+S');
    expect(shortcutText('CmdOrCtrl+Shift+S', 'mac')).toBe('⇧⌘S');
    expect(shortcutText('CmdOrCtrl+Alt+2', 'mac')).toBe('⌥⌘2');
    expect(shortcutText('F1', 'linux')).toBe('F1');
    expect(titleWithShortcut('bold', 'linux')).toBe('Bold (Ctrl+B)');
    expect(titleWithShortcut('link', 'linux')).toBe('Link (Ctrl+K)');
    expect(titleWithShortcut('redo', 'windows')).toBe('Redo (Ctrl+Y)');
  });

  it('is listed whole by Help → Keyboard shortcuts', () => {
    for (const platform of PLATFORMS) {
      const html = renderToStaticMarkup(<ShortcutList platform={platform} />);
      const rows = [...html.matchAll(/<tr data-command="([^"]+)">(.*?)<\/tr>/g)];
      expect(rows.map((r) => r[1])).toEqual(KEYMAP.map((b) => b.command));
      for (const [i, binding] of KEYMAP.entries()) {
        const row = rows[i]![2]!;
        expect(row).toContain(binding.label.replace(/…$/, ''));
        for (const key of keysFor(binding, platform)) expect(row).toContain(`<kbd>${shortcutText(key, platform)}</kbd>`);
      }
    }
  });
});
