import { createHash } from 'node:crypto';
import { BUILT_IN_PRESETS, presetToState } from '../shared/blocks/helpline';
import { renderStoryBlocks, storyWordCount } from '../shared/export';
import { bodyOf, serializeStory } from '../shared/story/create';
import { encodePng } from '../tests/fixtures/images';
import { SCHEMA_VERSION, STORY_FORMAT, type SerializedBodyNode, type Story, type StoryAsset, type StoryBody } from '../shared/story/schema';
import { mulberry32 } from '../tests/fixtures/random';

/**
 * Deterministic (seeded) live-blog stories for `npm run bench`.
 *
 *   S ≈  1,000 words,   5 tweets,   2 photos
 *   M ≈ 10,000 words,  60 tweets,  20 photos
 *   L ≈ 30,000 words, 300 tweets, 100 photos
 *
 * each with one helpline footer, last. The copy is a live blog as newsrooms run them: a
 * summary list at the top, then timestamped posts (h3), the odd subheading (h2), paragraphs
 * with links and bold lead-ins, bullet lists, pull quotes, tweets and captioned photos.
 * Photos are real PNGs (a mosaic with a gradient and a little noise, 200–800 px a side,
 * ~25–190 KB each, ~90 KB on average), every one different, so their hashes differ and decoding them costs
 * what a small real photo costs. Same size + seed → the same bytes, always (no clock, no
 * Math.random).
 */

export type BenchSize = 'S' | 'M' | 'L';

export interface SizeSpec {
  words: number;
  tweets: number;
  photos: number;
}

export const SIZES: Record<BenchSize, SizeSpec> = {
  S: { words: 1_000, tweets: 5, photos: 2 },
  M: { words: 10_000, tweets: 60, photos: 20 },
  L: { words: 30_000, tweets: 300, photos: 100 },
};

export const DEFAULT_SEED = 7;

// ---- randomness: a small seeded PRNG (mulberry32, tests/fixtures/random.ts) ---------------

export type Rng = () => number;

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

// ---- real images ---------------------------------------------------------------------------

/**
 * A real RGB PNG: coloured blocks (like a heavily pixelated photo) over a gradient, with
 * a sprinkle of one-bit noise so it does not compress to nothing. Decodable by any PNG reader.
 */
export function makeBenchPng(width: number, height: number, seed: number): Buffer {
  const rng = mulberry32(seed ^ 0x9e3779b9);
  const block = int(rng, 12, 40);
  const cols = Math.ceil(width / block);
  const rows = Math.ceil(height / block);
  const palette = Array.from({ length: cols * rows }, () => [int(rng, 20, 235), int(rng, 20, 235), int(rng, 20, 235)] as const);
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  let state = (seed * 2654435761) >>> 0 || 1;
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    raw[row] = 0; // filter: none
    const by = Math.floor(y / block) * cols;
    const shade = Math.floor((y * 40) / height);
    for (let x = 0; x < width; x++) {
      const c = palette[by + Math.floor(x / block)]!;
      // xorshift32: a cheap per-pixel bit, set on about one pixel in eight.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const noise = (state & 7) === 0 ? 1 : 0;
      const i = row + 1 + x * 3;
      raw[i] = c[0] + shade - 20 + noise;
      raw[i + 1] = c[1] + Math.floor((x * 30) / width);
      raw[i + 2] = c[2];
    }
  }
  return encodePng(width, height, raw);
}

// ---- words -----------------------------------------------------------------------------

