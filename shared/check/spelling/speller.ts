// nspell ships no types; the declaration sits beside this file so every tsconfig that reaches it sees it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./nspell.d.ts" />
import nspell from 'nspell';
import nzWords from '../words/nz.json';
import type { CheckLanguage } from '../types';

/**
 * Spelling for the story's language: nspell (Hunspell's affix rules in plain JavaScript, so
 * the same dictionary runs in Node, the window and a worker) over a Hunspell dictionary the
 * caller reads — the CLI from node_modules/dictionary-*, the app from its bundle — plus our
 * New Zealand word list (te reo Māori, places, institutions, NZ words) for every language.
 *
 * Loading a dictionary takes a few hundred milliseconds, so a speller is made once per
 * language and kept (`cachedSpeller`); answers are cached per word, so a 30,000-word story
 * asks nspell about each distinct word once.
 */
export interface DictionaryText {
  aff: string | Uint8Array;
  dic: string | Uint8Array;
}

export interface Speller {
  readonly language: CheckLanguage;
  /** True when the word is spelt right (in the dictionary or the NZ list). */
  correct(word: string): boolean;
  /**
   * Up to three suggestions, best first; a word with a macron form suggests that form first
   * (and only that: it is the answer). `full: false` gives only the macron form, which is
   * instant; nspell's own search takes from a few to a few hundred milliseconds a word.
   */
  suggest(word: string, full?: boolean): string[];
}

interface NspellInstance {
  correct(word: string): boolean;
  suggest(word: string): string[];
  add(word: string): unknown;
}

const decoder = new TextDecoder('utf-8');
const asText = (data: string | Uint8Array) => (typeof data === 'string' ? data : decoder.decode(data));

/** "whānau" → "whanau": how the word is typed without macrons. */
export function withoutMacrons(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0304\u0301\u0300\u0302\u0308]/g, '')
    .normalize('NFC');
}

const hasMacron = (word: string) => /[āēīōūĀĒĪŌŪ]/.test(word);

/** The NZ list as single words: multi-word entries ("te reo", "Tāmaki Makaurau") are added word by word. */
export function nzWordList(): string[] {
  const list = nzWords as Record<string, string[]>;
  const words = new Set<string>();
  for (const entries of Object.values(list)) {
    for (const entry of entries) for (const word of entry.split(/[\s-]+/)) if (/\p{L}/u.test(word)) words.add(word.normalize('NFC'));
  }
  return [...words];
}

export function createSpeller(language: CheckLanguage, dictionary: DictionaryText): Speller {
  const spell = nspell(asText(dictionary.aff), asText(dictionary.dic)) as NspellInstance;
  const words = nzWordList();
  // A word typed without its macrons ("whanau") is the macron form misspelt, not a word of its own.
  const macronFor = new Map<string, string>();
  for (const word of words) {
    if (!hasMacron(word)) continue;
    const key = withoutMacrons(word).toLowerCase();
    // The common noun wins over a capitalised name (whānau, not the Whānau of an institution's name).
    const known = macronFor.get(key);
    if (known === undefined || (known !== known.toLowerCase() && word === word.toLowerCase())) macronFor.set(key, word);
  }
  for (const word of words) {
    if (!hasMacron(word) && macronFor.has(word.toLowerCase())) continue;
    spell.add(word);
  }

  const verdicts = new Map<string, boolean>();
  const suggestions = new Map<string, string[]>();

  const correct = (word: string): boolean => {
    let verdict = verdicts.get(word);
    if (verdict === undefined) {
      verdict = spell.correct(word) || (word.includes('’') && spell.correct(word.replace(/’/g, "'")));
      verdicts.set(word, verdict);
    }
    return verdict;
  };

  const suggest = (word: string, full = true): string[] => {
    const macron = macronFor.get(withoutMacrons(word).toLowerCase());
    if (macron) return [matchCase(macron, word)].filter((s) => s !== word);
    if (!full) return [];
    let found = suggestions.get(word);
    if (found === undefined) {
      const all = word.length > 30 ? [] : spell.suggest(word.replace(/’/g, "'")).map((s) => s.replace(/'/g, '’'));
      // In the Commonwealth dictionaries an American spelling's British form goes first: center → centre.
      const british = language === 'en-US' ? [] : britishForms(word).filter((w) => all.includes(w));
      found = [...new Set([...british, ...all])].filter((s) => s !== word).slice(0, 3);
      suggestions.set(word, found);
    }
    return found;
  };

  return { language, correct, suggest };
}

/** The British spellings an American one may stand for: color → colour, center → centre, realize → realise. */
function britishForms(word: string): string[] {
  const forms = [
    word.replace(/or(s?)$/u, 'our$1'),
    word.replace(/er(s?)$/u, 're$1'),
    word.replace(/iz(e|es|ed|ing|ation)$/u, 'is$1'),
    word.replace(/yz(e|es|ed|ing)$/u, 'ys$1'),
    word.replace(/og$/u, 'ogue'),
    word.replace(/ense$/u, 'ence'),
    word.replace(/eled$/u, 'elled').replace(/eling$/u, 'elling'),
  ];
  return forms.filter((f) => f !== word);
}

/** "whānau" spelt like "Whanau" → "Whānau". */
function matchCase(form: string, like: string): string {
  if (like === like.toUpperCase() && like.length > 1) return form.toUpperCase();
  if (like[0] === like[0]!.toUpperCase()) return form[0]!.toUpperCase() + form.slice(1);
  return form;
}

const cache = new Map<string, Speller>();

/**
 * The speller for a language, made on first use with the dictionary `load` returns and kept
 * for the life of the process (the CLI, the worker).
 */
export function cachedSpeller(language: CheckLanguage, load: () => DictionaryText): Speller {
  let speller = cache.get(language);
  if (!speller) {
    speller = createSpeller(language, load());
    cache.set(language, speller);
  }
  return speller;
}
