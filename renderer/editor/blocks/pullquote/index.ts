import type { EditorBlockDefinition } from '../registry-types';
import { PullquoteInsert } from './insert';
import { $createPullquoteNode, PullquoteNode } from './PullquoteNode';

export const pullquoteEditorBlock: EditorBlockDefinition<'pullquote'> = {
  type: 'pullquote',
  node: PullquoteNode,
  create: $createPullquoteNode,
  insert: {
    button: 'Pull quote',
    menu: 'Pull quote',
    title: 'Insert a pull quote (a line from the story, set large, with who said it)',
    keywords: ['quote', 'pullquote', 'said'],
    Panel: PullquoteInsert,
  },
};
