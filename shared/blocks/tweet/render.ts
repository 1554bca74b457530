import { constant, el, fragment, safeLinkUrl, type Html, type SafeUrl } from '../../export/markup';
import { canonicalTweetUrl, formatTweetDate, HANDLE, LANGUAGE_TAG, parseTweetUrl, TWEET_ID, type TweetState } from '.';

/**
 * A tweet as Twitter's own embed markup, from the stored snapshot. Never a script: pages
 * that want Twitter's widget add widgets.js themselves (the `page` format's `tweetScript`).
 *
 *   <blockquote class="twitter-tweet"><p lang="en" dir="ltr">TEXT</p>&mdash; NAME (@HANDLE)
 *   <a href="https://twitter.com/HANDLE/status/ID">DATE</a></blockquote>
 */
export function renderTweet(state: Partial<TweetState>): Html {
  const tweet = cleanTweet(state);
  const text = tweet.text;
  const paragraph = el('p', { lang: tweet.lang || undefined, dir: tweetDirection(text, tweet.lang) }, linkifyTweetText(text));
  const author = tweet.handle ? `${tweet.name ? `${tweet.name} ` : ''}(@${tweet.handle})` : tweet.name;
  const href = tweetStatusUrl(tweet);
  const dateText = formatTweetDate(tweet.date) || href || '';
  const date = href ? el('a', { href }, dateText) : dateText;
  const attribution = [author, date].filter((part) => part !== '');
  return el(
    'blockquote',
    { class: 'twitter-tweet' },
    paragraph,
    constant`&mdash; `,
    attribution.map((part, i) => (i > 0 ? [' ', part] : part)),
  );
}

/**
 * The tweet's fields with anything that could not have come from Twitter emptied: handles,
 * ids, language codes and links are checked, because exports also run on objects that
 * never went through restore.
 */
export function cleanTweet(state: Partial<TweetState>): TweetState {
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  const handle = str(state.handle).replace(/^@/, '');
  const tweetId = str(state.tweetId);
  const url = str(state.url);
  const parsed = url ? parseTweetUrl(url) : null;
  const lang = str(state.lang);
  return {
    url: parsed?.ok ? url.trim() : '',
    tweetId: TWEET_ID.test(tweetId) ? tweetId : '',
    name: str(state.name),
    handle: HANDLE.test(handle) ? handle : '',
    text: str(state.text),
    date: str(state.date),
    lang: LANGUAGE_TAG.test(lang) ? lang : '',
  };
}

/** https://twitter.com/HANDLE/status/ID, from the checked fields or else the stored link. */
export function tweetStatusUrl(tweet: TweetState): SafeUrl | null {
  if (tweet.tweetId) {
    return safeLinkUrl(canonicalTweetUrl(tweet.handle, tweet.tweetId));
  }
  if (tweet.url) {
    const parsed = parseTweetUrl(tweet.url);
    if (parsed.ok) return safeLinkUrl(parsed.url);
  }
  return null;
}

/** Languages written right to left (primary subtags). */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ps', 'sd', 'ug', 'ur', 'yi']);

export function isRtlLanguage(lang: string): boolean {
  return RTL_LANGUAGES.has(lang.split('-')[0]!.toLowerCase());
}

/**
 * rtl for Arabic, Hebrew, Persian, Urdu… tweets: by the tweet's language, else by its first
 * letter once links, @mentions and #hashtags (always Latin) are set aside.
 */
export function tweetDirection(text: string, lang: string): 'ltr' | 'rtl' {
  if (lang && isRtlLanguage(lang)) return 'rtl';
  const prose = text.replace(TWEET_ENTITY, ' ');
  const first = /\p{L}/u.exec(prose)?.[0];
  return first && /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(first) ? 'rtl' : 'ltr';
}

// Links, pic.twitter.com, @mentions and #hashtags as twitter-text finds them: a mention or
// hashtag must not follow a letter, digit or underscore (so e-mail addresses stay text).
const TWEET_ENTITY = new RegExp(
  [
    String.raw`(https?:\/\/[^\s<>"]+)`,
    String.raw`(?<![\p{L}\p{N}_.\/])(pic\.twitter\.com\/[A-Za-z0-9]+)`,
    String.raw`(?<![\p{L}\p{N}_@＠!#$%&*])[@＠]([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@＠]|:\/\/)`,
    String.raw`(?<![\p{L}\p{N}_&\/#＃])[#＃]([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*)`,
  ].join('|'),
  'gu',
);

/** The stored plain text with links made as Twitter's embed makes them; newlines → <br>. */
export function linkifyTweetText(text: string): Html {
  const parts: (Html | string)[] = [];
  let at = 0;
  const plain = (s: string) => {
    const segments = s.split(/\r\n|\r|\n/);
    segments.forEach((segment, i) => {
      if (i > 0) parts.push(el('br', null));
      if (segment) parts.push(segment);
    });
  };
  for (const match of text.matchAll(TWEET_ENTITY)) {
    const start = match.index;
    let whole = match[0];
    let href: SafeUrl | null = null;
    if (match[1] !== undefined) {
      whole = trimUrl(whole);
      href = safeLinkUrl(whole);
    } else if (match[2] !== undefined) {
      href = safeLinkUrl(`https://${match[2]}`);
    } else if (match[3] !== undefined) {
      href = safeLinkUrl(`https://twitter.com/${match[3]}`);
    } else if (match[4] !== undefined) {
      href = safeLinkUrl(`https://twitter.com/hashtag/${encodeURIComponent(match[4])}?src=hash`);
    }
    if (!href) continue;
    plain(text.slice(at, start));
    parts.push(el('a', { href }, whole));
    at = start + whole.length;
  }
  plain(text.slice(at));
  return fragment(parts);
}

/** Drops punctuation that ends the sentence rather than the link, and an unmatched ")". */
function trimUrl(url: string): string {
  let out = url;
  for (;;) {
    const last = out.at(-1);
    if (last && /[.,:;!?'"’”…]/.test(last)) out = out.slice(0, -1);
    else if (last === ')' && count(out, '(') < count(out, ')')) out = out.slice(0, -1);
    else return out;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
