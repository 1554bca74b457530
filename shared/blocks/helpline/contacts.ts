import type { HelplineEntry } from '.';

/** Phone numbers and web addresses as footers and closing sentences print them. */

export interface PhoneMatch {
  /** As printed: "0800 543 354". */
  printed: string;
  /** Digits to dial (and a leading +): "0800543354". */
  digits: string;
  index: number;
  /** A number only to text ("text HELP to 4357", "free text 4357"), not to call. */
  textOnly: boolean;
}

const PHONE = /(?:(?<=\b(?:at|on))|(?<![\p{L}\p{N}/.:,+\-$£€#@_]))(\+?(?:\(\d{1,5}\)\s?)?\d(?:[ .-]?\d){1,16})(?![\p{L}\p{N}/%_]|[.,]\d)/gu;

/**
 * Services a footer names. Known here because a closing sentence that names one is clearly
 * about support services (see `isYear`).
 */
const KNOWN_SERVICES =
  /\b(?:life\s?line|youth\s?line|samaritans|beyond\s?blue|kids\s?(?:help)?line|mensline|headspace|healthline|depression\s+helpline|anxiety\s+(?:nz|helpline|line|uk)|whatsup|what'?s\s+up|suicide|crisis\s+(?:line|helpline|text\s+line|support|team)|helpline|women'?s\s+refuge|rural\s+support\s+trust|papyrus|childline|nspcc|trevor\s+project|befrienders|butterfly\s+foundation|qlife|1800\s?respect|open\s+arms|13\s?yarn|mates\s+in\s+construction|victim\s+support|1737|988)\b/iu;
/** Services whose names are ordinary words, recognised only as proper names. */
const KNOWN_SERVICE_NAMES = /\b(?:Sands|Shine|Outline|Shout|SANE|Mind|CALM|Rainbow\s+Youth|Le\s+Va)\b/u;

export function namesKnownService(text: string): boolean {
  return KNOWN_SERVICES.test(text) || KNOWN_SERVICE_NAMES.test(text);
}

/** Words before a number that make it a year: "in 1961", "the 1983 election", "since 2004", "May 2020". */
const YEAR_BEFORE =
  /\b(?:in|the|since|by|from|until|till|before|after|during|of|around|circa|year|early|mid|late|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+$/iu;
/** Words after a number that make it a year: "the 1983 election", "2019 season". */
const YEAR_AFTER =
  /^\s+(?:general\s+|local\s+|federal\s+|state\s+|snap\s+)?(?:elections?|season|census|budget|campaign|world\s+cup|olympics|games|final|grand\s+final|referendum|earthquake|floods?|tournament|series|championships?|cohort|intake|survey|report|review|inquiry|pandemic|lockdown)\b/iu;
/** "call 1961", "text the 2020 line": a number asked for is dialled, whatever it looks like. */
const DIAL_BEFORE = /\b(?:call|phone|ring|dial|text|txt|on)\s+(?:the\s+)?$/iu;

/**
 * A four-digit 1900–2099 that reads as a year by the words around it is not a phone number
 * ("in 1961", "the 1983 election"), unless the text is clearly about support services — it
 * names a known service — and asks for the number to be dialled. Real short numbers stay:
 * 1737 and 111 are no years, "13 11 14" and "116 123" are spaced.
 */
function isYear(text: string, printed: string, index: number): boolean {
  if (!/^(?:19|20)\d\d$/.test(printed)) return false;
  const before = text.slice(Math.max(0, index - 40), index);
  const after = text.slice(index + printed.length, index + printed.length + 40);
  if (!YEAR_BEFORE.test(before) && !YEAR_AFTER.test(after)) return false;
  return !(DIAL_BEFORE.test(before) && namesKnownService(text));
}

/** Every run of digits that could be a phone number (3 to 15 digits); years are not. */
export function findPhones(text: string): PhoneMatch[] {
  const found: PhoneMatch[] = [];
  for (const match of text.matchAll(PHONE)) {
    const printed = match[1]!;
    const digits = printed.replace(/[^+0-9]/g, '');
    const count = digits.replace('+', '').length;
    if (count < 3 || count > 15) continue;
    const index = match.index!;
    // "the hotline at1-800-273-8255": a number run into the word before it only when it is a whole phone number.
    if (/\p{L}$/u.test(text.slice(0, index)) && count < 7) continue;
    // "0800 LIFELINE": the digits of a vanity number are not a number on their own.
    if (count <= 4 && /^\s+\p{Lu}{4,}\b/u.test(text.slice(index + printed.length))) continue;
    if (isYear(text, printed, index)) continue;
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
