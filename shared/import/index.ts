/** Ways into a story from outside (issue 5): plain text, HTML (pastes, saved pages, .docx via mammoth). */
export {
  htmlToBody,
  htmlToStory,
  importLinkUrl,
  resolveImages,
  summarizeBody,
  MAX_HTML_CHARS,
  TEXT_FORMAT,
  type HtmlBodyResult,
  type HtmlImage,
  type HtmlImportOptions,
  type HtmlStoryOptions,
  type HtmlStoryResult,
} from './html';
export { imageSize, type ImageSize } from './image-size';
export {
  formatImportSummary,
  importPlainText,
  MAX_IMPORT_CHARS,
  type ImportOptions,
  type ImportSummary,
  type PlainTextImport,
} from './plain-text';
