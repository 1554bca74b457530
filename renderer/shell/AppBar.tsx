import type { AppCommand } from '../../shared/ipc';
import { storyDisplayName, type OpenDocument } from '../document/open-document';

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
        <button type="button" onClick={() => onCommand({ command: 'new' })} title="New story (Ctrl+N)">
          New
        </button>
        <button type="button" onClick={() => onCommand({ command: 'open' })} title="Open a story (Ctrl+O)">
          Open…
        </button>
        <button type="button" onClick={() => onCommand({ command: 'import' })} title="Import a .txt, .html or .docx file (Ctrl+Shift+O)">
          Import…
        </button>
        <button type="button" onClick={() => onCommand({ command: 'save' })} title="Save (Ctrl+S)" disabled={saving}>
          Save
        </button>
        <button type="button" onClick={() => onCommand({ command: 'save-as' })} title="Save As (Ctrl+Shift+S)" disabled={saving}>
          Save As…
        </button>
        <button type="button" onClick={() => onCommand({ command: 'export' })} title="Export (Ctrl+E)">
          Export…
        </button>
        <button type="button" onClick={() => onCommand({ command: 'copy-html' })} title="Copy the story's HTML for the CMS">
          Copy as HTML
        </button>
        <button
          type="button"
          aria-pressed={props.previewOpen}
          onClick={() => onCommand({ command: 'toggle-preview' })}
          title="Preview as the CMS will show it (Ctrl+Shift+P)"
        >
          Preview
        </button>
        <button type="button" onClick={props.onSettings} title="House style, tweet look-up, helpline presets">
          Settings
        </button>
      </nav>
      <div className="doc-name" aria-live="polite">
        <span className="doc-title">{storyDisplayName(doc)}</span>
        {doc.readOnly && <span className="read-only-badge">Read-only</span>}
        <span className={`doc-state ${doc.dirty ? 'is-dirty' : ''}`} data-testid="save-state">
          {saving ? 'Saving…' : doc.dirty ? 'Edited' : doc.path ? 'Saved' : 'Not saved yet'}
        </span>
      </div>
    </header>
  );
}
