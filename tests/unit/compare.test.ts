import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStories, diffWordsExact, hasChanges, renderDiffHtml, renderDiffText, type StoryDiff } from '../../shared/compare';
import type { SerializedBodyNode, Story } from '../../shared/story';
import { element, paragraph, restoredSeedStory, textNode } from '../fixtures/seed-story';
import { TEXT_PAYLOADS } from '../fixtures/xss-payloads';
import { Parser } from 'htmlparser2';

/** The seed story and an edited copy (the edit is applied to the copy's top-level blocks). */
function seedAndEdit(edit: (blocks: SerializedBodyNode[], story: Story) => void): { a: Story; b: Story; diff: StoryDiff } {
  const a = restoredSeedStory();
  const b = restoredSeedStory();
  edit(b.body.root.children, b);
  return { a, b, diff: compareStories(a, b) };
}

const changed = (diff: StoryDiff) => diff.blocks.filter((b) => b.op !== 'equal');

describe('compare names what changed in newsroom words', () => {
  it('an unchanged story has no changes', () => {
    const { diff } = seedAndEdit(() => {});
    expect(hasChanges(diff)).toBe(false);
    expect(diff.meta).toEqual([]);
    expect(diff.stats).toEqual({ wordsInserted: 0, wordsDeleted: 0, blocksInserted: 0, blocksDeleted: 0, blocksMoved: 0 });
    expect(renderDiffText(diff)).toBe('No changes.');
  });

  it('a new photo credit reads "credit: Photo / Supplied → Photo / RNZ"', () => {
    const { diff } = seedAndEdit((blocks) => (blocks[0]!.credit = 'RNZ'));
    expect(changed(diff)).toEqual([
      { op: 'change', type: 'photo', from: 0, to: 0, fields: [{ field: 'credit', before: 'Photo / Supplied', after: 'Photo / RNZ' }] },
    ]);
    expect(renderDiffText(diff)).toContain('credit: Photo / Supplied → Photo / RNZ');
  });

  it('alt text added and a caption rewritten are named on the same photo', () => {
    const withoutAlt = seedAndEdit((blocks) => (blocks[0]!.alt = '')).b;
    const recaptioned = seedAndEdit((blocks) => (blocks[0]!.caption = 'Hillary Clinton has backed Chrissy Teigen.')).b;
    const diff = compareStories(withoutAlt, recaptioned);
    expect(changed(diff)[0]!.fields).toEqual([
      {
        field: 'caption',
        before: expect.stringContaining('Former US Secretary of State'),
        after: 'Hillary Clinton has backed Chrissy Teigen.',
      },
      { field: 'alt text', before: '', after: 'Chrissy Teigen at an awards night' },
    ]);
    expect(renderDiffText(diff)).toContain('alt text added: Chrissy Teigen at an awards night');
  });

  it('a deleted tweet reads "tweet removed: @chrissyteigen October 28, 2020" and its words are not copy', () => {
    const { diff } = seedAndEdit((blocks) => blocks.splice(4, 1));
    expect(changed(diff)).toEqual([
      { op: 'delete', type: 'tweet', from: 4, fields: [{ field: 'tweet', before: '@chrissyteigen October 28, 2020', after: '' }] },
    ]);
    expect(diff.stats).toMatchObject({ blocksDeleted: 1, wordsDeleted: 0 });
    expect(renderDiffText(diff)).toContain('tweet removed: @chrissyteigen October 28, 2020');
  });

  it('a helpline line taken out is named, and the footer stays one block', () => {
    const { diff } = seedAndEdit((blocks) => {
      const helpline = blocks.at(-1)!;
      helpline.entries = (helpline.entries as { name: string }[]).filter((e) => e.name !== 'YOUTHLINE');
    });
    expect(changed(diff)).toEqual([
      expect.objectContaining({
        op: 'change',
        type: 'helpline',
        fields: [{ field: 'helpline line', before: 'YOUTHLINE: 0800 376 633', after: '' }],
      }),
    ]);
  });

  it('metadata changes are listed in reading order: headline, byline, tags, status', () => {
    const { diff } = seedAndEdit((_, story) => {
      story.meta.status = 'subbing';
      story.meta.tags = ['Chrissy Teigen', 'Hillary Clinton'];
      story.meta.byline = 'Anna Smith';
      story.meta.headline = 'Clinton thanks Teigen for her essay';
    });
    expect(diff.meta).toEqual([
      {
        field: 'headline',
        before: 'Hillary Clinton praises Chrissy Teigen for essay on pregnancy loss',
        after: 'Clinton thanks Teigen for her essay',
      },
      { field: 'byline', before: 'Entertainment desk', after: 'Anna Smith' },
      { field: 'tags', before: 'Chrissy Teigen, Hillary Clinton, Pregnancy loss', after: 'Chrissy Teigen, Hillary Clinton' },
      { field: 'status', before: 'ready', after: 'subbing' },
    ]);
    expect(changed(diff)).toEqual([]);
    expect(hasChanges(diff)).toBe(true);
  });

  it('a moved paragraph shows as moved, not deleted and re-inserted', () => {
    const { diff } = seedAndEdit((blocks) => blocks.splice(10, 0, ...blocks.splice(2, 1)));
    expect(changed(diff)).toEqual([expect.objectContaining({ op: 'move', type: 'paragraph', from: 2, to: 10 })]);
    expect(diff.stats).toEqual({ wordsInserted: 0, wordsDeleted: 0, blocksInserted: 0, blocksDeleted: 0, blocksMoved: 1 });
  });

  it('an edited paragraph is changed word by word, and one moved and edited is both', () => {
    const { diff } = seedAndEdit((blocks) => {
      blocks[5] = paragraph(
        'It prompted an excited response from Teigen, who said she was "honoured" to have the former Secretary of State\'s support.',
      );
      const moved = paragraph('Clinton, 73, shared the essay on Twitter, praising the model and author for her bravery.');
      blocks.splice(3, 1);
      blocks.splice(12, 0, moved);
    });
    const [change, move] = changed(diff);
    expect(change).toMatchObject({ op: 'change', type: 'paragraph', from: 5, to: 4 });
    expect(change!.words).toEqual([
      { op: 'equal', text: 'It prompted an ' },
      { op: 'delete', text: 'enthusiastic' },
      { op: 'insert', text: 'excited' },
      { op: 'equal', text: expect.stringMatching(/^ response from Teigen/) },
    ]);
    expect(move).toMatchObject({ op: 'move', from: 3, to: 12 });
    expect(move!.words!.filter((w) => w.op === 'delete').map((w) => w.text.trim())).toEqual(['went on to share']);
    expect(move!.words!.filter((w) => w.op === 'insert').map((w) => w.text.trim())).toEqual(['shared']);
    expect(diff.stats).toMatchObject({ wordsInserted: 2, wordsDeleted: 5, blocksMoved: 1 });
  });

  it('a paragraph made a quote, or bold added, is a named change with no words changed', () => {
    const { diff } = seedAndEdit((blocks) => {
      blocks[1] = element(
        'quote',
        (blocks[1]!.children ?? []).map((c) => ({ ...c })),
      );
      blocks[2] = paragraph(textNode('Teigen, 34,', 1), textNode((blocks[2]!.children![0]!.text as string).slice('Teigen, 34,'.length)));
    });
    const [quote, bold] = changed(diff);
    expect(quote).toMatchObject({ op: 'change', type: 'quote', fields: [{ field: 'style', before: 'paragraph', after: 'quote' }] });
    expect(bold).toMatchObject({
      op: 'change',
      type: 'paragraph',
      fields: [{ field: 'formatting', before: '', after: 'bold “Teigen, 34,”' }],
    });
    expect(diff.stats.wordsInserted + diff.stats.wordsDeleted).toBe(0);
  });

  it('a word changed inside bold copy is a word change, not a formatting change', () => {
    const boldLead = (age: string) => paragraph(textNode(`Teigen, ${age},`, 1), textNode(' returned to social media on Tuesday.'));
    const a = seedAndEdit((blocks) => (blocks[2] = boldLead('34'))).b;
    const b = seedAndEdit((blocks) => (blocks[2] = boldLead('35'))).b;
    const [change] = changed(compareStories(a, b));
    expect(change).toEqual({
      op: 'change',
      type: 'paragraph',
      from: 2,
      to: 2,
      words: [
        { op: 'equal', text: 'Teigen, ' },
        { op: 'delete', text: '34' },
        { op: 'insert', text: '35' },
        { op: 'equal', text: ', returned to social media on Tuesday.' },
      ],
    });
  });

  it('a new paragraph counts its words as added; a removed one as removed', () => {
    const { diff } = seedAndEdit((blocks) => {
      blocks.splice(1, 1);
      blocks.splice(3, 0, paragraph('Teigen’s whānau thanked Māori midwives.'));
    });
    expect(changed(diff)).toEqual([
      { op: 'delete', type: 'paragraph', from: 1, words: [{ op: 'delete', text: expect.stringMatching(/^Hillary Clinton has offered/) }] },
      { op: 'insert', type: 'paragraph', to: 3, words: [{ op: 'insert', text: 'Teigen’s whānau thanked Māori midwives.' }] },
    ]);
    expect(diff.stats).toMatchObject({ wordsInserted: 5, wordsDeleted: 23, blocksInserted: 1, blocksDeleted: 1 });
  });
});

