import type { HelplineState } from '../blocks/helpline';
import { detectCaptionCredit, isLikelyCaption } from '../blocks/photo/caption-credit';
import type { TweetState } from '../blocks/tweet';
import { looksLikeTweetText, MAX_TWEET_LINE, parseTweetAttribution, type TweetAttribution } from '../blocks/tweet/plain-text';
import { parseBullet } from './bullets';

/**
 * The lines of copied text as items: tweets, photos, paragraphs and lists (issue 16).
 *
 * Copy from a web page comes in two shapes. Most pages give one line per paragraph (single
 * newlines, no blank lines); older pages and typed text give blank lines between paragraphs,
 * and a single newline inside one is a line break. Each run of lines between blank lines is
 * read as one or the other: as one line per paragraph when the whole text has no blank line,
 * or when the run holds several lines of prose.
 *
 * Blocks are claimed first, and only from lines that are certainly theirs: a tweet is its
 * attribution line ("— Name (@handle) Date") and the paragraph directly above it (two or
 * three short lines only when they read as tweet text); a photo is a caption line ending in
 * a credit, or a credit line and the short caption line above it. Every other line is the
 * reporter's and stays a paragraph (or list item), in order, word for word.
 */
export type Item =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; ordered: boolean; start: number; items: string[][] }
  | { kind: 'tweet'; state: TweetState }
  | { kind: 'photo'; caption: string; credit: string }
  | { kind: 'helpline'; state: HelplineState };

const MAX_TWEET_TEXT = 10_000;
const MAX_LIST_ITEMS = 100_000;
/** A run of up to this many lines above an attribution, after a blank line, is the tweet's text. */
const MAX_TWEET_LINES = 4;
/** Lines of prose that make a run one line per paragraph. */
const PROSE_LINE = 80;

interface Run {
  /** Index of the run's first and last line. */
  start: number;
  end: number;
  /** Its lines are paragraphs of their own (not lines of one paragraph). */
  linePerParagraph: boolean;
}

interface Claim {
  start: number;
  end: number;
  item: Item;
}

/** The items of a stretch of lines ('' for blank lines). */
export function lineItems(lines: readonly string[]): Item[] {
  const runs = findRuns(lines);
  const runOf = new Int32Array(lines.length).fill(-1);
  runs.forEach((run, r) => runOf.fill(r, run.start, run.end + 1));
  const claims: Claim[] = [];
  const claimed = new Uint8Array(lines.length);
  const claim = (start: number, end: number, item: Item) => {
    claims.push({ start, end, item });
    claimed.fill(1, start, end + 1);
  };
  claimTweets(lines, runs, runOf, claimed, claim);
  claimPhotos(lines, runs, runOf, claimed, claim);

  claims.sort((a, b) => a.start - b.start);
  const items: Item[] = [];
  let next = 0;
  const textUpTo = (end: number) => {
    for (let i = next; i < end; i++) {
      if (claimed[i] || lines[i]!.trim() === '') continue;
      // The unclaimed lines of this run, up to the next claim or blank line.
      let j = i;
      while (j + 1 < end && !claimed[j + 1] && lines[j + 1]!.trim() !== '') j++;
      items.push(...textItems(lines.slice(i, j + 1), runs[runOf[i]!]!.linePerParagraph));
      i = j;
    }
  };
  for (const c of claims) {
    textUpTo(c.start);
    items.push(c.item);
    next = c.end + 1;
  }
  textUpTo(lines.length);
  return items;
}

function findRuns(lines: readonly string[]): Run[] {
  const runs: Run[] = [];
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const blank = i === lines.length || lines[i]!.trim() === '';
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      runs.push({ start, end: i - 1, linePerParagraph: false });
      start = -1;
    }
  }
  const noBlankLines = runs.length === 1;
  for (const run of runs) {
    if (noBlankLines) run.linePerParagraph = true;
    else if (run.end - run.start >= 2) {
      let prose = 0;
      for (let i = run.start; i <= run.end && prose < 2; i++) if (lines[i]!.trim().length >= PROSE_LINE) prose++;
      run.linePerParagraph = prose >= 2;
    }
  }
  return runs;
}

type ClaimFn = (start: number, end: number, item: Item) => void;

function isAttribution(line: string | undefined): boolean {
  return line !== undefined && line.includes('@') && parseTweetAttribution(line) !== null;
}

