import { el, fragment, lines, safeLinkUrl, type Html, type SafeUrl } from '../../export/markup';
import { entryLine, PHONE_DIGITS, type HelplineEntry, type HelplineState } from '.';

/**
 * The helpline footer:
 *
 *   <aside class="helpline"><h2>Where to get help:</h2><ul><li>…</li></ul></aside>
 *
 * Each line is printed as the preset prints it (`entryLine`); the number to call is linked
 * where it is printed (tel:), and so is the website (the link itself, or its host name).
 */
export function renderHelpline(state: Partial<HelplineState>): Html | null {
  const heading = typeof state.heading === 'string' ? state.heading.trim() : '';
  const entries = Array.isArray(state.entries) ? state.entries.filter(isPrintableEntry) : [];
  const items = entries.map((entry) => el('li', null, renderEntryLine(entry)));
  if (!heading && items.length === 0) return null;
  return el(
    'aside',
    { class: 'helpline' },
    heading ? el('h2', null, heading) : null,
    items.length > 0 ? el('ul', null, '\n', lines(items), '\n') : null,
  );
}

/** An entry worth printing: a name and a line, not both blank. */
export function isPrintableEntry(value: unknown): value is HelplineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.name === 'string' && typeof entry.detail === 'string' && (entry.name.trim() !== '' || entry.detail.trim() !== '');
}

interface LinkRange {
  start: number;
  end: number;
  href: SafeUrl;
}

/** The printed line with its number and website linked. */
export function renderEntryLine(entry: HelplineEntry): Html {
  const line = entryLine(entry);
  const ranges: LinkRange[] = [];
  const phone = typeof entry.phone === 'string' && PHONE_DIGITS.test(entry.phone) ? entry.phone : '';
  if (phone) {
    const found = findPrintedNumber(line, phone);
    const href = safeLinkUrl(`tel:${phone}`);
    if (found && href) ranges.push({ ...found, href });
  }
  const url = safeLinkUrl(entry.url);
  if (url && /^https?:/i.test(url)) {
    const found = findPrintedUrl(line, url);
    if (found && !ranges.some((r) => found.start < r.end && r.start < found.end)) ranges.push({ ...found, href: url });
  }
  ranges.sort((a, b) => a.start - b.start);
  const parts: (Html | string)[] = [];
  let at = 0;
  for (const range of ranges) {
    parts.push(line.slice(at, range.start), el('a', { href: range.href }, line.slice(range.start, range.end)));
    at = range.end;
  }
  parts.push(line.slice(at));
  return fragment(parts);
}

const DIGIT = /[0-9]/;
// What may sit between the digit groups of a printed number: spaces, hyphens, dots, brackets.
const NUMBER_SEPARATOR = /[ \u00a0\u202f.\-\u2010-\u2013()]/;

/**
 * Where `phone` (digits, maybe a leading +) is printed in `line`: "0800 543 354" for
 * 0800543354, "1737" for 1737. The match must start and end on a number boundary, so 1737
 * is not found inside 017370.
 */
export function findPrintedNumber(line: string, phone: string): { start: number; end: number } | null {
  const target = phone.replace(/\D/g, '');
  if (target === '') return null;
  for (let i = 0; i < line.length; i++) {
    const startsWithPlus = line[i] === '+' && DIGIT.test(line[i + 1] ?? '');
    if (!DIGIT.test(line[i]!) && !startsWithPlus) continue;
    if (i > 0 && (DIGIT.test(line[i - 1]!) || (line[i - 1] === '+' && !startsWithPlus))) continue;
    let digits = '';
    let end = -1;
    for (let j = startsWithPlus ? i + 1 : i; j < line.length; j++) {
      const ch = line[j]!;
      if (DIGIT.test(ch)) {
        digits += ch;
        if (digits === target) {
          end = j + 1;
          break;
        }
        if (!target.startsWith(digits)) break;
      } else if (!NUMBER_SEPARATOR.test(ch)) break;
    }
    if (end < 0 || DIGIT.test(line[end] ?? '')) continue;
    // "(09) 555 1234": take the opening bracket too when the number closes one.
    let start = i;
    const printed = line.slice(start, end);
    if (start > 0 && line[start - 1] === '(' && count(printed, ')') > count(printed, '(')) start--;
    return { start, end };
  }
  return null;
}

/** Where a website is printed: the link itself, or its host name ("sands.org.nz"). */
export function findPrintedUrl(line: string, url: string): { start: number; end: number } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  const withoutScheme = url.replace(/^https?:\/\//i, '');
  const candidates = [url, url.replace(/\/$/, ''), withoutScheme, withoutScheme.replace(/\/$/, ''), host, host.replace(/^www\./, '')];
  const lower = line.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === '') continue;
    const at = lower.indexOf(candidate.toLowerCase());
    if (at < 0) continue;
    const before = line[at - 1] ?? ' ';
    const after = line[at + candidate.length] ?? ' ';
    // Whole words only: "sands.org.nz" but not "thousands.org.nz".
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}/-]/u.test(after)) continue;
    return { start: at, end: at + candidate.length };
  }
  return null;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** An entry as exported in JSON: the phone only when it is digits, the url only when safe. */
export function cleanEntry(entry: HelplineEntry): HelplineEntry {
  const out: HelplineEntry = { name: entry.name, detail: entry.detail };
  if (typeof entry.phone === 'string' && PHONE_DIGITS.test(entry.phone)) out.phone = entry.phone;
  const url = safeLinkUrl(entry.url);
  if (url && /^https?:/i.test(url)) out.url = url;
  return out;
}
