import { BUILT_IN_PRESETS, matchesPreset, type HelplineEntry, type HelplinePreset, type HelplineState } from '.';
import { parseBullet, withoutBullet } from '../../import/bullets';
import { findPhones, findWebAddresses, namesKnownService } from './contacts';
import { entryName, fallbackName, makeEntry, MAX_ENTRY_CHARS, parseHelplineEntry, sentenceEntries, splitSentences } from './entries';

export {
  findPhones,
  findWebAddresses,
  firstCallNumber,
  printedPhone,
  registrableDomain,
  type PhoneMatch,
  type WebAddress,
} from './contacts';
export { entryName, parseHelplineEntry } from './entries';

/**
 * The helpline footer under a story about suicide, mental health or loss, in the three ways
 * copied text shows it:
 *
 *   heading   "Where to get help:" (any case, with or without the colon), then one service
 *             per line, with or without bullets, blank lines between them or not;
 *   list      a bare list of services with numbers at the very end ("• Lifeline: 13 11 14");
 *   sentence  a closing sentence listing them ("If you need help, call Lifeline on
 *             0800 543 354 or Youthline on 0800 376 633.").
 *
 * Each service becomes an entry: `name` (the service: "LIFELINE", "NEED TO TALK?", or the
 * registrable domain of a bare web address), `detail` (the line as printed, without its
 * bullet), `phone` (digits of the first number to call) and `url` (https, if the line
 * names a website). A list identical to a shipped preset takes the preset's id and date.
 */
export interface HelplineFooterMatch {
  form: 'heading' | 'list' | 'sentence';
  /** Index of the footer's first line in the lines given. */
  start: number;
  /** Where the footer starts on that line (0 unless a closing sentence follows other text). */
  startColumn: number;
  /** Index of the line after the footer's last line. */
  end: number;
  state: HelplineState;
  /**
   * Source text the block does not keep word for word: for a closing sentence, the
   * sentence itself (its lead-in, "If you need help, call", is not part of any entry).
   */
  reworded: string[];
}

export interface HelplineOptions {
  /** Today, for `verifiedAt` when the footer is not a known preset. */
  now: Date;
  /** The user's own presets, recognised before the shipped ones (as `findPreset` looks them up). */
  presets?: readonly HelplinePreset[];
}

/** The heading given to a footer that had none printed (the house style of every preset). */
export const DEFAULT_HELPLINE_HEADING = 'Where to get help:';
export const MAX_HELPLINE_ENTRIES = 50;

// ---- the footer ------------------------------------------------------------------------

const HEADING =
  /^(?:where\s+to\s+(?:get|find|seek|go\s+for)\s+(?:help|support)(?:\s+and\s+(?:help|support))?|need\s+(?:help|support|to\s+talk)|help\s*lines?|helpline\s+numbers|(?:mental\s+health\s+)?(?:help|support)\s+(?:services|lines|numbers|is\s+available)|support\s+services|get(?:ting)?\s+help|if\s+you\s+need\s+(?:help|support|to\s+talk)|useful\s+(?:numbers|contacts)|for\s+(?:help|support))\s*[:.?!]?$/iu;

/** "Where to get help:", "WHERE TO GET HELP", "Helplines", "Need help?" */
export function isHelplineHeading(line: string): boolean {
  const text = line.trim();
  return text.length <= 60 && HEADING.test(text);
}

const HELP_PHRASES =
  /\b(?:needs?|get|getting|seek|seeking|for|find)\s+(?:help|support)\b|\b(?:help|support)\s+is\s+available\b|\bneed\s+to\s+talk\b|\bcounsell?or|\bmental\s+health\b|\b24\/7\b|\bfree(?:phone|call|\s+call)\b/iu;

function mentionsHelp(text: string): boolean {
  return namesKnownService(text) || HELP_PHRASES.test(text);
}

