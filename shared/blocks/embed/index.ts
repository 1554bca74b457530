export * from './schema';
export { parseEmbedUrl, type EmbedUrlResult } from './url';
export { EMBED_PROVIDER_TABLE, embedProvider } from './providers';
export { parseEmbedCode, parseEmbedCodeOnly, embedFromElement, recogniseEmbedElement } from './embed-code';
export { renderEmbed, embedText, VIDEO_PLAYER_ORIGINS } from './render';
export { oembedRequest, embedFieldsFromOEmbed, type OEmbedRequest } from './oembed';
