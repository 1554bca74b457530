import { copyFindings } from '../rules/copy';
import { blockText } from '../text';
import type { BlockContext, Finding } from '../types';

/** Paragraphs, headings, quotes and lists: the copy itself, checked for leftovers, house style and spelling. */
export function checkText({ node, index, options }: BlockContext): Finding[] {
  return copyFindings(blockText(node), { block: index }, options);
}
