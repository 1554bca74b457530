import { BLOCK_LIST, isBlockType, blockDefinition, type BlockSummaryCounts } from '../blocks/registry';
import type { SerializedBodyNode } from '../story/schema';

/** What an import made: each registered block's count (`tweets`, `photos`, …) and the text blocks. */
export type ImportSummary = BlockSummaryCounts & {
  paragraphs: number;
  headings: number;
  lists: number;
};

export function emptySummary(): ImportSummary {
  const counts = Object.fromEntries(BLOCK_LIST.map((d) => [d.summary.key, 0])) as BlockSummaryCounts;
  return { ...counts, paragraphs: 0, headings: 0, lists: 0 };
}

/** Counts the top-level nodes an importer made; quotes count as paragraphs. */
export function summarizeBody(children: readonly SerializedBodyNode[]): ImportSummary {
  const summary = emptySummary();
  const counts = summary as unknown as Record<string, number>;
  for (const node of children) {
    if (isBlockType(node.type)) counts[blockDefinition(node.type).summary.key]!++;
    else if (node.type === 'paragraph' || node.type === 'quote') summary.paragraphs++;
    else if (node.type === 'heading') summary.headings++;
    else if (node.type === 'list') summary.lists++;
  }
  return summary;
}

/** The number of newsroom blocks an import recognised. */
export function recognisedBlocks(summary: ImportSummary): number {
  return BLOCK_LIST.reduce((sum, d) => sum + ((summary as unknown as Record<string, number>)[d.summary.key] ?? 0), 0);
}

/** "2 tweets, 1 photo": the newsroom blocks an import recognised, kinds that did not occur left out. */
export function formatRecognisedBlocks(summary: ImportSummary): string {
  const parts: string[] = [];
  for (const { summary: noun } of BLOCK_LIST) {
    const n = (summary as unknown as Record<string, number>)[noun.key] ?? 0;
    if (n) parts.push(`${n} ${n === 1 ? noun.one : noun.many}`);
  }
  return parts.join(', ');
}

/** "3 tweets, 1 photo, 1 helpline footer, 14 paragraphs" — kinds that did not occur are left out, paragraphs never. */
export function formatImportSummary(summary: ImportSummary): string {
  const part = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const blocks = formatRecognisedBlocks(summary);
  const parts: string[] = blocks ? [blocks] : [];
  if (summary.headings) parts.push(part(summary.headings, 'heading', 'headings'));
  if (summary.lists) parts.push(part(summary.lists, 'list', 'lists'));
  parts.push(part(summary.paragraphs, 'paragraph', 'paragraphs'));
  return parts.join(', ');
}
