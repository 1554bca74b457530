import type { HelplineEntry } from '.';
import { withoutBullet } from '../../import/bullets';
import { findPhones, findWebAddresses, firstCallNumber, type PhoneMatch, type WebAddress } from './contacts';

/** One helpline entry from a printed line, or from a piece of a closing sentence naming services. */

/** Entry lines longer than this are prose, not a footer line. */
export const MAX_ENTRY_CHARS = 300;

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

export function makeEntry(detail: string, name: string): HelplineEntry {
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

export function fallbackName(detail: string, phones: PhoneMatch[]): string {
  if (phones.length > 0) return phones[0]!.printed;
  return detail.split(/\s+/).slice(0, 6).join(' ');
}

export interface Sentence {
  text: string;
  start: number;
}

export function splitSentences(line: string): Sentence[] {
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
export function sentenceEntries(sentence: string): HelplineEntry[] {
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
