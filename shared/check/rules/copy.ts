import { styleFindings } from '../house-style/rules';
import { NZ_HOUSE_STYLE } from '../house-style/load';
import { spellingFindings } from '../spelling/spelling';
import { untouchableRanges } from '../text';
import type { CheckOptions, Finding } from '../types';
import { findLeftovers } from './leftovers';

/**
 * The checks every piece of the reporter's own words gets — paragraphs, headings, quotes,
 * lists, the headline and standfirst, captions, alt text: leftovers, house style and
 * spelling. Tweets are quotes of someone else and get none of them.
 */
export function copyFindings(
  text: string,
  place: { block: number | null; field?: string },
  options: CheckOptions,
  which: { style?: boolean; spelling?: boolean } = {},
): Finding[] {
  if (text.trim() === '') return [];
  const findings: Finding[] = findLeftovers(text).map((l) => ({
    rule: 'leftover',
    severity: 'error',
    message: `“${l.text}” is a note left in the copy: fill it in or take it out`,
    where: { ...place, start: l.start, end: l.end },
    excerpt: l.text,
  }));
  if (which.style !== false) {
    findings.push(...styleFindings(text, options.houseStyle ?? NZ_HOUSE_STYLE, place, untouchableRanges(text)));
  }
  if (which.spelling !== false && options.speller) findings.push(...spellingFindings(text, options.speller, place));
  return findings;
}
