import { describe, expect, it } from 'vitest';
import { restoreStory } from '../../shared/story/restore';
import { createStory, serializeStory } from '../../shared/story/create';
import { NOW } from './support/rich-story';

// The review layer's shapes as a story file holds them (docs/story-format.md, "Review").

type LooseJson = Record<string, any>;

function storyWith(edit: (json: LooseJson) => void): LooseJson {
  const json = JSON.parse(serializeStory(createStory({ id: 'story-1', now: NOW })));
  edit(json);
  return json;
}

const textNode = (text: string) => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
const el = (type: string, children: unknown[], extra: LooseJson = {}) => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
  ...extra,
});
const who = { author: 'Pat Subeditor', createdAt: NOW.toISOString() };

describe('review fields in a story file', () => {
  it('migrates flat comment records into threads with no replies', () => {
    const result = restoreStory(
      storyWith((j) => (j.review.comments = [{ id: 'c1', author: 'Sub', text: 'Check', createdAt: NOW.toISOString(), resolved: true }])),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.story.review.comments).toEqual([
      { id: 'c1', author: 'Sub', text: 'Check', createdAt: NOW.toISOString(), quote: '', resolved: true, replies: [] },
    ]);
  });

  it('keeps comment marks, inline suggestions and a block suggestion through restore', () => {
    const paragraph = el('paragraph', [
      el('mark', [textNode('Chrissy Teigen')], { ids: ['t1'] }),
      el('deletion', [textNode(' wrote')], { id: 's1', ...who, group: 'g1' }),
      el('insertion', [textNode(' said')], { id: 's2', ...who, group: 'g1' }),
      el('format-change', [textNode(' bold')], { id: 's3', ...who, before: 0 }),
    ]);
    const moved = { ...el('paragraph', [textNode('Moved.')]), suggestion: { id: 's4', kind: 'move', ...who, before: { index: 3 } } };
    const result = restoreStory(
      storyWith((j) => {
        j.body.root.children = [paragraph, moved];
        j.review.comments = [{ id: 't1', ...who, text: 'Source?', quote: 'Chrissy Teigen', resolved: false, replies: [] }];
      }),
    );
    if (!result.ok) throw new Error(result.reason);
    const [first, second] = result.story.body.root.children as LooseJson[];
    expect(first!.children.map((n: LooseJson) => n.type)).toEqual(['mark', 'deletion', 'insertion', 'format-change']);
    expect(first!.children[0].ids).toEqual(['t1']);
    expect(first!.children[1]).toMatchObject({ id: 's1', group: 'g1', author: 'Pat Subeditor' });
    expect(second!.suggestion).toEqual({ id: 's4', kind: 'move', ...who, before: { index: 3 } });
  });

  it('refuses a suggestion without its author, with one line naming the block', () => {
    const bad = el('paragraph', [el('insertion', [textNode('x')], { id: 's1', createdAt: NOW.toISOString() })]);
    const result = restoreStory(storyWith((j) => (j.body.root.children = [bad])));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe('body block 1.1 (insertion): author is missing');
  });

  it('refuses an unknown block suggestion kind', () => {
    const bad = { ...el('paragraph', [textNode('x')]), suggestion: { id: 's1', kind: 'teleport', ...who } };
    const result = restoreStory(storyWith((j) => (j.body.root.children = [bad])));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^body block 1 \(paragraph\): suggestion\.kind must be one of/);
  });

  it('fills the workflow fields of an older schema 2 story', () => {
    const result = restoreStory(
      storyWith((j) => {
        delete j.meta.assignee;
        delete j.meta.legal;
        delete j.review.versions;
        delete j.review.history;
      }),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.story.meta.assignee).toBe('');
    expect(result.story.meta.legal).toEqual({ hold: false, note: '', by: '' });
    expect(result.story.review.versions).toEqual([]);
    expect(result.story.review.history).toEqual([]);
  });
});