/**
 * Tweets. The text is what precedes the dash on the attribution line, or — when the
 * attribution stands alone — the paragraph directly above it: the run before the blank
 * line when that run is short (a tweet of several lines, as blank-line copy shows it), or
 * else the one line above. Lines further up join only when they read as tweet text and
 * follow another block or a blank line, so a reporter's paragraph is never taken.
 */
function claimTweets(lines: readonly string[], runs: Run[], runOf: Int32Array, claimed: Uint8Array, claim: ClaimFn): void {
  for (let i = 0; i < lines.length; i++) {
    const attribution = lines[i]!.includes('@') ? parseTweetAttribution(lines[i]!) : null;
    if (!attribution) continue;
    const run = runs[runOf[i]!]!;
    let first = i;
    if (attribution.text === '') {
      const above = i - 1;
      if (above < run.start) {
        // Alone in its run: the run before the blank line, if it is short (and not paragraphs of prose, one per line).
        const previous = previousRun(runs, runOf[i]!);
        if (previous && !previous.linePerParagraph && !claimedAny(claimed, previous) && isShortRun(lines, previous)) first = previous.start;
        else if (previous && canBeTweetLine(lines, claimed, previous.end)) first = previous.end;
      } else if (
        !run.linePerParagraph &&
        !claimedAny(claimed, { start: run.start, end: above }) &&
        isShortRun(lines, { start: run.start, end: above })
      ) {
        first = run.start;
      } else if (canBeTweetLine(lines, claimed, above)) first = above;
    } else if (!run.linePerParagraph && i > run.start && !claimedAny(claimed, { start: run.start, end: i - 1 })) {
      if (isShortRun(lines, { start: run.start, end: i - 1 })) first = run.start;
    }
    // Two or three short lines: the ones above join when they can only be tweet text.
    if (run.linePerParagraph || first === i) first = extendUp(lines, claimed, run, first, i);
    const text = tweetText(lines, first, i, attribution);
    if (text.length > MAX_TWEET_TEXT) continue;
    claim(first, i, { kind: 'tweet', state: tweetState(attribution, text) });
  }
}

function previousRun(runs: Run[], r: number): Run | undefined {
  return r > 0 ? runs[r - 1] : undefined;
}

function claimedAny(claimed: Uint8Array, span: { start: number; end: number }): boolean {
  for (let i = span.start; i <= span.end; i++) if (claimed[i]) return true;
  return false;
}

function isShortRun(lines: readonly string[], span: { start: number; end: number }): boolean {
  if (span.end - span.start + 1 > MAX_TWEET_LINES) return false;
  let chars = 0;
  for (let i = span.start; i <= span.end; i++) {
    const line = lines[i]!.trim();
    if (isAttribution(line) || parseBullet(line) || line.length > MAX_TWEET_LINE) return false;
    chars += line.length;
  }
  return chars <= MAX_TWEET_LINE * 2;
}

/** The one line above an attribution is its text unless it is another block's, or introduces something. */
function canBeTweetLine(lines: readonly string[], claimed: Uint8Array, at: number): boolean {
  const line = lines[at]?.trim() ?? '';
  return line !== '' && !claimed[at] && !isAttribution(line) && line.length <= MAX_TWEET_LINE && !/:$/u.test(line) && !parseBullet(line);
}

function extendUp(lines: readonly string[], claimed: Uint8Array, run: Run, first: number, attributionAt: number): number {
  let top = first;
  const textLines = () => attributionAt - top + (parseTweetAttribution(lines[attributionAt]!)!.text === '' ? 0 : 1);
  while (textLines() < 3) {
    const above = top - 1;
    if (above < run.start || claimed[above] || !looksLikeTweetText(lines[above]!)) break;
    // Only right after another block or the start of the run: a tweet's first paragraph
    // follows the embed before it, a reporter's paragraph follows the reporter's.
    const beyond = above - 1;
    if (!(beyond < run.start || claimed[beyond] || isAttribution(lines[beyond]))) break;
    top = above;
  }
  return top;
}

function tweetText(lines: readonly string[], first: number, attributionAt: number, attribution: TweetAttribution): string {
  const own = lines.slice(first, attributionAt).map((l) => l.trim());
  return [...own, attribution.text].filter((l) => l !== '').join('\n');
}

function tweetState(attribution: TweetAttribution, text: string): TweetState {
  return { url: '', tweetId: '', name: attribution.name, handle: attribution.handle, text, date: attribution.date, lang: '' };
}

