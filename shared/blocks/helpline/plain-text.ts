import { BUILT_IN_PRESETS, matchesPreset, type HelplineEntry, type HelplinePreset, type HelplineState } from '.';
import { parseBullet, withoutBullet } from '../../import/bullets';

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
/** Entry lines longer than this are prose, not a footer line. */
const MAX_ENTRY_CHARS = 300;

// ---- numbers and web addresses -----------------------------------------------------------

export interface PhoneMatch {
  /** As printed: "0800 543 354". */
  printed: string;
  /** Digits to dial (and a leading +): "0800543354". */
  digits: string;
  index: number;
  /** A number only to text ("text HELP to 4357", "free text 4357"), not to call. */
  textOnly: boolean;
}

const PHONE = /(?<![\p{L}\p{N}/.:,+\-$£€#@_])(\+?(?:\(\d{1,5}\)\s?)?\d(?:[ .-]?\d){1,16})(?![\p{L}\p{N}/%_]|[.,]\d)/gu;

/** Every run of digits that could be a phone number (3 to 15 digits). */
export function findPhones(text: string): PhoneMatch[] {
  const found: PhoneMatch[] = [];
  for (const match of text.matchAll(PHONE)) {
    const printed = match[1]!;
    const digits = printed.replace(/[^+0-9]/g, '');
    const count = digits.replace('+', '').length;
    if (count < 3 || count > 15) continue;
    const index = match.index!;
    // "0800 LIFELINE": the digits of a vanity number are not a number on their own.
    if (count <= 4 && /^\s+\p{Lu}{4,}\b/u.test(text.slice(index + printed.length))) continue;
    const before = text.slice(Math.max(0, index - 30), index).toLowerCase();
    const textOnly = /\btext(?:\s+\p{L}+)?\s+(?:to\s+)?$/u.test(before) && !/\bcall\s+or\s+text(?:\s+\p{L}+)?\s+(?:to\s+)?$/u.test(before);
    found.push({ printed, digits, index, textOnly });
  }
  return found;
}

/** The first number to call on a line (numbers only for texting are skipped). */
export function firstCallNumber(text: string): PhoneMatch | undefined {
  return findPhones(text).find((p) => !p.textOnly);
}

/** The phone of an entry as printed in its detail ("0800 543 354"), or '' when it has none. */
export function printedPhone(entry: Pick<HelplineEntry, 'detail' | 'phone'>): string {
  if (!entry.phone) return '';
  return findPhones(entry.detail).find((p) => p.digits === entry.phone)?.printed ?? '';
}

export interface WebAddress {
  /** As printed. */
  printed: string;
  /** https link to it. */
  url: string;
  /** The registrable domain: "lifeline.org.nz" for https://www.lifeline.org.nz/… */
  domain: string;
  /** True when printed as a bare domain ("sands.org.nz") rather than a link. */
  bare: boolean;
  index: number;
}

const EXPLICIT_URL = /\bhttps?:\/\/[^\s<>"'`]+/giu;
const GENERIC_TLDS = 'com|org|net|info|gov|edu|io|co|app|help|health|care|life|online|support|services|community|charity|ngo';
const BARE_DOMAIN = new RegExp(
  `(?<![\\p{L}\\p{N}@._/:-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${GENERIC_TLDS}|[a-z]{2}))((?:/[^\\s<>"'\`]*)?)(?![\\p{L}\\p{N}_@-]|\\.[a-z0-9])`,
  'gu',
);
/** Second-level labels under which a domain is registered one level down (org.nz, co.uk). */
const SECOND_LEVEL = new Set([
  'co',
  'com',
  'org',
  'net',
  'gov',
  'govt',
  'ac',
  'edu',
  'ltd',
  'plc',
  'school',
  'iwi',
  'health',
  'maori',
  'geek',
  'gen',
  'kiwi',
  'mil',
  'or',
  'ne',
  'go',
  'id',
  'asn',
  'me',
  'sch',
  'police',
  'parliament',
  'cri',
]);

/** The registrable domain of a host name: www.lifeline.org.nz → lifeline.org.nz. */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const tld = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const keep = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function trimUrlEnd(url: string): string {
  let out = url.replace(/[.,;:!?'"”’]+$/u, '');
  // A closing bracket belongs to the link only if the link opened one.
  while (out.endsWith(')') && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) {
    out = out.slice(0, -1).replace(/[.,;:!?'"”’]+$/u, '');
  }
  return out;
}

function httpsUrl(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'https:' || !url.hostname.includes('.')) return null;
    const text = url.href.length <= 500 ? candidate : null;
    return text;
  } catch {
    return null;
  }
}

/** Tweet and short links: never a helpline's website. */
const NOT_A_SERVICE = new Set(['t.co', 'twitter.com', 'x.com', 'bit.ly', 'tinyurl.com']);

/** Links and bare domains on a line, in order. Email addresses and tweet links are not services' web addresses. */
export function findWebAddresses(text: string): WebAddress[] {
  const found: WebAddress[] = [];
  const taken: Array<[number, number]> = [];
  for (const match of text.matchAll(EXPLICIT_URL)) {
    const printed = trimUrlEnd(match[0]);
    const secure = printed.replace(/^http:/i, 'https:');
    const url = httpsUrl(secure);
    if (!url) continue;
    const domain = registrableDomain(new URL(url).hostname);
    taken.push([match.index!, match.index! + printed.length]);
    if (!NOT_A_SERVICE.has(domain)) found.push({ printed, url, domain, bare: false, index: match.index! });
  }
  for (const match of text.matchAll(BARE_DOMAIN)) {
    const index = match.index!;
    if (taken.some(([a, b]) => index >= a && index < b)) continue;
    const host = match[1]!;
    const labels = host.split('.');
    // "e.g", "a.m" and the like: every label but the last needs two characters.
    if (labels.slice(0, -1).some((l) => l.length < 2)) continue;
    const path = trimUrlEnd(match[2] ?? '');
    const domain = registrableDomain(host);
    if (!domain.includes('.') || NOT_A_SERVICE.has(domain)) continue;
    // A bare domain links to its www. site (the convention of the shipped presets).
    const linkHost = host.toLowerCase() === domain ? `www.${domain}` : host.toLowerCase();
    const url = httpsUrl(`https://${linkHost}${path}`);
    if (!url) continue;
    found.push({ printed: host + path, url, domain, bare: true, index });
  }
  return found.sort((a, b) => a.index - b.index);
}

// ---- one entry -------------------------------------------------------------------------

const NAME_CONNECTORS = new Set(['&', 'and', 'of', 'for', 'the', 'de']);

/**
 * Reads one printed line of a helpline list as an entry; null when the line has nothing to
 * call, text or visit (or is too long to be a footer line).
 */
export function parseHelplineEntry(line: string): HelplineEntry | null {
  const detail = withoutBullet(line);
  if (detail === '' || detail.length > MAX_ENTRY_CHARS) return null;
  const phones = findPhones(detail);
  const web = findWebAddresses(detail);
  if (phones.length === 0 && web.length === 0) return null;
  return makeEntry(detail, entryName(detail, web) ?? fallbackName(detail, phones));
}

function makeEntry(detail: string, name: string): HelplineEntry {
  const entry: HelplineEntry = { name: name.slice(0, 200).trim() || detail.slice(0, 200).trim(), detail };
  const phone = firstCallNumber(detail);
  if (phone) entry.phone = phone.digits;
  const web = findWebAddresses(detail)[0];
  if (web) entry.url = web.url;
  return entry;
}

/** The service a line names, or null when it names none (see `fallbackName`). */
export function entryName(detail: string, web: WebAddress[] = findWebAddresses(detail)): string | null {
  const text = detail.trim();
  // A bare link or domain: the service is its registrable domain.
  if (web.length === 1 && web[0]!.printed === text) return web[0]!.domain;
  const label = labelName(text);
  if (label) return label;
  if (/\bemergenc(?:y|ies)\b/iu.test(text)) return 'Emergency';
  // "Call Healthline on 0800 611 116", "Samaritans on 116 123"
  const run = serviceName(text);
  if (run) return run;
  const domain = web.find((w) => w.bare) ?? web[0];
  if (domain) return domain.domain;
  return null;
}

/** A name printed as a label: "YOUTHLINE: …", "Lifeline – …", "NEED TO TALK? …", "0800 543 354 (0800 LIFELINE)". */
function labelName(text: string): string | null {
  // "YOUTHLINE: 0800 376 633", "988 Suicide & Crisis Lifeline: call or text 988"
  const colon = /^([^:]{1,80}?)\s*:\s+\S/u.exec(text);
  if (colon && isLabel(colon[1]!)) return colon[1]!.trim();
  // "Lifeline – 0800 543 354"
  const dash = /^(.{1,60}?)\s+[–—-]\s+\S/u.exec(text);
  if (dash && isLabel(dash[1]!) && !/\d{3}/.test(dash[1]!)) return dash[1]!.trim();
  // "NEED TO TALK? Free call or text 1737"
  const question = /^([^?]{2,40}\?)\s+\S/u.exec(text);
  if (question && question[1]!.split(/\s+/).length <= 6) return question[1]!.trim();
  // "0800 543 354 (0800 LIFELINE) …": the number's letters name the service.
  if (/^[+(\d]/.test(text)) {
    const vanity = /\(\s*\d{3,5}\s+(\p{Lu}[\p{Lu}&'’ -]{2,30}?)\s*\)/u.exec(text);
    if (vanity) return vanity[1]!.trim();
  }
  return null;
}

function isLabel(label: string): boolean {
  const text = label.trim();
  if (!/\p{L}/u.test(text) || /https?$/i.test(text) || /[.!?]\s/u.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > 8) return false;
  // A label names a service; "If you need help, call" does not.
  return /^[\p{Lu}\p{N}]/u.test(text) && !/^(?:if|for|to|you|call|in)\b/iu.test(text);
}

/** Capitalised words that open a sentence or an instruction, not a service's name. */
const NOT_A_NAME =
  /^(?:I|In|If|The|For|You|Your|Call|Text|Txt|Phone|Ring|Visit|Contact|Free|Freephone|Freecall|Or|And|To|On|At|A|An|It|This|That|Help|Email|Chat|Also|Please|Anyone|Readers|Those|People|We|Our|Go|See|Try|Reach)$/u;
const REGION =
  /^(?:UK|US|USA|America|United States|United Kingdom|Australia|New Zealand|NZ|Ireland|Canada|England|Scotland|Wales|Northern Ireland)$/u;

/**
 * The service a line or a piece of a sentence names before its number or web address: the
 * last run of capitalised words ("Call Healthline on 0800 611 116" → "Healthline", "the
 * crisis support service Lifeline is 13 11 14" → "Lifeline", "the 988 Suicide & Crisis
 * Lifeline at 988" → "988 Suicide & Crisis Lifeline"). Regions ("In the UK") are not names.
 */
function serviceName(text: string): string | null {
  // Cut at the first number or address, unless it is part of a name ("988 Suicide & Crisis Lifeline").
  const contacts = [
    ...findPhones(text).map((p) => ({ index: p.index, end: p.index + p.printed.length })),
    ...findWebAddresses(text).map((w) => ({ index: w.index, end: w.index + w.printed.length })),
  ].filter((c) => !/^\s+\p{Lu}\p{Ll}/u.test(text.slice(c.end)));
  const cut = contacts.length > 0 ? Math.min(...contacts.map((c) => c.index)) : text.length;
  const words = text
    .slice(0, cut)
    .split(/\s+/u)
    .filter((w) => w !== '');
  let best: string | null = null;
  let run: string[] = [];
  const close = () => {
    while (run.length > 0 && (NAME_CONNECTORS.has(run[run.length - 1]!.toLowerCase()) || /^\d+$/.test(run[run.length - 1]!))) run.pop();
    const name = run.join(' ');
    if (run.length > 0 && run.length <= 8 && !REGION.test(name)) best = name;
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const bare = word.replace(/^["“‘(]+/u, '').replace(/[,;:.!?)"”’]+$/u, '');
    const punctuated = bare !== word.replace(/^["“‘(]+/u, '');
    const next = words[i + 1]?.replace(/^["“‘(]+/u, '') ?? '';
    const capital = /^\p{Lu}/u.test(bare) && !(run.length === 0 && NOT_A_NAME.test(bare));
    const inner = run.length > 0 && (NAME_CONNECTORS.has(bare.toLowerCase()) || /^\d{1,3}$/u.test(bare));
    const leadingNumber = run.length === 0 && /^\d{2,4}$/u.test(bare) && /^\p{Lu}\p{Ll}/u.test(next);
    if (bare !== '' && (capital || inner || leadingNumber)) {
      run.push(bare);
      if (punctuated) close();
    } else close();
  }
  close();
  return best;
}

function fallbackName(detail: string, phones: PhoneMatch[]): string {
  if (phones.length > 0) return phones[0]!.printed;
  return detail.split(/\s+/).slice(0, 6).join(' ');
}

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

interface Sentence {
  text: string;
  start: number;
}

function splitSentences(line: string): Sentence[] {
  const out: Sentence[] = [];
  // Cut after ". ", "? ", "! " (and a closing quote) before a capital or a digit.
  const cut = /[.!?]["”’)]*\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  const push = (from: number, to: number) => {
    const raw = line.slice(from, to);
    const text = raw.trim();
    if (text !== '') out.push({ text, start: from + (raw.length - raw.trimStart().length) });
  };
  for (const match of line.matchAll(cut)) {
    const endIndex = match.index! + match[0].length;
    // Not after an abbreviation: "St.", "Dr.", "No."
    if (/\b(?:St|Dr|Mr|Mrs|Ms|No|Mt)\.$/u.test(line.slice(start, match.index! + 1))) continue;
    push(start, endIndex);
    start = endIndex;
  }
  push(start, line.length);
  return out;
}

const VERB = '(?:call|phone|ring|text|txt|email|visit|chat|message)';
/** Where a sentence moves on to the next service: ", ", "; ", " or ", " and " — but not "call or text". */
const SEPARATOR = new RegExp(
  `,\\s+|(?<!&#?[A-Za-z0-9]+);\\s+|(?<!\\b${VERB})\\s+(?:or|and|OR|AND)\\s+(?!${VERB}\\b(?!\\s+(?:the\\s+)?\\p{Lu}\\p{Ll}))`,
  'gu',
);
/** A piece that only says how to get in touch: "call", "free call", "or phone". */
const ONLY_LEAD_WORDS = /^(?:(?:free|freephone|call|phone|ring|text|contact|visit|or|and|you|can|also)\b\s*)+$/iu;

/** "If you need help, call Lifeline on 0800 543 354 or Youthline on 0800 376 633." → two entries. */
function sentenceEntries(sentence: string): HelplineEntry[] {
  const text = sentence.trim().replace(/[.!]+$/u, '');
  const segments: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (const match of text.matchAll(SEPARATOR)) {
    segments.push({ start: from, end: match.index! });
    from = match.index! + match[0].length;
  }
  segments.push({ start: from, end: text.length });

  interface Group {
    start: number;
    end: number;
    name: string | null;
  }
  const groups: Group[] = [];
  const slice = (seg: { start: number; end: number }) => text.slice(seg.start, seg.end);
  let lead = '';
  // Pieces without a number or address since the last one that had one.
  let pending: Array<{ start: number; end: number }> = [];
  for (const seg of segments) {
    const piece = slice(seg);
    if (findPhones(piece).length === 0 && findWebAddresses(piece).length === 0) {
      pending.push(seg);
      continue;
    }
    const current = groups[groups.length - 1];
    const named = segmentName(piece, current?.name ?? null);
    if (current && (named === null || named === 'same')) {
      current.end = seg.end;
    } else {
      // "…, or free call" introduces the next service; anything before it ends the last one.
      let k = pending.length;
      while (k > 0 && ONLY_LEAD_WORDS.test(slice(pending[k - 1]!).trim())) k--;
      const before = pending.slice(0, k);
      const intro = pending.slice(k);
      if (current && before.length > 0) current.end = before[before.length - 1]!.end;
      if (!current) lead += before.map(slice).join(' ');
      const name = typeof named === 'string' && named !== 'same' ? named : /\bemergenc(?:y|ies)\b/iu.test(lead) ? 'Emergency' : null;
      groups.push({ start: intro[0]?.start ?? seg.start, end: seg.end, name });
    }
    pending = [];
  }
  const last = groups[groups.length - 1];
  if (last && pending.length > 0) last.end = pending[pending.length - 1]!.end;
  return groups.map((g) => {
    const detail = text.slice(g.start, g.end).trim();
    return makeEntry(detail, g.name ?? entryName(detail) ?? fallbackName(detail, findPhones(detail)));
  });
}

/**
 * The service a piece of a sentence names; 'same' when it only gives the web address of
 * the service before it ("Samaritans on 116 123 or visit samaritans.org"); null when it
 * names none ("text 4357").
 */
function segmentName(piece: string, previous: string | null): string | 'same' | null {
  const text = piece.trim();
  const label = labelName(text);
  if (label) return label;
  const run = serviceName(text);
  if (run) return run;
  const web = findWebAddresses(text);
  if (
    web.length > 0 &&
    /^(?:(?:visit|at|go\s+to|see|online\s+at|or|and)\s+)*$/iu.test(`${text.slice(0, web[0]!.index).trim()} `.trimStart())
  ) {
    const domain = web[0]!.domain;
    const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (previous && key(domain).includes(key(previous))) return 'same';
    return domain;
  }
  return null;
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
