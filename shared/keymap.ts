/**
 * Every keyboard shortcut Copydesk has, in one table. The desktop menus take their labels and
 * accelerators from it (electron/menu-items.ts), the window answers its keys from it
 * (renderer/shell/shortcuts.ts, the story editor), the toolbar titles its buttons with it and
 * Help → Keyboard shortcuts lists it. A shortcut added here shows up in all four.
 */
import type { AppCommandName } from './ipc';

export type Platform = 'mac' | 'windows' | 'linux';
export type MenuName = 'File' | 'Edit' | 'Format' | 'View' | 'Help';

/** App commands, plus the editing commands the menus give to Electron's own roles. */
export type KeymapCommand = AppCommandName | 'undo' | 'redo' | ZoomCommand;

/** View zoom: the desktop's main process sets the window's zoom itself and remembers it. */
export type ZoomCommand = 'zoom-reset' | 'zoom-in' | 'zoom-out';

export interface KeyBinding {
  command: KeymapCommand;
  /** How the menu, the shortcuts list and the toolbar name it. */
  label: string;
  /** Electron accelerator syntax (`CmdOrCtrl+Shift+S`). */
  accelerator: string;
  /** Where a platform's convention differs from `accelerator`. */
  platforms?: Partial<Record<Platform, string>>;
  /** Further keys the window answers for the same command (listed, not in the menu). */
  alternatives?: string[];
  /** The menu it sits in; a new `group` starts after a separator. Absent: no menu item. */
  menu?: { name: MenuName; group: number };
  /** An Electron menu role that does the work (the native Edit items). */
  role?: 'undo' | 'redo';
  /** Done by the desktop's main process itself, not sent to the window (zoom). */
  mainProcess?: true;
  /**
   * Who answers the key inside the window: the app ('window', whatever has focus), the story
   * editor ('editor', while the text has focus), Lexical itself ('lexical', its built-in keys),
   * or only the desktop menu ('menu').
   */
  handler: 'window' | 'editor' | 'lexical' | 'menu';
  /** Heading in the shortcuts list. */
  section: 'Story files' | 'Editing' | 'Text style' | 'Paragraph style' | 'View and help';
}

