import { findPhones } from '../blocks/helpline/plain-text';
import { parseBullet } from './bullets';
import type { Item } from './copy-lines';

/**
 * Subheadings in copied text: a short line that can only be one (ALL CAPS, or Title Case
 * that is not just a name), between other content and a paragraph of prose. Anything less
 * certain stays a paragraph.
 */
const SMALL_WORDS = new Set(
  'a an the and or but nor of in on at to for by with from as into vs via is are was be it its up off over out than so if not'.split(' '),
);
/** Words that open a title but rarely a name: "What Happens Next", "The Road Ahead". */
const TITLE_OPENERS = new Set(
  'what how why who where when which the a an our your this that these inside behind after before beyond looking more next'.split(' '),
);
const WEB_CHROME =
  /^(?:advertisement|sponsored|read more|related(?: articles| stories| content)?|share(?: this(?: article| story)?)?|continue reading(?: below)?|sign up|subscribe(?: now)?|listen to this article|follow us|most read|trending|comments?)$/iu;

/** A short line that can only be a subheading: ALL CAPS, or Title Case that is not just a name. */
export function looksLikeSubheading(line: string): boolean {
  const text = line.trim();
  if (text.length < 4 || text.length > 70) return false;
  if (/[.,;:!?…"”’'»)\]—–-]$/u.test(text) || /^[—–-]/u.test(text)) return false;
  if (/https?:|www\.|@|\/|\d{3,}/u.test(text) || /^by\s/iu.test(text) || WEB_CHROME.test(text)) return false;
  if (parseBullet(text) || findPhones(text).length > 0) return false;
  const words = text.split(/\s+/u);
  if (words.length > 10) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4) return false;
  // ALL CAPS ("THE VERDICT", "BACKGROUND")
  if (letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return true;
  // Title Case with at least three words, where a small word or a title opener shows it is
  // not a name ("What Happens Next", "A Timeline of Events"; not "Prime Minister Jacinda Ardern").
  if (words.length < 3) return false;
  const clean = words.map((w) => w.replace(/^["“‘'(]+|["”’')]+$/gu, ''));
  if (!/^\p{Lu}/u.test(clean[0]!)) return false;
  let hasSmall = false;
  for (const word of clean) {
    if (SMALL_WORDS.has(word)) {
      hasSmall = true;
      continue;
    }
    if (!/^[\p{Lu}\p{N}]/u.test(word)) return false;
  }
  return hasSmall || TITLE_OPENERS.has(clean[0]!.toLowerCase());
}

/** Subheadings: a one-line paragraph that looks like one, between content and a prose paragraph. */
export function markHeadings(items: Item[]): Item[] {
  return items.map((item, i) => {
    if (item.kind !== 'paragraph' || item.lines.length !== 1) return item;
    const previous = items[i - 1];
    const next = items[i + 1];
    if (!previous || previous.kind === 'heading' || next?.kind !== 'paragraph') return item;
    const text = item.lines[0]!;
    const nextText = next.lines.join(' ');
    const prose = nextText.length > text.length + 20 && (/[.!?"”’)]$/u.test(nextText) || nextText.split(/\s+/).length >= 12);
    if (!prose || !looksLikeSubheading(text)) return item;
    return { kind: 'heading', text };
  });
}
