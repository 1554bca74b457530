import { describe, expect, it } from 'vitest';
import { checkBlock, checkStory, checkStoryRules, type Finding } from '../../shared/check';
import { findLeftovers } from '../../shared/check/rules/leftovers';
import { paragraph, photoNode, tweetNode } from '../fixtures/seed-story';
import { CHECK_NOW, helpline, options, storyOf } from './support/check-story';

const rules = (findings: Finding[]) => findings.map((f) => f.rule);
const photo = (fields: Partial<{ asset: string; src: string; alt: string; caption: string; credit: string }>) =>
  photoNode({
    asset: '',
    src: 'https://example.com/a.jpg',
    alt: 'A tūī on a flax flower',
    caption: 'A tūī feeds.',
    credit: 'Supplied',
    ...fields,
  });
const tweet = (fields: Partial<Record<'url' | 'handle' | 'date' | 'text', string>>) =>
  tweetNode({
    url: 'https://twitter.com/nzherald/status/1',
    tweetId: '1',
    name: 'NZ Herald',
    handle: 'nzherald',
    text: 'Breaking news',
    date: 'October 28, 2020',
    lang: 'en',
    ...fields,
  });

describe('completeness: the story', () => {
  it('wants a headline (error), a byline and a slug (warnings)', () => {
    const findings = checkStoryRules(storyOf([paragraph('Copy.')], { headline: ' ', byline: '', slug: '' }), options());
    expect(findings.map((f) => [f.rule, f.severity, f.where.field])).toEqual([
      ['headline', 'error', 'headline'],
      ['byline', 'warning', 'byline'],
      ['slug', 'warning', 'slug'],
    ]);
  });

  it('warns at a headline over 70 and a standfirst over 200 characters, with limits as options; Māori counts five', () => {
    const long = 'Māori '.repeat(12).trim(); // 71 characters
    expect(long.length).toBe(71);
    const story = storyOf([], { headline: long, standfirst: 'a'.repeat(201) });
    const found = checkStoryRules(story, options()).filter((f) => f.rule.endsWith('-length'));
    expect(found.map((f) => [f.rule, f.where.start])).toEqual([
      ['headline-length', 70],
      ['standfirst-length', 200],
    ]);
    expect(found[0]!.message).toBe('The headline is 71 characters; the limit is 70');
    // At the limit: nothing. Raised limits: nothing.
    expect(checkStoryRules(storyOf([], { headline: long.slice(0, 70) }), options()).filter((f) => f.rule.endsWith('-length'))).toEqual([]);
    expect(checkStoryRules(story, options({ headlineLimit: 80, standfirstLimit: 300 })).filter((f) => f.rule.endsWith('-length'))).toEqual(
      [],
    );
  });
});

describe('completeness: photos', () => {
  it('finds a photo without image, alt text, caption or credit', () => {
    const findings = checkBlock(photo({ src: '', alt: '', caption: '', credit: '' }), 4, options());
    expect(findings.map((f) => [f.rule, f.severity, f.where.block, f.where.field])).toEqual([
      ['photo-image', 'error', 4, 'image'],
      ['photo-alt', 'error', 4, 'alt'],
      ['photo-caption', 'warning', 4, 'caption'],
      ['photo-credit', 'error', 4, 'credit'],
    ]);
  });

  it('is quiet about a complete photo', () => {
    expect(checkBlock(photo({}), 0, options())).toEqual([]);
  });

  it('finds a credit with its own label, which would print twice, and suggests the bare source', () => {
    for (const credit of ['Photo: Supplied', 'Photo / Supplied', '(Image: Supplied)', 'Picture: Supplied']) {
      const [finding] = checkBlock(photo({ credit }), 2, options());
      expect(finding).toMatchObject({
        rule: 'credit-style',
        severity: 'warning',
        where: { block: 2, field: 'credit' },
        suggestions: ['Supplied'],
      });
    }
    const [colon] = checkBlock(photo({ credit: 'Photo: Supplied' }), 2, options({ creditStyle: 'photo-slash' }));
    expect(colon!.message).toContain('“Photo / Photo: Supplied”');
    expect(colon!.message).toContain('“Photo / Supplied”');
    // Near misses: a credit naming a photographer or agency is the house style already.
    for (const credit of ['Dean Purcell', 'Getty Images', 'NZME', 'Photographer Jane Doe'])
      expect(checkBlock(photo({ credit }), 0, options())).toEqual([]);
  });

  it('finds a credit left at the end of the caption', () => {
    const findings = checkBlock(photo({ caption: 'A tui feeds. Photo / Dean Purcell' }), 0, options());
    expect(findings).toEqual([expect.objectContaining({ rule: 'credit-in-caption', suggestions: ['A tui feeds.'] })]);
    expect(checkBlock(photo({ caption: 'The photo was taken at dawn.' }), 0, options())).toEqual([]);
  });
});