/** Finds the story's helpline footer in its lines ('' or whitespace for blank lines). */
export function detectHelplineFooter(lines: readonly string[], options: HelplineOptions): HelplineFooterMatch | null {
  return headingFooter(lines, options) ?? listFooter(lines, options) ?? sentenceFooter(lines, options);
}

function headingFooter(lines: readonly string[], options: HelplineOptions): HelplineFooterMatch | null {
  for (let i = 0; i < lines.length; i++) {
    if (!isHelplineHeading(lines[i]!)) continue;
    const entries: HelplineEntry[] = [];
    let end = i + 1;
    for (let j = i + 1; j < lines.length && entries.length < MAX_HELPLINE_ENTRIES; j++) {
      const line = lines[j]!;
      if (line.trim() === '') continue;
      let entry = parseHelplineEntry(line);
      // Under a helpline heading, a short bullet is an entry even without a number.
      if (!entry && parseBullet(line) && withoutBullet(line).length <= 150) {
        const detail = withoutBullet(line);
        entry = makeEntry(detail, entryName(detail) ?? fallbackName(detail, []));
      }
      if (!entry) break;
      entries.push(entry);
      end = j + 1;
    }
    if (!entries.some((e) => e.phone || e.url || findPhones(e.detail).length > 0)) continue;
    return { form: 'heading', start: i, startColumn: 0, end, state: footerState(lines[i]!.trim(), entries, options), reworded: [] };
  }
  return null;
}

/** A line that only closes the story ("Sources: Mind, Samaritans", "You can make a difference."): it may follow the footer. */
function isClosingLine(line: string): boolean {
  const text = line.trim();
  return text.length <= 80 && !parseBullet(text) && findPhones(text).length === 0 && findWebAddresses(text).length === 0;
}

/** The last content line, or the one before it when the last only closes the story. */
function footerEnds(lines: readonly string[]): number[] {
  const last = lastContentLine(lines);
  if (last < 0) return [];
  const before = lastContentLine(lines.slice(0, last));
  return isClosingLine(lines[last]!) && before >= 0 ? [last, before] : [last];
}

/** An introducing line this short is the footer's heading; a longer one stays a paragraph. */
const MAX_LIST_HEADING = 100;

const EMERGENCY_NUMBER = /^(?:111|000|999|911|112)$/u;

/** "If it is an emergency … call 111.": the line that sends readers to the emergency number belongs in the footer. */
function isEmergencyLine(line: string): boolean {
  const text = line.trim();
  return (
    text.length <= MAX_ENTRY_CHARS &&
    findPhones(text).some((p) => EMERGENCY_NUMBER.test(p.digits)) &&
    /\b(?:emergenc(?:y|ies)|danger|at\s+risk|immediate|urgent)\b/iu.test(text)
  );
}

/** "Or visit … for a full list": an instruction that ends a list of services. */
const LIST_CODA = /^(?:or\s+)?(?:visit|see|go\s+to|find|for\s+(?:more|a\s+full|other))\b/iu;

function listFooter(lines: readonly string[], options: HelplineOptions): HelplineFooterMatch | null {
  for (const last of footerEnds(lines)) {
    const found = listFooterEndingAt(lines, last, options);
    if (found) return found;
  }
  return null;
}