export const KEYMAP: readonly KeyBinding[] = [
  {
    command: 'new',
    label: 'New story',
    accelerator: 'CmdOrCtrl+N',
    menu: { name: 'File', group: 0 },
    handler: 'window',
    section: 'Story files',
  },
  {
    command: 'open',
    label: 'Open…',
    accelerator: 'CmdOrCtrl+O',
    menu: { name: 'File', group: 0 },
    handler: 'window',
    section: 'Story files',
  },
  {
    command: 'import',
    label: 'Import…',
    accelerator: 'CmdOrCtrl+Shift+O',
    menu: { name: 'File', group: 0 },
    handler: 'window',
    section: 'Story files',
  },
  {
    command: 'save',
    label: 'Save',
    accelerator: 'CmdOrCtrl+S',
    menu: { name: 'File', group: 1 },
    handler: 'window',
    section: 'Story files',
  },
  {
    command: 'save-as',
    label: 'Save As…',
    accelerator: 'CmdOrCtrl+Shift+S',
    menu: { name: 'File', group: 1 },
    handler: 'window',
    section: 'Story files',
  },
  {
    command: 'export',
    label: 'Export…',
    accelerator: 'CmdOrCtrl+E',
    menu: { name: 'File', group: 2 },
    handler: 'window',
    section: 'Story files',
  },
  // The browser keeps Ctrl+Shift+C for its inspector: in the window this is the toolbar's button.
  {
    command: 'copy-html',
    label: 'Copy as HTML',
    accelerator: 'CmdOrCtrl+Shift+C',
    menu: { name: 'File', group: 2 },
    handler: 'menu',
    section: 'Story files',
  },
  {
    command: 'undo',
    label: 'Undo',
    accelerator: 'CmdOrCtrl+Z',
    menu: { name: 'Edit', group: 0 },
    role: 'undo',
    handler: 'lexical',
    section: 'Editing',
  },
  {
    command: 'redo',
    label: 'Redo',
    accelerator: 'CmdOrCtrl+Shift+Z',
    platforms: { windows: 'Ctrl+Y' },
    menu: { name: 'Edit', group: 0 },
    role: 'redo',
    handler: 'lexical',
    section: 'Editing',
  },
  {
    command: 'bold',
    label: 'Bold',
    accelerator: 'CmdOrCtrl+B',
    menu: { name: 'Format', group: 0 },
    handler: 'lexical',
    section: 'Text style',
  },
  {
    command: 'italic',
    label: 'Italic',
    accelerator: 'CmdOrCtrl+I',
    menu: { name: 'Format', group: 0 },
    handler: 'lexical',
    section: 'Text style',
  },
  {
    command: 'underline',
    label: 'Underline',
    accelerator: 'CmdOrCtrl+U',
    menu: { name: 'Format', group: 0 },
    handler: 'lexical',
    section: 'Text style',
  },
  {
    command: 'strikethrough',
    label: 'Strikethrough',
    accelerator: 'CmdOrCtrl+Shift+X',
    menu: { name: 'Format', group: 0 },
    handler: 'editor',
    section: 'Text style',
  },
  {
    command: 'link',
    label: 'Link…',
    accelerator: 'CmdOrCtrl+K',
    menu: { name: 'Format', group: 0 },
    handler: 'editor',
    section: 'Text style',
  },
  {
    command: 'paragraph',
    label: 'Paragraph',
    accelerator: 'CmdOrCtrl+Alt+0',
    menu: { name: 'Format', group: 1 },
    handler: 'editor',
    section: 'Paragraph style',
  },
  {
    command: 'heading-2',
    label: 'Subheading',
    accelerator: 'CmdOrCtrl+Alt+2',
    menu: { name: 'Format', group: 1 },
    handler: 'editor',
    section: 'Paragraph style',
  },
  {
    command: 'heading-3',
    label: 'Minor subheading',
    accelerator: 'CmdOrCtrl+Alt+3',
    menu: { name: 'Format', group: 1 },
    handler: 'editor',
    section: 'Paragraph style',
  },
  {
    command: 'bullet-list',
    label: 'Bulleted list',
    accelerator: 'CmdOrCtrl+Shift+8',
    menu: { name: 'Format', group: 1 },
    handler: 'editor',
    section: 'Paragraph style',
  },
  {
    command: 'numbered-list',
    label: 'Numbered list',
    accelerator: 'CmdOrCtrl+Shift+7',
    menu: { name: 'Format', group: 1 },
    handler: 'editor',
    section: 'Paragraph style',
  },
  {
    command: 'quote',
    label: 'Block quote',
    accelerator: 'CmdOrCtrl+Shift+9',
    menu: { name: 'Format', group: 1 },
    handler: 'editor',
    section: 'Paragraph style',
  },
  {
    command: 'toggle-preview',
    label: 'Preview',
    accelerator: 'CmdOrCtrl+Shift+P',
    menu: { name: 'View', group: 0 },
    handler: 'window',
    section: 'View and help',
  },
  {
    command: 'zoom-reset',
    label: 'Actual size',
    accelerator: 'CmdOrCtrl+0',
    menu: { name: 'View', group: 1 },
    mainProcess: true,
    handler: 'menu',
    section: 'View and help',
  },
  {
    command: 'zoom-in',
    label: 'Zoom in',
    accelerator: 'CmdOrCtrl+Plus',
    menu: { name: 'View', group: 1 },
    mainProcess: true,
    handler: 'menu',
    section: 'View and help',
  },
  {
    command: 'zoom-out',
    label: 'Zoom out',
    accelerator: 'CmdOrCtrl+-',
    menu: { name: 'View', group: 1 },
    mainProcess: true,
    handler: 'menu',
    section: 'View and help',
  },
  {
    command: 'shortcuts',
    label: 'Keyboard shortcuts',
    accelerator: 'CmdOrCtrl+/',
    alternatives: ['F1'],
    menu: { name: 'Help', group: 0 },
    handler: 'window',
    section: 'View and help',
  },
];

/** The app command the window runs for a binding; null for Electron roles (undo, redo) and main-process items (zoom). */
export function windowCommand(binding: KeyBinding): AppCommandName | null {
  if (binding.role || binding.mainProcess) return null;
  return binding.command as AppCommandName;
}

