import { parseEmbedCode } from './embed-code';
import { embedProvider } from './providers';
import { EMBED_LIMITS, type EmbedProviderId, type EmbedState } from './schema';
import { parseEmbedUrl } from './url';

/**
 * The optional look-up through each service's public oEmbed endpoint. Only fields come
 * back: the `html` an endpoint returns is read for its text and dropped, never kept.
 */

export type OEmbedRequest = { ok: true; provider: EmbedProviderId; url: string; request: string } | { ok: false; reason: string };

export function oembedRequest(link: string): OEmbedRequest {
  const parsed = parseEmbedUrl(link);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return { ok: true, provider: parsed.provider, url: parsed.url, request: embedProvider(parsed.provider).oembedUrl(parsed.url) };
}

/** The snapshot fields an oEmbed answer gives, cut to the schema's limits. */
export function embedFieldsFromOEmbed(provider: EmbedProviderId, url: string, answer: unknown): Partial<EmbedState> {
  const json = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
  const str = (key: string) => (typeof json[key] === 'string' ? (json[key] as string).trim() : '');
  const fields: Partial<EmbedState> = {};
  const html = str('html');
  if (html && html.length <= 200_000) {
    const [fromHtml] = parseEmbedCode(html);
    if (fromHtml && fromHtml.provider === provider) {
      for (const key of ['text', 'authorName', 'authorHandle', 'date'] as const) if (fromHtml[key]) fields[key] = fromHtml[key];
    }
  }
  // Videos (and TikTok captions) come as `title`; the html holds only a player.
  if (provider === 'youtube' || provider === 'vimeo' || provider === 'tiktok') {
    if (str('title')) fields.text = str('title');
  }
  if (str('author_name')) fields.authorName = str('author_name');
  const authorUrl = str('author_url');
  if (provider === 'tiktok' && /^[A-Za-z0-9._]{1,40}$/.test(str('author_unique_id'))) fields.authorHandle = str('author_unique_id');
  if (provider === 'youtube') {
    const handle = /^https:\/\/www\.youtube\.com\/@([A-Za-z0-9._-]{3,30})$/.exec(authorUrl)?.[1];
    if (handle) fields.authorHandle = handle;
  }
  if (provider === 'vimeo' && /^\d{4}-\d{2}-\d{2}/.test(str('upload_date'))) fields.date = str('upload_date').slice(0, 10);
  const parsed = parseEmbedUrl(url);
  if (parsed.ok && parsed.handle && !fields.authorHandle) fields.authorHandle = parsed.handle;
  for (const key of ['text', 'authorName', 'authorHandle', 'date'] as const) {
    if (fields[key] !== undefined) fields[key] = fields[key]!.slice(0, EMBED_LIMITS[key]);
  }
  return fields;
}
