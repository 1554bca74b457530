/**
 * A leading dateline, as it reads at the top of copied story text:
 *
 *   2020-10-29            29 October 2020          Oct 29, 2020
 *   Thursday, 29 October 2020, 5:30pm              date 2020-10-29 Former US Secretary …
 *
 * A line that is only a date (optionally a weekday before it and a time after it) is a
 * dateline. A line that merely *starts* with a date ("29 October 2020 was the day …") is
 * prose — unless the date is labelled ("date 2020-10-29 …", "Published: 29 October 2020 …"),
 * in which case the rest of the line is the story's first paragraph.
 */
export interface DatelineMatch {
  /** The date as printed (without a "date"/"published" label). */
  dateline: string;
  /** What follows the dateline on the same line, trimmed ('' when nothing does). */
  rest: string;
}

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun';

const DAY = '(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?';
const YEAR = '(?:1[89]|2[0-9])[0-9]{2}';
const MONTH = `(?:${MONTHS})\\.?`;
const DATE_FORMS = [
  // 2020-10-29
  `${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])`,
  // 29 October 2020, 29 Oct. 2020
  `${DAY}\\s+${MONTH},?\\s+${YEAR}`,
  // October 29, 2020 — Oct 29 2020
  `${MONTH}\\s+${DAY},?\\s+${YEAR}`,
  // 29/10/2020, 10.29.2020 (kept as printed; not interpreted)
  `(?:0?[1-9]|[12][0-9]|3[01])[/.](?:0?[1-9]|[12][0-9]|3[01])[/.]${YEAR}`,
].join('|');
const WEEKDAY = `(?:(?:${WEEKDAYS})\\.?,?\\s+)?`;
const TIME = `(?:\\s*[,·•|–-]?\\s*(?:at\\s+)?(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9]\\s*(?:[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5})?)?`;

const DATE = `${WEEKDAY}(?:${DATE_FORMS})${TIME}`;
/** A whole line that is a date. */
const BARE = new RegExp(`^(${DATE})$`, 'iu');
/** "date 2020-10-29 …", "Published: 29 October 2020 …": the rest of the line is story text. */
const LABELLED = new RegExp(`^(?:date|dated|published|posted)\\s*:?\\s+(${DATE})(?=$|\\s)\\s*(.*)$`, 'iu');

/** Reads a dateline from the first line of a story; null when the line is not one. */
export function detectDateline(line: string): DatelineMatch | null {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.length > 400) return null;
  const labelled = LABELLED.exec(trimmed);
  if (labelled) return { dateline: labelled[1]!.trim(), rest: labelled[2]!.trim() };
  const bare = BARE.exec(trimmed);
  if (bare) return { dateline: bare[1]!.trim(), rest: '' };
  return null;
}
