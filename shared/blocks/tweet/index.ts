import { z } from 'zod';

/**
 * A tweet as the story keeps it: a snapshot of what readers saw, so the story survives a
 * deleted tweet or an X outage. Never third-party HTML, never a script.
 */
export interface TweetState {
  url: string;
  tweetId: string;
  name: string;
  handle: string;
  /** Plain text; links are kept as their URLs and linked again on export. */
  text: string;
  /** As Twitter prints it under the tweet: "October 28, 2020". */
  date: string;
  lang: string;
}

export const TWEET_FIELDS = ['url', 'tweetId', 'name', 'handle', 'text', 'date', 'lang'] as const;

/** A Twitter / X handle without its @. */
export const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
export const TWEET_ID = /^[0-9]{1,20}$/;
/** A BCP 47 language tag as tweets and stories carry it ("en", "pt-BR"). */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const TweetStateSchema = z.object({
  url: z
    .string()
    .max(500)
    .refine((u) => u === '' || parseTweetUrl(u).ok, { message: 'must be a tweet status link' }),
  tweetId: z.string().regex(TWEET_ID, { message: 'must be the digits of a tweet id' }).or(z.literal('')),
  name: z.string().max(200).default(''),
  handle: z.string().regex(HANDLE, { message: 'must be a Twitter handle' }).or(z.literal('')),
  text: z.string().max(10_000).default(''),
  date: z.string().max(100).default(''),
  lang: z.string().regex(LANGUAGE_TAG, { message: 'must be a language code' }).or(z.literal('')).default(''),
});

export function emptyTweet(): TweetState {
  return { url: '', tweetId: '', name: '', handle: '', text: '', date: '', lang: '' };
}

export type TweetUrlResult = { ok: true; tweetId: string; handle: string; url: string } | { ok: false; reason: string };

const TWEET_HOSTS = new Set([
  'twitter.com',
  'www.twitter.com',
  'mobile.twitter.com',
  'm.twitter.com',
  'x.com',
  'www.x.com',
  'mobile.x.com',
]);

/**
 * Reads the id and handle out of a tweet link as people paste them: twitter.com, x.com or
 * mobile.twitter.com, with tracking query strings, /photo/1, /video/1 or a trailing slash.
 * Returns the canonical https://twitter.com/<handle>/status/<id>.
 */
export function parseTweetUrl(input: string): TweetUrlResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'Paste a link to a tweet.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: 'That is not a link.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `Tweet links start with https:// (not "${url.protocol}").` };
  }
  if (!TWEET_HOSTS.has(url.hostname.toLowerCase())) {
    return { ok: false, reason: 'That is not a twitter.com or x.com link.' };
  }
  const parts = url.pathname.split('/').filter(Boolean);
  // /<handle>/status/<id>[/photo/1|/video/1|/analytics…]; also /i/web/status/<id> and /i/status/<id>
  const statusAt = parts.findIndex((p) => p === 'status' || p === 'statuses');
  if (statusAt < 1 || parts.length <= statusAt + 1) {
    return { ok: false, reason: 'That link is not a tweet (it has no /status/ number).' };
  }
  const id = parts[statusAt + 1]!;
  if (!TWEET_ID.test(id)) return { ok: false, reason: 'The tweet number in that link is not all digits.' };
  const handlePart = parts[statusAt - 1]!;
  // "i" is X's own path, not an account: these links carry no handle.
  const isWebLink = parts[0] === 'i' && (statusAt === 1 || (statusAt === 2 && parts[1] === 'web'));
  const handle = isWebLink ? '' : handlePart;
  if (!isWebLink && !HANDLE.test(handle)) return { ok: false, reason: 'That link has no valid @handle.' };
  return { ok: true, tweetId: id, handle, url: canonicalTweetUrl(handle, id) };
}

export function canonicalTweetUrl(handle: string, tweetId: string): string {
  return handle ? `https://twitter.com/${handle}/status/${tweetId}` : `https://twitter.com/i/web/status/${tweetId}`;
}

/** Shortens a display date to the form Twitter's embed uses, if it parses: "October 28, 2020". */
export function formatTweetDate(value: string): string {
  const trimmed = value.trim();
  if (/^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(trimmed)) return trimmed;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return trimmed;
  const parsed = new Date(time);
  // Date.parse reads "28 October 2020" as local midnight (ISO dates and zoned times as UTC):
  // keep the calendar day as written, whatever the machine's time zone.
  const zoned = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) || /(?:\dZ|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC)\b)/i.test(trimmed);
  const day = zoned ? parsed : new Date(Date.UTC(parsed.getFullYear(), parsed.getMonth(), parsed.getDate()));
  return day.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}
