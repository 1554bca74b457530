import { useState } from 'react';
import type { Settings } from '../../shared/settings';
import { Modal } from './Modal';
import { Actions } from './Actions';

export type ExportChoice = Settings['lastExport'];

const FORMATS: { id: ExportChoice['format']; label: string; hint: string }[] = [
  { id: 'page', label: 'Web page (.html)', hint: 'A standalone, printable page with headline, standfirst and byline.' },
  { id: 'html', label: 'HTML fragment (.html)', hint: 'The body only, for a CMS HTML field.' },
  { id: 'json', label: 'CMS JSON (.json)', hint: 'Copydesk’s typed blocks plus the HTML, for an ingest job.' },
  { id: 'ninjs', label: 'IPTC ninjs 2.1 (.json)', hint: 'News in JSON, for wire and CMS systems that speak ninjs.' },
];

/** Format, asset mode and destination; remembers the last choice (saved in Settings). */
export function ExportDialog(props: { initial: ExportChoice; photoCount: number; onExport(choice: ExportChoice): void; onCancel(): void }) {
  const [choice, setChoice] = useState<ExportChoice>(props.initial);
  return (
    <Modal title="Export story" onCancel={props.onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onExport(choice);
        }}
      >
        <fieldset className="choice-group">
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.id} className="choice">
              <input
                type="radio"
                name="export-format"
                value={f.id}
                checked={choice.format === f.id}
                onChange={() => setChoice({ ...choice, format: f.id })}
              />
              <span>
                {f.label}
                <span className="hint"> — {f.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-group">
          <legend>Images{props.photoCount ? ` (${props.photoCount})` : ''}</legend>
          <label className="choice">
            <input
              type="radio"
              name="export-assets"
              value="inline"
              checked={choice.assets === 'inline'}
              onChange={() => setChoice({ ...choice, assets: 'inline' })}
            />
            <span>Inside the file (one self-contained file)</span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="export-assets"
              value="dir"
              checked={choice.assets === 'dir'}
              onChange={() => setChoice({ ...choice, assets: 'dir' })}
            />
            <span>In an images/ folder beside it</span>
          </label>
        </fieldset>
        {choice.format === 'page' && (
          <label className="choice">
            <input type="checkbox" checked={choice.tweetScript} onChange={(e) => setChoice({ ...choice, tweetScript: e.target.checked })} />
            <span>Add Twitter’s widgets.js so tweets render as cards (loads a script from platform.twitter.com)</span>
          </label>
        )}
        <Actions kind="modal" onCancel={props.onCancel} primary="Export…" autoFocusPrimary />
      </form>
    </Modal>
  );
}

export function ExportProgress(props: { done: number; total: number }) {
  return (
    <Modal title="Exporting…" onCancel={() => {}}>
      <progress max={props.total} value={props.done} aria-label="Export progress" style={{ width: '100%' }} />
      <p className="hint">
        {props.done} of {props.total} files written
      </p>
    </Modal>
  );
}
