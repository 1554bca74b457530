import type { ChildNode, Element } from 'domhandler';
import { DomUtils, findElements, hasClass, isElement, tidy, visibleText } from '../html-reading';
import { canonicalTweetUrl, emptyTweet, LANGUAGE_TAG, parseTweetUrl, type TweetState } from '.';

/**
 * Twitter's embed code (`blockquote.twitter-tweet`, which is also what we export) back into
 * a tweet snapshot: text, author, handle, status link, date and language.
 */
export function isTweetEmbed(el: Element): boolean {
  return el.name === 'blockquote' && hasClass(el, 'twitter-tweet');
}

/** Every `blockquote.twitter-tweet` in a piece of HTML, as tweet snapshots. */
export function parseTweetEmbeds(html: string): TweetState[] {
  return findElements(html, isTweetEmbed).map(tweetFromBlockquote);
}

/** Text of a tweet's <p>: <br> become newlines; a link shown as a shortened URL keeps its real URL. */
function tweetText(nodes: ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.data;
    else if (isElement(node)) {
      if (node.name === 'br') out += '\n';
      else if (node.name === 'script' || node.name === 'style') continue;
      else if (node.name === 'a') {
        const label = visibleText(node).trim();
        const href = node.attribs.href ?? '';
        // Twitter shows "pic.twitter.com/…" and shortened "example.com/…" labels for t.co links.
        const looksLikeUrl =
          /^(https?:\/\/|pic\.twitter\.com\/|[a-z0-9-]+(\.[a-z0-9-]+)+\/)/i.test(label) && !label.startsWith('@') && !label.startsWith('#');
        // A real link has no spaces, quotes or angle brackets; anything else keeps its label.
        out += looksLikeUrl && /^https?:\/\/[^\s"'<>`]+$/i.test(href) && !/^pic\.twitter\.com\//i.test(label) ? href : label;
      } else out += tweetText(node.children);
    }
  }
  return out;
}

const DATE_AT_END = /([A-Z][a-z]+ \d{1,2}, \d{4})\s*$/;

export function tweetFromBlockquote(quote: Element): TweetState {
  const tweet = emptyTweet();
  const paragraph = DomUtils.findOne((el) => el.name === 'p', quote.children);
  if (paragraph) {
    tweet.text = tidy(tweetText(paragraph.children));
    const lang = paragraph.attribs.lang ?? '';
    tweet.lang = LANGUAGE_TAG.test(lang) ? lang : '';
  }
  // The status link is the last link to …/status/<id>
  const links = DomUtils.findAll((el) => el.name === 'a', quote.children);
  for (const link of links.reverse()) {
    const parsed = parseTweetUrl(link.attribs.href ?? '');
    if (parsed.ok) {
      tweet.tweetId = parsed.tweetId;
      tweet.handle = parsed.handle;
      tweet.url = parsed.url;
      tweet.date = tidy(visibleText(link));
      break;
    }
  }
  // Attribution: "— Name (@handle) <a>date</a>" after the paragraph
  const after = quote.children.filter(
    (n) => n !== paragraph && !(isElement(n) && n.name === 'a' && parseTweetUrl(n.attribs.href ?? '').ok),
  );
  const attribution = tidy(visibleText(after));
  const match = /^[—–-]?\s*(?:&mdash;)?\s*(.*?)\s*\(@([A-Za-z0-9_]{1,15})\)/.exec(attribution.replace(/^&mdash;/, '—'));
  if (match) {
    tweet.name = match[1]!.replace(/^[—–-]\s*/, '').trim();
    if (!tweet.handle) tweet.handle = match[2]!;
  }
  if (!tweet.date) tweet.date = DATE_AT_END.exec(attribution)?.[1] ?? '';
  if (tweet.tweetId && tweet.handle && !tweet.url.includes(`/${tweet.handle}/`)) tweet.url = canonicalTweetUrl(tweet.handle, tweet.tweetId);
  return tweet;
}