export function bindingFor(command: KeymapCommand): KeyBinding {
  const binding = KEYMAP.find((b) => b.command === command);
  if (!binding) throw new Error(`no key binding for ${command}`);
  return binding;
}

/** The accelerator on `platform`. */
export function acceleratorFor(binding: KeyBinding, platform: Platform): string {
  return binding.platforms?.[platform] ?? binding.accelerator;
}

/** Every key that runs the binding on `platform`: the accelerator first, then the alternatives. */
export function keysFor(binding: KeyBinding, platform: Platform): string[] {
  return [acceleratorFor(binding, platform), ...(binding.alternatives ?? [])];
}

/** The platform a `navigator.platform` or `process.platform` string names. */
export function platformOf(name: string): Platform {
  if (/^(darwin|mac|iphone|ipad)/i.test(name)) return 'mac';
  if (/^win/i.test(name)) return 'windows';
  return 'linux';
}

const MAC_SYMBOLS: Record<string, string> = {
  CmdOrCtrl: '⌘',
  Cmd: '⌘',
  Command: '⌘',
  Ctrl: '⌃',
  Control: '⌃',
  Alt: '⌥',
  Option: '⌥',
  Shift: '⇧',
};

/** An accelerator as people read it: `Ctrl+Shift+S` on Windows and Linux, `⇧⌘S` on a Mac. */
export function shortcutText(accelerator: string, platform: Platform): string {
  const parts = accelerator.split('+').map((p, i, all) => (p === '' && i === all.length - 1 ? '+' : p));
  const key = parts.at(-1)!;
  const modifiers = parts.slice(0, -1);
  if (platform === 'mac') {
    // The order macOS menus use: Control, Option, Shift, Command.
    const order = ['⌃', '⌥', '⇧', '⌘'];
    const symbols = modifiers.map((m) => MAC_SYMBOLS[m] ?? m).sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return `${symbols.join('')}${key}`;
  }
  return [...modifiers.map((m) => (m === 'CmdOrCtrl' || m === 'CommandOrControl' || m === 'Control' ? 'Ctrl' : m)), key].join('+');
}

/** "Bold (Ctrl+B)": a button's title with its shortcut. */
export function titleWithShortcut(command: KeymapCommand, platform: Platform, label = bindingFor(command).label): string {
  return `${label.replace(/…$/, '')} (${shortcutText(acceleratorFor(bindingFor(command), platform), platform)})`;
}

/** The parts of a key event the matcher reads (a DOM KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Whether a key press is the accelerator on `platform`. Letters match by the character typed
 * (so Ctrl+B is B on any layout), digits by the key's position (Shift+8 types `*` or `(`).
 */
export function matchesAccelerator(press: KeyPress, accelerator: string, platform: Platform): boolean {
  const parts = accelerator.split('+').map((p, i, all) => (p === '' && i === all.length - 1 ? '+' : p));
  const key = parts.at(-1)!;
  const mods = new Set(parts.slice(0, -1));
  const primary = platform === 'mac' ? press.metaKey : press.ctrlKey;
  const wantsPrimary = mods.has('CmdOrCtrl') || mods.has('CommandOrControl') || (platform === 'mac' ? mods.has('Cmd') : mods.has('Ctrl'));
  if (primary !== wantsPrimary) return false;
  if (press.altKey !== (mods.has('Alt') || mods.has('Option'))) return false;
  if (/^[A-Z]$/.test(key)) return press.shiftKey === mods.has('Shift') && press.key.toLowerCase() === key.toLowerCase();
  if (/^[0-9]$/.test(key)) return press.shiftKey === mods.has('Shift') && press.code === `Digit${key}`;
  if (/^F[0-9]{1,2}$/.test(key)) return press.shiftKey === mods.has('Shift') && press.key === key;
  // Punctuation: the character typed, whatever Shift it took on this layout.
  return press.key === key;
}

/** The binding a key press runs, among those answered by `handlers`, or null. */
export function bindingForKey(press: KeyPress, platform: Platform, handlers: KeyBinding['handler'][]): KeyBinding | null {
  for (const binding of KEYMAP) {
    if (!handlers.includes(binding.handler)) continue;
    if (keysFor(binding, platform).some((accelerator) => matchesAccelerator(press, accelerator, platform))) return binding;
  }
  return null;
}