const PLACES = [
  'Auckland',
  'Wellington',
  'Christchurch',
  'Hamilton',
  'Tauranga',
  'Napier',
  'Gisborne',
  'Whangārei',
  'Nelson',
  'Dunedin',
  'Rotorua',
  'Palmerston North',
];
const WHO = [
  'Civil Defence',
  'the mayor',
  'Fire and Emergency',
  'MetService',
  'police',
  'the Prime Minister',
  'Waka Kotahi',
  'a council spokeswoman',
  'residents',
  'the regional council',
  'Vector',
  'Red Cross volunteers',
  'the Health Minister',
  'school principals',
];
const VERBS = ['said', 'confirmed', 'warned', 'told the Herald', 'added', 'urged people to stay home as', 'reported', 'announced'];
const NOUNS = [
  'slips',
  'power cuts',
  'evacuations',
  'road closures',
  'flooding',
  'wind gusts',
  'boil-water notices',
  'rescues',
  'school closures',
  'welfare centres',
  'bus cancellations',
  'insurance claims',
];
const ADJ = ['heavy', 'widespread', 'localised', 'severe', 'ongoing', 'unprecedented', 'scattered', 'serious', 'minor', 'fresh'];
const FILLER = [
  'crews were working through the night to clear the worst of the damage',
  'the situation remained fluid and could change quickly over the next few hours',
  'people should check on neighbours, especially the elderly and those living alone',
  'the next update would come after the 4pm briefing at the emergency operations centre',
  'more than 40 millimetres of rain had fallen in an hour at the peak of the storm',
  'drivers were asked to avoid all but essential travel until the roads were checked',
  'the insurance council expected thousands of claims once the water receded',
  'several families had spent the night at the marae after leaving their homes',
  'the harbour bridge was open again but speed limits were in place because of the wind',
  'a state of local emergency would stay in place at least until Friday',
];
const QUOTES = [
  'We have never seen water come up this fast. It was in the lounge within ten minutes.',
  'Please, if you are told to leave, leave. Property can be replaced; people cannot.',
  'Our crews are stretched but they are getting to every call, one by one.',
  'It sounded like a freight train going over the roof, then the power went.',
  'The community has been incredible. People turned up with shovels before we even asked.',
];
const BULLETS = [
  'State of emergency declared for the region',
  'About 12,000 homes without power',
  'Schools closed across the city tomorrow',
  'Evacuation centres open at the stadium and three marae',
  'State Highway 1 closed north of the city',
  'Boil-water notice for eastern suburbs',
  'Trains cancelled for the rest of the day',
  'MetService red warning in place until 9pm',
  'Ferry sailings suspended',
  'Emergency mobile alert sent just after 2pm',
];
const TWEETERS = [
  ['MetService', 'MetService'],
  ['Auckland Emergency Management', 'AucklandCDEM'],
  ['NZ Police', 'nzpolice'],
  ['Waka Kotahi NZTA', 'WakaKotahi'],
  ['Fire and Emergency NZ', 'fireandemergnz'],
  ['Vector', 'VectorNZ'],
  ['Jane Reporter', 'janereports'],
  ['Tom Photographer', 'tomsnaps_nz'],
] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CREDITS = ['Supplied', 'Getty Images', 'NZ Herald', 'Michael Craig', 'Dean Purcell', 'AP', 'Reuters'];

function sentence(rng: Rng): string {
  const parts = [
    `${cap(pick(rng, WHO))} ${pick(rng, VERBS)} ${pick(rng, ADJ)} ${pick(rng, NOUNS)} were affecting ${pick(rng, PLACES)}`,
    `In ${pick(rng, PLACES)}, ${pick(rng, FILLER)}`,
    `${cap(pick(rng, WHO))} ${pick(rng, VERBS)} ${pick(rng, FILLER)}`,
    `${cap(pick(rng, ADJ))} ${pick(rng, NOUNS)} and ${pick(rng, NOUNS)} were reported in ${pick(rng, PLACES)} and ${pick(rng, PLACES)}`,
  ];
  return `${pick(rng, parts)}.`;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function timeOfDay(minutes: number): string {
  const h24 = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  const h = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${h}.${String(m).padStart(2, '0')}${h24 < 12 ? 'am' : 'pm'}`;
}

// ---- body nodes (Lexical's serialized shapes, keys in the schema's order) -----------------

function text(value: string, format = 0): SerializedBodyNode {
  return { type: 'text', version: 1, text: value, format, style: '', mode: 'normal', detail: 0 };
}

function element(type: string, children: SerializedBodyNode[], extra: Record<string, unknown> = {}): SerializedBodyNode {
  return { type, version: 1, direction: null, format: '', indent: 0, children, ...extra };
}

function paragraphNode(children: SerializedBodyNode[]): SerializedBodyNode {
  return element('paragraph', children, { textFormat: 0, textStyle: '' });
}

function headingNode(tag: 'h2' | 'h3', value: string): SerializedBodyNode {
  return element('heading', [text(value)], { tag, textFormat: 0, textStyle: '' });
}

function linkNode(url: string, label: string): SerializedBodyNode {
  return element('link', [text(label)], { url, rel: null, target: null, title: null });
}

function listNode(items: string[]): SerializedBodyNode {
  return element(
    'list',
    items.map((item, i) => element('listitem', [text(item)], { value: i + 1 })),
    { listType: 'bullet', start: 1, tag: 'ul' },
  );
}

function richParagraph(rng: Rng, sentences: number, lead: string | null): SerializedBodyNode {
  const children: SerializedBodyNode[] = [];
  if (lead) children.push(text(`${lead} `, 1));
  const body = Array.from({ length: sentences }, () => sentence(rng)).join(' ');
  if (rng() < 0.3) {
    // A link in the middle of the paragraph, as reporters add them.
    const words = body.split(' ');
    const at = int(rng, 3, Math.max(3, words.length - 4));
    const span = int(rng, 2, 4);
    const slug = words
      .slice(at, at + span)
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '');
    children.push(text(`${words.slice(0, at).join(' ')} `));
    children.push(linkNode(`https://www.nzherald.co.nz/nz/${slug || 'update'}/`, words.slice(at, at + span).join(' ')));
    children.push(text(` ${words.slice(at + span).join(' ')}`));
  } else {
    children.push(text(body));
  }
  return paragraphNode(children);
}

