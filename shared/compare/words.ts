import { diffArrays } from 'diff';
import { countWords } from '../story/create';

/** One run of a word-by-word comparison: text kept, added or taken out. */
export interface WordChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A word or punctuation mark and the whitespace before it; `core` is what is compared. */
interface Token {
  space: string;
  core: string;
}

const segmenters = new Map<string, Intl.Segmenter>();

/** Word segmentation for the story's language, so "Māori", "don't" and "it’s" stay one word. */
function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language || 'en', { granularity: 'word' });
    } catch {
      segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    }
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

const SPACE = /^\s+$/;

function tokenize(text: string, language: string): Token[] {
  const tokens: Token[] = [];
  let space = '';
  for (const { segment } of segmenterFor(language).segment(text)) {
    if (SPACE.test(segment)) space += segment;
    else {
      tokens.push({ space, core: segment });
      space = '';
    }
  }
  // Space at the very end is a token of its own, so it too is compared.
  if (space) tokens.push({ space, core: '' });
  return tokens;
}

/**
 * Word-by-word changes from `before` to `after`. The equal and deleted runs, joined, give
 * `before` exactly; the equal and inserted runs give `after`. The words are aligned by the
 * `diff` package (Myers, minimal) over Intl.Segmenter's words, comparing words without the
 * space before them, so a changed space never costs a word; the space is then compared on
 * its own. A word's space is the one before it, so a comma added is just ",". (`diffWords`
 * itself tidies whitespace and loses some: "Hello world." against "Hello, world." gives back
 * "Helloworld.".)
 */
export function diffWordsExact(before: string, after: string, language = 'en'): WordChange[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  const a = tokenize(before, language);
  const b = tokenize(after, language);
  const raw: WordChange[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(a, b, { comparator: (x, y) => x.core === y.core })) {
    const count = change.count ?? change.value.length;
    if (change.added) {
      for (let k = 0; k < count; k++, j++) raw.push({ op: 'insert', text: b[j]!.space + b[j]!.core });
    } else if (change.removed) {
      for (let k = 0; k < count; k++, i++) raw.push({ op: 'delete', text: a[i]!.space + a[i]!.core });
    } else {
      for (let k = 0; k < count; k++, i++, j++) {
        const x = a[i]!;
        const y = b[j]!;
        if (x.space === y.space) raw.push({ op: 'equal', text: x.space });
        else raw.push({ op: 'delete', text: x.space }, { op: 'insert', text: y.space });
        raw.push({ op: 'equal', text: x.core });
      }
    }
  }
  return tidy(raw.filter((c) => c.text !== ''));
}

/**
 * Reads as a person would mark it up: within each stretch of changes all the deleted text
 * comes first, then all the inserted text, and a bare space kept between two changes joins
 * them ("[-a b c-]{+x y z+}" rather than "[-a-]{+x+} [-b-]{+y+} …"). Neither side's text moves.
 */
function tidy(changes: WordChange[]): WordChange[] {
  const absorbed: WordChange[] = [];
  changes.forEach((change, k) => {
    const between = k > 0 && k < changes.length - 1 && changes[k - 1]!.op !== 'equal' && changes[k + 1]!.op !== 'equal';
    if (change.op === 'equal' && between && SPACE.test(change.text))
      absorbed.push({ op: 'delete', text: change.text }, { op: 'insert', text: change.text });
    else absorbed.push(change);
  });
  const out: WordChange[] = [];
  let deleted = '';
  let inserted = '';
  const keep = (text: string) => {
    const last = out.at(-1);
    if (last?.op === 'equal') last.text += text;
    else if (text) out.push({ op: 'equal', text });
  };
  const flush = () => {
    // Space both sides have around a change is kept, not deleted and inserted again.
    const lead = deleted && inserted ? commonSpace(deleted, inserted, /^\s*/) : '';
    const trail = deleted && inserted ? commonSpace(deleted.slice(lead.length), inserted.slice(lead.length), /\s*$/) : '';
    keep(lead);
    if (deleted) out.push({ op: 'delete', text: deleted.slice(lead.length, deleted.length - trail.length) });
    if (inserted) out.push({ op: 'insert', text: inserted.slice(lead.length, inserted.length - trail.length) });
    keep(trail);
    deleted = inserted = '';
  };
  for (const change of absorbed) {
    if (change.op === 'delete') deleted += change.text;
    else if (change.op === 'insert') inserted += change.text;
    else {
      flush();
      keep(change.text);
    }
  }
  flush();
  return out.filter((c) => c.text !== '');
}

/** The whitespace `pattern` (leading or trailing) finds in both texts, when it is the same. */
function commonSpace(x: string, y: string, pattern: RegExp): string {
  const a = pattern.exec(x)![0];
  const b = pattern.exec(y)![0];
  // Never the whole of a side: a change of nothing but space stays a change.
  return a === b && a.length < x.length && a.length < y.length ? a : '';
}

/** Words added and taken out, as the editor counts words. */
export function countChangedWords(changes: readonly WordChange[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const change of changes) {
    if (change.op === 'insert') inserted += countWords(change.text);
    else if (change.op === 'delete') deleted += countWords(change.text);
  }
  return { inserted, deleted };
}

/** The words of a text as a bag (word → how many times), for pairing similar blocks. */
export function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const word of text.toLowerCase().match(WORD) ?? []) bag.set(word, (bag.get(word) ?? 0) + 1);
  return bag;
}
const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/** Dice's coefficient of two bags of words: 1 for the same words, 0 for none in common. */
export function similarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, sizeA: number, sizeB: number): number {
  if (sizeA + sizeB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [word, n] of small) shared += Math.min(n, large.get(word) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}
