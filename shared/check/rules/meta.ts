import type { Story } from '../../story/schema';
import type { CheckOptions, Finding, StoryRule } from '../types';
import { copyFindings } from './copy';

export const DEFAULT_HEADLINE_LIMIT = 70;
export const DEFAULT_STANDFIRST_LIMIT = 200;

/** The story's metadata: headline, byline and slug present; headline and standfirst within their limits; and their copy checked. */
export function checkMeta(story: Story, options: CheckOptions): Finding[] {
  const { headline, standfirst, byline, slug } = story.meta;
  const findings: Finding[] = [];
  const at = (field: string) => ({ block: null, field });
  if (headline.trim() === '')
    findings.push({ rule: 'headline', severity: 'error', message: 'The story has no headline', where: at('headline') });
  if (byline.trim() === '') findings.push({ rule: 'byline', severity: 'warning', message: 'The story has no byline', where: at('byline') });
  if (slug.trim() === '') findings.push({ rule: 'slug', severity: 'warning', message: 'The story has no slug', where: at('slug') });
  const limits = [
    ['headline', headline, options.headlineLimit ?? DEFAULT_HEADLINE_LIMIT],
    ['standfirst', standfirst, options.standfirstLimit ?? DEFAULT_STANDFIRST_LIMIT],
  ] as const;
  for (const [name, text, limit] of limits) {
    // Characters as readers count them: "Māori" is five, however it is encoded.
    const length = [...text.trim().normalize('NFC')].length;
    if (length > limit) {
      findings.push({
        rule: `${name}-length`,
        severity: 'warning',
        message: `The ${name} is ${length} characters; the limit is ${limit}`,
        where: { ...at(name), start: limitOffset(text, limit), end: text.length },
      });
    }
  }
  findings.push(...copyFindings(headline, at('headline'), options));
  findings.push(...copyFindings(standfirst, at('standfirst'), options));
  return findings;
}

/** The offset in `text` where its `limit`th character ends. */
function limitOffset(text: string, limit: number): number {
  const lead = text.length - text.trimStart().length;
  let offset = lead;
  let count = 0;
  for (const ch of text.slice(lead)) {
    if (count === limit) break;
    offset += ch.length;
    count++;
  }
  return offset;
}

export const metaRule: StoryRule = { id: 'meta', check: checkMeta };
