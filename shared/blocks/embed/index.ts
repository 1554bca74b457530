import type { Html } from '../../export/markup';
import { renderEmbed } from './render';
import { cleanEmbed, type EmbedState } from './schema';

export * from './schema';
export { parseEmbedUrl, type EmbedUrlResult } from './url';
export { EMBED_PROVIDER_TABLE, embedProvider } from './providers';
export { parseEmbedCode, parseEmbedCodeOnly, embedFromElement, recogniseEmbedElement } from './embed-code';
export { renderEmbed, embedText, playerOrigins, VIDEO_PLAYER_ORIGINS } from './render';
export { oembedRequest, embedFieldsFromOEmbed, type OEmbedRequest } from './oembed';

export const EMBED_TYPE = 'embed';

/** The block in CMS JSON: which service, the link and the snapshot, and its HTML. */
export interface CmsEmbed extends EmbedState {
  type: 'embed';
  html: string;
}

export function cmsEmbed(embed: EmbedState, html: Html): CmsEmbed {
  return { type: 'embed', ...embed, html: html.markup };
}

/**
 * Rendered once for export: the fragment markup, and the page's (a video player for YouTube
 * and Vimeo). Null when the object is not an embed of a known service or holds nothing.
 */
export function renderEmbedBlock(state: unknown): { state: EmbedState; html: Html; pageHtml: Html } | null {
  const embed = cleanEmbed(state);
  const html = renderEmbed(embed);
  const pageHtml = renderEmbed(embed, true);
  return embed && html && pageHtml ? { state: embed, html, pageHtml } : null;
}
