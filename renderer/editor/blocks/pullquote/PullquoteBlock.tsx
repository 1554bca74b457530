import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { memo, useEffect, useId, useRef, useState } from 'react';
import { PULLQUOTE_LIMITS, type PullquoteState } from '../../../../shared/blocks/pullquote';
import { BlockFrame, EditToggle } from '../BlockFrame';
import { $isPullquoteNode } from './PullquoteNode';
import { justInserted } from './inserted';
import './pullquote.css';

/** The quote as readers will see it, and the form behind it. */
export const PullquoteBlock = memo(function PullquoteBlock({ nodeKey, quote }: { nodeKey: NodeKey; quote: PullquoteState }) {
  const [editor] = useLexicalComposerContext();
  const [editing, setEditing] = useState(quote.text === '');
  const id = useId();
  const textBox = useRef<HTMLTextAreaElement>(null);
  // A pull quote just inserted is empty: the caret goes to its quote box, where the words are typed.
  useEffect(() => {
    if (justInserted.delete(nodeKey)) textBox.current?.focus();
  }, [nodeKey]);

  const update = (patch: Partial<PullquoteState>) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isPullquoteNode(node)) node.setState(patch);
    });
  const credit = [quote.attribution.trim(), quote.role.trim()].filter(Boolean).join(', ');

  return (
    <BlockFrame
      nodeKey={nodeKey}
      kind="pullquote"
      label="Pull quote"
      actions={<EditToggle editing={editing} onToggle={() => setEditing((e) => !e)} />}
    >
      <figure className="pullquote-card" aria-label={`Pull quote${quote.attribution ? ` from ${quote.attribution}` : ''}`}>
        <blockquote className="pullquote-text">{quote.text || <span className="placeholder">The quote</span>}</blockquote>
        <figcaption className="pullquote-credit">
          {credit ? `— ${credit}` : <span className="placeholder">— Who said it, and what they are</span>}
        </figcaption>
      </figure>
      {editing && (
        <div className="block-form">
          <div className="field">
            <label htmlFor={`${id}-text`}>Quote</label>
            <textarea
              id={`${id}-text`}
              rows={3}
              value={quote.text}
              maxLength={PULLQUOTE_LIMITS.text}
              ref={textBox}
              onChange={(e) => update({ text: e.target.value })}
            />
          </div>
          <div className="field-grid">
            <div className="field">
              <label htmlFor={`${id}-attribution`}>Said by</label>
              <input
                id={`${id}-attribution`}
                value={quote.attribution}
                maxLength={PULLQUOTE_LIMITS.attribution}
                placeholder="Mere Paki"
                onChange={(e) => update({ attribution: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-role`}>Role</label>
              <input
                id={`${id}-role`}
                value={quote.role}
                maxLength={PULLQUOTE_LIMITS.role}
                placeholder="Resident, Esk Valley"
                onChange={(e) => update({ role: e.target.value })}
              />
            </div>
          </div>
        </div>
      )}
    </BlockFrame>
  );
});