function listFooterEndingAt(lines: readonly string[], last: number, options: HelplineOptions): HelplineFooterMatch | null {
  const entries: HelplineEntry[] = [];
  let start = last + 1;
  for (let i = last; i >= 0 && entries.length < MAX_HELPLINE_ENTRIES; i--) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    let entry = parseHelplineEntry(line);
    // A list line: bulleted, or short and led by the service's name ("Lifeline: 13 11 14").
    let listLike =
      parseBullet(line) !== null || (line.trim().length <= 120 && entryName(withoutBullet(line)) !== null && !/[.!?]$/.test(line.trim()));
    // After the list: the emergency line, and "Or visit … for a full list of services".
    if (entries.length === 0 && i === last) {
      if (!entry && LIST_CODA.test(line.trim()) && line.trim().length <= 150) {
        const detail = withoutBullet(line);
        entry = makeEntry(detail, entryName(detail) ?? fallbackName(detail, []));
        listLike = true;
      } else if (entry && isEmergencyLine(line)) listLike = true;
    }
    if (!entry || !listLike) break;
    entries.unshift(entry);
    start = i;
  }
  const services = entries.filter((e) => e.phone || e.url);
  if (services.length < 2) return null;
  // A line that introduces the list is its heading ("If you or anyone you know needs help:"),
  // or, when it is prose, evidence that the list is one of helplines.
  let heading = DEFAULT_HELPLINE_HEADING;
  let intro = start - 1;
  while (intro >= 0 && lines[intro]!.trim() === '') intro--;
  const introLine = intro >= 0 ? lines[intro]!.trim() : '';
  const introduces =
    introLine.endsWith(':') &&
    /\b(?:help|support|talk|contact|services|organisations?|organizations?)\b/iu.test(introLine) &&
    findPhones(introLine).length === 0;
  const withHelp = entries.filter((e) => mentionsHelp(e.detail)).length;
  if (!introduces && withHelp * 2 < entries.length) return null;
  if (services.length * 2 < entries.length) return null;
  if (introduces && introLine.length <= MAX_LIST_HEADING) {
    heading = introLine;
    start = intro;
  }
  return { form: 'list', start, startColumn: 0, end: last + 1, state: footerState(heading, entries, options), reworded: [] };
}

/**
 * Closing prose that names the services: the last paragraph's sentences that give a number
 * ("If you need help, call Lifeline on 0800 543 354 or Youthline on 0800 376 633."), and
 * the paragraphs before it when they are all such sentences ("Childline (0800 1111) runs
 * a helpline for …"). A sentence counts when it gives a number to call and either asks the
 * reader to get in touch or names the service with its number; "The 0800 number reported
 * 11,850 calls" does not.
 */
function sentenceFooter(lines: readonly string[], options: HelplineOptions): HelplineFooterMatch | null {
  for (const last of footerEnds(lines)) {
    const found = sentenceFooterEndingAt(lines, last, options);
    if (found) return found;
  }
  return null;
}

const MAX_FOOTER_PARAGRAPHS = 6;

function sentenceFooterEndingAt(lines: readonly string[], last: number, options: HelplineOptions): HelplineFooterMatch | null {
  let start = -1;
  let startColumn = 0;
  const pieces: string[] = [];
  for (let at = last, paragraphs = 0; at >= 0 && paragraphs < MAX_FOOTER_PARAGRAPHS; at--) {
    const line = lines[at]!;
    if (line.trim() === '') continue;
    if (parseBullet(line)) break;
    const column = closingColumn(line);
    if (column === null) break;
    start = at;
    startColumn = column;
    pieces.unshift(line.slice(column).trim());
    paragraphs++;
    // Only a paragraph that is all helpline sentences lets the one before it join.
    if (column > 0) break;
  }
  if (start < 0) return null;
  const closingText = pieces.join(' ');
  if (!mentionsHelp(closingText)) return null;
  const entries = pieces.flatMap(paragraphEntries);
  if (!entries.some((e) => e.phone)) return null;
  return {
    form: 'sentence',
    start,
    startColumn,
    end: last + 1,
    state: footerState(DEFAULT_HELPLINE_HEADING, entries.slice(0, MAX_HELPLINE_ENTRIES), options),
    reworded: pieces,
  };
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
const hasContact = (text: string) => findPhones(text).length > 0 || findWebAddresses(text).length > 0 || EMAIL.test(text);
/** A short question that leads into a number: "Need to talk? Free call or text 1737". */
const isLeadQuestion = (text: string) => /^[^.!]{2,40}\?$/u.test(text) && text.split(/\s+/).length <= 6;
const CALL_TO_ACTION =
  /\b(?:call|phone|ring|text|txt|contact|visit|dial|reach|chat|email|free\s?(?:call|phone)|freephone|talk\s+to|speak\s+to)\b/iu;
/** "Childline (0800 1111) runs …", "Samaritans: 116 123", "Samaritans on 116 123". */
const NAMED_NUMBER = /\p{Lu}[\p{L}'’&.-]*(?:\s+[\p{Lu}&][\p{L}'’&.-]*){0,5}\s*(?:\(\s*\+?\d[\d\s-]{2,}\)|:\s*\+?\d|\s+on\s+\+?\d)/u;
/** Short sentences after the last number that only sign off: "They are always here to help." */
const MAX_SIGN_OFF = 100;
/** "…, the mayor said.": a number in reported speech is the story's, not the footer's. */
const REPORTED_SPEECH = /\b(?:said|says|told|according\s+to)\b/iu;
const MAX_SIGN_OFFS = 2;

