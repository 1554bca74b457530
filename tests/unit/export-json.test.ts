import { describe, expect, it } from 'vitest';
import { CREDIT_STYLE_IDS } from '../../shared/blocks/photo';
import { exportStory, renderCmsDocument, renderFragment, renderNinjs, type CmsBlock, type CmsDocument } from '../../shared/export';
import { bodyPlainText, countWords, createStory, type SerializedBodyNode, type Story } from '../../shared/story';
import { STORY_STATUSES, type StoryStatus } from '../../shared/story/schema';
import {
  SEED_CAPTION,
  SEED_META,
  SEED_PNG,
  SEED_PNG_SHA256,
  SEED_TWEETS,
  element,
  paragraph,
  photoNode,
  restoredSeedStory,
  textNode,
  tweetNode,
} from '../fixtures/seed-story';
import { elements } from './support/html';
import { cmsValidator, ninjsValidator, schemaErrors } from './support/schemas';

const NOW = new Date('2024-05-01T10:00:00.000Z');

function storyWith(...children: SerializedBodyNode[]): Story {
  const story = createStory({ id: 'json-test', now: NOW });
  story.body.root.children = children;
  return story;
}

/** Stories with every kind of block and edge, for schema validation. */
function variety(): [string, Story][] {
  const seed = restoredSeedStory();
  const empty = createStory({ id: 'empty', now: NOW });
  const rich = storyWith(
    element('heading', [textNode('Sub head')], { tag: 'h1' }),
    paragraph(
      textNode('Bold', 1),
      ' and ',
      element('link', [textNode('a link')], { url: 'https://example.com/', rel: null, target: null, title: null }),
    ),
    element('quote', [textNode('A quote.')]),
    element(
      'list',
      [
        element('listitem', [textNode('one')]),
        element('listitem', [element('list', [element('listitem', [textNode('inner')])], { listType: 'bullet', start: 1, tag: 'ul' })]),
      ],
      { listType: 'number', start: 4, tag: 'ol' },
    ),
    { ...paragraph('مرحبا'), direction: 'rtl' },
    photoNode({ asset: '', src: 'https://images.example.com/a.jpg', alt: 'A', caption: 'Linked photo.', credit: 'AP' }),
    photoNode({ asset: '', src: '', alt: '', caption: 'No image at all.', credit: '' }),
    tweetNode({ url: '', tweetId: '', name: 'Someone', handle: '', text: 'Deleted tweet', date: '', lang: '' }),
  );
  rich.meta = { ...rich.meta, headline: 'Rich', tags: ['a', 'a', ' b '], language: 'ar', createdAt: '2024-05-01', status: 'subbing' };
  return [
    ['seed', seed],
    ['empty', empty],
    ['rich', rich],
  ];
}

