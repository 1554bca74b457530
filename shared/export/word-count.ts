import { countWords } from '../story/create';
import { COPY_BLOCK_TYPES, type RenderedBlock } from './body';

/**
 * What counts as the story's length: the words a reporter wrote in the body — paragraphs,
 * headings, lists and quotes. Photo captions, tweets (someone else's words) and the
 * helpline footer (boilerplate) are not counted, which is also ninjs's rule for body
 * word and character counts ("excluding figure captions"). Same words as
 * `countWords(bodyPlainText(body))`, the count the editor shows.
 */
export function storyWordCount(blocks: readonly RenderedBlock[]): number {
  return countWords(copyText(blocks).join('\n'));
}

/** Characters (code points) of the same copy, line breaks between blocks not counted. */
export function storyCharCount(blocks: readonly RenderedBlock[]): number {
  return copyText(blocks).reduce((sum, text) => sum + [...text.replace(/\n/g, '')].length, 0);
}

function copyText(blocks: readonly RenderedBlock[]): string[] {
  return blocks.filter((b) => COPY_BLOCK_TYPES.has(b.type)).map((b) => ('text' in b ? b.text : ''));
}
