import { field } from '../text';
import type { BlockContext, Finding } from '../types';

/**
 * A tweet is kept as a snapshot so the story survives a deleted tweet: without its link,
 * handle, date and text it cannot be checked or shown. Its text is the tweeter's words and
 * is neither spell-checked nor restyled.
 */
export function checkTweet({ node, index }: BlockContext): Finding[] {
  const findings: Finding[] = [];
  const missing = (f: string, severity: Finding['severity'], message: string) =>
    findings.push({ rule: `tweet-${f}`, severity, message, where: { block: index, field: f } });
  if (field(node, 'url').trim() === '') missing('url', 'error', 'The tweet has no link: paste the tweet’s address');
  if (field(node, 'handle').trim() === '') missing('handle', 'warning', 'The tweet has no @handle');
  if (field(node, 'date').trim() === '') missing('date', 'warning', 'The tweet has no date');
  if (field(node, 'text').trim() === '') missing('text', 'warning', 'The tweet has no text: readers see nothing if it is deleted');
  return findings;
}
