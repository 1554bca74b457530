import { useState } from 'react';
import { BUILT_IN_PRESETS, validatePreset, type HelplineEntry, type HelplinePreset } from '../../shared/blocks/helpline';
import { CREDIT_STYLES, CREDIT_STYLE_IDS, type CreditStyle } from '../../shared/blocks/photo';
import { THEMES, type Settings, type Theme } from '../../shared/settings';
import { applyTheme } from '../theme';
import { Modal } from './Modal';
import { Actions, FormError } from './Actions';

const THEME_LABELS: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

/** House style, tweet look-up and the user's own helpline presets. Nothing is saved until it is valid. */
export function SettingsDialog(props: { settings: Settings; onSave(settings: Settings): Promise<string | null>; onClose(): void }) {
  const [draft, setDraft] = useState<Settings>(structuredClone(props.settings));
  const [editing, setEditing] = useState<{ index: number; preset: HelplinePreset } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const failure = await props.onSave(draft);
    if (failure) setError(failure);
    else {
      applyTheme(draft.theme);
      props.onClose();
    }
  };

  if (editing) {
    return (
      <PresetEditor
        preset={editing.preset}
        takenIds={draft.helplinePresets
          .filter((_, i) => i !== editing.index)
          .map((p) => p.id)
          .concat(BUILT_IN_PRESETS.map((p) => p.id))}
        onCancel={() => setEditing(null)}
        onDone={(preset) => {
          const presets = [...draft.helplinePresets];
          if (editing.index < 0) presets.push(preset);
          else presets[editing.index] = preset;
          setDraft({ ...draft, helplinePresets: presets });
          setEditing(null);
        }}
      />
    );
  }

  return (
    <Modal title="Settings" onCancel={props.onClose} className="settings-dialog">
      <div className="field">
        <label htmlFor="set-author">Your name</label>
        <input
          id="set-author"
          type="text"
          maxLength={200}
          autoComplete="name"
          aria-describedby="set-author-hint"
          value={draft.authorName}
          onChange={(e) => setDraft({ ...draft, authorName: e.target.value })}
        />
        <p className="hint" id="set-author-hint">
          Shown on your comments, suggestions and versions.
        </p>
      </div>
      <div className="field">
        <label htmlFor="set-credit">Photo credit style</label>
        <select
          id="set-credit"
          value={draft.creditStyle}
          onChange={(e) => setDraft({ ...draft, creditStyle: e.target.value as CreditStyle })}
        >
          {CREDIT_STYLE_IDS.map((id) => (
            <option key={id} value={id}>
              {CREDIT_STYLES[id].label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="set-theme">Appearance</label>
        <select id="set-theme" value={draft.theme} onChange={(e) => setDraft({ ...draft, theme: e.target.value as Theme })}>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {THEME_LABELS[theme]}
            </option>
          ))}
        </select>
      </div>
      <div className="field checkbox">
        <label>
          <input type="checkbox" checked={draft.tweetLookup} onChange={(e) => setDraft({ ...draft, tweetLookup: e.target.checked })} />
          <span>Look up pasted tweet links online (publish.twitter.com)</span>
        </label>
      </div>
      <h3>Your helpline presets</h3>
      {draft.helplinePresets.length === 0 && <p className="hint">None yet. Start from a shipped list and change what your paper needs.</p>}
      <ul className="preset-list">
        {draft.helplinePresets.map((preset, index) => (
          <li key={preset.id}>
            <span>{preset.label}</span>
            <button type="button" className="small" onClick={() => setEditing({ index, preset: structuredClone(preset) })}>
              Edit
            </button>
            <button
              type="button"
              className="small"
              onClick={() => setDraft({ ...draft, helplinePresets: draft.helplinePresets.filter((_, i) => i !== index) })}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      <div className="field-row">
        <label htmlFor="set-new-from" className="sr-only">
          Start from
        </label>
        <select id="set-new-from" defaultValue={BUILT_IN_PRESETS[0]!.id}>
          {BUILT_IN_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => {
            const select = document.getElementById('set-new-from') as HTMLSelectElement;
            const base = BUILT_IN_PRESETS.find((p) => p.id === select.value)!;
            setEditing({
              index: -1,
              preset: { ...structuredClone(base), id: `${base.id}-own`, label: `${base.label} (own)`, builtIn: false },
            });
          }}
        >
          New preset from this list
        </button>
      </div>
      <FormError error={error} />
      <Actions kind="modal" onCancel={props.onClose} primary="Save settings" onPrimary={() => void save()} />
    </Modal>
  );
}

function PresetEditor(props: { preset: HelplinePreset; takenIds: string[]; onDone(preset: HelplinePreset): void; onCancel(): void }) {
  const [preset, setPreset] = useState<HelplinePreset>(props.preset);
  const [error, setError] = useState<string | null>(null);
  const setEntry = (index: number, patch: Partial<HelplineEntry>) => {
    const entries = preset.entries.map((e, i) => (i === index ? { ...e, ...patch } : e));
    setPreset({ ...preset, entries });
  };
  const done = () => {
    const cleaned = {
      ...preset,
      entries: preset.entries.map((e) => ({
        name: e.name,
        detail: e.detail,
        ...(e.phone?.trim() ? { phone: e.phone.replace(/[^+0-9]/g, '') } : {}),
        ...(e.url?.trim() ? { url: e.url.trim() } : {}),
      })),
    };
    const checked = validatePreset(cleaned);
    if (!checked.ok) return setError(`Not saved: ${checked.reason}.`);
    if (props.takenIds.includes(checked.preset.id)) return setError(`Not saved: the id “${checked.preset.id}” is already used.`);
    props.onDone({ ...checked.preset, builtIn: false });
  };
  return (
    <Modal title="Edit helpline preset" onCancel={props.onCancel} className="preset-editor">
      <div className="field-grid">
        <div className="field">
          <label htmlFor="pe-label">Name</label>
          <input id="pe-label" value={preset.label} onChange={(e) => setPreset({ ...preset, label: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="pe-id">Id</label>
          <input
            id="pe-id"
            value={preset.id}
            spellCheck={false}
            onChange={(e) => setPreset({ ...preset, id: e.target.value.toLowerCase() })}
          />
        </div>
        <div className="field">
          <label htmlFor="pe-heading">Heading</label>
          <input id="pe-heading" value={preset.heading} onChange={(e) => setPreset({ ...preset, heading: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="pe-verified">Numbers checked on</label>
          <input
            id="pe-verified"
            type="date"
            value={preset.verifiedAt.slice(0, 10)}
            onChange={(e) => setPreset({ ...preset, verifiedAt: e.target.value })}
          />
        </div>
      </div>
      <table className="entries-table">
        <thead>
          <tr>
            <th>Service</th>
            <th>Line as printed</th>
            <th>Phone (digits)</th>
            <th>Website (https)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {preset.entries.map((entry, i) => (
            <tr key={i}>
              <td>
                <input aria-label={`Entry ${i + 1} service`} value={entry.name} onChange={(e) => setEntry(i, { name: e.target.value })} />
              </td>
              <td>
                <input aria-label={`Entry ${i + 1} line`} value={entry.detail} onChange={(e) => setEntry(i, { detail: e.target.value })} />
              </td>
              <td>
                <input
                  aria-label={`Entry ${i + 1} phone`}
                  value={entry.phone ?? ''}
                  onChange={(e) => setEntry(i, { phone: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`Entry ${i + 1} website`}
                  value={entry.url ?? ''}
                  onChange={(e) => setEntry(i, { url: e.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="small"
                  aria-label={`Remove entry ${i + 1}`}
                  onClick={() => setPreset({ ...preset, entries: preset.entries.filter((_, j) => j !== i) })}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="small"
        onClick={() => setPreset({ ...preset, entries: [...preset.entries, { name: '', detail: '' }] })}
      >
        Add entry
      </button>
      <FormError error={error} />
      <Actions kind="modal" onCancel={props.onCancel} primary="Keep preset" onPrimary={done} />
    </Modal>
  );
}