describe('lists', () => {
  const list = (...items: string[]) =>
    element(
      'list',
      items.map((item) => element('listitem', [textNode(item)])),
      { listType: 'bullet', start: 1, tag: 'ul' },
    );

  it('an item added to a list is words added on a line of their own; bullets made numbers is a style change', () => {
    const a = restoredSeedStory();
    a.body.root.children.splice(1, 0, list('Clinton praised the essay', 'Teigen thanked her'));
    const b = structuredClone(a);
    b.body.root.children[1] = {
      ...list('Clinton praised the essay', 'Teigen thanked her', 'Legend took the photos'),
      listType: 'number',
      tag: 'ol',
    };
    const diff = compareStories(a, b);
    expect(changed(diff)).toEqual([
      {
        op: 'change',
        type: 'list',
        from: 1,
        to: 1,
        words: [
          { op: 'equal', text: 'Clinton praised the essay\nTeigen thanked her' },
          { op: 'insert', text: '\nLegend took the photos' },
        ],
        fields: [{ field: 'style', before: 'bulleted list', after: 'numbered list' }],
      },
    ]);
    expect(diff.stats.wordsInserted).toBe(4);
    expect(renderDiffHtml(diff)).toContain(
      '<p class="diff-list">Clinton praised the essay<br>Teigen thanked her<ins><br>Legend took the photos</ins></p>',
    );
  });
});

