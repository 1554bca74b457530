import { untouchableRanges } from '../text';
import type { Finding } from '../types';
import { withoutMacrons, type Speller } from './speller';

/**
 * The spelling findings for one piece of copy. Words are letters (with macrons and other
 * marks) joined by apostrophes; links, email addresses, @handles and #hashtags are skipped,
 * as are figures with units ("5km"), capitals-only words (acronyms) and capitalised words
 * inside quotation marks (names of works, nicknames). An unknown capitalised word elsewhere
 * is most likely a name, so it is only `info`.
 */
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const QUOTED = /[“"‘]([^”"’\n]{1,200})[”"’]/gu;

export interface Misspelling {
  start: number;
  end: number;
  word: string;
  capitalised: boolean;
}

export function findMisspellings(text: string, speller: Speller): Misspelling[] {
  const found: Misspelling[] = [];
  if (text === '') return found;
  const skip = untouchableRanges(text);
  let quoted: [number, number][] | null = null;
  let s = 0;
  WORD.lastIndex = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    const end = start + word.length;
    if (word.length < 2) continue;
    const before = text.charCodeAt(start - 1);
    const after = text.charCodeAt(end);
    if (isDigitOrJoin(before) || isDigitOrJoin(after)) continue;
    if (word === word.toUpperCase()) continue;
    while (s < skip.length && skip[s]![1] <= start) s++;
    if (s < skip.length && skip[s]![0] < end) continue;
    if (speller.correct(word)) continue;
    const bare = word.replace(/['’]s$/u, '');
    if (bare !== word && speller.correct(bare)) continue;
    const capitalised = word[0] !== word[0]!.toLowerCase();
    if (capitalised) {
      quoted ??= [...text.matchAll(QUOTED)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
      if (quoted.some(([a, b]) => start > a && end < b)) continue;
    }
    found.push({ start, end, word, capitalised });
  }
  return found;
}

/** Digits, underscores and the joiners of identifiers: "5km", "COVID19", "file_name". */
function isDigitOrJoin(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 95;
}

export function spellingFindings(text: string, speller: Speller, place: { block: number | null; field?: string }): Finding[] {
  return findMisspellings(text, speller).map((m) => {
    const sentenceStart = m.start === 0 || /[.!?]\s+$/u.test(text.slice(Math.max(0, m.start - 3), m.start));
    // A capitalised word mid-sentence is most likely a name: no slow search for look-alikes.
    const suggestions = speller.suggest(m.word, !m.capitalised || sentenceStart);
    return {
      rule: 'spelling',
      // A capitalised word mid-sentence is most likely a name the dictionary does not know —
      // unless it is a place or name typed without its macrons.
      severity: m.capitalised && !sentenceStart && !isMacronFix(m.word, suggestions[0]) ? 'info' : 'warning',
      message: `“${m.word}” is not in the ${speller.language} dictionary`,
      where: { ...place, start: m.start, end: m.end },
      excerpt: m.word,
      ...(suggestions.length > 0 ? { suggestions } : {}),
    } satisfies Finding;
  });
}

function isMacronFix(word: string, suggestion: string | undefined): boolean {
  return suggestion !== undefined && suggestion !== word && withoutMacrons(suggestion).toLowerCase() === word.toLowerCase();
}
