import { useEffect, useState } from 'react';
import { call } from '../bridge';
import { Modal } from './Modal';
import { Actions, FormError } from './Actions';

type DocFile = { name: string; path: string; size: number; mtimeMs: number };

/**
 * Used where there is no native file dialog (the web harness): pick a story from the
 * documents folder, or name one to save there.
 */
export function OpenStoryDialog(props: { onPick(path: string): void; onCancel(): void; importable?: boolean }) {
  const [files, setFiles] = useState<DocFile[] | null>(null);
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const importable = props.importable === true;
  useEffect(() => {
    void call('docs:list', { importable }).then((result) => {
      if (result.ok) {
        setFiles(result.value.files);
        setFolder(result.value.folder);
      } else setError(result.error);
    });
  }, [importable]);
  return (
    <Modal
      title={props.importable ? 'Import a text, web page or Word file' : 'Open story'}
      onCancel={props.onCancel}
      className="file-dialog"
    >
      <p className="hint">{folder}</p>
      <FormError error={error} />
      {files === null && !error && <p>Loading…</p>}
      {files && files.length === 0 && (
        <p>{props.importable ? 'No .txt, .html or .docx files in this folder.' : 'No stories in this folder yet.'}</p>
      )}
      {files && files.length > 0 && (
        <ul className="file-list" aria-label={props.importable ? 'Files' : 'Stories'}>
          {files.map((f) => (
            <li key={f.path}>
              <button type="button" className="file-item" onClick={() => props.onPick(f.path)}>
                <span className="file-name">{f.name}</span>
                <span className="file-date">{new Date(f.mtimeMs).toLocaleString()}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Actions kind="modal" onCancel={props.onCancel} />
    </Modal>
  );
}

export function SaveStoryDialog(props: {
  suggestedName: string;
  onSave(name: string): void;
  onCancel(): void;
  extension?: 'story' | 'html' | 'json';
  title?: string;
}) {
  const extension = props.extension ?? 'story';
  const [name, setName] = useState(props.suggestedName);
  const [existing, setExisting] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    // Files of the kind being saved: a story, or an export's .html or .json.
    void call('docs:list', { extension }).then((r) => r.ok && setExisting(new Set(r.value.files.map((f) => f.name.toLowerCase()))));
  }, [extension]);
  const fileName = withExtension(name.trim(), extension);
  const invalid =
    name.trim() === '' || /[\\/:*?"<>|]/.test(name) || [...name].some((ch) => ch.charCodeAt(0) < 0x20) || name.trim().startsWith('.');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (invalid) return;
    if (existing.has(fileName.toLowerCase()) && !confirming) {
      setConfirming(true);
      return;
    }
    props.onSave(fileName);
  };
  return (
    <Modal title={props.title ?? 'Save story'} onCancel={props.onCancel}>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="save-name">File name</label>
          <input id="save-name" value={name} onChange={(e) => (setName(e.target.value), setConfirming(false))} spellCheck={false} />
        </div>
        {invalid && name.trim() !== '' && (
          <p className="field-error">A file name cannot contain / \ : * ? " &lt; &gt; | or start with a dot.</p>
        )}
        {confirming && (
          <p className="field-error" role="alert">
            “{fileName}” already exists. Save again to replace it.
          </p>
        )}
        <Actions kind="modal" onCancel={props.onCancel} primary={confirming ? 'Replace' : 'Save'} primaryDisabled={invalid} />
      </form>
    </Modal>
  );
}

function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}
