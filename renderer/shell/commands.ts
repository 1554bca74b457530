import { useEffect } from 'react';
import type { AppCommand, AppCommandName } from '../../shared/ipc';
import { call, onAppCommand } from '../bridge';
import { copyHtml, exportToFile, togglePreview } from '../document/export';
import { importFile } from '../document/import';
import { newStory, openPath, openStory } from '../document/open';
import { saveStory } from '../document/save';
import type { StorySession } from '../document/session';

/** Runs a command from a menu, the OS, a toolbar button or the keyboard. */
export async function runAppCommand(session: StorySession, command: AppCommand): Promise<void> {
  switch (command.command) {
    case 'new':
      return newStory(session);
    case 'open':
      return openStory(session);
    case 'open-path':
      return openPath(session, command.path);
    case 'save':
      return void (await saveStory(session, 'save'));
    case 'save-as':
      return void (await saveStory(session, 'save-as'));
    case 'import':
      return importFile(session);
    case 'export':
      return exportToFile(session);
    case 'copy-html':
      return copyHtml(session);
    case 'toggle-preview':
      return togglePreview(session);
    case 'save-and-close':
      if (await saveStory(session, 'save')) await call('window:close', {});
      return;
    default:
      session.editor?.runCommand(command.command);
  }
}

/** Window-wide shortcuts (with Ctrl/Cmd), the same as the desktop File and View menus. */
const FILE_SHORTCUTS: Record<string, AppCommandName | undefined> = {
  n: 'new',
  o: 'open',
  'Shift+o': 'import',
  s: 'save',
  'Shift+s': 'save-as',
  e: 'export',
  'Shift+p': 'toggle-preview',
};

/** Listens for the shell's commands and the window-wide shortcuts; opens `?open=` at start. */
export function useAppCommands(session: StorySession): void {
  useEffect(() => {
    const unsubscribe = onAppCommand((command) => void runAppCommand(session, command));
    // Tell the shell we are listening, so a story asked for at launch is delivered now.
    void call('window:ready', {});
    return unsubscribe;
  }, [session]);

  useEffect(() => {
    // ?open=<path> opens a story at start (the web harness's equivalent of argv).
    const requested = new URLSearchParams(window.location.search).get('open');
    if (requested) void runAppCommand(session, { command: 'open-path', path: requested });
  }, [session]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const command = FILE_SHORTCUTS[`${event.shiftKey ? 'Shift+' : ''}${event.key.toLowerCase()}`];
      if (!command) return;
      event.preventDefault();
      void runAppCommand(session, { command });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [session]);
}