describe('completeness: tweets and the helpline footer', () => {
  it('finds a tweet missing its link (error), handle, date or text (warnings)', () => {
    const findings = checkBlock(tweet({ url: '', handle: '', date: '', text: '' }), 1, options());
    expect(findings.map((f) => [f.rule, f.severity, f.where.field])).toEqual([
      ['tweet-url', 'error', 'url'],
      ['tweet-handle', 'warning', 'handle'],
      ['tweet-date', 'warning', 'date'],
      ['tweet-text', 'warning', 'text'],
    ]);
    expect(checkBlock(tweet({}), 1, options())).toEqual([]);
  });

  it('never spell-checks or restyles tweet text', () => {
    expect(checkBlock(tweet({ text: 'teh "best" day  evar TK' }), 0, options())).toEqual([]);
  });

  it('finds empty helpline entries', () => {
    const node = helpline('nz-mental-health', (e) => [e[0]!, { name: 'Lifeline', detail: ' ' }, { name: '', detail: '' }]);
    const findings = checkBlock(node, 9, options());
    expect(findings.map((f) => [f.rule, f.where.field])).toEqual([
      ['helpline-entries', 'entries.1'],
      ['helpline-entries', 'entries.2'],
    ]);
  });

  it('warns when the numbers are past their review date, and offers the current preset', () => {
    const old = { ...helpline('nz-standard'), verifiedAt: '2025-06-01' };
    const [finding] = checkBlock(old, 3, options());
    expect(finding).toMatchObject({
      rule: 'helpline-review',
      severity: 'warning',
      action: { type: 'replace-helpline', presetId: 'nz-standard' },
    });
    expect(finding!.message).toContain('2025-06-01');
    // Checked this year, but the preset has moved on since: a note.
    const behind = { ...helpline('nz-standard'), verifiedAt: '2026-03-01' };
    expect(checkBlock(behind, 3, options())).toEqual([expect.objectContaining({ rule: 'helpline-review', severity: 'info' })]);
    expect(checkBlock(helpline('nz-standard'), 3, options())).toEqual([]);
    // A longer review period: not overdue, only behind its preset.
    expect(checkBlock(old, 3, options({ helplineReviewDays: 800 }))).toEqual([expect.objectContaining({ severity: 'info' })]);
  });
});

