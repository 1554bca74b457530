import { describe, expect, it } from 'vitest';
import { checkBlock, checkStory } from '../../shared/check';
import { findMisspellings } from '../../shared/check/spelling/spelling';
import { nzWordList } from '../../shared/check/spelling/speller';
import { paragraph, photoNode, tweetNode } from '../fixtures/seed-story';
import { options, speller, storyOf } from './support/check-story';

const NZ_ENGLISH =
  'The organisation said the programme had realised its aims: neighbours travelled to the centre, paid their rates and recognised the colour of the harbour. The council’s favourite plan was cancelled, and the travellers’ licence fees were analysed. Kiwis packed their jandals and togs, drove their utes to the bach, and checked their KiwiSaver, ACC levies and Pharmac news.';

const TE_REO =
  'Whānau gathered at the marae for Matariki, and kaumātua welcomed rangatahi from Tāmaki Makaurau, Ōtautahi and Whanganui. Iwi and hapū spoke of tikanga and kaitiakitanga; Pākehā and Māori joined the hīkoi from Paraparaumu to Taupō and Whangārei. Aotearoa’s tamariki sang waiata, and the kōrero turned to mātauranga Māori and te reo.';

describe('spelling in New Zealand English', () => {
  it('finds nothing in NZ English or in te reo Māori as NZ news uses it', () => {
    expect(findMisspellings(NZ_ENGLISH, speller())).toEqual([]);
    expect(findMisspellings(TE_REO, speller())).toEqual([]);
  });

  it('ships a New Zealand word list of several hundred entries', () => {
    const words = nzWordList();
    expect(words.length).toBeGreaterThan(500);
    expect(words).toEqual(expect.arrayContaining(['whānau', 'hapū', 'Ōtautahi', 'Whangārei', 'KiwiSaver', 'Pharmac', 'bach', 'jandals']));
  });

  it.each([
    ['recieve', 'receive'],
    ['seperate', 'separate'],
    ['definately', 'definitely'],
    ['accomodation', 'accommodation'],
    ['goverment', 'government'],
    ['occured', 'occurred'],
    ['untill', 'until'],
    ['wierd', 'weird'],
    ['begining', 'beginning'],
    ['neccessary', 'necessary'],
    ['tommorow', 'tomorrow'],
    ['arguement', 'argument'],
    ['embarass', 'embarrass'],
    ['truely', 'truly'],
    ['realize', 'realise'],
    ['color', 'colour'],
  ])('finds %j and suggests %j in the top three', (wrong, right) => {
    const [finding] = checkBlock(paragraph(`The council will ${wrong} it today.`), 0, options({ speller: speller() }));
    expect(finding).toMatchObject({ rule: 'spelling', severity: 'warning', excerpt: wrong, where: { start: 17, end: 17 + wrong.length } });
    expect(finding!.suggestions!.slice(0, 3)).toContain(right);
  });

  it.each([
    ['whanau', 'whānau'],
    ['Whanau', 'Whānau'],
    ['kaumatua', 'kaumātua'],
    ['Whangarei', 'Whangārei'],
    ['Taupo', 'Taupō'],
    ['Otautahi', 'Ōtautahi'],
  ])('a word that exists with a macron suggests it: %j → %j', (typed, macron) => {
    const [finding] = checkBlock(paragraph(`They met the ${typed} near the lake.`), 0, options({ speller: speller() }));
    expect(finding).toMatchObject({ rule: 'spelling', severity: 'warning', suggestions: [macron] });
  });

  it('skips links, email addresses, @handles, #hashtags, figures with units and acronyms', () => {
    const text =
      'Visit https://wwww.exampel.co.nz/recieve or www.teh.com, mail recieve@exampel.nz, follow @recieveit #recieve, run 5km, ask the NZTXQ.';
    expect(findMisspellings(text, speller())).toEqual([]);
  });

  it('skips names in quotation marks, and takes an unknown capitalised word mid-sentence as a name (a note, not a warning)', () => {
    expect(findMisspellings('They watched “Whakaarotia Zqwerty” on Friday.', speller())).toEqual([]);
    const [name] = checkBlock(paragraph('The minister, Zqwerty Blorp, spoke.'), 0, options({ speller: speller() }));
    expect(name).toMatchObject({ severity: 'info', excerpt: 'Zqwerty' });
  });

  it('checks captions and alt text but never tweet text', () => {
    const story = storyOf([
      photoNode({
        asset: '',
        src: 'https://example.com/a.jpg',
        alt: 'A tūī on a flax flwer',
        caption: 'The tūī recieve nectar.',
        credit: 'Supplied',
      }),
      tweetNode({
        url: 'https://twitter.com/a/status/1',
        tweetId: '1',
        name: 'A',
        handle: 'a',
        text: 'omg recieve teh thing',
        date: 'May 1, 2020',
        lang: 'en',
      }),
    ]);
    const found = checkStory(story, options({ speller: speller() })).filter((f) => f.rule === 'spelling');
    expect(found.map((f) => [f.where.block, f.where.field, f.excerpt])).toEqual([
      [0, 'alt', 'flwer'],
      [0, 'caption', 'recieve'],
    ]);
  });

  it('uses the story language: en-US accepts color, en-NZ does not', () => {
    expect(findMisspellings('The color of the center.', speller('en-US'))).toEqual([]);
    expect(findMisspellings('The color of the center.', speller('en-NZ')).map((m) => m.word)).toEqual(['color', 'center']);
    expect(findMisspellings('The colour of the centre.', speller('en-AU'))).toEqual([]);
  });
});
