import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, type LexicalEditor } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { BUILT_IN_PRESETS, entryLine, presetToState, type HelplinePreset } from '../../../../shared/blocks/helpline';
import { Actions } from '../../../dialogs/Actions';
import { INSERT_BLOCKS_COMMAND } from '../commands';
import { closeOnEscape } from '../panel-keys';
import { useNewsroom } from '../context';
import type { InsertProps } from '../registry-types';
import { $isHelplineNode } from './HelplineNode';

function storyHasHelpline(editor: LexicalEditor): boolean {
  return editor.getEditorState().read(() => $getRoot().getChildren().some($isHelplineNode));
}

/** Insert → Helpline footer: choose a list and see it before it goes in. */
export function HelplineInsert({ request, onClose }: InsertProps) {
  const [editor] = useLexicalComposerContext();
  const services = useNewsroom();
  if (request === null) return null;
  return (
    <HelplinePanel
      key={request}
      presets={[...BUILT_IN_PRESETS, ...services.userPresets]}
      replacing={storyHasHelpline(editor)}
      onClose={onClose}
      onInsert={(preset) => {
        editor.update(() => {}, { discrete: true });
        editor.dispatchCommand(INSERT_BLOCKS_COMMAND, { type: 'helpline', states: [presetToState(preset)] });
        onClose();
      }}
    />
  );
}

/**
 * A story keeps one footer: when it has one already, the panel says so up front and its
 * button replaces it (one undo brings the old footer back), rather than asking afterwards
 * in a browser dialog.
 */
function HelplinePanel(props: { presets: HelplinePreset[]; replacing: boolean; onClose(): void; onInsert(preset: HelplinePreset): void }) {
  const [chosen, setChosen] = useState(props.presets[0]!.id);
  const preset = props.presets.find((p) => p.id === chosen) ?? props.presets[0]!;
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => select.current?.focus(), []);
  return (
    <div className="insert-panel" role="dialog" aria-label="Insert helpline footer">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onInsert(preset);
        }}
      >
        <label htmlFor="helpline-preset">Helpline list</label>
        <select
          id="helpline-preset"
          ref={select}
          onKeyDown={(e) => closeOnEscape(e, props.onClose)}
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
        >
          {props.presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
              {p.builtIn ? '' : ' (yours)'}
            </option>
          ))}
        </select>
        <section className="helpline-preview" aria-label="Preview">
          <strong>{preset.heading}</strong>
          <ul>
            {preset.entries.map((e, i) => (
              <li key={i}>{entryLine(e)}</li>
            ))}
          </ul>
          <p className="hint">Numbers checked {preset.verifiedAt}</p>
        </section>
        {props.replacing && (
          <p className="hint" role="note">
            This story already has a helpline footer; this one will replace it.
          </p>
        )}
        <Actions kind="panel" onCancel={props.onClose} primary={props.replacing ? 'Replace footer' : 'Insert footer'} />
      </form>
    </div>
  );
}
