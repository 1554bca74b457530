import { embedFieldsFromOEmbed, embedProvider, oembedRequest, type EmbedState } from '../../shared/blocks/embed';
import { StoryFileError } from './story-files';

export interface EmbedLookupOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** A stand-in for every service's endpoint (tests); see COPYDESK_OEMBED_ENDPOINT. */
  endpoint?: string;
}

/**
 * Asks the post's service for its public oEmbed answer and keeps only snapshot fields: the
 * `html` in the answer is read for its text and dropped (no markup, no script is kept).
 */
export async function lookupEmbed(url: string, options: EmbedLookupOptions = {}): Promise<Partial<EmbedState>> {
  const request = oembedRequest(url);
  if (!request.ok) throw new StoryFileError(request.reason, 'invalid');
  const label = embedProvider(request.provider).label;
  const endpoint = options.endpoint ?? overrideEndpoint();
  let query = request.request;
  if (endpoint) {
    const local = new URL(endpoint);
    local.searchParams.set('url', request.url);
    query = local.toString();
  }
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(query, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      redirect: 'error',
      headers: { Accept: 'application/json' },
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
    throw new StoryFileError(timedOut ? `${label} did not answer in time.` : `${label} could not be reached.`, 'io');
  }
  if (response.status === 404) throw new StoryFileError(`${label} says this post does not exist (deleted or private).`, 'not-found');
  if (response.status === 401 || response.status === 403)
    throw new StoryFileError(`${label} would not share this post (private or restricted).`, 'io');
  if (!response.ok) throw new StoryFileError(`${label}'s look-up failed (HTTP ${response.status}).`, 'io');
  let body: unknown;
  try {
    const text = await response.text();
    if (text.length > 500_000) throw new Error('too long');
    body = JSON.parse(text);
  } catch {
    throw new StoryFileError(`${label}'s look-up answered with something that is not JSON.`, 'io');
  }
  return { provider: request.provider, url: request.url, ...embedFieldsFromOEmbed(request.provider, request.url, body) };
}

/** COPYDESK_OEMBED_ENDPOINT, honoured only on loopback (as for tweets), so a stray variable cannot send links elsewhere. */
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
