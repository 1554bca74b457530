import type { Story } from '../story/schema';
import { clip } from './block-fields';
import type { StoryDiff } from './compare';
import { blockLabels, describeBlock, describeFieldChange, describeStats } from './describe';
import type { WordChange } from './words';

export interface TextRenderOptions {
  /** Names of the two sides for the first lines ("--- a.story", "+++ b.story"). */
  names?: { a: string; b: string };
  /** Words of unchanged text kept around each change; the rest is shown as "…". */
  context?: number;
  /** The stories compared, so a moved tweet or photo can be named. */
  stories?: { a?: Pick<Story, 'body' | 'assets'>; b?: Pick<Story, 'body' | 'assets'> };
}

/**
 * The changes as plain text, like `git diff --word-diff` but for a subeditor: the details
 * that changed, then each block that changed with [-deleted-] and {+inserted+} words and
 * its named field changes, then the counts. Unchanged blocks are left out.
 */
export function renderDiffText(diff: StoryDiff, options: TextRenderOptions = {}): string {
  const context = options.context ?? 8;
  const out: string[] = [];
  if (options.names) out.push(`--- ${options.names.a}`, `+++ ${options.names.b}`, '');
  if (diff.meta.length > 0) {
    out.push('Details');
    for (const change of diff.meta) out.push(indent(describeFieldChange(change)));
    out.push('');
  }
  // Tweets, photos and the helpline that moved or changed are named; their labels cost a walk of the story.
  const named = (b: StoryDiff['blocks'][number]) => !b.words && (b.op === 'move' || b.op === 'change') && b.to !== undefined;
  const labels = diff.blocks.some(named) ? blockLabels(options.stories?.b) : new Map<number, string>();
  for (const block of diff.blocks) {
    if (block.op === 'equal') continue;
    out.push(describeBlock(block));
    if (named(block) && labels.has(block.to!)) out.push(indent(labels.get(block.to!)!));
    if (block.words) {
      const unchanged = !block.words.some((w) => w.op !== 'equal');
      if (unchanged) out.push(indent(clip(block.words.map((w) => w.text).join(''), 100)));
      else out.push(indent(markWords(block.words, block.op === 'insert' || block.op === 'delete' ? Infinity : context)));
    }
    for (const change of block.fields ?? []) out.push(indent(describeFieldChange(change)));
    out.push('');
  }
  const changed = diff.meta.length > 0 || diff.blocks.some((b) => b.op !== 'equal');
  out.push(changed ? describeStats(diff.stats) : 'No changes.');
  return out.join('\n');
}

/** Words with [-deleted-] and {+inserted+} marks; long unchanged stretches cut to `context` words each side. */
export function markWords(words: readonly WordChange[], context: number): string {
  let text = '';
  words.forEach((change, k) => {
    if (change.op === 'equal') {
      text += shorten(change.text, context, k > 0, k < words.length - 1);
      return;
    }
    // Keep the spaces around a change outside its marks: "[-enthusiastic-] {+excited+} response".
    const core = change.text.trim();
    if (core === '') {
      // Space changed and nothing else: print the newer spacing.
      if (change.op === 'insert') text += change.text;
      return;
    }
    const lead = change.text.slice(0, change.text.indexOf(core));
    const trail = change.text.slice(lead.length + core.length);
    text += change.op === 'insert' ? `${lead}{+${core}+}${trail}` : `${lead}[-${core}-]${trail}`;
  });
  return text.replace(/-\](?=\{\+)/g, '-] ');
}

function shorten(text: string, context: number, before: boolean, after: boolean): string {
  if (!Number.isFinite(context)) return text;
  const lead = /^\s*/.exec(text)![0];
  const tokens = text.slice(lead.length).match(/\S+\s*/g) ?? [];
  if (tokens.length <= (before ? context : 0) + (after ? context : 0) + 2) return text;
  const head = before ? tokens.slice(0, context).join('') : '';
  const tail = after ? tokens.slice(tokens.length - context).join('') : '';
  return `${lead}${head}${after ? '… ' : '…'}${tail}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
