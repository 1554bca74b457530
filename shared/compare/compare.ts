import type { Story } from '../story/schema';
import { alignBlocks } from './align';
import type { FieldOptions, NamedField } from './block-fields';
import { storyBlocks, type CompareBlock } from './blocks';
import { countChangedWords, diffWordsExact, type WordChange } from './words';

/** A field that differs: before and after as people read them ('' when there was none). */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface BlockDiff {
  op: 'equal' | 'insert' | 'delete' | 'move' | 'change';
  /** The block's type in the newer story (the older one for a deleted block). */
  type: string;
  /** Place among the top-level blocks of `a` / `b`, from 0. */
  from?: number;
  to?: number;
  /** Copy blocks: the words, kept, inserted and deleted; equal and deleted runs give a's text, equal and inserted b's. */
  words?: WordChange[];
  /** Named field changes: "credit: Photo / Supplied → Photo / RNZ", "tweet removed: @chrissyteigen October 28, 2020". */
  fields?: FieldChange[];
}

export interface DiffStats {
  wordsInserted: number;
  wordsDeleted: number;
  blocksInserted: number;
  blocksDeleted: number;
  blocksMoved: number;
}

/** What changed from story `a` to story `b`: the shape `copydesk diff --format json` prints. */
export interface StoryDiff {
  meta: FieldChange[];
  blocks: BlockDiff[];
  stats: DiffStats;
}

export type CompareOptions = Pick<FieldOptions, 'creditStyle'>;

/** Metadata as compared, in the order a subeditor reads a story's details. */
const META_FIELDS = ['headline', 'standfirst', 'byline', 'dateline', 'section', 'slug', 'tags', 'status', 'language'] as const;

/**
 * Compares two restored stories (two versions, or two files). Pure: no DOM, no Node, so the
 * app's compare view, `copydesk diff` and a CMS job all get the same answer.
 */
export function compareStories(
  a: Pick<Story, 'meta' | 'body' | 'assets'>,
  b: Pick<Story, 'meta' | 'body' | 'assets'>,
  options: CompareOptions = {},
): StoryDiff {
  const blocksA = storyBlocks(a, options);
  const blocksB = storyBlocks(b, options);
  const language = typeof b.meta?.language === 'string' ? b.meta.language : 'en';
  const stats: DiffStats = { wordsInserted: 0, wordsDeleted: 0, blocksInserted: 0, blocksDeleted: 0, blocksMoved: 0 };
  const blocks: BlockDiff[] = [];
  for (const step of alignBlocks(blocksA, blocksB)) {
    const before = step.a === undefined ? undefined : blocksA[step.a]!;
    const after = step.b === undefined ? undefined : blocksB[step.b]!;
    const block = describeStep(step.op, before, after, language);
    if (block.words) {
      const counted = countChangedWords(block.words);
      stats.wordsInserted += counted.inserted;
      stats.wordsDeleted += counted.deleted;
    }
    if (block.op === 'insert') stats.blocksInserted++;
    else if (block.op === 'delete') stats.blocksDeleted++;
    else if (block.op === 'move') stats.blocksMoved++;
    blocks.push(block);
  }
  return { meta: compareMeta(a.meta, b.meta), blocks, stats };
}

/** True when the two stories differ in anything compare shows. */
export function hasChanges(diff: StoryDiff): boolean {
  return diff.meta.length > 0 || diff.blocks.some((b) => b.op !== 'equal');
}

function describeStep(op: BlockDiff['op'], before: CompareBlock | undefined, after: CompareBlock | undefined, language: string): BlockDiff {
  const type = (after ?? before)!.type;
  const out: BlockDiff = { op, type };
  if (before) out.from = before.index;
  if (after) out.to = after.index;
  const shown = (after ?? before)!;
  // An unchanged block says nothing more than its words.
  if (op === 'equal') {
    if (shown.copy) out.words = shown.text === '' ? [] : [{ op: 'equal', text: shown.text }];
    return out;
  }
  if (before && after) {
    if (shown.copy && after.copy && before.copy) out.words = diffWordsExact(before.text, after.text, language);
    const edited = out.words?.some((w) => w.op !== 'equal') ?? false;
    // Formatting names the words it covers: when only those words changed, the words say so already.
    const fields = compareFields(before.fields, after.fields).filter(
      (f) => !(edited && f.field === 'formatting' && marksOnly(f.before) === marksOnly(f.after)),
    );
    if (fields.length > 0) out.fields = fields;
  } else if (shown.copy) {
    out.words = shown.text === '' ? [] : [{ op: op === 'insert' ? 'insert' : 'delete', text: shown.text }];
  } else {
    // A whole tweet, photo or helpline added or taken out, named as a person would.
    out.fields = [{ field: shown.type, before: before ? before.label : '', after: after ? after.label : '' }];
  }
  return out;
}

/** "bold “Teigen”; link (https://…) “essay”" without the words: "bold; link (https://…)". */
function marksOnly(formatting: string): string {
  return formatting.replace(/ “[^”]*”/g, '');
}

/** Field by field; list fields (helpline lines) item by item, each added or removed item on its own. */
export function compareFields(before: readonly NamedField[], after: readonly NamedField[]): FieldChange[] {
  const changes: FieldChange[] = [];
  const afterByName = new Map(after.map((f) => [f.field, f.value]));
  for (const { field, value } of before) {
    const next = afterByName.get(field) ?? (typeof value === 'string' ? '' : []);
    if (typeof value === 'string' && typeof next === 'string') {
      if (value !== next) changes.push({ field, before: value, after: next });
      continue;
    }
    const old = typeof value === 'string' ? [value] : value;
    const now = typeof next === 'string' ? [next] : next;
    for (const item of withoutEach(old, now)) changes.push({ field, before: item, after: '' });
    for (const item of withoutEach(now, old)) changes.push({ field, before: '', after: item });
  }
  return changes;
}

/** Items of `items` not matched one for one in `others` (multiset difference, order kept). */
function withoutEach(items: readonly string[], others: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const o of others) left.set(o, (left.get(o) ?? 0) + 1);
  return items.filter((item) => {
    const n = left.get(item) ?? 0;
    if (n === 0) return item !== '';
    left.set(item, n - 1);
    return false;
  });
}

function compareMeta(a: unknown, b: unknown): FieldChange[] {
  const read = (meta: unknown, field: string): string => {
    const value = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)[field] : undefined;
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').join(', ');
    return typeof value === 'string' ? value : '';
  };
  const changes: FieldChange[] = [];
  for (const field of META_FIELDS) {
    const before = read(a, field);
    const after = read(b, field);
    if (before !== after) changes.push({ field, before, after });
  }
  return changes;
}
