import type { Html } from '../../export/markup';
import { renderPullquote } from './render';
import { cleanPullquote, type PullquoteState } from './schema';

export * from './schema';
export { renderPullquote, pullquoteText } from './render';
export { isPullquoteFigure, parsePullquotes, pullquoteFromFigure } from './parse-html';

export const PULLQUOTE_TYPE = 'pullquote';

/** The block in CMS JSON: its fields and its HTML. */
export interface CmsPullquote extends PullquoteState {
  type: 'pullquote';
  html: string;
}

export function cmsPullquote(state: Partial<PullquoteState>, html: Html): CmsPullquote {
  const quote = cleanPullquote(state);
  return { type: 'pullquote', text: quote.text.trim(), attribution: quote.attribution.trim(), role: quote.role.trim(), html: html.markup };
}

/** Rendered once for export: null when the quote has no words (nothing to print). */
export function renderPullquoteBlock(state: unknown): { state: PullquoteState; html: Html } | null {
  const quote = cleanPullquote(state);
  const html = renderPullquote(quote);
  return html ? { state: quote, html } : null;
}
