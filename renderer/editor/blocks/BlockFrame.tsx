import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { $getNodeByKey, type NodeKey } from 'lexical';
import type { ReactNode } from 'react';
import { $moveBlock } from './block-actions';

/**
 * The frame every newsroom block shares: click to select, a label for screen readers, and
 * move / delete buttons (the keyboard does the same: Alt+↑/↓, Delete).
 */
export function BlockFrame(props: { nodeKey: NodeKey; kind: string; label: string; children: ReactNode; actions?: ReactNode }) {
  const [editor] = useLexicalComposerContext();
  const [selected, setSelected, clearSelection] = useLexicalNodeSelection(props.nodeKey);
  const isEditable = editor.isEditable();

  const remove = () =>
    editor.update(() => {
      $getNodeByKey(props.nodeKey)?.remove();
    });
  const move = (direction: -1 | 1) =>
    editor.update(() => {
      $moveBlock(props.nodeKey, direction);
    });

  return (
    <div
      className={`block block-${props.kind}${selected ? ' is-selected' : ''}`}
      role="group"
      aria-label={props.label}
      onMouseDown={(event) => {
        const target = event.target as HTMLElement;
        if (target.closest('input, textarea, select, button, a, label')) return;
        event.preventDefault();
        if (!event.shiftKey) clearSelection();
        setSelected(true);
      }}
    >
      <div className="block-bar">
        <span className="block-kind">{props.label}</span>
        {props.actions}
        {isEditable && (
          <span className="block-buttons">
            <button type="button" className="icon" aria-label={`Move ${props.kind} up`} title="Move up (Alt+↑)" onClick={() => move(-1)}>
              ↑
            </button>
            <button type="button" className="icon" aria-label={`Move ${props.kind} down`} title="Move down (Alt+↓)" onClick={() => move(1)}>
              ↓
            </button>
            <button type="button" className="icon" aria-label={`Delete ${props.kind}`} title="Delete (select, then Delete)" onClick={remove}>
              ×
            </button>
          </span>
        )}
      </div>
      {props.children}
    </div>
  );
}
