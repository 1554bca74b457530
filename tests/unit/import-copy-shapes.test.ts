import { describe, expect, it } from 'vitest';
import type { HelplineEntry } from '../../shared/blocks/helpline';
import { plainParagraphs } from '../../shared/import/copy-lines';
import { importPlainText, type PlainTextImport } from '../../shared/import/plain-text';
import { restoreStory, serializeStory, type Story } from '../../shared/story';
import { blocks, inlineText } from './support/story-text';

/** The shapes real copy takes (issue 16), each on a small made-up story. */
const NOW = new Date('2025-03-04T05:06:07.000Z');

function run(text: string): PlainTextImport {
  const result = importPlainText(text, { id: 'import-1', now: NOW });
  const restored = restoreStory(JSON.parse(serializeStory(result.story)));
  if (!restored.ok) throw new Error(`restoreStory refused the import: ${restored.reason}`);
  return result;
}

const kinds = (story: Story) => story.body.root.children.map((n) => n.type);
const paragraphs = (story: Story) => blocks(story, 'paragraph').map(inlineText);

const PROSE = [
  'The council voted on Tuesday night to close the pool for the winter after a long and heated debate.',
  'Residents had asked for it to stay open, and several spoke at the meeting about what it meant to them.',
];

describe('one line per paragraph', () => {
  it('keeps the reporter’s paragraphs between tweets as paragraphs', () => {
    const { story } = run(
      [
        ...PROSE,
        'Many took to Twitter to say so.',
        'Keep the pool open! #savethepool',
        '— Pool Friends (@poolfriends) June 3, 2024',
        'The mayor replied within the hour.',
        'We hear you. A decision comes next week.',
        '— Jane Mayor (@janemayor) June 3, 2024',
        'The vote was 7-4.',
      ].join('\n'),
    );
    expect(kinds(story)).toEqual(['paragraph', 'paragraph', 'paragraph', 'tweet', 'paragraph', 'tweet', 'paragraph']);
    expect(blocks(story, 'tweet').map((t) => t.text)).toEqual([
      'Keep the pool open! #savethepool',
      'We hear you. A decision comes next week.',
    ]);
    expect(paragraphs(story)).toEqual([
      ...PROSE,
      'Many took to Twitter to say so.',
      'The mayor replied within the hour.',
      'The vote was 7-4.',
    ]);
  });

  it('takes a second short line into a tweet only when it reads as tweet text and follows another block', () => {
    const { story } = run(
      [
        PROSE[0],
        'First — A (@a) May 1, 2020',
        'Congratulations @jacindaardern on a great win.',
        'Looking forward to working together. #NZElection2020 — B (@b) May 1, 2020',
        PROSE[1],
        'Looking forward to working together. #NZElection2020 — C (@c) May 2, 2020',
      ].join('\n'),
    );
    expect(blocks(story, 'tweet').map((t) => t.text)).toEqual([
      'First',
      'Congratulations @jacindaardern on a great win.\nLooking forward to working together. #NZElection2020',
      'Looking forward to working together. #NZElection2020',
    ]);
    expect(paragraphs(story)).toEqual([PROSE[0], PROSE[1]]);
  });

  it('never takes a line that introduces the tweet, or a reporter’s line, into it', () => {
    const { story } = run([PROSE[0], 'Here is what she tweeted:', '— Jane (@jane) May 1, 2020', PROSE[1]].join('\n'));
    expect(blocks(story, 'tweet')[0]!.text).toBe('');
    expect(paragraphs(story)).toEqual([PROSE[0], 'Here is what she tweeted:', PROSE[1]]);
  });

  it('reads a tweet whose text is only a link, and the same tweet embedded twice as two tweets', () => {
    const tweet = ['https://t.co/Nc0nKoXGBP pic.twitter.com/3BDnrvkoms', '— Team USA (@TeamUSA) July 22, 2021'];
    const { story, summary } = run([PROSE[0], ...tweet, PROSE[1], ...tweet].join('\n'));
    expect(blocks(story, 'tweet').map((t) => [t.handle, t.text])).toEqual([
      ['TeamUSA', 'https://t.co/Nc0nKoXGBP pic.twitter.com/3BDnrvkoms'],
      ['TeamUSA', 'https://t.co/Nc0nKoXGBP pic.twitter.com/3BDnrvkoms'],
    ]);
    expect(summary).toMatchObject({ tweets: 2, paragraphs: 2 });
  });

  it('finds inline photo credits among one-line paragraphs', () => {
    const captions = [
      ['Crowds outside the stadium. Photo: AAP / Dean Lewins', 'AAP / Dean Lewins'],
      ['The mayor at the meeting (Photo: Getty Images)', 'Getty Images'],
      ['Firefighters at the scene on Monday. Picture: Supplied', 'Supplied'],
      ['The new pool opened in 1974. Image: Wikimedia Commons', 'Wikimedia Commons'],
      ['Protesters on the steps of Parliament. Source: Reuters', 'Reuters'],
      ['Her last race, in Tokyo. Credit: Getty Images', 'Getty Images'],
    ];
    const { story } = run(captions.flatMap(([line], i) => [PROSE[i % 2]!, line!]).join('\n'));
    expect(blocks(story, 'photo').map((p) => p.credit)).toEqual(captions.map(([, credit]) => credit));
    expect(paragraphs(story)).toHaveLength(captions.length);
  });

  it('keeps a "Source:" line on its own, and a headline over a lone credit, as text', () => {
    const { story } = run(['Pool to close for winter', 'Photo by Jane Smith/Stuff', ...PROSE, 'Sources: Mind, Samaritans'].join('\n'));
    expect(blocks(story, 'photo')).toEqual([expect.objectContaining({ caption: '', credit: 'Jane Smith/Stuff' })]);
    expect(paragraphs(story)).toEqual(['Pool to close for winter', ...PROSE, 'Sources: Mind, Samaritans']);
  });
});

