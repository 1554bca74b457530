import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRESETS, type HelplineEntry } from '../../shared/blocks/helpline';
import { printedPhone } from '../../shared/blocks/helpline/plain-text';
import {
  MAX_IMPORT_CHARS,
  formatImportSummary,
  importPlainText,
  looksLikeSubheading,
  type PlainTextImport,
} from '../../shared/import/plain-text';
import { restoreStory, serializeStory, type SerializedBodyNode, type Story } from '../../shared/story';
import { blocks, inlineText, storyTexts } from './support/story-text';

const SAMPLES = path.resolve(__dirname, '../fixtures/samples');
const NOW = new Date('2025-03-04T05:06:07.000Z');

function run(text: string): PlainTextImport {
  const result = importPlainText(text, { id: 'import-1', now: NOW });
  const restored = restoreStory(JSON.parse(serializeStory(result.story)));
  if (!restored.ok) throw new Error(`restoreStory refused the import: ${restored.reason}`);
  // What the importer writes is exactly what restore gives back (keys, defaults, order).
  expect(serializeStory(restored.story)).toBe(serializeStory(result.story));
  return result;
}

function kinds(story: Story): string[] {
  return story.body.root.children.map((n) => n.type);
}

function paragraphTexts(story: Story): string[] {
  return blocks(story, 'paragraph').map(inlineText);
}

// ---- the samples against their .expected.json ------------------------------------------

interface Expected {
  dateline?: string;
  tweets: Array<{ handle: string; name: string; date: string; textStartsWith: string }>;
  captions: Array<{ textStartsWith: string; credit: string }>;
  helplineFooter: boolean;
  helplineHeading?: string;
  helplines: Array<{ name: string; number: string }>;
}

/** What the importer found, in the shape of an .expected.json. */
function found(story: Story, expected: Expected): Expected {
  const tweets = blocks(story, 'tweet');
  const photos = blocks(story, 'photo');
  const helplines = blocks(story, 'helpline');
  const out: Expected = {
    tweets: tweets.map((t, i) => ({
      handle: String(t.handle),
      name: String(t.name),
      date: String(t.date),
      textStartsWith: String(t.text).slice(0, expected.tweets[i]?.textStartsWith.length ?? 40),
    })),
    captions: photos.map((p, i) => ({
      textStartsWith: String(p.caption).slice(0, expected.captions[i]?.textStartsWith.length ?? 40),
      credit: String(p.credit),
    })),
    helplineFooter: helplines.length === 1,
    helplines: helplines.flatMap((h) => (h.entries as HelplineEntry[]).map((e) => ({ name: e.name, number: printedPhone(e) }))),
  };
  if (story.meta.dateline) out.dateline = story.meta.dateline;
  if (helplines[0]) out.helplineHeading = String(helplines[0].heading);
  return out;
}

for (const sample of ['seed-teigen-clinton', 'nj-south-dakota-slogan']) {
  describe(`sample ${sample}.txt`, () => {
    const text = readFileSync(path.join(SAMPLES, `${sample}.txt`), 'utf8');
    const { notes: _notes, ...expected } = JSON.parse(readFileSync(path.join(SAMPLES, `${sample}.expected.json`), 'utf8')) as Expected & {
      notes?: string;
    };

    it('finds exactly the structure in its .expected.json', () => {
      const result = run(text);
      expect(found(result.story, expected)).toEqual(expected);
    });

    it('leaves tweet links for the reporter and keeps no tweet id it cannot know', () => {
      for (const tweet of blocks(run(text).story, 'tweet')) {
        expect(tweet.url).toBe('');
        expect(tweet.tweetId).toBe('');
        expect(tweet.lang).toBe('');
      }
    });

    it('keeps every line of the file, once', () => {
      const result = run(text);
      const all = storyTexts(result.story).join('\n');
      const lines = text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('source:'));
      for (const line of lines) {
        const plain = line
          .replace(/^•\s*/, '')
          .replace(/^date\s+/, '')
          .replace(/\s*—\s*/g, ' — ')
          .replace(/ Photo \/ /, ' ');
        // The seed's first line is dateline + caption; a same-line tweet attribution is kept in parts.
        const pieces = plain.split(/ — |^2020-10-29 /).filter(Boolean);
        for (const piece of pieces) expect(all, line).toContain(piece.trim());
      }
      // Nothing twice: each paragraph of the file appears as one block.
      const paragraphs = paragraphTexts(result.story);
      expect(new Set(paragraphs).size).toBe(paragraphs.length);
    });
  });
}

