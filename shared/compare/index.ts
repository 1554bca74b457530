export {
  compareStories,
  hasChanges,
  type BlockDiff,
  type CompareOptions,
  type DiffStats,
  type FieldChange,
  type StoryDiff,
} from './compare';
export { diffWordsExact, type WordChange } from './words';
export { storyBlocks, type CompareBlock } from './blocks';