describe('CMS JSON', () => {
  const seed = restoredSeedStory();
  const doc = renderCmsDocument(seed);

  it("carries the story's metadata", () => {
    expect(doc).toMatchObject({
      format: 'copydesk.cms',
      version: 1,
      id: 'seed-teigen-clinton',
      headline: SEED_META.headline,
      standfirst: SEED_META.standfirst,
      byline: SEED_META.byline,
      slug: 'hillary-clinton-chrissy-teigen-essay',
      section: 'Entertainment',
      tags: ['Chrissy Teigen', 'Hillary Clinton', 'Pregnancy loss'],
      dateline: '2020-10-29',
      language: 'en',
      status: 'ready',
      createdAt: '2020-10-29T01:30:00.000Z',
      updatedAt: '2020-10-29T02:10:00.000Z',
    });
  });

  it('lists the body as typed blocks in order', () => {
    expect(doc.blocks.map((b) => b.type)).toEqual([
      'photo',
      'paragraph',
      'paragraph',
      'paragraph',
      'tweet',
      'paragraph',
      'paragraph',
      'tweet',
      ...Array(11).fill('paragraph'),
      'helpline',
    ]);
    const [photo, first] = doc.blocks as [Extract<CmsBlock, { type: 'photo' }>, Extract<CmsBlock, { type: 'paragraph' }>];
    expect(photo).toMatchObject({
      asset: SEED_PNG_SHA256,
      alt: 'Chrissy Teigen at an awards night',
      caption: SEED_CAPTION,
      credit: 'Supplied',
      width: 4,
      height: 3,
    });
    expect(photo.src).toBe(`data:image/png;base64,${SEED_PNG.toString('base64')}`);
    expect(first.text.startsWith('Hillary Clinton has offered kind words')).toBe(true);
    const tweets = doc.blocks.filter((b): b is Extract<CmsBlock, { type: 'tweet' }> => b.type === 'tweet');
    expect(tweets.map(({ html: _html, type: _type, ...state }) => state)).toEqual(SEED_TWEETS);
    const helpline = doc.blocks.at(-1) as Extract<CmsBlock, { type: 'helpline' }>;
    expect(helpline).toMatchObject({ heading: 'Where to get help:', presetId: 'nz-standard', verifiedAt: '2026-11-01' });
    expect(helpline.entries).toHaveLength(9);
    expect(helpline.html.startsWith('<aside class="helpline">')).toBe(true);
  });

  it('has the html export as its html, and its blocks put together make the same HTML', () => {
    expect(doc.html).toBe(renderFragment(seed));
    expect(rebuild(renderCmsDocument(variety()[2]![1]))).toBe(renderFragment(variety()[2]![1]));
    expect(rebuild(doc)).toBe(doc.html);
  });

  it("counts the copy's words: paragraphs, not captions, tweets or the helpline", () => {
    expect(doc.wordCount).toBe(countWords(bodyPlainText(seed.body)));
    const captionWords = countWords(SEED_CAPTION);
    const tweetWords = SEED_TWEETS.reduce((n, t) => n + countWords(t.text), 0);
    const allText = countWords(doc.blocks.map((b) => ('text' in b ? b.text : 'caption' in b ? b.caption : '')).join('\n'));
    expect(allText).toBe(doc.wordCount + captionWords + tweetWords);
  });

  it('lists the images the body uses once, with a data: URI inline and a file path in dir mode', () => {
    expect(doc.assets).toEqual([
      {
        id: SEED_PNG_SHA256,
        mime: 'image/png',
        name: 'teigen-lead.png',
        width: 4,
        height: 3,
        bytes: SEED_PNG.length,
        src: `data:image/png;base64,${SEED_PNG.toString('base64')}`,
      },
    ]);
    const dir = renderCmsDocument(seed, { assets: 'dir' });
    expect(dir.assets[0]!.src).toBe(`images/${SEED_PNG_SHA256}.png`);
    expect(JSON.stringify(dir)).not.toContain('base64');
    // An asset the body no longer uses is not exported.
    const unused = restoredSeedStory();
    unused.body.root.children = unused.body.root.children.filter((n) => n.type !== 'photo');
    expect(renderCmsDocument(unused).assets).toEqual([]);
  });

  it('is written so that no markup appears in the raw file, and parses back to the same values', () => {
    const text = exportStory(seed, { format: 'json' }).text;
    expect(text).not.toMatch(/[<>]/);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});

/** The fragment rebuilt from CMS blocks, as a CMS would render them. */
function rebuild(doc: CmsDocument): string {
  return doc.blocks
    .map((b) => {
      const dir = 'dir' in b && b.dir ? ` dir="${b.dir}"` : '';
      switch (b.type) {
        case 'paragraph':
          return `<p${dir}>${b.html}</p>`;
        case 'heading':
          return `<h${b.level}${dir}>${b.html}</h${b.level}>`;
        case 'quote':
          return `<blockquote${dir}>${b.html}</blockquote>`;
        case 'list': {
          const tag = b.ordered ? 'ol' : 'ul';
          return `<${tag}${b.ordered && b.start !== 1 ? ` start="${b.start}"` : ''}>\n${b.items.map((i) => `<li>${i.html}</li>`).join('\n')}\n</${tag}>`;
        }
        default:
          return b.html;
      }
    })
    .join('\n');
}

describe('ninjs 2.1', () => {
  const seed = restoredSeedStory();
  const doc = renderNinjs(seed);

  it('uses 2.x field names', () => {
    expect(doc).toMatchObject({
      uri: 'urn:copydesk:story:seed-teigen-clinton',
      type: 'text',
      version: '1',
      firstcreated: '2020-10-29T01:30:00.000Z',
      versioncreated: '2020-10-29T02:10:00.000Z',
      language: 'en',
      slugline: 'hillary-clinton-chrissy-teigen-essay',
      by: SEED_META.byline,
      headlines: [{ role: 'main', value: SEED_META.headline }],
      descriptions: [{ role: 'summary', value: SEED_META.standfirst }],
      subjects: [{ name: 'Chrissy Teigen' }, { name: 'Hillary Clinton' }, { name: 'Pregnancy loss' }],
    });
    for (const oneX of ['headline', 'body_html', 'body_text', 'description_text', 'located']) expect(doc).not.toHaveProperty(oneX);
  });

  it("maps the story's desk status to pubstatus: only copy the desk has passed is usable", () => {
    expect(seed.meta.status).toBe('ready');
    expect(doc.pubstatus).toBe('usable');
    const withStatus = (status: StoryStatus) => renderNinjs({ ...seed, meta: { ...seed.meta, status } });
    expect(withStatus('draft').pubstatus).toBe('withheld');
    expect(withStatus('subbing').pubstatus).toBe('withheld');
    expect(withStatus('sent').pubstatus).toBe('usable');
    for (const status of STORY_STATUSES) expect(schemaErrors(ninjsValidator(), withStatus(status))).toEqual([]);
  });

  it('puts the helpline in a footer body, not in the rich text', () => {
    const [richtext, footer] = doc.bodies;
    expect(doc.bodies).toHaveLength(2);
    expect(richtext).toMatchObject({ role: 'richtext', contenttype: 'text/html' });
    expect(richtext!.value).not.toContain('helpline');
    expect(richtext!.value).toContain('<blockquote class="twitter-tweet">');
    expect(richtext!.value).toBe(renderFragment(seed).split('\n<aside')[0]);
    expect(richtext!.wordcount).toBe(countWords(bodyPlainText(seed.body)));
    expect(richtext!.charcount).toBe([...bodyPlainText(seed.body).replace(/\n/g, '')].length);
    expect(footer).toEqual({ role: 'footer', contenttype: 'text/html', value: elements(renderFragment(seed), 'aside', 'helpline')[0] });
  });

  it('associates the photo as a picture with caption, credit and a rendition', () => {
    expect(doc.associations).toEqual([
      {
        name: 'photo-1',
        uri: `urn:copydesk:asset:${SEED_PNG_SHA256}`,
        type: 'picture',
        representationtype: 'full',
        by: 'Supplied',
        descriptions: [
          { role: 'caption', value: SEED_CAPTION },
          { role: 'alt', value: 'Chrissy Teigen at an awards night' },
        ],
        renditions: [
          {
            name: 'original',
            href: `data:image/png;base64,${SEED_PNG.toString('base64')}`,
            contenttype: 'image/png',
            width: 4,
            height: 3,
            sizeinbytes: SEED_PNG.length,
          },
        ],
      },
    ]);
    // In dir mode the file is beside the export: ninjs hrefs must be absolute, so it is named in altids.
    const dir = renderNinjs(seed, { assets: 'dir' }).associations![0]!;
    expect(dir.renditions).toEqual([{ name: 'original', contenttype: 'image/png', width: 4, height: 3, sizeinbytes: SEED_PNG.length }]);
    expect(dir.altids).toEqual([{ role: 'file', value: `images/${SEED_PNG_SHA256}.png` }]);
  });

  it('leaves out what the story does not have', () => {
    const bare = renderNinjs(createStory({ id: 'bare story/1', now: NOW }));
    expect(bare.uri).toBe('urn:copydesk:story:bare%20story%2F1');
    for (const key of ['headlines', 'descriptions', 'by', 'slugline', 'subjects', 'associations']) expect(bare).not.toHaveProperty(key);
    expect(bare.bodies).toEqual([{ role: 'richtext', contenttype: 'text/html', value: '', wordcount: 0, charcount: 0 }]);
  });
});

describe('every CMS JSON and ninjs export validates against its schema', () => {
  for (const [name, story] of variety()) {
    for (const assets of ['inline', 'dir'] as const) {
      for (const creditStyle of CREDIT_STYLE_IDS) {
        it(`${name}, ${assets}, ${creditStyle}`, () => {
          const json = JSON.parse(exportStory(story, { format: 'json', assets, creditStyle }).text);
          expect(schemaErrors(cmsValidator(), json)).toEqual([]);
          const ninjs = JSON.parse(exportStory(story, { format: 'ninjs', assets, creditStyle }).text);
          expect(schemaErrors(ninjsValidator(), ninjs)).toEqual([]);
        });
      }
    }
  }

  it('and the schemas are not vacuous: they refuse what is wrong', () => {
    const good = renderCmsDocument(restoredSeedStory());
    expect(schemaErrors(cmsValidator(), { ...good, extra: 1 })).not.toEqual([]);
    expect(schemaErrors(cmsValidator(), { ...good, status: 'published' })).not.toEqual([]);
    expect(schemaErrors(cmsValidator(), { ...good, blocks: [{ type: 'video', html: '' }] })).not.toEqual([]);
    expect(
      schemaErrors(cmsValidator(), {
        ...good,
        blocks: [{ type: 'photo', src: 'javascript:alert(1)', alt: '', caption: '', credit: '', html: '' }],
      }),
    ).not.toEqual([]);
    const ninjs = renderNinjs(restoredSeedStory());
    expect(schemaErrors(ninjsValidator(), { ...ninjs, headline: 'x' })).not.toEqual([]);
    expect(schemaErrors(ninjsValidator(), { ...ninjs, body_html: '<p>x</p>' })).not.toEqual([]);
    expect(schemaErrors(ninjsValidator(), { ...ninjs, firstcreated: '2020-10-29' })).not.toEqual([]);
    expect(schemaErrors(ninjsValidator(), { ...ninjs, associations: { featuremedia: ninjs.associations![0] } })).not.toEqual([]);
    expect(
      schemaErrors(ninjsValidator(), {
        ...ninjs,
        places: [{ name: 'Auckland', geojson: { type: 'Point', coordinates: [174.76, -36.85] } }],
      }),
    ).toEqual([]);
  });
});
