import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEditor, type SerializedEditorState } from 'lexical';
import { describe, expect, it } from 'vitest';
import { BLOCK_LIST, blockNode, pickState, type BlockType } from '../../shared/blocks/registry';
import { exportStory, type ExportFormat } from '../../shared/export';
import { cmsJsonSchema } from '../../shared/export/cms-schema';
import { htmlToBody } from '../../shared/import/html';
import { bodyOf, createStory, restoreStory, serializeStory, type SerializedBodyNode, type Story } from '../../shared/story';
import { STORY_NODES } from '../../renderer/editor/nodes';
import { EDITOR_BLOCKS } from '../../renderer/editor/blocks/registry';
import { cmsValidator, ninjsValidator, schemaErrors } from './support/schemas';

// Every block in the registry, through every door: its example state → the story file →
// restore → the editor's node (importJSON / exportJSON) → the four exports, validated
// against their schemas → the exported HTML imported back → the same state. A block added
// to the registry is in this test with no other edit.

const NOW = new Date('2026-11-20T09:00:00Z');

const paragraph = (text: string): SerializedBodyNode => ({
  type: 'paragraph',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
});

function storyWith(node: SerializedBodyNode): Story {
  const story = createStory({ id: 'registry-roundtrip', now: NOW });
  story.meta.headline = 'Every block, every door';
  story.body = bodyOf([paragraph('Before the block.'), node, paragraph('After the block.')]);
  return story;
}

function restored(story: Story): Story {
  const result = restoreStory(JSON.parse(serializeStory(story)));
  if (!result.ok) throw new Error(`restore refused: ${result.reason}`);
  return result.story;
}

describe.each(BLOCK_LIST.map((definition) => [definition.type, definition] as const))('the %s block', (type, definition) => {
  const state = definition.example();
  const node = blockNode(type as BlockType, state as never);

  it('restores from the story file as it was written', () => {
    const story = restored(storyWith(node));
    const found = story.body.root.children.find((n) => n.type === type)!;
    expect(pickState(type as BlockType, found)).toEqual(state);
  });

  it('goes through the editor node unchanged (importJSON / exportJSON by the schema)', () => {
    expect(EDITOR_BLOCKS[type as BlockType].type).toBe(type);
    const editor = createEditor({
      namespace: 'registry-roundtrip',
      nodes: STORY_NODES,
      onError: (e) => {
        throw e;
      },
    });
    const story = restored(storyWith(node));
    const state = editor.parseEditorState({ root: story.body.root } as unknown as SerializedEditorState);
    const json = state.toJSON() as unknown as { root: { children: SerializedBodyNode[] } };
    const again = restored({ ...story, body: { root: json.root as Story['body']['root'] } });
    expect(again.body).toEqual(story.body);
  });

  it.each(['html', 'page', 'json', 'ninjs'] as ExportFormat[])('exports as %s, valid against its schema', (format) => {
    const story = restored(storyWith(node));
    const { text } = exportStory(story, { format });
    if (format === 'json') {
      const json = JSON.parse(text);
      expect(schemaErrors(cmsValidator(), json)).toEqual([]);
      const block = json.blocks.find((b: { type: string }) => b.type === type);
      expect(block).toBeDefined();
      expect(block.html).toBe(
        definition.render(state as never, { assets: story.assets, assetMode: 'inline', creditStyle: 'photo-slash' })!.html.markup,
      );
    } else if (format === 'ninjs') {
      expect(schemaErrors(ninjsValidator(), JSON.parse(text))).toEqual([]);
    } else {
      expect(text).toContain(
        definition.render(state as never, { assets: story.assets, assetMode: 'inline', creditStyle: 'photo-slash' })!.html.markup,
      );
    }
  });

  it('comes back as the same block when its exported HTML is imported', () => {
    const story = restored(storyWith(node));
    for (const format of ['html', 'page'] as const) {
      const { children } = htmlToBody(exportStory(story, { format }).text);
      const found = children.filter((n) => n.type === type);
      expect(found, format).toHaveLength(1);
      expect(pickState(type as BlockType, found[0]!)).toEqual(state);
      expect(children.map((n) => n.type)).toEqual(['paragraph', type, 'paragraph']);
    }
  });

  it('describes itself in one line and lists a label for every field', () => {
    const line = definition.describe(state);
    expect(line).not.toMatch(/\n/);
    expect(line.length).toBeGreaterThan(5);
    expect(Object.keys(definition.fields).sort()).toEqual(Object.keys(definition.schema.shape).sort());
  });
});

describe('the registries', () => {
  it('restore refuses a story holding an unregistered block, naming its type and place in one line', () => {
    const story = storyWith({ type: 'scoreboard', version: 1, format: '', home: 'Blues', away: 'Crusaders' });
    const result = restoreStory(JSON.parse(serializeStory(story)));
    expect(result).toEqual({ ok: false, reason: 'body block 2: unknown block type "scoreboard"' });
  });

  it('the export refuses an unregistered block rather than dropping it', () => {
    const story = storyWith({ type: 'scoreboard', version: 1, format: '', home: 'Blues', away: 'Crusaders' });
    expect(() => exportStory(story, { format: 'html' })).toThrow('unknown type "scoreboard"');
  });

  it('the committed cms-schema.json is the one npm run schema generates', () => {
    const committed = JSON.parse(readFileSync(path.resolve(__dirname, '../../shared/export/cms-schema.json'), 'utf8'));
    expect(committed).toEqual(cmsJsonSchema());
  });
});