// ---- the story ---------------------------------------------------------------------------

export interface GeneratedStory {
  size: BenchSize;
  seed: number;
  story: Story;
  /** The `.story` file's text, exactly as Copydesk saves it. */
  text: string;
  words: number;
  tweets: number;
  photos: number;
}

/** Words of copy, as the app and the exporters count them. */
export function copyWords(body: StoryBody): number {
  return storyWordCount(renderStoryBlocks({ body, assets: {} }));
}

export function generateStory(size: BenchSize, seed = DEFAULT_SEED): GeneratedStory {
  const spec = SIZES[size];
  const rng = mulberry32(seed * 1000 + size.charCodeAt(0));

  // 1. The copy, post by post, until the word count is reached.
  const posts: SerializedBodyNode[][] = [];
  const summary = listNode(Array.from({ length: 4 }, () => pick(rng, BULLETS)));
  let words = countNodeWords(summary);
  const intro = richParagraph(rng, 2, null);
  words += countNodeWords(intro);
  let clock = 6 * 60 + 5;
  while (words < spec.words) {
    const post: SerializedBodyNode[] = [];
    if (posts.length > 0 && posts.length % 12 === 0)
      post.push(headingNode('h2', `${pick(rng, PLACES)}: ${pick(rng, ADJ)} ${pick(rng, NOUNS)}`));
    post.push(headingNode('h3', timeOfDay(clock)));
    clock += int(rng, 3, 14);
    const paragraphs = int(rng, 1, 4);
    for (let p = 0; p < paragraphs; p++) post.push(richParagraph(rng, int(rng, 1, 3), p === 0 && rng() < 0.25 ? 'Update:' : null));
    const extra = rng();
    if (extra < 0.12) post.push(listNode(Array.from({ length: int(rng, 3, 5) }, () => pick(rng, BULLETS))));
    else if (extra < 0.2) post.push(element('quote', [text(pick(rng, QUOTES))]));
    let postWords = 0;
    for (const node of post) postWords += countNodeWords(node);
    // Stop before a post overshoots the target by more than half its length.
    if (words + postWords > spec.words && words + postWords / 2 > spec.words) break;
    words += postWords;
    posts.push(post);
  }

  // 2. Tweets and photos spread evenly through the posts; photos lead a post, tweets close it.
  const assets: Record<string, StoryAsset> = {};
  const children: SerializedBodyNode[] = [summary, intro];
  let tweetsPlaced = 0;
  let photosPlaced = 0;
  const n = posts.length;
  for (const [i, post] of posts.entries()) {
    const photosHere = Math.floor(((i + 1) * spec.photos) / n) - Math.floor((i * spec.photos) / n);
    const tweetsHere = Math.floor(((i + 1) * spec.tweets) / n) - Math.floor((i * spec.tweets) / n);
    const [first, ...rest] = post;
    children.push(first!);
    for (let k = 0; k < photosHere; k++) children.push(photoBlock(rng, seed, ++photosPlaced, assets));
    children.push(...rest);
    for (let k = 0; k < tweetsHere; k++) children.push(tweetBlock(rng, ++tweetsPlaced));
  }
  // Stories shorter than their block count (never with these sizes) still get every block.
  while (photosPlaced < spec.photos) children.push(photoBlock(rng, seed, ++photosPlaced, assets));
  while (tweetsPlaced < spec.tweets) children.push(tweetBlock(rng, ++tweetsPlaced));
  children.push({ type: 'helpline', version: 1, format: '', ...presetToState(BUILT_IN_PRESETS[0]!) });

  const story: Story = {
    format: STORY_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    id: `bench-live-${size.toLowerCase()}-${seed}`,
    meta: {
      headline: `Live: Storm batters ${PLACES[seed % PLACES.length]} — evacuations, power cuts and road closures`,
      standfirst: 'Follow the latest as a deep low brings heavy rain and damaging winds to the upper North Island.',
      byline: 'Herald live team',
      slug: `live-storm-${size.toLowerCase()}-${seed}`,
      section: 'New Zealand',
      tags: ['Weather', 'Storm', 'Civil Defence', 'Live'],
      dateline: 'Auckland',
      language: 'en',
      status: 'subbing',
      assignee: '',
      legal: { hold: false, note: '', by: '' },
      createdAt: '2024-02-13T17:05:00.000Z',
      updatedAt: '2024-02-14T09:40:00.000Z',
    },
    body: bodyOf(children),
    assets,
    review: { comments: [], revisions: [], versions: [], history: [] },
  };
  return { size, seed, story, text: serializeStory(story), words: copyWords(story.body), tweets: tweetsPlaced, photos: photosPlaced };
}

