import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import { $createTextNode, $getSelection, $isRangeSelection, $setSelection, COMMAND_PRIORITY_NORMAL, type BaseSelection } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { normaliseLinkInput } from '../../../shared/links';
import { OPEN_LINK_EDITOR_COMMAND } from '../commands';
import { FormError } from '../../dialogs/Actions';

interface OpenState {
  selection: BaseSelection | null;
  url: string;
  existing: boolean;
}

/** The link box: add, edit and remove links; only http, https, mailto and tel are accepted. */
export function LinkEditorPlugin() {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState<OpenState | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const openEditor = () => {
      const state = editor.getEditorState().read(() => {
        const selection = $getSelection();
        let url = '';
        let existing = false;
        if ($isRangeSelection(selection)) {
          const node = selection.anchor.getNode();
          const link = $isLinkNode(node) ? node : $isLinkNode(node.getParent()) ? node.getParent() : null;
          if ($isLinkNode(link)) {
            url = link.getURL();
            existing = true;
          }
        }
        return { selection: selection ? selection.clone() : null, url, existing };
      });
      setOpen(state);
      setValue(state.url);
      setError(null);
      return true;
    };
    // Ctrl/Cmd+K comes here through the story editor's keys (shared/keymap.ts).
    return editor.registerCommand(OPEN_LINK_EDITOR_COMMAND, openEditor, COMMAND_PRIORITY_NORMAL);
  }, [editor]);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  // Escape anywhere in the box is Cancel (a native listener: the form itself is not a control).
  const formRef = useRef<HTMLFormElement>(null);
  const isOpen = open !== null;
  useEffect(() => {
    const form = formRef.current;
    if (!isOpen || !form) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(null);
      editor.focus();
    };
    form.addEventListener('keydown', onKeyDown);
    return () => form.removeEventListener('keydown', onKeyDown);
  }, [isOpen, editor]);

  if (!open) return null;

  const close = () => {
    setOpen(null);
    editor.focus();
  };

  const apply = (url: string | null) => {
    editor.update(() => {
      if (open.selection) $setSelection(open.selection.clone());
      const selection = $getSelection();
      if (url !== null && $isRangeSelection(selection) && selection.isCollapsed() && !open.existing) {
        // Nothing selected: insert the address itself as the link text.
        const link = $createLinkNode(url);
        link.append($createTextNode(url.replace(/^mailto:|^tel:/, '')));
        selection.insertNodes([link]);
        return;
      }
      if (url !== null && open.existing && $isRangeSelection(selection) && selection.isCollapsed()) {
        // Caret inside a link: edit that whole link.
        const node = selection.anchor.getNode();
        const link = $isLinkNode(node) ? node : node.getParent();
        if ($isLinkNode(link)) {
          link.setURL(url);
          return;
        }
      }
      if (url === null && open.existing && $isRangeSelection(selection) && selection.isCollapsed()) {
        const node = selection.anchor.getNode();
        const link = $isLinkNode(node) ? node : node.getParent();
        if ($isLinkNode(link)) {
          const children = link.getChildren();
          for (const child of children) link.insertBefore(child);
          link.remove();
          return;
        }
      }
      $toggleLink(url);
    });
    close();
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const result = normaliseLinkInput(value);
    if (!result.ok) {
      setError(result.reason);
      return;
    }
    apply(result.url);
  };

  return (
    <div className="link-editor" role="dialog" aria-label={open.existing ? 'Edit link' : 'Add link'}>
      <form ref={formRef} onSubmit={submit}>
        <label htmlFor="link-url">Link address</label>
        <input
          id="link-url"
          ref={inputRef}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://…"
          value={value}
          aria-invalid={error !== null}
          aria-describedby={error ? 'link-error' : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="primary">
          {open.existing ? 'Update' : 'Add link'}
        </button>
        {open.existing && (
          <button type="button" onClick={() => apply(null)}>
            Remove link
          </button>
        )}
        <button type="button" onClick={close}>
          Cancel
        </button>
        <FormError error={error} id="link-error" />
      </form>
    </div>
  );
}
