import { parseTweetEmbeds } from '../../shared/blocks/tweet/html';
import { parseTweetUrl, type TweetState } from '../../shared/blocks/tweet';
import { StoryFileError } from './story-files';

export const DEFAULT_OEMBED_ENDPOINT = 'https://publish.twitter.com/oembed';

export interface LookupOptions {
  endpoint?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Asks Twitter's oEmbed service for a tweet and keeps only its text fields: the returned
 * HTML is parsed for name, text, date and language, then dropped (no markup, no script).
 */
export async function lookupTweet(url: string, options: LookupOptions = {}): Promise<Partial<TweetState>> {
  const parsed = parseTweetUrl(url);
  if (!parsed.ok) throw new StoryFileError(parsed.reason, 'invalid');
  const endpoint = options.endpoint ?? overrideEndpoint() ?? DEFAULT_OEMBED_ENDPOINT;
  const query = new URL(endpoint);
  query.searchParams.set('url', parsed.url);
  query.searchParams.set('omit_script', 'true');
  query.searchParams.set('dnt', 'true');
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(query, { signal: AbortSignal.timeout(options.timeoutMs ?? 5000), redirect: 'error' });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
    throw new StoryFileError(timedOut ? 'Twitter did not answer in time.' : 'Twitter could not be reached.', 'io');
  }
  if (response.status === 404) throw new StoryFileError('Twitter says this tweet does not exist (deleted or private).', 'not-found');
  if (!response.ok) throw new StoryFileError(`Twitter's look-up failed (HTTP ${response.status}).`, 'io');
  let body: { html?: unknown; author_name?: unknown };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new StoryFileError("Twitter's look-up answered with something that is not JSON.", 'io');
  }
  if (typeof body.html !== 'string' || body.html.length > 100_000) throw new StoryFileError("Twitter's look-up had no tweet in it.", 'io');
  const tweet = parseTweetEmbeds(body.html)[0];
  if (!tweet) throw new StoryFileError("Twitter's look-up had no tweet in it.", 'io');
  const result: Partial<TweetState> = {
    url: parsed.url,
    tweetId: parsed.tweetId,
    handle: tweet.handle || parsed.handle,
    name: tweet.name || (typeof body.author_name === 'string' ? body.author_name.slice(0, 200) : ''),
    text: tweet.text,
    date: tweet.date,
    lang: tweet.lang,
  };
  return result;
}

/**
 * COPYDESK_OEMBED_ENDPOINT points the look-up at a local stand-in (tests, offline demos).
 * Only loopback addresses are honoured, so a stray variable cannot send links elsewhere.
 */
function overrideEndpoint(): string | undefined {
  const value = process.env.COPYDESK_OEMBED_ENDPOINT;
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ? value : undefined;
  } catch {
    return undefined;
  }
}
