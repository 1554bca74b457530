import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useBlockSelection } from './selection';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { $moveBlock } from './block-actions';

/**
 * The frame every newsroom block shares: click to select, a label for screen readers, and
 * move / delete buttons (the keyboard does the same: Alt+↑/↓, Delete).
 *
 * The buttons exist only on the block in hand — selected, under the pointer or holding the
 * focus. A live blog has hundreds of blocks; three idle buttons on each were a thousand more
 * nodes for the browser to walk and lay out on every key typed anywhere in the story, and a
 * thousand more Tab stops for a keyboard user. Select a block (click, or arrow onto it) and
 * Tab reaches its buttons. A press anywhere on the block that is not on one of its fields
 * selects it.
 */
export function BlockFrame(props: { nodeKey: NodeKey; kind: string; label: string; children: ReactNode; actions?: ReactNode }) {
  const [editor] = useLexicalComposerContext();
  const [selected, setSelected, clearSelection] = useBlockSelection(props.nodeKey);
  const isEditable = editor.isEditable();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const active = selected || hovered || focused;
  const frame = useRef<HTMLDivElement>(null);

  // A press on the block's body selects it, as Lexical's own decorator blocks do: a listener on
  // the frame (not a JSX handler on a group), so the caret does not land in the text around it.
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const onMouseDown = (event: MouseEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, button, a, label')) return;
      event.preventDefault();
      if (!event.shiftKey) clearSelection();
      setSelected(true);
    };
    element.addEventListener('mousedown', onMouseDown);
    return () => element.removeEventListener('mousedown', onMouseDown);
  }, [clearSelection, setSelected]);

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
      ref={frame}
      className={`block block-${props.kind}${selected ? ' is-selected' : ''}`}
      role="group"
      aria-label={props.label}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <div className="block-bar">
        <span className="block-kind">{props.label}</span>
        {props.actions}
        {isEditable && active && (
          <span className="block-buttons">
            <button type="button" className="icon" aria-label={`Move ${props.kind} up`} title="Move up (Alt+↑)" onClick={() => move(-1)}>
              ↑
            </button>
            <button type="button" className="icon" aria-label={`Move ${props.kind} down`} title="Move down (Alt+↓)" onClick={() => move(1)}>
              ↓
            </button>
            <button
              type="button"
              className="icon"
              aria-label={`Delete ${props.kind}`}
              title="Delete (select, then Delete)"
              onClick={remove}
            >
              ×
            </button>
          </span>
        )}
      </div>
      {props.children}
    </div>
  );
}

/** The Edit / Done button of a block whose form opens on demand. */
export function EditToggle({ editing, onToggle }: { editing: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="small" onClick={onToggle} aria-expanded={editing}>
      {editing ? 'Done' : 'Edit'}
    </button>
  );
}
