import { CREDIT_STYLES, DEFAULT_CREDIT_STYLE, formatCredit } from '../../blocks/photo';
import { copyFindings } from '../rules/copy';
import { field } from '../text';
import type { BlockContext, Finding } from '../types';

/** A credit that already carries a house-style label: "Photo: Supplied", "Photo / NZME", "(Image: AP)", "Picture: …". */
const LABELLED_CREDIT = /^\(?\s*(?:photo(?:graph)?|image|picture|pic|credit|photo credit)\s*(?:[:/|–-]|by\b)\s*(.+?)\s*\)?$/iu;
/** A credit printed at the end of the caption, where the credit field should hold it. */
const CREDIT_IN_CAPTION = /\s*\(?\b(?:photo|image|picture|pic)\s*(?:[:/|]|by\b)\s*[^.()]{1,60}\)?\s*\.?$/iu;

/** What a photo needs before it leaves: an image, alt text, a caption and a credit in house style. */
export function checkPhoto({ node, index, options }: BlockContext): Finding[] {
  const findings: Finding[] = [];
  const at = (f: string) => ({ block: index, field: f });
  const style = options.creditStyle ?? DEFAULT_CREDIT_STYLE;
  if (field(node, 'asset') === '' && field(node, 'src').trim() === '') {
    findings.push({ rule: 'photo-image', severity: 'error', message: 'The photo has no image', where: at('image') });
  }
  const alt = field(node, 'alt');
  if (alt.trim() === '') {
    findings.push({
      rule: 'photo-alt',
      severity: 'error',
      message: 'The photo has no alt text: describe it for readers who cannot see it',
      where: at('alt'),
    });
  }
  const caption = field(node, 'caption');
  if (caption.trim() === '')
    findings.push({ rule: 'photo-caption', severity: 'warning', message: 'The photo has no caption', where: at('caption') });
  const credit = field(node, 'credit');
  if (credit.trim() === '') {
    findings.push({
      rule: 'photo-credit',
      severity: 'error',
      message: 'The photo has no credit: who took it or supplied it?',
      where: at('credit'),
    });
  } else {
    const labelled = LABELLED_CREDIT.exec(credit.trim());
    if (labelled) {
      const bare = labelled[1]!;
      findings.push({
        rule: 'credit-style',
        severity: 'warning',
        message: `The credit field holds a label: it would print as “${formatCredit(credit, style)}”; keep only the source and it prints as “${formatCredit(bare, style)}” (${CREDIT_STYLES[style].label})`,
        where: at('credit'),
        excerpt: credit,
        suggestions: [bare],
      });
    } else if (/^\p{Ll}/u.test(credit.trim())) {
      const fixed = credit.trim()[0]!.toUpperCase() + credit.trim().slice(1);
      findings.push({
        rule: 'credit-style',
        severity: 'warning',
        message: `Credits start with a capital: “${formatCredit(fixed, style)}”`,
        where: at('credit'),
        excerpt: credit,
        suggestions: [fixed],
      });
    }
  }
  const inCaption = CREDIT_IN_CAPTION.exec(caption);
  if (inCaption && caption.trim() !== inCaption[0].trim()) {
    findings.push({
      rule: 'credit-in-caption',
      severity: 'warning',
      message: 'The caption ends with a credit: move it to the credit field so it prints in house style',
      where: { ...at('caption'), start: inCaption.index, end: caption.length },
      excerpt: inCaption[0].trim(),
      suggestions: [caption.slice(0, inCaption.index).trimEnd()],
    });
  }
  findings.push(...copyFindings(caption, at('caption'), options));
  findings.push(...copyFindings(alt, at('alt'), options, { style: false }));
  return findings;
}
