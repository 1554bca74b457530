import { constant, el, fragment, lines, type Child, type Html } from '../export/markup';
import type { Story } from '../story/schema';
import type { BlockDiff, FieldChange, StoryDiff } from './compare';
import { blockLabels, describeBlock, describeStats, fieldChangeKind, type BlockLabels } from './describe';
import type { WordChange } from './words';

export interface HtmlRenderOptions {
  /** The stories compared, so unchanged tweets, photos and the helpline can be shown by name. */
  stories?: { a?: Pick<Story, 'body' | 'assets'>; b?: Pick<Story, 'body' | 'assets'> };
}

/**
 * The whole story with its changes marked, for the app's compare view and `copydesk diff
 * --format html`: insertions in <ins>, deletions in <del>, each block in a
 * `div.diff-block.diff-<op>` (so Next / Previous change can step through
 * `.diff-block:not(.diff-equal)`), moved blocks saying where they came from. Built only
 * from shared/export/markup, so whatever was typed is escaped.
 */
export function renderDiffHtml(diff: StoryDiff, options: HtmlRenderOptions = {}): string {
  return diffHtml(diff, options).markup;
}

export function diffHtml(diff: StoryDiff, options: HtmlRenderOptions = {}): Html {
  const labelsA = blockLabels(options.stories?.a);
  const labelsB = blockLabels(options.stories?.b);
  const meta =
    diff.meta.length > 0
      ? el(
          'div',
          { class: 'diff-meta' },
          el('h2', null, 'Details'),
          el(
            'ul',
            null,
            diff.meta.map((change) => fieldItem(change)),
          ),
        )
      : null;
  const changed = diff.meta.length > 0 || diff.blocks.some((b) => b.op !== 'equal');
  return el(
    'div',
    { class: 'story-diff' },
    '\n',
    lines([
      meta,
      ...diff.blocks.map((block) => renderBlock(block, labelsA, labelsB)),
      el('p', { class: 'diff-stats' }, changed ? describeStats(diff.stats) : 'No changes.'),
    ]),
    '\n',
  );
}

function renderBlock(block: BlockDiff, labelsA: BlockLabels, labelsB: BlockLabels): Html {
  const note = block.op === 'equal' ? null : el('p', { class: 'diff-note' }, describeBlock(block));
  const label = block.to !== undefined ? labelsB.get(block.to) : block.from !== undefined ? labelsA.get(block.from) : undefined;
  // A whole tweet or photo added or removed is named in its field line; others are named here.
  const named = label && block.op !== 'insert' && block.op !== 'delete';
  const content = block.words ? copyElement(block.type, markedWords(block.words)) : named ? el('p', { class: 'diff-label' }, label) : null;
  const fields = block.fields?.length
    ? el(
        'ul',
        { class: 'diff-fields' },
        block.fields.map((change) => fieldItem(change)),
      )
    : null;
  return el('div', { class: `diff-block diff-${block.op} diff-type-${block.type}` }, note, content, fields);
}

function copyElement(type: string, inner: Html): Html {
  switch (type) {
    case 'heading':
      return el('h3', null, inner);
    case 'quote':
      return el('blockquote', null, inner);
    case 'list':
      return el('p', { class: 'diff-list' }, inner);
    default:
      return el('p', null, inner);
  }
}

function markedWords(words: readonly WordChange[]): Html {
  return fragment(
    words.map((change) => {
      const text = withBreaks(change.text);
      return change.op === 'insert' ? el('ins', null, text) : change.op === 'delete' ? el('del', null, text) : text;
    }),
  );
}

/** List items are one per line in a block's text. */
function withBreaks(text: string): Child[] {
  return text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [el('br', null), line]));
}

function fieldItem(change: FieldChange): Html {
  const name = el('span', { class: 'diff-field' }, change.field);
  switch (fieldChangeKind(change)) {
    case 'added':
      return el('li', null, name, ' added: ', el('ins', null, change.after));
    case 'removed':
      return el('li', null, name, ' removed: ', el('del', null, change.before));
    default:
      return el('li', null, name, ': ', el('del', null, change.before), ' → ', el('ins', null, change.after));
  }
}

const PAGE_STYLE = constant`
body{margin:0;background:#fff;color:#111;font:17px/1.6 Georgia,"Times New Roman",serif}
.story-diff{max-width:42rem;margin:2rem auto;padding:0 1rem}
ins{background:#d5f5dd;color:#0b5a22;text-decoration:underline}
del{background:#fbd9d9;color:#8a1111;text-decoration:line-through}
.diff-block{margin:0 0 .75rem;padding:.1rem .75rem;border-left:3px solid transparent}
.diff-block p,.diff-block h3,.diff-block blockquote,.diff-block ul{margin:.4rem 0}
.diff-change,.diff-move{border-left-color:#c98a00}.diff-insert{border-left-color:#1b8a3b}.diff-delete{border-left-color:#b3261e}
.diff-note,.diff-stats,.diff-fields,.diff-meta,.diff-label{font:.85rem/1.45 system-ui,sans-serif;color:#444}
.diff-field{font-weight:600}
`;

/** A standalone page (for a browser or an email), with a policy that loads nothing. */
export function renderDiffPage(diff: StoryDiff, title: string, options: HtmlRenderOptions = {}): string {
  return fragment(
    constant`<!doctype html>`,
    '\n',
    el(
      'html',
      null,
      '\n',
      el(
        'head',
        null,
        '\n',
        lines([
          el('meta', { charset: 'utf-8' }),
          el('meta', { 'http-equiv': 'Content-Security-Policy', content: "default-src 'none'; style-src 'unsafe-inline'" }),
          el('title', null, title),
          el('style', null, PAGE_STYLE),
        ]),
        '\n',
      ),
      '\n',
      el('body', null, '\n', diffHtml(diff, options), '\n'),
      '\n',
    ),
    '\n',
  ).markup;
}
