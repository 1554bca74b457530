import type { Story } from '../story/schema';
import { storyBlocks } from './blocks';
import type { BlockDiff, DiffStats, FieldChange } from './compare';

/** Words both renderers use, so the text and the HTML say the same thing. */

export type FieldChangeKind = 'added' | 'removed' | 'changed';

export function fieldChangeKind(change: FieldChange): FieldChangeKind {
  if (change.before === '') return 'added';
  if (change.after === '') return 'removed';
  return 'changed';
}

/** "credit: Photo / Supplied → Photo / RNZ", "tweet removed: @chrissyteigen October 28, 2020", "alt text added: …". */
export function describeFieldChange(change: FieldChange): string {
  switch (fieldChangeKind(change)) {
    case 'added':
      return `${change.field} added: ${change.after}`;
    case 'removed':
      return `${change.field} removed: ${change.before}`;
    default:
      return `${change.field}: ${change.before} → ${change.after}`;
  }
}

const TYPE_NAMES: Record<string, string> = { paragraph: 'paragraph', heading: 'heading', quote: 'quote', list: 'list' };

/** "Changed paragraph, block 6 → 4": what happened to a block, numbered from 1 as people count. */
export function describeBlock(block: BlockDiff): string {
  const noun = TYPE_NAMES[block.type] ?? block.type;
  const from = block.from === undefined ? '' : String(block.from + 1);
  const to = block.to === undefined ? '' : String(block.to + 1);
  const where = from && to ? (from === to ? `block ${to}` : `block ${from} → ${to}`) : `block ${from || to}`;
  const changed = block.words?.some((w) => w.op !== 'equal') || (block.fields?.length ?? 0) > 0;
  const verb = {
    equal: 'Unchanged',
    change: 'Changed',
    insert: 'Added',
    delete: 'Removed',
    move: changed ? 'Moved and changed' : 'Moved',
  }[block.op];
  return `${verb} ${noun}, ${where}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "12 words added, 3 removed; 1 block added, 0 removed, 1 moved". */
export function describeStats(stats: DiffStats): string {
  return (
    `${plural(stats.wordsInserted, 'word')} added, ${stats.wordsDeleted} removed; ` +
    `${plural(stats.blocksInserted, 'block')} added, ${stats.blocksDeleted} removed, ${stats.blocksMoved} moved`
  );
}

/** Labels of the newsroom blocks by body index ("@chrissyteigen October 28, 2020"), for showing unchanged ones. */
export type BlockLabels = ReadonlyMap<number, string>;

export function blockLabels(story: Pick<Story, 'body' | 'assets'> | undefined): BlockLabels {
  const labels = new Map<number, string>();
  if (story) for (const block of storyBlocks(story)) if (!block.copy) labels.set(block.index, `${block.type}: ${block.label}`);
  return labels;
}