describe('leftovers', () => {
  it.each([
    ['Police said TK people were hurt.', 'TK'],
    ['Quote TKTK from the mayor.', 'TKTK'],
    ['The council spent $XX million.', 'XX'],
    ['Call 0800 XXX XXX for help.', 'XXX'],
    ['The mayor [CHECK] said it would pass.', '[CHECK]'],
    ['The mayor [check spelling] said it.', '[check spelling]'],
    ['Lorem ipsum dolor sit amet.', 'Lorem ipsum'],
  ])('finds %j', (text, leftover) => {
    expect(findLeftovers(text).map((l) => l.text)).toContain(leftover);
    const findings = checkBlock(paragraph(text), 0, options()).filter((f) => f.rule === 'leftover');
    expect(findings[0]).toMatchObject({ severity: 'error', excerpt: leftover });
  });

  it.each([
    'He won by TKO in the third round.',
    'The shirt came in XXL.',
    'London hosted the Games of the XXX Olympiad in 2012.',
    'Super Bowl XX was in New Orleans.',
    'She shops at TK Maxx.',
    'The XXX Olympics were in London.',
    'A tk of the clock.',
  ])('leaves %j alone', (text) => {
    expect(findLeftovers(text)).toEqual([]);
  });

  it('checks the headline, standfirst and captions too', () => {
    const story = storyOf([photo({ caption: 'The mayor TK.' })], { headline: 'Mayor says TK', standfirst: 'lorem ipsum' });
    const found = checkStory(story, options()).filter((f) => f.rule === 'leftover');
    expect(found.map((f) => [f.where.block, f.where.field])).toEqual([
      [null, 'headline'],
      [null, 'standfirst'],
      [0, 'caption'],
    ]);
  });
});

describe('the engine', () => {
  it('gives the same findings for a block whichever story it is in (a pure function of its JSON)', () => {
    const node = paragraph('The the council met on December 4.');
    const alone = checkBlock(node, 5, options());
    const inStory = checkStory(
      storyOf([paragraph('x'), paragraph('y'), paragraph('z'), paragraph('w'), paragraph('v'), node]),
      options(),
    ).filter((f) => f.where.block === 5);
    expect(alone.length).toBeGreaterThan(0);
    expect(inStory).toEqual(alone);
    expect(checkBlock(structuredClone(node), 5, options())).toEqual(alone);
  });

  it('locates text findings in the block text, list items one per line', () => {
    const list = {
      type: 'list',
      version: 1,
      listType: 'bullet',
      tag: 'ul',
      start: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'listitem',
          version: 1,
          value: 1,
          direction: null,
          format: '',
          indent: 0,
          children: [{ type: 'text', version: 1, text: 'First', format: 0, style: '', mode: 'normal', detail: 0 }],
        },
        {
          type: 'listitem',
          version: 1,
          value: 2,
          direction: null,
          format: '',
          indent: 0,
          children: [{ type: 'text', version: 1, text: 'Second TK', format: 0, style: '', mode: 'normal', detail: 0 }],
        },
      ],
    };
    const [finding] = checkBlock(list, 0, options()).filter((f) => f.rule === 'leftover');
    expect(finding!.where).toEqual({ block: 0, start: 13, end: 15 });
  });

  it('turns rules off by id or by prefix', () => {
    const story = storyOf([paragraph('Prices rose 5% and the the mayor TK.')], { slug: '' });
    const all = rules(checkStory(story, options()));
    expect(all).toEqual(expect.arrayContaining(['slug', 'leftover', 'house-style/per-cent-sign', 'house-style/doubled-word']));
    const some = rules(checkStory(story, options({ disabled: ['slug', 'house-style/'] })));
    expect(some).toEqual(['leftover']);
  });

  it('sorts story-level findings first, then by block and position', () => {
    const story = storyOf([paragraph('TK and TK'), photo({ alt: '' })], { headline: '' });
    const found = checkStory(story, options()).map((f) => [f.where.block, f.where.field ?? '', f.where.start ?? -1]);
    expect(found).toEqual([
      [null, 'headline', -1],
      [0, '', 0],
      [0, '', 7],
      [1, 'alt', -1],
    ]);
  });

  it('uses the `now` it is given, not the clock', () => {
    const node = { ...helpline('uk'), verifiedAt: '2026-11-01' };
    expect(checkBlock(node, 0, options())).toEqual([]);
    expect(checkBlock(node, 0, { now: new Date(CHECK_NOW.getTime() + 400 * 86_400_000) })[0]!.rule).toBe('helpline-review');
  });
});
