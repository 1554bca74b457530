import { createHash } from 'node:crypto';
import { bodyOf, createStory, serializeStory, type SerializedBodyNode, type Story, type StoryAsset } from '../../../shared/story';
import { makePng } from '../../fixtures/images';

/**
 * Stories for the data-safety tests: a rich one with every kind of block the editor makes
 * (including the three newsroom blocks and a stored photo), and a large one of a few MB.
 * Nodes are written in the schema's key order, so restoring them changes nothing.
 */

export const text = (t: string, format = 0): SerializedBodyNode => ({
  type: 'text',
  version: 1,
  text: t,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
});

export const element = (type: string, children: SerializedBodyNode[], extra: Record<string, unknown> = {}): SerializedBodyNode => ({
  type,
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  children,
  ...extra,
});

export const paragraph = (children: SerializedBodyNode[]) => element('paragraph', children, { textFormat: 0, textStyle: '' });

export function assetOf(bytes: Buffer, name: string): { key: string; asset: StoryAsset } {
  return {
    key: createHash('sha256').update(bytes).digest('hex'),
    asset: { mime: 'image/png', name, width: 0, height: 0, bytes: bytes.length, data: bytes.toString('base64') },
  };
}

export function photoNode(asset: string): SerializedBodyNode {
  return {
    type: 'photo',
    version: 1,
    format: '',
    asset,
    src: '',
    alt: 'Chrissy Teigen at an event',
    caption: 'Chrissy Teigen has thanked supporters.',
    credit: 'Getty Images',
  };
}

export function tweetNode(): SerializedBodyNode {
  return {
    type: 'tweet',
    version: 1,
    format: '',
    url: 'https://twitter.com/HillaryClinton/status/1311734411419889664',
    tweetId: '1311734411419889664',
    name: 'Hillary Clinton',
    handle: 'HillaryClinton',
    text: 'Sending love to @chrissyteigen and @johnlegend.',
    date: 'October 1, 2020',
    lang: 'en',
  };
}

export function helplineNode(): SerializedBodyNode {
  return {
    type: 'helpline',
    version: 1,
    format: '',
    presetId: 'nz',
    heading: 'Where to get help:',
    entries: [
      { name: 'Lifeline', detail: 'Lifeline: 0800 543 354', phone: '0800543354' },
      { name: 'Need to talk?', detail: 'Need to talk? Free call or text 1737', phone: '1737', url: 'https://1737.org.nz' },
    ],
    verifiedAt: '2024-05-01',
  };
}

export const NOW = new Date('2024-05-01T10:00:00.000Z');

/** A story with headings, marks, links, lists, a quote, a tweet, a stored photo and a helpline footer. */
export function richStory(id = 'rich-1'): Story {
  const story = createStory({ id, now: NOW });
  const png = makePng(8, 6);
  const { key, asset } = assetOf(png, 'teigen.png');
  story.meta = {
    ...story.meta,
    headline: 'Hillary Clinton offers support to Chrissy Teigen',
    standfirst: 'Messages of support pour in.',
    byline: 'Jo Bloggs',
    slug: 'clinton-teigen-support',
    section: 'Entertainment',
    tags: ['celebrity', 'health'],
    dateline: 'LOS ANGELES',
    status: 'subbing',
  };
  story.assets = { [key]: { ...asset, width: 8, height: 6 } };
  story.review = {
    comments: [
      { id: 'c1', author: 'Sub', text: 'Check the date', createdAt: NOW.toISOString(), quote: 'October', resolved: false, replies: [] },
    ],
    revisions: [{ id: 'r1', author: 'Jo', createdAt: NOW.toISOString(), note: 'first draft' }],
    versions: [],
    history: [],
  };
  story.body = bodyOf(
    [
      photoNode(key),
      element('heading', [text('Support pours in')], { tag: 'h2', textFormat: 0 }),
      paragraph([
        text('Hillary Clinton has offered '),
        text('support', 1),
        text(' to Chrissy Teigen.'),
        { type: 'linebreak', version: 1 },
        element('link', [text('statement')], { url: 'https://example.com/statement', rel: 'noopener', target: null, title: null }),
      ]),
      tweetNode(),
      element('quote', [text('We are with you.', 2)]),
      element(
        'list',
        [element('listitem', [text('First point')], { value: 1 }), element('listitem', [text('Second point')], { value: 2 })],
        { listType: 'bullet', start: 1, tag: 'ul' },
      ),
      helplineNode(),
    ],
    'ltr',
  );
  return story;
}

/**
 * About `megabytes` of story: `paragraphs` paragraphs of prose plus one stored image filling
 * the rest (random bytes: base64 does not compress, so the file really is that big).
 */
export function largeStory(options: { megabytes: number; paragraphs: number; seed: number }): Story {
  const story = richStory(`large-${options.seed}`);
  const prose = Array.from({ length: options.paragraphs }, (_, i) =>
    paragraph([text(`Paragraph ${i + 1} (${options.seed}): ${'The council met again on Tuesday to discuss the budget. '.repeat(4)}`)]),
  );
  const proseBytes = Buffer.byteLength(JSON.stringify(prose));
  const imageBytes = Math.max(1000, Math.floor(((options.megabytes * 1024 * 1024 - proseBytes) * 3) / 4));
  const image = pseudoRandomBytes(imageBytes, options.seed);
  const { key, asset } = assetOf(image, 'large.png');
  story.assets[key] = asset;
  story.body.root.children.push(photoNode(key), ...prose);
  return story;
}

/** Deterministic bytes (xorshift), so a failing run can be reproduced. */
export function pseudoRandomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

export const richStoryText = (id?: string) => serializeStory(richStory(id));
