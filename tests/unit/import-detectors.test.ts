import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRESETS, matchesPreset } from '../../shared/blocks/helpline';
import { creditLine, detectCaptionCredit, isCreditText } from '../../shared/blocks/photo/caption-credit';
import { detectDateline } from '../../shared/import/dateline';
import {
  detectHelplineFooter,
  findPhones,
  findWebAddresses,
  parseHelplineEntry,
  printedPhone,
  registrableDomain,
} from '../../shared/blocks/helpline/plain-text';
import { parseTweetAttribution } from '../../shared/blocks/tweet/plain-text';
import { parseBullet } from '../../shared/import/bullets';

const NOW = new Date('2025-03-04T05:06:07.000Z');

// ---- tweet attributions --------------------------------------------------------------

describe('parseTweetAttribution', () => {
  const shapes: Array<[string, string, { text: string; name: string; handle: string; date: string }]> = [
    [
      'own line, em dash',
      '— chrissy teigen (@chrissyteigen) October 28, 2020',
      { text: '', name: 'chrissy teigen', handle: 'chrissyteigen', date: 'October 28, 2020' },
    ],
    [
      'same line as the text',
      'oh my god Hillary Clinton just tweeted my essay — chrissy teigen (@chrissyteigen) October 28, 2020',
      {
        text: 'oh my god Hillary Clinton just tweeted my essay',
        name: 'chrissy teigen',
        handle: 'chrissyteigen',
        date: 'October 28, 2020',
      },
    ],
    [
      'double hyphen',
      '-- Mike Beauvais (@MikeBeauvais) November 18, 2019',
      { text: '', name: 'Mike Beauvais', handle: 'MikeBeauvais', date: 'November 18, 2019' },
    ],
    [
      '&mdash; entity',
      'So good &mdash; Jane Doe (@jane_doe) March 3, 2021',
      { text: 'So good', name: 'Jane Doe', handle: 'jane_doe', date: 'March 3, 2021' },
    ],
    [
      'no space before the dash',
      'Wow. Wow.— chrissy teigen (@chrissyteigen) October 28, 2020',
      { text: 'Wow. Wow.', name: 'chrissy teigen', handle: 'chrissyteigen', date: 'October 28, 2020' },
    ],
    ['no spaces at all', 'Hi—Bob(@bob)May 1, 2020', { text: 'Hi', name: 'Bob', handle: 'bob', date: 'May 1, 2020' }],
    [
      'emoji in the name',
      '— Dianna E. Anderson 🏳️‍🌈 (@diannaeanderson) November 18, 2019',
      { text: '', name: 'Dianna E. Anderson 🏳️‍🌈', handle: 'diannaeanderson', date: 'November 18, 2019' },
    ],
    ['only emoji', '— 🎄🎄 (@_orabora) November 19, 2019', { text: '', name: '🎄🎄', handle: '_orabora', date: 'November 19, 2019' }],
    [
      'non-Latin script',
      'こんにちは — 山田太郎 (@yamada) June 2, 2022',
      { text: 'こんにちは', name: '山田太郎', handle: 'yamada', date: 'June 2, 2022' },
    ],
    [
      'Māori macrons and Arabic',
      '— Te Pāti Māori | حزب (@Maori_Party) July 14, 2023',
      { text: '', name: 'Te Pāti Māori | حزب', handle: 'Maori_Party', date: 'July 14, 2023' },
    ],
    [
      'odd spacing',
      '—   J o h n   Smith  ( @jsmith )   January  5,   2021  ',
      { text: '', name: 'J o h n   Smith', handle: 'jsmith', date: 'January 5, 2021' },
    ],
    [
      'non-breaking spaces',
      '—\u00a0Anna\u00a0Lee\u00a0(@annalee)\u00a0April\u00a09,\u00a02020',
      { text: '', name: 'Anna\u00a0Lee', handle: 'annalee', date: 'April 9, 2020' },
    ],
    [
      'brackets in the name',
      '— Sam (they/them) (@sam) Feb 2, 2020',
      { text: '', name: 'Sam (they/them)', handle: 'sam', date: 'Feb 2, 2020' },
    ],
    [
      'a dash earlier in the text',
      'Big news — really big — Ann (@ann) Sep 9, 2019',
      { text: 'Big news — really big', name: 'Ann', handle: 'ann', date: 'Sep 9, 2019' },
    ],
    ['day-first date', '— BBC News (@BBCNews) 28 October 2020', { text: '', name: 'BBC News', handle: 'BBCNews', date: '28 October 2020' }],
    [
      'localised date',
      '— Le Monde (@lemondefr) 28 octobre 2020',
      { text: '', name: 'Le Monde', handle: 'lemondefr', date: '28 octobre 2020' },
    ],
    [
      't.co links kept in the text',
      'Yes this is real https://t.co/Nc0nKoXGBP pic.twitter.com/3BDnrvkoms — D (@d) November 18, 2019',
      { text: 'Yes this is real https://t.co/Nc0nKoXGBP pic.twitter.com/3BDnrvkoms', name: 'D', handle: 'd', date: 'November 18, 2019' },
    ],
  ];
  for (const [label, line, expected] of shapes) {
    it(`reads ${label}`, () => {
      expect(parseTweetAttribution(line)).toEqual(expected);
    });
  }

  const nearMisses: Array<[string, string]> = [
    ['a quote attribution', '— John Smith, spokesman'],
    ['a dash line without a date', '— John Smith (@jsmith)'],
    ['a handle without a date', 'Follow us on Twitter (@nzherald) for updates.'],
    ['a handle and date without a dash', 'chrissy teigen (@chrissyteigen) October 28, 2020'],
    ['prose quoting a tweet', '"Thank you, @chrissyteigen, for your bravery," Clinton\'s original tweet read.'],
    ['a date that is not at the end', '— Bob (@bob) October 28, 2020, said the council'],
    ['a handle too long for Twitter', '— Bob (@abcdefghijklmnopq) October 28, 2020'],
    ['an empty name', '— (@bob) October 28, 2020'],
  ];
  for (const [label, line] of nearMisses) {
    it(`does not read ${label}`, () => {
      expect(parseTweetAttribution(line)).toBeNull();
    });
  }
});

