import { z } from 'zod';
import type { BlockDefinition } from '../types';
import { isPullquoteFigure, pullquoteFromFigure } from './parse-html';
import { pullquoteText, renderPullquote } from './render';
import { cleanPullquote, emptyPullquote, PullquoteStateSchema, type PullquoteState } from './schema';

/** The pull quote block: a line from the story set large, exported as figure.pullquote. */
export const pullquoteBlock: BlockDefinition<'pullquote', PullquoteState, null, 'pullquotes'> = {
  type: 'pullquote',
  label: 'Pull quote',
  summary: { key: 'pullquotes', one: 'pull quote', many: 'pull quotes' },
  schema: PullquoteStateSchema,
  empty: emptyPullquote,
  example: () => ({ text: 'The water came through the floor.\nWe had minutes.', attribution: 'Mere Paki', role: 'Resident, Esk Valley' }),
  fields: {
    text: { label: 'Quote', kind: 'prose' },
    attribution: { label: 'Said by', kind: 'text' },
    role: { label: 'Role', kind: 'text' },
  },
  describe(quote) {
    const words = quote.text.trim().replace(/\s+/g, ' ');
    const about = words.length > 60 ? `${words.slice(0, 59)}…` : words;
    const who = quote.attribution.trim();
    return `Pull quote${about ? `: “${about}”` : ''}${who ? ` — ${who}` : ''}`;
  },
  plainText: (quote) => (quote.text.trim() ? pullquoteText(quote) : ''),
  placement: 'anywhere',
  render(state) {
    const quote = cleanPullquote(state);
    const html = renderPullquote(quote);
    return html
      ? {
          type: 'pullquote',
          state: { text: quote.text.trim(), attribution: quote.attribution.trim(), role: quote.role.trim() },
          html,
          data: null,
        }
      : null;
  },
  cms: {
    schema: z.object({
      text: z.string().min(1).describe('The quote as plain text (line breaks as \\n).'),
      attribution: z.string().describe('Who said it.'),
      role: z.string().describe('What they are ("Resident, Esk Valley").'),
    }),
    fields: (block) => ({ ...block.state }),
  },
  ninjs: { body: 'richtext' },
  html: {
    tags: ['figure'],
    matches: isPullquoteFigure,
    // A figure.pullquote with no words is not a quote to keep.
    read(el) {
      const quote = pullquoteFromFigure(el);
      return quote.text ? quote : null;
    },
  },
};
