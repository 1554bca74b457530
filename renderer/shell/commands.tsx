import { useEffect } from 'react';
import type { AppCommand } from '../../shared/ipc';
import { bindingForKey, windowCommand } from '../../shared/keymap';
import { KeyboardShortcutsDialog } from '../dialogs/KeyboardShortcutsDialog';
import { call, onAppCommand } from '../bridge';
import { copyHtml, exportToFile, togglePreview } from '../document/export';
import { importFile } from '../document/import';
import { newStory, openPath, openStory } from '../document/open';
import { saveStory } from '../document/save';
import type { StorySession } from '../document/session';
import { PLATFORM } from './platform';

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
    case 'shortcuts':
      return void (await session.ask<void>((done) => <KeyboardShortcutsDialog platform={PLATFORM} onClose={done} />));
    case 'save-and-close':
      if (await saveStory(session, 'save')) await call('window:close', {});
      return;
    default:
      session.editor?.runCommand(command.command);
  }
}

/** Runs `then` once no dialog is open. */
function afterDialog(session: StorySession, then: () => void): void {
  const unsubscribe = session.dialog.subscribe(() => {
    if (session.dialog.get() !== null) return;
    unsubscribe();
    then();
  });
}

/** Listens for the shell's commands and the window-wide shortcuts; opens `?open=` at start. */
export function useAppCommands(session: StorySession): void {
  useEffect(() => {
    const unsubscribe = onAppCommand((command) => {
      if (session.dialog.get() === null) return void runAppCommand(session, command);
      // A dialog is asking something: a menu item chosen meanwhile is dropped (as the keys
      // are), but a file the OS hands over opens once the dialog is answered.
      if (command.command === 'open-path') afterDialog(session, () => void runAppCommand(session, command));
    });
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
      // A dialog has the keyboard to itself (it answers Escape; the page behind is inert).
      if (event.defaultPrevented || session.dialog.get() !== null) return;
      if (event.key === 'Escape' && session.preview.get() !== null) {
        event.preventDefault();
        return void runAppCommand(session, { command: 'toggle-preview' });
      }
      const binding = bindingForKey(event, PLATFORM, ['window']);
      const command = binding ? windowCommand(binding) : null;
      if (!command) return;
      event.preventDefault();
      void runAppCommand(session, { command });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [session]);
}