// ---- captions and credits ------------------------------------------------------------

describe('detectCaptionCredit', () => {
  const shapes: Array<[string, string, { caption: string; credit: string }]> = [
    [
      'Photo / Supplied',
      'Former US Secretary of State Hillary Clinton has offered her support. Photo / Supplied',
      { caption: 'Former US Secretary of State Hillary Clinton has offered her support.', credit: 'Supplied' },
    ],
    [
      'Photo: RNZ / Richard Tindiller',
      'Police at the scene on Tuesday. Photo: RNZ / Richard Tindiller',
      { caption: 'Police at the scene on Tuesday.', credit: 'RNZ / Richard Tindiller' },
    ],
    [
      '(Image: Reuters)',
      'Smoke rises over the city on Monday (Image: Reuters)',
      { caption: 'Smoke rises over the city on Monday', credit: 'Reuters' },
    ],
    [
      'Picture: Getty Images',
      'Crowds gather at the gates. Picture: Getty Images',
      { caption: 'Crowds gather at the gates.', credit: 'Getty Images' },
    ],
    [
      '(Anthony Devlin/PA)',
      'Prince Harry at Wimbledon (Anthony Devlin/PA)',
      { caption: 'Prince Harry at Wimbledon', credit: 'Anthony Devlin/PA' },
    ],
    [
      '(AP Photo/Evan Vucci)',
      'President Joe Biden speaks in the Rose Garden. (AP Photo/Evan Vucci)',
      { caption: 'President Joe Biden speaks in the Rose Garden.', credit: 'AP Photo/Evan Vucci' },
    ],
    [
      '(AFP via Getty Images)',
      'Protesters in Hong Kong (AFP via Getty Images)',
      { caption: 'Protesters in Hong Kong', credit: 'AFP via Getty Images' },
    ],
    [
      'Photograph: (Guardian style)',
      'The harbour at dawn. Photograph: Richard Tindiller/RNZ',
      { caption: 'The harbour at dawn.', credit: 'Richard Tindiller/RNZ' },
    ],
    [
      'credit on the next line',
      'Protesters outside Parliament.\nPhoto / Mark Mitchell',
      { caption: 'Protesters outside Parliament.', credit: 'Mark Mitchell' },
    ],
    ['bracketed credit on the next line', 'Smoke over the city\n(Image: Reuters)', { caption: 'Smoke over the city', credit: 'Reuters' }],
    ['a credit line alone', 'Photo / Supplied', { caption: '', credit: 'Supplied' }],
    [
      'a separator before the credit',
      'Jacinda Ardern in Wellington | Photo: Stuff',
      { caption: 'Jacinda Ardern in Wellington', credit: 'Stuff' },
    ],
    ['upper-case label', 'The site today. PHOTO: NZME', { caption: 'The site today.', credit: 'NZME' }],
    ['lower-case supplied', 'The winning entry. Photo / supplied', { caption: 'The winning entry.', credit: 'supplied' }],
    [
      'an unlabelled capitals credit on the next line (Stuff)',
      'Chris Hipkins speaks to media on Monday.\nROBERT KITCHIN/STUFF',
      { caption: 'Chris Hipkins speaks to media on Monday.', credit: 'ROBERT KITCHIN/STUFF' },
    ],
    [
      'an unlabelled capitals credit after the caption',
      'Chris Hipkins speaks to media. ROBERT KITCHIN/STUFF',
      { caption: 'Chris Hipkins speaks to media.', credit: 'ROBERT KITCHIN/STUFF' },
    ],
    [
      'a name and a known agency without brackets',
      'Floodwater in Napier.\nRicky Wilson/Stuff',
      { caption: 'Floodwater in Napier.', credit: 'Ricky Wilson/Stuff' },
    ],
    [
      'BBC "Image source" and "Image caption" lines',
      'Image source, Getty Images\nImage caption, Prince Harry at Wimbledon on Monday',
      { caption: 'Prince Harry at Wimbledon on Monday', credit: 'Getty Images' },
    ],
    [
      'a credit with an @handle',
      'Chrissy Teigen at home. Photo / Instagram @chrissyteigen',
      { caption: 'Chrissy Teigen at home.', credit: 'Instagram @chrissyteigen' },
    ],
  ];
  for (const [label, text, expected] of shapes) {
    it(`reads ${label}`, () => {
      expect(detectCaptionCredit(text)).toEqual(expected);
    });
  }

  const longProse =
    'The photo, which was shared thousands of times, showed the couple at the hospital. Teigen said she had asked her mother to take it. ' +
    'She said she did not care what others thought of it. Many people wrote to thank her. Others were critical. She said she understood. ' +
    'The post has since been liked more than a million times, and the photographer has spoken about it. Photo / Supplied';
  const nearMisses: Array<[string, string]> = [
    ['a sentence ending in (AP)', 'The president was speaking at a rally on Tuesday (AP)'],
    ['(AP). inside prose', 'The president was speaking at a rally on Tuesday (AP).'],
    ['(Reuters) as a wire tag', 'Shares fell sharply in early trading (Reuters)'],
    ['"Photo:" mid-sentence', 'She posted a Photo: me and my dog at the beach'],
    ['"photo /" in lower case mid-sentence', 'You can upload a photo / video to the site'],
    ['long prose mentioning photos, with a credit', longProse],
    ['a bracketed aside', '(We never did settle on one, unlike our 565 municipalities, which are packed with them.)'],
    ['a slash between words that are not a credit', 'He switched sides (Labour/National)'],
    ['numbers in brackets', 'Turnout was split (50/50)'],
    ['prose mentioning photos', 'She also touched on the criticism she received for sharing photos of the tragedy.'],
    ['a caption label with a sentence after it', 'Picture: the crowd was enormous and it went on for hours.'],
    ['a tweet attribution', 'Great shot — Ann (@ann) May 1, 2020'],
    ['party names with a slash', 'The vote split the coalition.\nNZ First/ACT'],
    ['a slash between capital words', 'AND/OR'],
    ['a sentence ending in a slash pair', 'The result was close. Labour/Greens'],
  ];
  for (const [label, text] of nearMisses) {
    it(`does not read ${label}`, () => {
      expect(detectCaptionCredit(text)).toBeNull();
    });
  }

  it('knows a credit from a sentence', () => {
    expect(isCreditText('RNZ / Richard Tindiller')).toBe(true);
    expect(isCreditText('Getty Images')).toBe(true);
    expect(isCreditText('me and my dog')).toBe(false);
    expect(isCreditText('0800 543 354')).toBe(false);
    expect(creditLine('Credit: Reuters')).toBe('Reuters');
    expect(creditLine('(AP)')).toBeNull();
  });
});

