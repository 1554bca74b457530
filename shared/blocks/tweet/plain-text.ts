/**
 * The attribution line Twitter's embed leaves behind when a page is copied as text:
 *
 *   oh my god Hillary Clinton just tweeted my essay — chrissy teigen (@chrissyteigen) October 28, 2020
 *   — Dianna E. Anderson 🏳️‍🌈 (@diannaeanderson) November 18, 2019
 *
 * The dash may be an em dash, "--", "&mdash;" (or a stray en dash), with or without a space
 * before it; the display name is anything (emoji, non-Latin script, odd spacing); the
 * @handle in brackets and a date at the very end are both required, which is what tells an
 * embed from a quote in prose ("— John Smith, spokesman", "Follow us (@paper)").
 */
export interface TweetAttribution {
  /** Text before the dash on the same line, trimmed ('' when the attribution is on its own line). */
  text: string;
  /** The display name as printed (trimmed). */
  name: string;
  /** The @handle without the "@". */
  handle: string;
  /** The date as printed ("October 28, 2020"), runs of spaces collapsed. */
  date: string;
}

const DASH = '(?:—|―|&mdash;|&#8212;|&#x2014;|--|–)';
const NOT_DASH = '(?:(?!—|―|&mdash;|&#8212;|&#x2014;|--|–)[^\\n])';
const EN_MONTH =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const DAY = '(?:0?[1-9]|[12][0-9]|3[01])';
const YEAR = '(?:20[0-9]{2}|19[0-9]{2})';
const DATE = [
  // October 28, 2020 (Twitter's English embed)
  `(?:${EN_MONTH})\\.?\\s+${DAY},?\\s+${YEAR}`,
  // 28 October 2020, and localised embeds: "28 octobre 2020", "28. Oktober 2020", "28 de octubre de 2020"
  `${DAY}\\.?\\s+(?:de\\s+)?\\p{L}{3,}\\.?\\s+(?:de\\s+)?${YEAR}`,
  // other localised month-first forms ("oktober 28, 2020")
  `\\p{L}{3,}\\.?\\s+${DAY},\\s+${YEAR}`,
  // 2020-10-28, 2020年10月28日
  `${YEAR}-[01][0-9]-[0-3][0-9]`,
  `${YEAR}年\\s*[01]?[0-9]月\\s*[0-3]?[0-9]日`,
].join('|');

const ATTRIBUTION = new RegExp(`${DASH}\\s*(${NOT_DASH}*?)\\s*\\(\\s*@([A-Za-z0-9_]{1,15})\\s*\\)\\s*(${DATE})\\s*$`, 'u');

/** Only the end of a line can hold an attribution; long lines are cut to keep this linear. */
const TAIL = 600;

/** Reads a tweet attribution at the end of one line of text; null when there is none. */
export function parseTweetAttribution(line: string): TweetAttribution | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  const offset = Math.max(0, trimmed.length - TAIL);
  const match = ATTRIBUTION.exec(trimmed.slice(offset));
  if (!match) return null;
  const name = match[1]!.trim();
  if (name === '' || name.length > 200 || name.includes('(@')) return null;
  return {
    text: trimmed.slice(0, offset + match.index).trim(),
    name,
    handle: match[2]!,
    date: match[3]!.replace(/\s+/g, ' '),
  };
}