describe('the seed story', () => {
  const text = readFileSync(path.join(SAMPLES, 'seed-teigen-clinton.txt'), 'utf8');

  it('is a lead photo, paragraphs with two tweets, and the nz-standard footer last', () => {
    const { story, summary, source, reworded } = run(text);
    expect(summary).toEqual({ tweets: 2, photos: 1, helplines: 1, pullquotes: 0, embeds: 0, paragraphs: 16, headings: 0, lists: 0 });
    expect(formatImportSummary(summary)).toBe('2 tweets, 1 photo, 1 helpline footer, 16 paragraphs');
    expect(source).toBeUndefined();
    expect(reworded).toEqual([]);
    const order = kinds(story);
    expect(order[0]).toBe('photo');
    expect(order[order.length - 1]).toBe('helpline');
    expect(order.indexOf('tweet')).toBe(4);
    expect(story.meta.dateline).toBe('2020-10-29');
    expect(story.id).toBe('import-1');
    expect(story.meta.createdAt).toBe(NOW.toISOString());

    const photo = blocks(story, 'photo')[0]!;
    expect(photo).toMatchObject({ asset: '', src: '', alt: '', credit: 'Supplied' });
    expect(photo.caption).toBe(
      'Former US Secretary of State Hillary Clinton has offered her support to Chrissy Teigen after the star penned a heartbreaking essay on her pregnancy loss.',
    );

    const helpline = blocks(story, 'helpline')[0]!;
    const preset = BUILT_IN_PRESETS.find((p) => p.id === 'nz-standard')!;
    expect(helpline).toEqual({
      type: 'helpline',
      version: 1,
      format: '',
      presetId: 'nz-standard',
      heading: preset.heading,
      entries: preset.entries,
      verifiedAt: preset.verifiedAt,
    });

    // The prose-quoted Clinton tweet stays a paragraph.
    expect(paragraphTexts(story)).toContain(
      '"Thank you, @chrissyteigen, for your bravery and grace in starting a hard conversation to help other families heal alongside yours," Clinton\'s original tweet read.',
    );
    const second = blocks(story, 'tweet')[1]!;
    expect(second.text).toMatch(/Wow\. Wow\. https:\/\/t\.co\/9xv5SBDgGX$/);
  });
});

describe('the nj.com story', () => {
  const text = readFileSync(path.join(SAMPLES, 'nj-south-dakota-slogan.txt'), 'utf8');

  it('returns the source line apart from the story and keeps multi-line tweets whole', () => {
    const { story, summary, source } = run(text);
    expect(source).toBe(
      'https://www.nj.com/entertainment/2019/11/florida-man-exists-south-dakota-hold-my-beer-meth-were-on-it.html (articleBody from github.com/scrapinghub/article-extraction-benchmark ground-truth.json)',
    );
    expect(JSON.stringify(story.body)).not.toContain('source:');
    expect(JSON.stringify(story.body)).not.toContain('scrapinghub');
    expect(paragraphTexts(story)[0]).toBe('Remember New Jersey’s epic quest to find a state slogan?');
    expect(summary).toMatchObject({ tweets: 5, photos: 0, helplines: 0, headings: 0, lists: 0 });
    expect(story.meta.dateline).toBe('');
    const tweets = blocks(story, 'tweet');
    expect(tweets[2]!.text).toBe('on. meth. dot. com.\nmeth.\nwe’re. on. it. https://t.co/HO1ZRs9T1P');
    expect(tweets[3]!.text).toBe(
      'Hey Twitter, the whole point of this ad campaign is to raise awareness. So I think that’s working... #thanks #MethWeAreOnIt\n⬇️⬇️⬇️ https://t.co/hopPjqa95w',
    );
    // Prose quotes of tweets stay paragraphs.
    expect(paragraphTexts(story)).toContain(
      '“Hey Twitter, the whole point of this ad campaign is to raise awareness,” Noem tweeted. “So I think that’s working.”',
    );
  });
});

// ---- structure -----------------------------------------------------------------------