// ---- helpline footers ----------------------------------------------------------------

const SEED_FOOTER = [
  'Where to get help:',
  '',
  '• For support for bereaved parents visit sands.org.nz',
  '',
  '• 0800 543 354 (0800 LIFELINE) or free text 4357 (HELP) (available 24/7)',
  '',
  '• https://www.lifeline.org.nz/services/suicide-crisis-helpline',
  '',
  '• YOUTHLINE: 0800 376 633',
  '',
  '• NEED TO TALK? Free call or text 1737 (available 24/7)',
  '',
  '• KIDSLINE: 0800 543 754 (available 24/7)',
  '',
  '• WHATSUP: 0800 942 8787 (1pm to 11pm)',
  '',
  '• DEPRESSION HELPLINE: 0800 111 757 or TEXT 4202',
  '',
  '• NATIONAL ANXIETY 24 HR HELPLINE: 0800 269 4389',
];

const PROSE = ['She told fans she wrote the essay so she could "move on" and "return back to life".', ''];

function names(lines: string[]) {
  const found = detectHelplineFooter(lines, { now: NOW });
  return found?.state.entries.map((e) => ({ name: e.name, number: printedPhone(e) }));
}

describe('detectHelplineFooter', () => {
  it('reads the heading and bullets of the seed footer as the nz-standard preset', () => {
    const lines = [...PROSE, ...SEED_FOOTER];
    const found = detectHelplineFooter(lines, { now: NOW })!;
    expect(found.form).toBe('heading');
    expect(found.start).toBe(2);
    expect(found.end).toBe(lines.length);
    expect(found.state.presetId).toBe('nz-standard');
    expect(found.state.verifiedAt).toBe(BUILT_IN_PRESETS[0]!.verifiedAt);
    expect(found.state.entries).toEqual(BUILT_IN_PRESETS[0]!.entries);
    expect(found.reworded).toEqual([]);
  });

  it('reads a heading followed by plain lines (no bullets, no blank lines)', () => {
    const lines = [
      ...PROSE,
      'Where to get help',
      'Lifeline: 0800 543 354',
      'Youthline – 0800 376 633 or text 234',
      'Samaritans on 0800 726 666',
      'Visit depression.org.nz',
    ];
    const found = detectHelplineFooter(lines, { now: NOW })!;
    expect(found.form).toBe('heading');
    expect(found.state.heading).toBe('Where to get help');
    expect(found.state.presetId).toBe('');
    expect(found.state.verifiedAt).toBe('2025-03-04');
    expect(found.state.entries).toEqual([
      { name: 'Lifeline', detail: 'Lifeline: 0800 543 354', phone: '0800543354' },
      { name: 'Youthline', detail: 'Youthline – 0800 376 633 or text 234', phone: '0800376633' },
      { name: 'Samaritans', detail: 'Samaritans on 0800 726 666', phone: '0800726666' },
      { name: 'depression.org.nz', detail: 'Visit depression.org.nz', url: 'https://www.depression.org.nz' },
    ]);
  });

  it('reads WHERE TO GET HELP in capitals, and takes the preset heading when the list is the preset', () => {
    const lines = [...PROSE, 'WHERE TO GET HELP', ...SEED_FOOTER.slice(1)];
    const found = detectHelplineFooter(lines, { now: NOW })!;
    expect(found.state.presetId).toBe('nz-standard');
    expect(found.state.heading).toBe('Where to get help:');
    expect(matchesPreset(found.state, BUILT_IN_PRESETS[0]!)).toBe(true);
  });

  it('keeps a capitals heading as printed when the list is not a preset', () => {
    const lines = [...PROSE, 'WHERE TO GET HELP:', '- Lifeline: 0800 543 354', '- Youthline: 0800 376 633'];
    const found = detectHelplineFooter(lines, { now: NOW })!;
    expect(found.state.heading).toBe('WHERE TO GET HELP:');
    expect(found.state.presetId).toBe('');
    expect(names(lines)).toEqual([
      { name: 'Lifeline', number: '0800 543 354' },
      { name: 'Youthline', number: '0800 376 633' },
    ]);
  });

  it('stops at the first line after the footer that is not a service', () => {
    const lines = [...PROSE, 'Where to get help:', '• Lifeline: 0800 543 354', '', 'Additional reporting by AP.'];
    const found = detectHelplineFooter(lines, { now: NOW })!;
    expect(found.end).toBe(4);
    expect(found.state.entries).toHaveLength(1);
  });

  it('reads a bare bullet list of helplines at the end', () => {
    const lines = [...PROSE, '• Lifeline: 13 11 14', '• Beyond Blue: 1300 22 4636', '• Kids Helpline: 1800 55 1800'];
    const found = detectHelplineFooter(lines, { now: NOW })!;
    expect(found.form).toBe('list');
    expect(found.start).toBe(2);
    expect(found.state.heading).toBe('Where to get help:');
    expect(names(lines)).toEqual([
      { name: 'Lifeline', number: '13 11 14' },
      { name: 'Beyond Blue', number: '1300 22 4636' },
      { name: 'Kids Helpline', number: '1800 55 1800' },
    ]);
  });

  it('takes the line introducing a bare list as its heading', () => {
    const lines = [
      ...PROSE,
      'If you or anyone you know needs help:',
      'Lifeline on 13 11 14',
      'Kids Helpline on 1800 551 800',
      'MensLine Australia on 1300 789 978',
      'Beyond Blue on 1300 22 46 36',
    ];
    const found = detectHelplineFooter(lines, { now: NOW })!;
    expect(found.form).toBe('list');
    expect(found.start).toBe(2);
    expect(found.state.heading).toBe('If you or anyone you know needs help:');
    expect(names(lines)).toEqual([
      { name: 'Lifeline', number: '13 11 14' },
      { name: 'Kids Helpline', number: '1800 551 800' },
      { name: 'MensLine Australia', number: '1300 789 978' },
      { name: 'Beyond Blue', number: '1300 22 46 36' },
    ]);
  });

  it('reads a Stuff-style footer with dashes and an email address', () => {
    const lines = [
      ...PROSE,
      'Where to get help',
      'Need to talk? Free call or text 1737 any time to speak to a trained counsellor.',
      'Lifeline – 0800 543 354 or text HELP to 4357',
      'Suicide Crisis Helpline – 0508 828 865 (0508 TAUTOKO)',
      'Youthline – 0800 376 633 or text 234 or email talk@youthline.co.nz',
    ];
    const found = detectHelplineFooter(lines, { now: NOW })!;
    expect(found.state.entries.map((e) => [e.name, e.phone, e.url])).toEqual([
      ['Need to talk?', '1737', undefined],
      ['Lifeline', '0800543354', undefined],
      ['Suicide Crisis Helpline', '0508828865', undefined],
      ['Youthline', '0800376633', undefined],
    ]);
  });

  it('recognises a user preset before the shipped ones, and still the shipped ones', () => {
    const mine = { ...BUILT_IN_PRESETS[0]!, id: 'my-desk', label: 'My desk', builtIn: false, verifiedAt: '2025-01-01' };
    const lines = [...PROSE, ...SEED_FOOTER];
    expect(detectHelplineFooter(lines, { now: NOW, presets: [mine] })!.state).toMatchObject({
      presetId: 'my-desk',
      verifiedAt: '2025-01-01',
    });
    const au = BUILT_IN_PRESETS.find((p) => p.id === 'au')!;
    const auLines = [...PROSE, au.heading, ...au.entries.map((e) => `• ${e.detail}`)];
    expect(detectHelplineFooter(auLines, { now: NOW, presets: [mine] })!.state.presetId).toBe('au');
  });

  it('recognises every shipped preset printed as a list', () => {
    for (const preset of BUILT_IN_PRESETS) {
      const lines = [...PROSE, preset.heading, ...preset.entries.map((e) => `• ${e.detail}`)];
      const found = detectHelplineFooter(lines, { now: NOW });
      expect(found?.state.presetId, preset.id).toBe(preset.id);
      expect(found?.state.verifiedAt).toBe(preset.verifiedAt);
    }
  });

  it('reads a closing sentence listing helplines', () => {
    const lines = [...PROSE, 'If you need help, call Lifeline on 0800 543 354 or Youthline on 0800 376 633.'];
    const found = detectHelplineFooter(lines, { now: NOW })!;
    expect(found.form).toBe('sentence');
    expect(found.startColumn).toBe(0);
    expect(found.state.entries).toEqual([
      { name: 'Lifeline', detail: 'call Lifeline on 0800 543 354', phone: '0800543354' },
      { name: 'Youthline', detail: 'Youthline on 0800 376 633', phone: '0800376633' },
    ]);
    expect(found.reworded).toEqual(['If you need help, call Lifeline on 0800 543 354 or Youthline on 0800 376 633.']);
  });

  it('reads a closing sentence after other sentences of the last paragraph', () => {
    const lines = ['She is survived by her husband. For confidential support, call the Samaritans on 116 123 or visit samaritans.org.'];
    const found = detectHelplineFooter(lines, { now: NOW })!;
    expect(found.form).toBe('sentence');
    expect(lines[0]!.slice(found.startColumn)).toBe('For confidential support, call the Samaritans on 116 123 or visit samaritans.org.');
    expect(found.state.entries).toEqual([
      {
        name: 'Samaritans',
        detail: 'call the Samaritans on 116 123 or visit samaritans.org',
        phone: '116123',
        url: 'https://www.samaritans.org',
      },
    ]);
  });

  it('reads an emergency number in a closing sentence', () => {
    const lines = ['In an emergency, call 111. Need to talk? Free call or text 1737 any time for support from a trained counsellor.'];
    const found = detectHelplineFooter(lines, { now: NOW })!;
    expect(found.state.entries.map((e) => [e.name, e.phone])).toEqual([
      ['Emergency', '111'],
      ['Need to talk?', '1737'],
    ]);
  });

  const nearMisses: Array<[string, string[]]> = [
    ['a normal bullet list at the end', [...PROSE, '• Buy milk', '• Call mum', '• Walk the dog']],
    ['a list of non-help numbers at the end', [...PROSE, '- Auckland Council: 09 301 0101', '- Wellington City Council: 04 499 4444']],
    [
      'a sentence mentioning a phone number in prose mid-story',
      [
        'Anyone who needs help with the floods can call the council on 0800 123 456, the mayor said.',
        '',
        'The clean-up continues on Monday.',
      ],
    ],
    [
      'a police appeal at the end',
      [...PROSE, 'Anyone with information is asked to call police on 105 or Crimestoppers anonymously on 0800 555 111.'],
    ],
    ['a heading with no services after it', ['Where to get help', '', 'The council has set up a hub in the town hall.']],
    ['a price and a year', [...PROSE, 'The state has paid the agency nearly $449,000 so far in 2019.']],
    ['a booking line that mentions an outline', [...PROSE, 'Tickets are on sale now; call 0800 123 456 for an outline of the programme.']],
    [
      'a closing sentence about a housing crisis',
      [...PROSE, 'The housing crisis is not over, the minister said, and tenants can call 0800 836 262.'],
    ],
  ];
  for (const [label, lines] of nearMisses) {
    it(`does not read ${label}`, () => {
      expect(detectHelplineFooter(lines, { now: NOW })).toBeNull();
    });
  }
});

