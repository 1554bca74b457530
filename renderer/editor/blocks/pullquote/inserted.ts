import type { NodeKey } from 'lexical';

/** Pull quotes inserted from the toolbar or the / menu, whose quote box takes the caret once shown. */
export const justInserted = new Set<NodeKey>();
