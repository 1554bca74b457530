export {
  compareStories,
  hasChanges,
  type BlockDiff,
  type CompareOptions,
  type DiffStats,
  type FieldChange,
  type StoryDiff,
} from './compare';
export { describeFieldChange, describeStats } from './describe';
export { diffHtml, renderDiffHtml, renderDiffPage, type HtmlRenderOptions } from './render-html';
export { renderDiffText, type TextRenderOptions } from './render-text';
export { diffWordsExact, type WordChange } from './words';
export { storyBlocks, type CompareBlock } from './blocks';
