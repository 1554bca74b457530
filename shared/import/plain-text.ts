import type { HelplinePreset } from '../blocks/helpline';
import { detectHelplineFooter } from '../blocks/helpline/plain-text';
import { createStory, emptyBody } from '../story/create';
import type { Story } from '../story/schema';
import { lineItems, mergeLists, type Item } from './copy-lines';
import { detectDateline } from './dateline';
import { fitChildren, toNodes } from './story-nodes';
import { markHeadings } from './subheadings';
import { summarizeBody, type ImportSummary } from './summary';

export { looksLikeSubheading } from './subheadings';

/**
 * Plain text → story (issue 5). Pure: no DOM, no Node, no clock (the caller passes `now`).
 *
 * Copied text comes one line per paragraph (most web pages) or with blank lines between
 * paragraphs, where a single newline inside one is a `linebreak` (see copy-lines.ts). On top of that the importer recognises what copied news pages contain:
 * embedded tweets (their text, then "— Name (@handle) Month D, YYYY"), photo captions
 * ending in a credit ("… Photo / Supplied"), the helpline footer ("Where to get help:" and
 * its lines), a leading dateline, bulleted and numbered lists, and — only where it is
 * unambiguous — subheadings. Nothing else is guessed: every other line stays a paragraph,
 * in order, word for word.
 */
export interface ImportOptions {
  id: string;
  now: Date;
  /** The user's own helpline presets, recognised before the shipped ones. */
  presets?: readonly HelplinePreset[];
}

export { formatImportSummary, type ImportSummary } from './summary';

export interface PlainTextImport {
  story: Story;
  summary: ImportSummary;
  /** The provenance line ("source: https://…") at the top of the file, which is not story text. */
  source?: string;
  /**
   * Source text the story does not keep word for word, for the reporter to check: the
   * closing sentence a helpline footer was made from ("If you need help, call …").
   */
  reworded: string[];
}

/** Longer text is refused (`RangeError`): about ten times the longest long-read. */
export const MAX_IMPORT_CHARS = 1_000_000;

const SOURCE_LINE = /^source:\s*(https?:\/\/\S.*)$/iu;

export function importPlainText(text: string, options: ImportOptions): PlainTextImport {
  if (text.length > MAX_IMPORT_CHARS) {
    throw new RangeError(`text is too long to import (${text.length} characters; the limit is ${MAX_IMPORT_CHARS})`);
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/u, ''));

  // Provenance line: not story text.
  let source: string | undefined;
  const first = firstContentLine(lines);
  if (first >= 0) {
    const match = SOURCE_LINE.exec(lines[first]!.trim());
    if (match) {
      source = match[1]!.trim();
      lines[first] = '';
    }
  }

  // Dateline: the first line, or the start of it when labelled ("date 2020-10-29 Former …").
  let dateline = '';
  const top = firstContentLine(lines);
  if (top >= 0) {
    const match = detectDateline(lines[top]!);
    if (match) {
      dateline = match.dateline;
      lines[top] = match.rest;
    }
  }

  const items: Item[] = [];
  const reworded: string[] = [];
  const footer = detectHelplineFooter(lines, { now: options.now, presets: options.presets });
  if (footer) {
    const before = lines.slice(0, footer.start);
    if (footer.startColumn > 0) before.push(lines[footer.start]!.slice(0, footer.startColumn).trimEnd());
    items.push(...lineItems(before));
    items.push({ kind: 'helpline', state: footer.state });
    items.push(...lineItems(lines.slice(footer.end)));
    reworded.push(...footer.reworded);
  } else {
    items.push(...lineItems(lines));
  }

  const finished = markHeadings(mergeLists(items));
  const nodes = fitChildren(finished.flatMap(toNodes));
  const story = createStory({ id: options.id, now: options.now });
  story.meta.dateline = dateline;
  const summary = summarizeBody(nodes);
  if (nodes.length > 0) story.body = { root: { ...emptyBody().root, children: nodes } };
  return source === undefined ? { story, summary, reworded } : { story, summary, source, reworded };
}

function firstContentLine(lines: readonly string[]): number {
  return lines.findIndex((l) => l.trim() !== '');
}
