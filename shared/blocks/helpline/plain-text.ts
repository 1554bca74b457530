import { BUILT_IN_PRESETS, matchesPreset, type HelplineEntry, type HelplinePreset, type HelplineState } from '.';
import { parseBullet, withoutBullet } from '../../import/bullets';
import { findPhones, findWebAddresses } from './contacts';
import { entryName, fallbackName, makeEntry, parseHelplineEntry, sentenceEntries, splitSentences } from './entries';

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

const KNOWN_SERVICES =
  /\b(?:life\s?line|youth\s?line|samaritans|beyond\s?blue|kids\s?(?:help)?line|mensline|headspace|healthline|depression\s+helpline|anxiety\s+(?:nz|helpline|line|uk)|whatsup|what'?s\s+up|suicide|crisis\s+(?:line|helpline|text\s+line|support|team)|helpline|women'?s\s+refuge|rural\s+support\s+trust|papyrus|childline|nspcc|trevor\s+project|befrienders|butterfly\s+foundation|qlife|1800\s?respect|open\s+arms|13\s?yarn|mates\s+in\s+construction|victim\s+support|1737|988)\b/iu;
/** Services whose names are ordinary words, recognised only as proper names. */
const KNOWN_SERVICE_NAMES = /\b(?:Sands|Shine|Outline|Shout|SANE|Mind|CALM|Rainbow\s+Youth|Le\s+Va)\b/u;
const HELP_PHRASES =
  /\b(?:needs?|get|getting|seek|seeking|for|find)\s+(?:help|support)\b|\b(?:help|support)\s+is\s+available\b|\bneed\s+to\s+talk\b|\bcounsell?or|\bmental\s+health\b|\b24\/7\b|\bfree(?:phone|call|\s+call)\b/iu;

function mentionsHelp(text: string): boolean {
  return KNOWN_SERVICES.test(text) || KNOWN_SERVICE_NAMES.test(text) || HELP_PHRASES.test(text);
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

function listFooter(lines: readonly string[], options: HelplineOptions): HelplineFooterMatch | null {
  const last = lastContentLine(lines);
  if (last < 0) return null;
  const entries: HelplineEntry[] = [];
  let start = last + 1;
  for (let i = last; i >= 0 && entries.length < MAX_HELPLINE_ENTRIES; i--) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const entry = parseHelplineEntry(line);
    // A list line: bulleted, or short and led by the service's name ("Lifeline: 13 11 14").
    const listLike =
      parseBullet(line) !== null || (line.trim().length <= 120 && entryName(withoutBullet(line)) !== null && !/[.!?]$/.test(line.trim()));
    if (!entry || !listLike) break;
    entries.unshift(entry);
    start = i;
  }
  if (entries.length < 2) return null;
  const withHelp = entries.filter((e) => mentionsHelp(e.detail)).length;
  const callable = entries.filter((e) => e.phone || e.url).length;
  if (withHelp * 2 < entries.length || callable * 2 < entries.length) return null;
  // A line that introduces the list is its heading: "If you or anyone you know needs help:".
  let heading = DEFAULT_HELPLINE_HEADING;
  let intro = start - 1;
  while (intro >= 0 && lines[intro]!.trim() === '') intro--;
  const introLine = intro >= 0 ? lines[intro]!.trim() : '';
  if (
    introLine.length <= 80 &&
    introLine.endsWith(':') &&
    /\b(?:help|support|talk)\b/iu.test(introLine) &&
    findPhones(introLine).length === 0
  ) {
    heading = introLine;
    start = intro;
  }
  return { form: 'list', start, startColumn: 0, end: last + 1, state: footerState(heading, entries, options), reworded: [] };
}

function sentenceFooter(lines: readonly string[], options: HelplineOptions): HelplineFooterMatch | null {
  const last = lastContentLine(lines);
  if (last < 0) return null;
  const line = lines[last]!;
  if (parseBullet(line)) return null;
  const sentences = splitSentences(line);
  const hasContact = (text: string) => findPhones(text).length > 0 || findWebAddresses(text).length > 0;
  // The closing sentences that each give a number or a web address, and short questions
  // that lead into one ("Need to talk? Free call or text 1737").
  const isLeadQuestion = (text: string) => /^[^.!]{2,40}\?$/u.test(text) && text.split(/\s+/).length <= 6;
  let first = sentences.length;
  while (first > 0) {
    const text = sentences[first - 1]!.text;
    if (text.length > 400) break;
    if (!hasContact(text) && !(first < sentences.length && hasContact(sentences[first]!.text) && isLeadQuestion(text))) break;
    first--;
  }
  if (first === sentences.length) return null;
  const startColumn = sentences[first]!.start;
  const closingText = line.slice(startColumn).trim();
  if (!mentionsHelp(closingText)) return null;
  const entries: HelplineEntry[] = [];
  for (let i = first; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    if (!hasContact(sentence.text)) continue;
    // A lead-in question joins the sentence after it.
    const from = i > first && !hasContact(sentences[i - 1]!.text) ? sentences[i - 1]!.start : sentence.start;
    entries.push(...sentenceEntries(line.slice(from, sentence.start + sentence.text.length)));
  }
  if (entries.length === 0 || !entries.some((e) => e.phone || e.url)) return null;
  return {
    form: 'sentence',
    start: last,
    startColumn,
    end: last + 1,
    state: footerState(DEFAULT_HELPLINE_HEADING, entries.slice(0, MAX_HELPLINE_ENTRIES), options),
    reworded: [closingText],
  };
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
