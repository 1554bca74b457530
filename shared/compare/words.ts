import { diffArrays } from 'diff';
import { countWords } from '../story/create';

/** One run of a word-by-word comparison: text kept, added or taken out. */
export interface WordChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A word or punctuation mark and the whitespace after it; `core` is what is compared. */
interface Token {
  core: string;
  space: string;
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
  for (const { segment } of segmenterFor(language).segment(text)) {
    if (SPACE.test(segment)) {
      const last = tokens.at(-1);
      if (last) last.space += segment;
      else tokens.push({ core: '', space: segment });
    } else tokens.push({ core: segment, space: '' });
  }
  return tokens;
}

/**
 * Word-by-word changes from `before` to `after`. The equal and deleted runs, joined, give
 * `before` exactly; the equal and inserted runs give `after`. The words are aligned by the
 * `diff` package (Myers, minimal) over Intl.Segmenter's words, comparing words without the
 * space after them, so a changed space never costs a word; the space is then compared on
 * its own. (`diffWords` itself tidies whitespace and loses some: "Hello world." against
 * "Hello, world." gives back "Helloworld.".)
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
      for (let k = 0; k < count; k++, j++) raw.push({ op: 'insert', text: b[j]!.core + b[j]!.space });
    } else if (change.removed) {
      for (let k = 0; k < count; k++, i++) raw.push({ op: 'delete', text: a[i]!.core + a[i]!.space });
    } else {
      for (let k = 0; k < count; k++, i++, j++) {
        const x = a[i]!;
        const y = b[j]!;
        raw.push({ op: 'equal', text: x.core });
        if (x.space === y.space) raw.push({ op: 'equal', text: x.space });
        else raw.push({ op: 'delete', text: x.space }, { op: 'insert', text: y.space });
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
  const flush = () => {
    if (deleted) out.push({ op: 'delete', text: deleted });
    if (inserted) out.push({ op: 'insert', text: inserted });
    deleted = inserted = '';
  };
  for (const change of absorbed) {
    if (change.op === 'delete') deleted += change.text;
    else if (change.op === 'insert') inserted += change.text;
    else {
      flush();
      const last = out.at(-1);
      if (last?.op === 'equal') last.text += change.text;
      else out.push({ ...change });
    }
  }
  flush();
  return out;
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
