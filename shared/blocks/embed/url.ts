import type { EmbedUrlResult } from './provider';
import { EMBED_PROVIDER_TABLE } from './providers';
import { MASTODON, parseAtUri } from './social';

export type { EmbedUrlResult } from './provider';

const TWITTER_HOSTS = /^(?:(?:www|mobile|m)\.)?(?:twitter|x)\.com$/;

/**
 * Reads a pasted link as a post or video of one of the services the embed block knows, and
 * gives back its canonical link — or one line saying why it cannot be embedded ("That is a
 * TikTok profile, not a video."). X/Twitter links are answered `tweet: true`: they go to
 * the tweet block.
 */
export function parseEmbedUrl(input: string): EmbedUrlResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'Paste a link to a post or video.' };
  if (/^at:\/\//i.test(text)) return parseAtUri(text);
  if (/[\s<>"`]/.test(text)) return { ok: false, reason: 'That is not a link.' };
  let url: URL;
  try {
    url = new URL(text.startsWith('//') ? `https:${text}` : /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: 'That is not a link.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `Post links start with https:// (not "${url.protocol}").` };
  }
  if (url.username || url.password) return { ok: false, reason: 'That link carries a user name or password; copy the plain post link.' };
  const host = url.hostname.toLowerCase();
  if (TWITTER_HOSTS.test(host)) return { ok: false, reason: 'That is a tweet: it goes in a tweet block.', tweet: true };
  for (const spec of Object.values(EMBED_PROVIDER_TABLE)) {
    if (spec.hosts.includes(host)) return spec.parseUrl(url);
  }
  return MASTODON.parseUrl(url);
}