describe('word by word', () => {
  it('keeps words with macrons and apostrophes whole', () => {
    expect(diffWordsExact('Te reo Māori isn’t taught at the kura', 'Te reo Māori is taught at the kōhanga reo')).toEqual([
      { op: 'equal', text: 'Te reo Māori ' },
      { op: 'delete', text: 'isn’t' },
      { op: 'insert', text: 'is' },
      { op: 'equal', text: ' taught at the ' },
      { op: 'delete', text: 'kura' },
      { op: 'insert', text: 'kōhanga reo' },
    ]);
  });

  it('a comma added costs no word and loses no space (diffWords alone gives "Helloworld.")', () => {
    expect(diffWordsExact('Hello world.', 'Hello, world.')).toEqual([
      { op: 'equal', text: 'Hello' },
      { op: 'insert', text: ',' },
      { op: 'equal', text: ' world.' },
    ]);
  });

  it('rebuilds both texts exactly, whatever the spaces, lines and scripts', () => {
    const text = fc.array(
      fc.constantFrom('Māori', 'don’t', 'it’s', '34', ',', '.', ' ', '  ', '\n', '\t', 'kōrero', 'the', 'مرحبا', '日本語'),
      {
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(text, text, (x, y) => {
        const before = x.join('');
        const after = y.join('');
        const changes = diffWordsExact(before, after);
        expect(
          changes
            .filter((c) => c.op !== 'insert')
            .map((c) => c.text)
            .join(''),
        ).toBe(before);
        expect(
          changes
            .filter((c) => c.op !== 'delete')
            .map((c) => c.text)
            .join(''),
        ).toBe(after);
        expect(changes.every((c) => c.text !== '')).toBe(true);
      }),
      { seed: 14, numRuns: 400 },
    );
  });
});

describe('renderers', () => {
  const edited = () =>
    seedAndEdit((blocks, story) => {
      blocks[0]!.credit = 'RNZ';
      blocks.splice(4, 1);
      blocks[4] = paragraph(
        'It prompted an excited response from Teigen, who said she was "honoured" to have the former Secretary of State\'s support.',
      );
      story.meta.status = 'subbing';
    });

  it('text: details, each changed block with [-deleted-] {+inserted+} words, then the counts', () => {
    const { a, b, diff } = edited();
    const text = renderDiffText(diff, { names: { a: 'filed.story', b: 'subbed.story' }, stories: { a, b } });
    expect(text.split('\n')).toEqual([
      '--- filed.story',
      '+++ subbed.story',
      '',
      'Details',
      '  status: ready → subbing',
      '',
      'Changed photo, block 1',
      '  photo: Former US Secretary of State Hillary Clinton has offered… Photo / RNZ',
      '  credit: Photo / Supplied → Photo / RNZ',
      '',
      'Removed tweet, block 5',
      '  tweet removed: @chrissyteigen October 28, 2020',
      '',
      'Changed paragraph, block 6 → 5',
      '  It prompted an [-enthusiastic-] {+excited+} response from Teigen, who said she was "honoured" …',
      '',
      '1 word added, 1 removed; 0 blocks added, 1 removed, 0 moved',
    ]);
  });

  it('HTML: the whole story, changes in <ins> and <del>, each block marked for Next / Previous change', () => {
    const { a, b, diff } = edited();
    const html = renderDiffHtml(diff, { stories: { a, b } });
    expect(html).toContain('<p>It prompted an <del>enthusiastic</del><ins>excited</ins> response from Teigen');
    expect(html).toContain('<li><span class="diff-field">credit</span>: <del>Photo / Supplied</del> → <ins>Photo / RNZ</ins></li>');
    expect(html).toContain('<li><span class="diff-field">tweet</span> removed: <del>@chrissyteigen October 28, 2020</del></li>');
    expect(html).toContain('<p class="diff-label">helpline: Where to get help: (9 lines)</p>');
    expect(html.match(/class="diff-block diff-(?!equal)/g)).toHaveLength(3);
    expect(html.match(/class="diff-block diff-equal/g)).toHaveLength(diff.blocks.length - 3);
  });

  it('HTML stays inert whatever was typed: only its own tags, no attribute but class', () => {
    const { a, b } = edited();
    for (const payload of TEXT_PAYLOADS.slice(0, 80)) {
      const hostile = structuredClone(b);
      hostile.meta.headline = payload;
      hostile.body.root.children[0]!.credit = payload;
      hostile.body.root.children.splice(2, 0, paragraph(payload));
      const html = renderDiffHtml(compareStories(a, hostile), { stories: { a, b: hostile } });
      const tags = new Set<string>();
      const attributes = new Set<string>();
      const parser = new Parser({
        onopentag(name, attribs) {
          tags.add(name);
          for (const attribute of Object.keys(attribs)) attributes.add(attribute);
        },
      });
      parser.write(html);
      parser.end();
      expect([...tags].filter((t) => !['div', 'p', 'h2', 'h3', 'ul', 'li', 'span', 'ins', 'del', 'br', 'blockquote'].includes(t))).toEqual(
        [],
      );
      expect([...attributes].filter((name) => name !== 'class')).toEqual([]);
    }
  });
});