describe('importPlainText structure', () => {
  it('splits paragraphs on blank lines and keeps single newlines as linebreaks', () => {
    const { story, summary } = run('First line\nsecond line\n\n\n  Next paragraph.  \r\n\r\nLast.');
    expect(kinds(story)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    const first = story.body.root.children[0]!;
    expect(first.children!.map((c) => c.type)).toEqual(['text', 'linebreak', 'text']);
    expect(paragraphTexts(story)).toEqual(['First line\nsecond line', 'Next paragraph.', 'Last.']);
    expect(summary.paragraphs).toBe(3);
  });

  it('makes web links in paragraphs link nodes', () => {
    const { story } = run('Read it at https://example.com/a_(b) today.');
    const children = story.body.root.children[0]!.children!;
    expect(children.map((c) => c.type)).toEqual(['text', 'link', 'text']);
    expect(children[1]).toMatchObject({ url: 'https://example.com/a_(b)' });
    expect(inlineText(story.body.root.children[0]!)).toBe('Read it at https://example.com/a_(b) today.');
  });

  it('turns bullet and numbered lines into lists, merging single bullets split by blank lines', () => {
    const { story, summary } = run(
      'Things to pack:\n• Water\n• A torch\n  with batteries\n\n• Food\n\nSteps:\n\n1. Leave early\n2) Drive slowly\n\n* Star item',
    );
    expect(kinds(story)).toEqual(['paragraph', 'list', 'paragraph', 'list', 'list']);
    const [bullets, numbers, star] = blocks(story, 'list');
    expect(bullets).toMatchObject({ listType: 'bullet', tag: 'ul', start: 1 });
    expect(bullets!.children!.map(inlineText)).toEqual(['Water', 'A torch\nwith batteries', 'Food']);
    expect(numbers).toMatchObject({ listType: 'number', tag: 'ol', start: 1 });
    expect(numbers!.children!.map(inlineText)).toEqual(['Leave early', 'Drive slowly']);
    expect(numbers!.children!.map((c) => c.value)).toEqual([1, 2]);
    // A bullet after a numbered list starts a bulleted one.
    expect(star).toMatchObject({ listType: 'bullet' });
    expect(star!.children!.map(inlineText)).toEqual(['Star item']);
    expect(summary.lists).toBe(3);
  });

  it('starts a numbered list at its first number', () => {
    const { story } = run('Intro paragraph.\n\n3. Third\n4. Fourth');
    expect(blocks(story, 'list')[0]).toMatchObject({ start: 3, listType: 'number' });
    expect(blocks(story, 'list')[0]!.children!.map((c) => c.value)).toEqual([3, 4]);
  });

  it('takes the paragraph before an attribution line as the tweet text', () => {
    const { story } = run('Intro.\n\nline one\nline two\n\n-- Jane (@jane) May 1, 2020\n\nAfter.');
    expect(kinds(story)).toEqual(['paragraph', 'tweet', 'paragraph']);
    expect(blocks(story, 'tweet')[0]).toMatchObject({ text: 'line one\nline two', name: 'Jane', handle: 'jane', date: 'May 1, 2020' });
  });

  it('takes the text above an attribution in the same paragraph, and starts a new paragraph after it', () => {
    const { story } = run('tweet text\n— Jane (@jane) May 1, 2020\nMore prose after it.');
    expect(kinds(story)).toEqual(['tweet', 'paragraph']);
    expect(blocks(story, 'tweet')[0]!.text).toBe('tweet text');
    expect(paragraphTexts(story)).toEqual(['More prose after it.']);
  });

  it('gives two attributions in a row their own texts (the second with none)', () => {
    const { story } = run('first — A (@a) May 1, 2020\n\n— B (@b) May 2, 2020');
    expect(blocks(story, 'tweet').map((t) => [t.handle, t.text])).toEqual([
      ['a', 'first'],
      ['b', ''],
    ]);
  });

  it('makes a caption and a credit on the next paragraph one photo', () => {
    const { story } = run('Crowds at the gates on Monday.\n\nPicture: Getty Images\n\nThe story begins here and goes on.');
    expect(kinds(story)).toEqual(['photo', 'paragraph']);
    expect(blocks(story, 'photo')[0]).toMatchObject({ caption: 'Crowds at the gates on Monday.', credit: 'Getty Images' });
  });

  it('keeps a quote before a lone credit as prose, with an uncaptioned photo', () => {
    const { story } = run('The council met on Monday.\n\n"We will get through this," Wise said.\n\nRicky Wilson/Stuff');
    expect(kinds(story)).toEqual(['paragraph', 'paragraph', 'photo']);
    expect(blocks(story, 'photo')[0]).toMatchObject({ caption: '', credit: 'Ricky Wilson/Stuff' });
  });

  it('keeps a long paragraph before a lone credit as prose, with an uncaptioned photo', () => {
    const long = `${'The council met for many hours and argued about the budget. '.repeat(3)}Then it voted.`;
    const { story } = run(`${long}\nMore of it.\n\nPhoto / Supplied`);
    expect(kinds(story)).toEqual(['paragraph', 'photo']);
    expect(blocks(story, 'photo')[0]).toMatchObject({ caption: '', credit: 'Supplied' });
  });

  it('finds the dateline on the first line after a source line', () => {
    const { story, source } = run('source: https://example.com/story\n\nOct 29, 2020\n\nThe story.');
    expect(source).toBe('https://example.com/story');
    expect(story.meta.dateline).toBe('Oct 29, 2020');
    expect(paragraphTexts(story)).toEqual(['The story.']);
  });

  it('does not take a date in the first sentence as a dateline', () => {
    const { story } = run('29 October 2020 was the day the council voted.\n\nMore.');
    expect(story.meta.dateline).toBe('');
    expect(paragraphTexts(story)[0]).toBe('29 October 2020 was the day the council voted.');
  });

  it('keeps a closing helpline sentence’s other sentences as the last paragraph and reports the rewording', () => {
    const { story, reworded, summary } = run(
      'She is survived by her husband.\n\nHer family asked for privacy. If you need help, call Lifeline on 0800 543 354 or Youthline on 0800 376 633.',
    );
    expect(kinds(story)).toEqual(['paragraph', 'paragraph', 'helpline']);
    expect(paragraphTexts(story)[1]).toBe('Her family asked for privacy.');
    expect(reworded).toEqual(['If you need help, call Lifeline on 0800 543 354 or Youthline on 0800 376 633.']);
    expect(blocks(story, 'helpline')[0]).toMatchObject({ presetId: '', heading: 'Where to get help:', verifiedAt: '2025-03-04' });
    expect(summary.helplines).toBe(1);
  });

  it('keeps text after a helpline footer', () => {
    const { story } = run('Story.\n\nWhere to get help:\n- Lifeline: 0800 543 354\n\nAdditional reporting by AP.');
    expect(kinds(story)).toEqual(['paragraph', 'helpline', 'paragraph']);
    expect(paragraphTexts(story)).toEqual(['Story.', 'Additional reporting by AP.']);
  });

  it('gives an empty or blank text an empty story', () => {
    for (const text of ['', '   \n\n\t\n']) {
      const { story, summary } = run(text);
      expect(kinds(story)).toEqual(['paragraph']);
      expect(story.body.root.children[0]!.children).toEqual([]);
      expect(summary).toEqual({ tweets: 0, photos: 0, helplines: 0, pullquotes: 0, embeds: 0, paragraphs: 0, headings: 0, lists: 0 });
    }
  });

  it('refuses text over the size limit with a RangeError', () => {
    expect(() => importPlainText('a'.repeat(MAX_IMPORT_CHARS + 1), { id: 'x', now: NOW })).toThrow(RangeError);
  });

  it('still restores when a file has more paragraphs than a story may hold blocks', () => {
    const text = Array.from({ length: 120_000 }, (_, i) => `p${i}`).join('\n\n');
    const { story } = run(text);
    expect(story.body.root.children.length).toBeLessThanOrEqual(100_000);
    const all = storyTexts(story).join('\n');
    expect(all).toContain('p0\n\np1\n');
    expect(all).toContain('p119999');
  });
});

// ---- subheadings ---------------------------------------------------------------------

describe('subheadings', () => {
  const prose = 'The council met on Tuesday and voted to approve the plan after a long debate.';

  it('marks an ALL CAPS or Title Case line between paragraphs as a heading', () => {
    const { story, summary } = run(`${prose}\n\nWHAT HAPPENS NEXT\n\n${prose}\n\nA Timeline of the Events\n\n${prose}`);
    expect(kinds(story)).toEqual(['paragraph', 'heading', 'paragraph', 'heading', 'paragraph']);
    expect(blocks(story, 'heading').map((h) => [h.tag, inlineText(h)])).toEqual([
      ['h2', 'WHAT HAPPENS NEXT'],
      ['h2', 'A Timeline of the Events'],
    ]);
    expect(summary.headings).toBe(2);
    expect(formatImportSummary(summary)).toBe('2 headings, 3 paragraphs');
  });

  it('leaves short lines that could be something else as paragraphs', () => {
    const lines = [
      'Prime Minister Jacinda Ardern', // a name (a caption without a credit?)
      'Rising costs', // sentence case: could be anything
      'Read More', // page furniture
      'By Jane Smith', // a byline
      'Just what is this priceless slogan?', // punctuation
      '“Meth. We’re on it.”',
      'Lifeline 0800 543 354',
    ];
    for (const line of lines) {
      const { story } = run(`${prose}\n\n${line}\n\n${prose}`);
      expect(kinds(story), line).toEqual(['paragraph', 'paragraph', 'paragraph']);
    }
  });

  it('needs a paragraph before and prose after', () => {
    expect(kinds(run(`WHAT HAPPENS NEXT\n\n${prose}`).story)).toEqual(['paragraph', 'paragraph']);
    expect(kinds(run(`${prose}\n\nWHAT HAPPENS NEXT`).story)).toEqual(['paragraph', 'paragraph']);
    expect(kinds(run(`${prose}\n\nWHAT HAPPENS NEXT\n\nShort one`).story)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(kinds(run(`${prose}\n\nWHAT HAPPENS NEXT\n\n- a list item`).story)).toEqual(['paragraph', 'paragraph', 'list']);
  });

  it('looksLikeSubheading', () => {
    expect(looksLikeSubheading('THE VERDICT')).toBe(true);
    expect(looksLikeSubheading('Why It Matters')).toBe(true);
    expect(looksLikeSubheading('New Zealand Herald')).toBe(false);
    expect(looksLikeSubheading('NZ')).toBe(false);
    expect(looksLikeSubheading('The end.')).toBe(false);
  });
});

describe('formatImportSummary', () => {
  const zero = { tweets: 0, photos: 0, helplines: 0, pullquotes: 0, embeds: 0, paragraphs: 0, headings: 0, lists: 0 };
  it.each([
    [{ ...zero }, '0 paragraphs'],
    [{ ...zero, paragraphs: 1 }, '1 paragraph'],
    [{ ...zero, tweets: 3, photos: 1, helplines: 1, paragraphs: 14 }, '3 tweets, 1 photo, 1 helpline footer, 14 paragraphs'],
    [{ ...zero, tweets: 1, photos: 2, helplines: 2, paragraphs: 2 }, '1 tweet, 2 photos, 2 helpline footers, 2 paragraphs'],
    [{ ...zero, headings: 1, lists: 3, paragraphs: 5 }, '1 heading, 3 lists, 5 paragraphs'],
  ])('%j → %s', (summary, expected) => {
    expect(formatImportSummary(summary)).toBe(expected);
  });
});

describe('node shapes', () => {
  it('writes block nodes with type, version 1 and format ""', () => {
    const { story } = run('tweet — A (@a) May 1, 2020\n\nCaption here. Photo / Supplied\n\nWhere to get help:\n• Lifeline: 0800 543 354');
    const [tweet, photo, helpline] = story.body.root.children as SerializedBodyNode[];
    expect(tweet).toEqual({
      type: 'tweet',
      version: 1,
      format: '',
      url: '',
      tweetId: '',
      name: 'A',
      handle: 'a',
      text: 'tweet',
      date: 'May 1, 2020',
      lang: '',
    });
    expect(photo).toEqual({
      type: 'photo',
      version: 1,
      format: '',
      asset: '',
      src: '',
      alt: '',
      caption: 'Caption here.',
      credit: 'Supplied',
    });
    expect(helpline).toEqual({
      type: 'helpline',
      version: 1,
      format: '',
      presetId: '',
      heading: 'Where to get help:',
      entries: [{ name: 'Lifeline', detail: 'Lifeline: 0800 543 354', phone: '0800543354' }],
      verifiedAt: '2025-03-04',
    });
  });
});