function countNodeWords(node: SerializedBodyNode): number {
  return copyWords(bodyOf([node]));
}

function tweetBlock(rng: Rng, index: number): SerializedBodyNode {
  const [name, handle] = pick(rng, TWEETERS);
  // 19-digit ids, like real ones since 2017, unique per tweet.
  const tweetId = `17${String(5_000_000_000_000_000 + index * 7_919_113 + int(rng, 0, 999)).padStart(17, '0')}`;
  const body = `${sentence(rng)} ${rng() < 0.5 ? sentence(rng) : ''}`.trim();
  const day = int(rng, 13, 15);
  return {
    type: 'tweet',
    version: 1,
    format: '',
    url: `https://twitter.com/${handle}/status/${tweetId}`,
    tweetId,
    name,
    handle,
    text: rng() < 0.3 ? `${body} #NZstorm https://t.co/${tweetId.slice(-10)}` : body,
    date: `${MONTHS[1]} ${day}, 2024`,
    lang: 'en',
  };
}

function photoBlock(rng: Rng, seed: number, index: number, assets: Record<string, StoryAsset>): SerializedBodyNode {
  const width = int(rng, 200, 800);
  const height = int(rng, 200, 800);
  const bytes = makeBenchPng(width, height, seed * 100_003 + index);
  const hash = createHash('sha256').update(bytes).digest('hex');
  assets[hash] = {
    mime: 'image/png',
    name: `live-photo-${String(index).padStart(3, '0')}.png`,
    width,
    height,
    bytes: bytes.length,
    data: bytes.toString('base64'),
  };
  const place = pick(rng, PLACES);
  return {
    type: 'photo',
    version: 1,
    format: '',
    asset: hash,
    src: '',
    alt: `${cap(pick(rng, ADJ))} ${pick(rng, NOUNS)} in ${place}`,
    caption: `${cap(pick(rng, NOUNS))} in ${place} this afternoon. ${sentence(rng)}`,
    credit: pick(rng, CREDITS),
  };
}

// ---- the peers' versions of the same content ------------------------------------------------

/**
 * The story's text as plain paragraphs, one per top-level block (so block i of the story is
 * paragraph i of the peers): tweets as "text — name (@handle) date", photos as their caption
 * and credit, lists as their items joined, the helpline as its heading and lines.
 */
export function plainParagraphs(story: Story): string[] {
  return story.body.root.children.map((node) => {
    switch (node.type) {
      case 'tweet':
        return `${String(node.text)} — ${String(node.name)} (@${String(node.handle)}) ${String(node.date)}`;
      case 'photo':
        return `${String(node.caption)} Photo / ${String(node.credit)}`;
      case 'helpline':
        return [String(node.heading), ...(node.entries as { detail: string }[]).map((e) => e.detail)].join(' · ');
      case 'list':
        return (node.children ?? []).map(textOf).join(' · ');
      default:
        return textOf(node);
    }
  });
}

function textOf(node: SerializedBodyNode): string {
  if (node.type === 'text') return String(node.text ?? '');
  return (node.children ?? []).map(textOf).join('');
}

/** Stock Lexical's saved state for the same text: default nodes only (paragraph + text). */
export function lexicalPeerState(story: Story): StoryBody {
  return bodyOf(plainParagraphs(story).map((p) => paragraphNode([text(p)])));
}

/**
 * The same content for @lexical/headless with Lexical's own rich-text nodes: paragraphs,
 * headings, quotes, lists and links kept; tweets, photos and the helpline (which stock
 * Lexical has no nodes for) as plain paragraphs of their text.
 */
export function headlessPeerState(story: Story): StoryBody {
  const plain = plainParagraphs(story);
  return {
    root: {
      ...story.body.root,
      children: story.body.root.children.map((node, i) =>
        node.type === 'tweet' || node.type === 'photo' || node.type === 'helpline' ? paragraphNode([text(plain[i]!)]) : node,
      ),
    },
  };
}

/** Decodable image signature (PNG or JPEG). */
export function isImageSignature(bytes: Uint8Array): boolean {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return png || jpeg;
}
