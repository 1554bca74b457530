import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalTypeaheadMenuPlugin, MenuOption, useBasicTypeaheadTriggerMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import type { LexicalEditor, TextNode } from 'lexical';
import { useCallback, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { setBlockType } from '../commands';
import { OPEN_BLOCK_INSERT_COMMAND } from '../blocks/commands';
import { EDITOR_BLOCK_LIST } from '../blocks/registry';

class BlockOption extends MenuOption {
  constructor(
    readonly title: string,
    readonly keywords: string[],
    readonly run: (editor: LexicalEditor) => void,
  ) {
    super(title);
  }
}

const OPTIONS = [
  // Each registered block first, then the text blocks.
  ...EDITOR_BLOCK_LIST.map(
    (block) =>
      new BlockOption(block.insert.menu, [...block.insert.keywords], (e) => e.dispatchCommand(OPEN_BLOCK_INSERT_COMMAND, block.type)),
  ),
  new BlockOption('Subheading', ['heading', 'h2'], (e) => setBlockType(e, 'h2')),
  new BlockOption('Minor subheading', ['heading', 'h3'], (e) => setBlockType(e, 'h3')),
  new BlockOption('Bulleted list', ['list', 'ul'], (e) => setBlockType(e, 'bullet')),
  new BlockOption('Numbered list', ['list', 'ol'], (e) => setBlockType(e, 'number')),
  new BlockOption('Block quote', ['quote'], (e) => setBlockType(e, 'quote')),
];

/** Type "/" on a line for the block menu. */
export function SlashMenuPlugin() {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const trigger = useBasicTypeaheadTriggerMatch('/', { minLength: 0 });

  const options = useMemo(() => {
    if (!query) return OPTIONS;
    const q = query.toLowerCase();
    return OPTIONS.filter((o) => o.title.toLowerCase().includes(q) || o.keywords.some((k) => k.includes(q)));
  }, [query]);

  const onSelect = useCallback(
    (option: BlockOption, textNode: TextNode | null, close: () => void) => {
      editor.update(() => textNode?.remove());
      close();
      option.run(editor);
    },
    [editor],
  );

  return (
    <LexicalTypeaheadMenuPlugin<BlockOption>
      onQueryChange={setQuery}
      onSelectOption={onSelect}
      triggerFn={trigger}
      options={options}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
        anchor.current && options.length > 0
          ? createPortal(
              <ul className="slash-menu" role="listbox" aria-label="Insert block">
                {options.map((option, i) => (
                  <li
                    key={option.key}
                    role="option"
                    aria-selected={selectedIndex === i}
                    className={selectedIndex === i ? 'is-active' : ''}
                    ref={option.setRefElement}
                    onMouseEnter={() => setHighlightedIndex(i)}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      selectOptionAndCleanUp(option);
                    }}
                  >
                    {option.title}
                  </li>
                ))}
              </ul>,
              anchor.current,
            )
          : null
      }
    />
  );
}