/** Where a paragraph's closing helpline sentences start; null when it has none. */
function closingColumn(line: string): number | null {
  const sentences = splitSentences(line);
  let end = sentences.length;
  // A paragraph may end with a sign-off or two after its last number ("Calls are free.").
  while (end > 0 && sentences.length - end < MAX_SIGN_OFFS && isSignOff(sentences[end - 1]!.text)) end--;
  let first = end;
  while (first > 0) {
    const text = sentences[first - 1]!.text;
    if (text.length > 400) break;
    const helpline = hasContact(text) && (CALL_TO_ACTION.test(text) || NAMED_NUMBER.test(text)) && !REPORTED_SPEECH.test(text);
    if (!helpline && !(first < end && isLeadQuestion(text))) break;
    first--;
  }
  if (first === end) return null;
  return sentences[first]!.start;
}

function isSignOff(text: string): boolean {
  return !hasContact(text) && text.length <= MAX_SIGN_OFF;
}

/** A closing paragraph's entries: one per service its sentences name; a sign-off joins the last. */
function paragraphEntries(text: string): HelplineEntry[] {
  const sentences = splitSentences(text);
  const entries: HelplineEntry[] = [];
  let lastContact: { text: string; start: number } | null = null;
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    if (!hasContact(sentence.text)) continue;
    // A lead-in question joins the sentence after it.
    const from = i > 0 && isLeadQuestion(sentences[i - 1]!.text) ? sentences[i - 1]!.start : sentence.start;
    entries.push(...sentenceEntries(text.slice(from, sentence.start + sentence.text.length)));
    lastContact = sentence;
  }
  // The sign-off after the last number stays, word for word, at the end of the last entry.
  const lastEntry = entries[entries.length - 1];
  if (lastEntry && lastContact) {
    const end = lastContact.start + lastContact.text.length;
    const signOff = text.slice(end).trimEnd();
    const stripped = /[.!]+$/u.exec(lastContact.text)?.[0] ?? '';
    if (signOff.trim() !== '' && lastEntry.detail.length + signOff.length < 500)
      lastEntry.detail = `${lastEntry.detail}${stripped}${signOff}`;
  }
  return entries;
}

function lastContentLine(lines: readonly string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.trim() !== '') return i;
  return -1;
}

/** The block's state; a list identical to a preset takes its id, heading and date. */
export function footerState(heading: string, entries: HelplineEntry[], options: HelplineOptions): HelplineState {
  const presets = [...(options.presets ?? []), ...BUILT_IN_PRESETS];
  const bare = (h: string) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s:.?!]+$/u, '');
  for (const preset of presets) {
    if (matchesPreset({ heading, entries }, preset)) {
      return { presetId: preset.id, heading, entries, verifiedAt: preset.verifiedAt };
    }
    // "WHERE TO GET HELP" over the preset's list is the preset in another type style.
    if (bare(heading) === bare(preset.heading) && matchesPreset({ heading: preset.heading, entries }, preset)) {
      return { presetId: preset.id, heading: preset.heading, entries, verifiedAt: preset.verifiedAt };
    }
  }
  return { presetId: '', heading, entries, verifiedAt: isoDay(options.now) };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
