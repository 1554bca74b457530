import { el, type Html } from '../../export/markup';
import { cleanPullquote, type PullquoteState } from './schema';

/**
 * The pull quote as a CMS takes it:
 *
 *   <figure class="pullquote"><blockquote><p>TEXT</p></blockquote>
 *   <figcaption><span class="attribution">NAME</span>, <span class="role">ROLE</span></figcaption></figure>
 *
 * Line breaks in the quote are <br>. Null when there are no words to quote.
 */
export function renderPullquote(state: Partial<PullquoteState>): Html | null {
  const quote = cleanPullquote(state);
  const text = quote.text.trim();
  if (text === '') return null;
  const attribution = quote.attribution.trim();
  const role = quote.role.trim();
  const caption =
    attribution || role
      ? el(
          'figcaption',
          null,
          attribution ? el('span', { class: 'attribution' }, attribution) : null,
          attribution && role ? ', ' : null,
          role ? el('span', { class: 'role' }, role) : null,
        )
      : null;
  return el('figure', { class: 'pullquote' }, el('blockquote', null, el('p', null, withBreaks(text))), caption);
}

function withBreaks(text: string): (Html | string)[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, i) => (i === 0 ? [line] : [el('br', null), line]));
}

/** The words of the block, for plain-text copies and search: “TEXT” — NAME, ROLE */
export function pullquoteText(state: Partial<PullquoteState>): string {
  const quote = cleanPullquote(state);
  const credit = [quote.attribution.trim(), quote.role.trim()].filter(Boolean).join(', ');
  return `“${quote.text.trim()}”${credit ? ` — ${credit}` : ''}`;
}