describe('helpline footers without a heading', () => {
  const numbers = (story: Story) => (blocks(story, 'helpline')[0]?.entries as HelplineEntry[] | undefined)?.map((e) => [e.detail, e.phone]);

  it('takes a bare list at the end with the emergency line after it', () => {
    const { story } = run(
      [
        ...PROSE,
        'Lifeline: 13 11 14',
        'Kids Helpline: 1800 55 1800',
        'Beyond Blue: 1300 22 4636',
        'If you or someone you know is in immediate danger, call 000.',
      ].join('\n'),
    );
    expect(kinds(story)).toEqual(['paragraph', 'paragraph', 'helpline']);
    expect(numbers(story)).toEqual([
      ['Lifeline: 13 11 14', '131114'],
      ['Kids Helpline: 1800 55 1800', '1800551800'],
      ['Beyond Blue: 1300 22 4636', '1300224636'],
      ['If you or someone you know is in immediate danger, call 000.', '000'],
    ]);
  });

  it('makes a closing paragraph naming services country by country one entry per service, numbers as printed', () => {
    const { story, reworded } = run(
      [
        ...PROSE,
        'In New Zealand, call Lifeline on 0800 543 354. In Australia, call Lifeline on 13 11 14. In the UK, call Samaritans on 116 123.',
      ].join('\n'),
    );
    expect(kinds(story)).toEqual(['paragraph', 'paragraph', 'helpline']);
    const entries = blocks(story, 'helpline')[0]!.entries as HelplineEntry[];
    expect(entries.map((e) => e.phone)).toEqual(['0800543354', '131114', '116123']);
    expect(entries.map((e) => e.detail).join(' ')).toContain('0800 543 354');
    expect(entries.map((e) => e.detail).join(' ')).toContain('13 11 14');
    expect(entries.map((e) => e.detail).join(' ')).toContain('116 123');
    expect(reworded).toHaveLength(1);
  });

  it('leaves a number in a news sentence, and a list that is not of helplines, alone', () => {
    for (const text of [
      [...PROSE, 'The 0800 number reported more than 11,850 unanswered calls over the past year.'],
      [...PROSE, 'Anyone who needs help can call the council on 0800 123 456, the mayor said.', 'The clean-up continues.'],
      [...PROSE, 'Contacts in the six months included:', '• Healthline: 149,612', '• Depression Helpline: 15,209'],
      [...PROSE, 'To donate to Lifeline visit: https://www.lifeline.org.nz/donate'],
    ]) {
      expect(kinds(run(text.join('\n')).story)).not.toContain('helpline');
    }
  });
});

describe('plain paste paragraphs (issue 17)', () => {
  it('makes A.⏎⏎B.⏎⏎C. three paragraphs, not five', () => {
    expect(plainParagraphs('A.\n\nB.\n\nC.')).toEqual([['A.'], ['B.'], ['C.']]);
    expect(plainParagraphs('A.\r\n\r\n\r\nB.\n')).toEqual([['A.'], ['B.']]);
  });

  it('keeps a single newline a line break in blank-line text, and a paragraph in one-line-per-paragraph text', () => {
    expect(plainParagraphs('Dear editor,\nthank you.\n\nB.')).toEqual([['Dear editor,', 'thank you.'], ['B.']]);
    expect(plainParagraphs('A.\nB.\nC.')).toEqual([['A.'], ['B.'], ['C.']]);
  });

  it('gives 2,000 paragraphs for a 2,000-paragraph paste', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    expect(plainParagraphs(text)).toHaveLength(2000);
  });
});

describe('mixed layouts', () => {
  it('takes only the last line of paragraphs of prose before a blank line and a lone attribution', () => {
    const { story } = run([...PROSE, 'Keep the pool open! #savethepool', '', '— Pool Friends (@poolfriends) June 3, 2024'].join('\n'));
    expect(blocks(story, 'tweet')[0]!.text).toBe('Keep the pool open! #savethepool');
    expect(paragraphs(story)).toEqual(PROSE);
  });
});