describe('helpline entry parts', () => {
  it('names services the way the footer prints them', () => {
    const cases: Array<[string, string, string | undefined, string | undefined]> = [
      ['For support for bereaved parents visit sands.org.nz', 'sands.org.nz', undefined, 'https://www.sands.org.nz'],
      ['0800 543 354 (0800 LIFELINE) or free text 4357 (HELP) (available 24/7)', 'LIFELINE', '0800543354', undefined],
      [
        'https://www.lifeline.org.nz/services/suicide-crisis-helpline',
        'lifeline.org.nz',
        undefined,
        'https://www.lifeline.org.nz/services/suicide-crisis-helpline',
      ],
      ['NEED TO TALK? Free call or text 1737 (available 24/7)', 'NEED TO TALK?', '1737', undefined],
      ['Crisis Text Line: text HOME to 741741', 'Crisis Text Line', undefined, undefined],
      ['Call Healthline on 0800 611 116', 'Healthline', '0800611116', undefined],
      ['In an emergency, call 000', 'Emergency', '000', undefined],
      ['Samaritans (UK): +44 116 123', 'Samaritans (UK)', '+44116123', undefined],
      [
        'Visit http://www.mentalhealth.org.nz for more',
        'Visit http://www.mentalhealth.org.nz for more',
        undefined,
        'https://www.mentalhealth.org.nz',
      ],
    ];
    for (const [line, name, phone, url] of cases) {
      const entry = parseHelplineEntry(`• ${line}`)!;
      expect(entry, line).not.toBeNull();
      expect(entry.detail).toBe(line);
      expect(entry.phone, line).toBe(phone);
      expect(entry.url, line).toBe(url);
      if (name !== line) expect(entry.name, line).toBe(name);
    }
    expect(parseHelplineEntry('• Talk to someone you trust')).toBeNull();
  });

  it('finds phone numbers, not times, ages, prices or years-like fragments', () => {
    expect(findPhones('WHATSUP: 0800 942 8787 (1pm to 11pm) for 5 to 19-year-olds, 24/7').map((p) => p.printed)).toEqual(['0800 942 8787']);
    expect(findPhones('Kidsline: 0800 54 37 54').map((p) => p.digits)).toEqual(['0800543754']);
    expect(findPhones('call (09) 123 4567 or +64 21 555 0199').map((p) => p.digits)).toEqual(['091234567', '+64215550199']);
    expect(findPhones('it cost $449,000 and 50%').map((p) => p.printed)).toEqual([]);
    expect(findPhones('free text 4357 or call 0800').map((p) => [p.printed, p.textOnly])).toEqual([
      ['4357', true],
      ['0800', false],
    ]);
  });

  it('finds links and bare domains, not abbreviations or email addresses', () => {
    expect(findWebAddresses('see e.g. the site, i.e. a.m. U.S. or jo@samaritans.org')).toEqual([]);
    expect(findWebAddresses('visit sands.org.nz or https://lifeline.org.nz/x.').map((w) => [w.printed, w.url, w.domain])).toEqual([
      ['sands.org.nz', 'https://www.sands.org.nz', 'sands.org.nz'],
      ['https://lifeline.org.nz/x', 'https://lifeline.org.nz/x', 'lifeline.org.nz'],
    ]);
    expect(registrableDomain('www.lifeline.org.nz')).toBe('lifeline.org.nz');
    expect(registrableDomain('help.samaritans.org')).toBe('samaritans.org');
    expect(registrableDomain('www.nhs.uk')).toBe('nhs.uk');
  });
});

