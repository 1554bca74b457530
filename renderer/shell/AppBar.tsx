import { Keyboard } from 'lucide-react';
import type { AppCommand } from '../../shared/ipc';
import { titleWithShortcut } from '../../shared/keymap';
import { storyDisplayName, type OpenDocument } from '../document/open-document';
import { PLATFORM } from './platform';

/** The top bar: the file actions and the story's name and save state. */
export function AppBar(props: {
  doc: OpenDocument;
  saving: boolean;
  previewOpen: boolean;
  onCommand(command: AppCommand): void;
  onSettings(): void;
}) {
  const { doc, saving, onCommand } = props;
  return (
    <header className="app-bar">
      <div className="brand" aria-hidden="true">
        Copydesk
      </div>
      <nav className="file-actions" aria-label="File">
        <button type="button" onClick={() => onCommand({ command: 'new' })} title={titleWithShortcut('new', PLATFORM)}>
          New
        </button>
        <button type="button" onClick={() => onCommand({ command: 'open' })} title={titleWithShortcut('open', PLATFORM, 'Open a story')}>
          Open…
        </button>
        <button
          type="button"
          onClick={() => onCommand({ command: 'import' })}
          title={titleWithShortcut('import', PLATFORM, 'Import a .txt, .html or .docx file')}
        >
          Import…
        </button>
        <button type="button" onClick={() => onCommand({ command: 'save' })} title={titleWithShortcut('save', PLATFORM)} disabled={saving}>
          Save
        </button>
        <button
          type="button"
          onClick={() => onCommand({ command: 'save-as' })}
          title={titleWithShortcut('save-as', PLATFORM)}
          disabled={saving}
        >
          Save As…
        </button>
        <button type="button" onClick={() => onCommand({ command: 'export' })} title={titleWithShortcut('export', PLATFORM)}>
          Export…
        </button>
        <button type="button" onClick={() => onCommand({ command: 'copy-html' })} title="Copy the story's HTML for the CMS">
          Copy as HTML
        </button>
        <button
          type="button"
          aria-pressed={props.previewOpen}
          onClick={() => onCommand({ command: 'toggle-preview' })}
          title={titleWithShortcut('toggle-preview', PLATFORM, 'Preview as the CMS will show it')}
        >
          Preview
        </button>
        <button type="button" onClick={props.onSettings} title="House style, tweet look-up, helpline presets">
          Settings
        </button>
        <button
          type="button"
          className="help-button"
          aria-label="Keyboard shortcuts"
          onClick={() => onCommand({ command: 'shortcuts' })}
          title={titleWithShortcut('shortcuts', PLATFORM)}
        >
          <Keyboard size={16} aria-hidden />
        </button>
      </nav>
      <div className="doc-name" aria-live="polite">
        <span className="doc-title" title={storyDisplayName(doc)}>
          {storyDisplayName(doc)}
        </span>
        {doc.readOnly && <span className="read-only-badge">Read-only</span>}
        <span className={`doc-state ${doc.dirty ? 'is-dirty' : ''}`} data-testid="save-state">
          {saving ? 'Saving…' : doc.dirty ? 'Edited' : doc.path ? 'Saved' : 'Not saved yet'}
        </span>
      </div>
    </header>
  );
}