/**
 * Photos: a caption line ending in its credit ("… Photo: AFP", "… (AP Photo/Andrew Harnik)"),
 * or a credit standing alone with the caption line just above it when that line reads like
 * a caption (short, no quotes, no "said") — otherwise the photo has no caption and the line
 * above stays prose. Text laid out with blank lines keeps reading a short run as one caption.
 */
/** Every credit form has one of these (cheap to test on each of a long story's lines). */
const CREDIT_HINT = /[/:(]|\s-\s|\sby\s|^image\s+(?:source|caption),/iu;

function claimPhotos(lines: readonly string[], runs: Run[], runOf: Int32Array, claimed: Uint8Array, claim: ClaimFn): void {
  const firstContent = runs[0]?.start ?? -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (claimed[i] || line.trim() === '' || parseBullet(line)) continue;
    const run = runs[runOf[i]!]!;
    if (!run.linePerParagraph && i === run.start) {
      // A short run read whole: caption lines, then the credit at the end of the last one.
      const span = { start: run.start, end: run.end };
      if (run.end > run.start && run.end - run.start < 4 && !claimedAny(claimed, span)) {
        const found = detectCaptionCredit(lines.slice(run.start, run.end + 1).join('\n'));
        if (found && found.caption !== '') {
          claim(run.start, run.end, { kind: 'photo', caption: found.caption, credit: found.credit });
          i = run.end;
          continue;
        }
      }
    }
    const found = CREDIT_HINT.test(line) ? detectCaptionCredit(line) : null;
    if (!found) continue;
    if (found.caption !== '') {
      claim(i, i, { kind: 'photo', caption: found.caption, credit: found.credit });
      continue;
    }
    // A credit on its own: the caption is the line above (in this run, or a one-line run before a blank line).
    let captionAt = -1;
    // In one-line-per-paragraph copy the first line is the headline, not a caption.
    if (i > run.start && !(run.linePerParagraph && i - 1 === firstContent)) captionAt = i - 1;
    else {
      const previous = previousRun(runs, runOf[i]!);
      if (previous && previous.start === previous.end) captionAt = previous.start;
    }
    const caption = captionAt >= 0 ? lines[captionAt]!.trim() : '';
    if (captionAt >= 0 && !claimed[captionAt] && !parseBullet(caption) && !isAttribution(caption) && isLikelyCaption(caption)) {
      claim(captionAt, i, { kind: 'photo', caption, credit: found.credit });
    } else claim(i, i, { kind: 'photo', caption: '', credit: found.credit });
  }
}

/** A run of the reporter's lines as paragraphs and lists: bullet runs become lists, indented lines continue an item. */
function textItems(lines: string[], linePerParagraph: boolean): Item[] {
  const items: Item[] = [];
  for (const line of lines) {
    const bullet = parseBullet(line);
    const last = items[items.length - 1];
    if (bullet) {
      if (last?.kind === 'list' && last.ordered === bullet.ordered && last.items.length < MAX_LIST_ITEMS) last.items.push([bullet.text]);
      else items.push({ kind: 'list', ordered: bullet.ordered, start: bullet.number ?? 1, items: [[bullet.text]] });
    } else if (last?.kind === 'list' && /^\s/u.test(line)) {
      last.items[last.items.length - 1]!.push(line.trim());
    } else if (last?.kind === 'paragraph' && !linePerParagraph) {
      last.lines.push(line.trim());
    } else {
      items.push({ kind: 'paragraph', lines: [line.trim()] });
    }
  }
  return items;
}

/** Single bullets separated by blank lines ("• a", "", "• b") are one list. */
export function mergeLists(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (
      item.kind === 'list' &&
      last?.kind === 'list' &&
      last.ordered === item.ordered &&
      last.items.length + item.items.length <= MAX_LIST_ITEMS
    ) {
      last.items.push(...item.items);
    } else out.push(item);
  }
  return out;
}

/**
 * Plain text as paragraphs of lines, by the importer's rule (for a plain paste): a blank
 * line separates paragraphs and is not one; a single newline is a line break, or a new
 * paragraph in text laid out one line per paragraph.
 */
export function plainParagraphs(text: string): string[][] {
  const lines = text.replace(/\r\n?|[\u2028\u2029]/g, '\n').split('\n');
  const out: string[][] = [];
  for (const run of findRuns(lines)) {
    const runLines = lines.slice(run.start, run.end + 1);
    if (run.linePerParagraph) out.push(...runLines.map((line) => [line]));
    else out.push(runLines);
  }
  return out;
}