// ---- datelines -----------------------------------------------------------------------

describe('detectDateline', () => {
  it.each([
    ['date 2020-10-29', { dateline: '2020-10-29', rest: '' }],
    [
      ' date 2020-10-29 Former US Secretary of State … Photo / Supplied',
      { dateline: '2020-10-29', rest: 'Former US Secretary of State … Photo / Supplied' },
    ],
    ['2020-10-29', { dateline: '2020-10-29', rest: '' }],
    ['29 October 2020', { dateline: '29 October 2020', rest: '' }],
    ['Oct 29, 2020', { dateline: 'Oct 29, 2020', rest: '' }],
    ['October 29, 2020', { dateline: 'October 29, 2020', rest: '' }],
    ['Thursday, 29 October 2020, 5:30pm', { dateline: 'Thursday, 29 October 2020, 5:30pm', rest: '' }],
    ['Published: 29 October 2020 The council met on Tuesday.', { dateline: '29 October 2020', rest: 'The council met on Tuesday.' }],
  ])('reads %j', (line, expected) => {
    expect(detectDateline(line)).toEqual(expected);
  });

  it.each([
    '29 October 2020 was the day the council finally voted.',
    'Oct 29, 2020 will be remembered as a turning point.',
    'On 29 October 2020 the council voted.',
    '2020-13-45',
    'Date night was fun',
    '',
  ])('does not read %j', (line) => {
    expect(detectDateline(line)).toBeNull();
  });
});

describe('parseBullet', () => {
  it('reads bullets and numbers, not dashes or rules', () => {
    expect(parseBullet('• item')).toMatchObject({ text: 'item', ordered: false });
    expect(parseBullet('  - item')).toMatchObject({ text: 'item', ordered: false });
    expect(parseBullet('3. item')).toMatchObject({ text: 'item', ordered: true, number: 3 });
    expect(parseBullet('— John Smith, spokesman')).toBeNull();
    expect(parseBullet('-- Bob (@bob) May 1, 2020')).toBeNull();
    expect(parseBullet('- - -')).toBeNull();
    expect(parseBullet('2020. It was a year.')).toBeNull();
    expect(parseBullet('-5 degrees')).toBeNull();
  });
});
