import { CREDIT_STYLE_IDS, DEFAULT_CREDIT_STYLE, type CreditStyle } from '../blocks/photo';
import type { Story } from '../story/schema';
import { ASSET_MODES, assetFiles, type AssetMode, type ExportFile } from './assets';
import { blockImages } from './body';
import { renderCmsDocument, safeJsonText } from './cms-json';
import { renderFragment, renderPage, renderStoryBlocks } from './html';
import { renderNinjs } from './ninjs';

export { ASSET_MODES, decodeBase64, resolvePhotoImage, type AssetMode, type ExportFile, type ResolvedImage } from './assets';
export { COPY_BLOCK_TYPES, renderBodyBlocks, UnknownBlockError, type RenderedBlock, type RenderedListItem } from './body';
export { CMS_FORMAT, CMS_VERSION, renderCmsDocument, safeJsonText, type CmsAsset, type CmsBlock, type CmsDocument } from './cms-json';
export { findPrintedNumber, findPrintedUrl, renderEntryLine, renderHelpline } from '../blocks/helpline/render';
export { pageCsp, renderFragment, renderPage, renderStoryBlocks, type HtmlOptions } from './html';
export { escapeAttribute, escapeText, Html } from './markup';
export { NINJS_SCHEMA_URI, renderNinjs, storyUri, type NinjsDocument, type NinjsPicture, type NinjsRendition } from './ninjs';
export { renderPhoto } from '../blocks/photo/render';
export { cleanTweet, linkifyTweetText, renderTweet, tweetDirection, tweetStatusUrl } from '../blocks/tweet/render';
export { storyCharCount, storyWordCount } from './word-count';

export const EXPORT_FORMATS = ['html', 'page', 'json', 'ninjs'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** `html`: the body fragment; `page`: a standalone document; `json`: Copydesk CMS JSON; `ninjs`: IPTC ninjs 2.1. */
  format: ExportFormat;
  /** How images travel (default `inline`). With `dir` the result lists the image files to write. */
  assets?: AssetMode;
  /** Page only: add Twitter's widgets.js (default false: no script, ever, in the other formats). */
  tweetScript?: boolean;
  /** Photo credit house style (default `photo-slash`: "Photo / Supplied"). */
  creditStyle?: CreditStyle;
}

export interface ExportResult {
  /** The document, ending in a newline. */
  text: string;
  mime: 'text/html' | 'application/json';
  /** Files to write beside the document (`assets: 'dir'` only): `images/<sha256>.<ext>`. */
  files: ExportFile[];
}

/**
 * One story, one format, no I/O: the CLI, the app's Export and Copy as HTML, and a CMS
 * ingest job all call this. Throws only for options outside the types (a caller's bug).
 */
export function exportStory(story: Story, options: ExportOptions): ExportResult {
  const format = options.format;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new RangeError(`unknown export format "${String(format)}"`);
  const assets = options.assets ?? 'inline';
  if (!ASSET_MODES.includes(assets)) throw new RangeError(`unknown asset mode "${String(assets)}"`);
  const creditStyle = options.creditStyle ?? DEFAULT_CREDIT_STYLE;
  if (!CREDIT_STYLE_IDS.includes(creditStyle)) throw new RangeError(`unknown credit style "${String(creditStyle)}"`);
  const html = { assets, creditStyle, tweetScript: options.tweetScript === true };

  let text: string;
  switch (format) {
    case 'html':
      text = `${renderFragment(story, html)}\n`;
      break;
    case 'page':
      text = `${renderPage(story, html)}\n`;
      break;
    case 'json':
      text = safeJsonText(renderCmsDocument(story, html));
      break;
    case 'ninjs':
      text = safeJsonText(renderNinjs(story, html));
      break;
  }
  const files = assets === 'dir' ? assetFiles(blockImages(renderStoryBlocks(story, html)), story.assets) : [];
  return { text, mime: format === 'html' || format === 'page' ? 'text/html' : 'application/json', files };
}
