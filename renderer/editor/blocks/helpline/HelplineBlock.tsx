import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { memo } from 'react';
import { entryLine, findPreset, matchesPreset, presetToState, type HelplineState } from '../../../../shared/blocks/helpline';
import { $isHelplineNode } from './HelplineNode';
import { BlockFrame } from '../BlockFrame';
import { useNewsroom } from '../context';

/** The footer as it will print, with its source preset and the date its numbers were checked. */
export const HelplineBlock = memo(function HelplineBlock({ nodeKey, helpline }: { nodeKey: NodeKey; helpline: HelplineState }) {
  const [editor] = useLexicalComposerContext();
  const { userPresets } = useNewsroom();
  const preset = helpline.presetId ? findPreset(helpline.presetId, userPresets) : undefined;
  const outdated = preset !== undefined && (!matchesPreset(helpline, preset) || preset.verifiedAt !== helpline.verifiedAt);

  const refresh = () =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isHelplineNode(node) && preset) node.setState(presetToState(preset));
    });

  return (
    <BlockFrame
      nodeKey={nodeKey}
      kind="helpline"
      label="Helpline footer"
      actions={
        outdated ? (
          <button type="button" className="small" onClick={refresh}>
            Update to current preset
          </button>
        ) : null
      }
    >
      <aside className="helpline-card">
        <h3>{helpline.heading}</h3>
        <ul>
          {helpline.entries.map((entry, i) => (
            <li key={i}>{entryLine(entry)}</li>
          ))}
        </ul>
        <p className="hint">
          {preset ? preset.label : 'Custom list'} · numbers checked {helpline.verifiedAt || 'never'}
          {preset === undefined && helpline.presetId ? ` · preset “${helpline.presetId}” not found` : ''}
        </p>
      </aside>
    </BlockFrame>
  );
});
