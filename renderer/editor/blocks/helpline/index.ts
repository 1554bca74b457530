import type { EditorBlockDefinition } from '../registry-types';
import { HelplineInsert } from './insert';
import { $createHelplineNode, HelplineNode } from './HelplineNode';

export const helplineEditorBlock: EditorBlockDefinition<'helpline'> = {
  type: 'helpline',
  node: HelplineNode,
  create: $createHelplineNode,
  insert: {
    button: 'Helpline',
    menu: 'Helpline footer',
    title: 'Insert the helpline footer',
    keywords: ['help', 'where to get help', 'suicide', 'support'],
    Panel: HelplineInsert,
  },
};
