import { acceleratorFor, bindingFor, type KeymapCommand, type Platform } from '../shared/keymap';
import type { AppCommandName } from '../shared/ipc';

/** A menu item as Electron's Menu.buildFromTemplate takes it (no `electron` import here). */
export interface KeymapMenuItem {
  label: string;
  accelerator: string;
  role?: 'undo' | 'redo';
  click?: () => void;
}

/**
 * The menu item for a command, its label and accelerator from the one keymap
 * (shared/keymap.ts); `send` delivers the command to the window.
 */
export function keymapItem(command: KeymapCommand, platform: Platform, send: (command: AppCommandName) => void): KeymapMenuItem {
  const binding = bindingFor(command);
  const label = binding.label;
  const accelerator = acceleratorFor(binding, platform);
  if (binding.role) return { label, accelerator, role: binding.role };
  // The caller gives main-process items (zoom) their own click.
  if (binding.mainProcess) return { label, accelerator };
  return { label, accelerator, click: () => send(command as AppCommandName) };
}
