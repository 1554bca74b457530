import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStories, type StoryDiff } from '../../shared/compare';
import { bodyOf, type SerializedBodyNode, type Story } from '../../shared/story';
import { mulberry32 } from '../fixtures/random';
import { paragraph, photoNode, tweetNode } from '../fixtures/seed-story';

/**
 * For generated stories and random edit scripts, compare reports exactly the words the script
 * inserted and deleted and the block it moved, and its word changes rebuild both stories' copy.
 * Inserted words are drawn from a list no story uses, so the smallest diff is the script itself.
 * Edits: words inserted, deleted and replaced, photo and tweet fields, paragraphs and tweets
 * added, blocks removed, a block moved, metadata.
 */

const WORDS = (
  'the council said on Tuesday that whānau in Ōtautahi would get more help after flooding ' +
  "Māori wardens don't expect it’s over yet residents were told to boil water and check on neighbours " +
  'police confirmed two people had been taken to hospital with moderate injuries while roads stayed closed ' +
  'mayor minister reporters crews volunteers school marae bridge river rain wind power lines homes cars ' +
  'morning evening week month year first second third latest update statement spokesperson agency region'
).split(' ');

const FRESH = (
  'kōrero tūtira pōwhiri hui whakapapa mahi aroha tamariki kaumātua rangatahi awa maunga moana ' +
  "wharenui kai'ora te-ao? y'all’d ngahere pūkeko kererū tūī kākāpō weka tuatara kōwhai pōhutukawa " +
  'harakeke rimu tōtara kauri mānuka kawakawa pikopiko kūmara taewa rīwai pāua kina kōura tītī ' +
  'hāngī whare waka wairua mauri mana tapu noa utu koha manaaki whenua rohe iwi hapū'
)
  .split(' ')
  .map((w) => w.replace(/[?-]/g, ''));

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
const wordsOf = (text: string) => text.match(WORD) ?? [];
const sorted = (words: string[]) => [...words].sort();

interface Para {
  kind: 'paragraph';
  id: string;
  /** Words with whether the script inserted them. */
  tokens: { word: string; fresh: boolean }[];
  edits: number;
}
interface Tweet {
  kind: 'tweet';
  id: string;
  text: string;
}
interface Photo {
  kind: 'photo';
  id: string;
  caption: string;
  credit: string;
  alt: string;
}
type Block = Para | Tweet | Photo;

function textOf(p: Para): string {
  return `${p.tokens.map((t) => t.word).join(' ')}.`;
}

function nodeOf(block: Block): SerializedBodyNode {
  if (block.kind === 'paragraph') return paragraph(textOf(block));
  if (block.kind === 'tweet') {
    return tweetNode({
      url: `https://twitter.com/rnz_news/status/${block.id}`,
      tweetId: block.id,
      name: 'RNZ',
      handle: 'rnz_news',
      text: block.text,
      date: 'October 28, 2020',
      lang: 'en',
    });
  }
  return photoNode({
    asset: '',
    src: `https://images.example.nz/${block.id}.jpg`,
    alt: block.alt,
    caption: block.caption,
    credit: block.credit,
  });
}

function storyOf(blocks: Block[], meta: Partial<Story['meta']>): Story {
  return {
    format: 'copydesk.story',
    schemaVersion: 2,
    id: 'generated',
    meta: {
      headline: 'Flooding in Ōtautahi',
      standfirst: 'Residents told to boil water',
      byline: 'Staff reporter',
      slug: 'flooding',
      section: 'News',
      tags: ['Weather'],
      dateline: 'CHRISTCHURCH',
      language: 'en',
      status: 'draft',
      assignee: '',
      legal: { hold: false, note: '', by: '' },
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
      ...meta,
    },
    body: bodyOf(blocks.map(nodeOf)),
    assets: {},
    review: { comments: [], revisions: [], versions: [], history: [] },
  };
}

interface Case {
  a: Story;
  b: Story;
  blocksA: Block[];
  blocksB: Block[];
  inserted: string[];
  deleted: string[];
  moved: string[];
  insertedBlocks: number;
  deletedBlocks: number;
  meta: { field: string; before: string; after: string }[];
  fields: { id: string; field: string; before: string; after: string }[];
}

function generateCase(seed: number): Case {
  const rng = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
  const fresh = [...FRESH].sort(() => rng() - 0.5);
  let nextId = 1;
  const newParagraph = (words: () => string, n: number): Para => ({
    kind: 'paragraph',
    id: `p${nextId++}`,
    tokens: Array.from({ length: n }, () => ({ word: words(), fresh: false })),
    edits: 0,
  });

  const blocksA: Block[] = [];
  for (let k = int(4, 14); k > 0; k--) {
    const roll = rng();
    if (roll < 0.75) blocksA.push(newParagraph(() => pick(WORDS), int(8, 20)));
    else if (roll < 0.88) blocksA.push({ kind: 'tweet', id: String(1_000_000 + nextId++), text: 'Roads closed in Ōtautahi' });
    else
      blocksA.push({
        kind: 'photo',
        id: `ph${nextId++}`,
        caption: 'Flooding on the river road',
        credit: 'Supplied',
        alt: 'A flooded road',
      });
  }
  const blocksB: Block[] = blocksA.map((b) => (b.kind === 'paragraph' ? { ...b, tokens: b.tokens.map((t) => ({ ...t })) } : { ...b }));
  const touched = new Set<string>();
  let insertedBlocks = 0;
  let deletedBlocks = 0;
  const fields: Case['fields'] = [];
  const meta: Case['meta'] = [];
  const metaB: Partial<Story['meta']> = {};

  for (let step = int(1, 8); step > 0; step--) {
    const op = pick(['insertWord', 'deleteWord', 'replaceWord', 'field', 'insertBlock', 'deleteBlock', 'meta'] as const);
    const paras = blocksB.filter((b): b is Para => b.kind === 'paragraph' && b.edits < 2 && b.id.startsWith('p'));
    if ((op === 'insertWord' || op === 'deleteWord' || op === 'replaceWord') && paras.length > 0 && fresh.length > 0) {
      const p = pick(paras);
      p.edits++;
      touched.add(p.id);
      const at = int(0, p.tokens.length - 1);
      if (op === 'insertWord') p.tokens.splice(int(0, p.tokens.length), 0, { word: fresh.pop()!, fresh: true });
      else if (op === 'deleteWord') p.tokens.splice(at, 1);
      else p.tokens.splice(at, 1, { word: fresh.pop()!, fresh: true });
    } else if (op === 'field' && rng() < 0.35) {
      const tweets = blocksB.filter((b): b is Tweet => b.kind === 'tweet' && !touched.has(b.id));
      if (tweets.length === 0) continue;
      const tweet = pick(tweets);
      touched.add(tweet.id);
      fields.push({ id: tweet.id, field: 'tweet text', before: tweet.text, after: 'Roads reopened in Ōtautahi' });
      tweet.text = 'Roads reopened in Ōtautahi';
    } else if (op === 'field') {
      const photos = blocksB.filter((b): b is Photo => b.kind === 'photo' && !touched.has(b.id));
      if (photos.length === 0) continue;
      const photo = pick(photos);
      touched.add(photo.id);
      const which = pick(['credit', 'alt', 'caption'] as const);
      const next = which === 'credit' ? 'RNZ' : which === 'alt' ? '' : 'Flooding on the river road at dawn';
      fields.push({
        id: photo.id,
        field: which === 'alt' ? 'alt text' : which,
        before: which === 'credit' ? 'Photo / Supplied' : photo[which],
        after: which === 'credit' ? 'Photo / RNZ' : next,
      });
      photo[which] = next;
    } else if (op === 'insertBlock' && rng() < 0.3) {
      const tweet: Tweet = { kind: 'tweet', id: String(9_000_000 + nextId++), text: 'Power back on in Ōtautahi' };
      blocksB.splice(int(0, blocksB.length), 0, tweet);
      touched.add(tweet.id);
      insertedBlocks++;
    } else if (op === 'insertBlock' && fresh.length >= 4) {
      const words = fresh.splice(0, int(3, 4));
      const p: Para = { kind: 'paragraph', id: `n${nextId++}`, tokens: words.map((word) => ({ word, fresh: true })), edits: 2 };
      blocksB.splice(int(0, blocksB.length), 0, p);
      touched.add(p.id);
      insertedBlocks++;
    } else if (op === 'deleteBlock') {
      const candidates = blocksB.filter((b) => !touched.has(b.id));
      if (candidates.length <= 2) continue;
      const gone = pick(candidates);
      blocksB.splice(blocksB.indexOf(gone), 1);
      deletedBlocks++;
    } else if (op === 'meta') {
      const field = pick(['headline', 'standfirst', 'byline', 'dateline', 'section', 'slug', 'status', 'tags'] as const);
      if (meta.some((m) => m.field === field)) continue;
      const before = storyOf([], {}).meta;
      if (field === 'tags') {
        metaB.tags = ['Weather', 'Ōtautahi'];
        meta.push({ field, before: 'Weather', after: 'Weather, Ōtautahi' });
      } else if (field === 'status') {
        metaB.status = 'subbing';
        meta.push({ field, before: 'draft', after: 'subbing' });
      } else {
        metaB[field] = `${before[field]} (updated)`;
        meta.push({ field, before: before[field], after: `${before[field]} (updated)` });
      }
    }
  }

  // A move last: an untouched block carried past at least two other untouched blocks, so that
  // moving it is the only smallest explanation.
  const moved: string[] = [];
  if (rng() < 0.6) {
    const still = blocksB.filter((b) => !touched.has(b.id));
    if (still.length >= 4) {
      const from = int(0, still.length - 1);
      const to = from + (rng() < 0.5 ? -1 : 1) * int(2, still.length);
      if (to >= 0 && to <= still.length - 1 && Math.abs(to - from) >= 2) {
        const block = still[from]!;
        blocksB.splice(blocksB.indexOf(block), 1);
        const anchor = still[to]!;
        blocksB.splice(blocksB.indexOf(anchor) + (to > from ? 1 : 0), 0, block);
        moved.push(block.id);
      }
    }
  }

  // What the script did to the words.
  const inserted: string[] = [];
  const deleted: string[] = [];
  const afterById = new Map(blocksB.map((b) => [b.id, b]));
  for (const block of blocksA) {
    if (block.kind !== 'paragraph') continue;
    const after = afterById.get(block.id) as Para | undefined;
    const kept = new Map<string, number>();
    for (const t of after?.tokens ?? []) if (!t.fresh) kept.set(t.word, (kept.get(t.word) ?? 0) + 1);
    for (const t of block.tokens) {
      const n = kept.get(t.word) ?? 0;
      if (n > 0) kept.set(t.word, n - 1);
      else deleted.push(...wordsOf(t.word));
    }
  }
  for (const block of blocksB) if (block.kind === 'paragraph') for (const t of block.tokens) if (t.fresh) inserted.push(...wordsOf(t.word));

  return {
    a: storyOf(blocksA, {}),
    b: storyOf(blocksB, metaB),
    blocksA,
    blocksB,
    inserted,
    deleted,
    moved,
    insertedBlocks,
    deletedBlocks,
    meta,
    fields,
  };
}

function wordsIn(diff: StoryDiff, op: 'insert' | 'delete'): string[] {
  return diff.blocks.flatMap((b) => (b.words ?? []).filter((w) => w.op === op).flatMap((w) => wordsOf(w.text)));
}

function copyOf(block: Block): string | null {
  return block.kind === 'paragraph' ? textOf(block) : null;
}

describe('compare, for generated stories and edit scripts', () => {
  it('reports exactly the words inserted and deleted, the block moved, and rebuilds both texts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const c = generateCase(seed);
        const diff = compareStories(c.a, c.b);

        expect(sorted(wordsIn(diff, 'insert'))).toEqual(sorted(c.inserted));
        expect(sorted(wordsIn(diff, 'delete'))).toEqual(sorted(c.deleted));
        expect(diff.stats.wordsInserted).toBe(c.inserted.length);
        expect(diff.stats.wordsDeleted).toBe(c.deleted.length);

        const movedIds = diff.blocks.filter((b) => b.op === 'move').map((b) => c.blocksA[b.from!]!.id);
        expect(sorted(movedIds)).toEqual(sorted(c.moved));
        expect(diff.stats.blocksMoved).toBe(c.moved.length);
        expect(diff.stats.blocksInserted).toBe(c.insertedBlocks);
        expect(diff.stats.blocksDeleted).toBe(c.deletedBlocks);

        // Every block of each story appears once, and the words rebuild its copy.
        const froms = diff.blocks.filter((b) => b.from !== undefined).map((b) => b.from!);
        const tos = diff.blocks.filter((b) => b.to !== undefined).map((b) => b.to!);
        expect(sorted(froms.map(String))).toEqual(sorted(c.blocksA.map((_, i) => String(i))));
        expect(sorted(tos.map(String))).toEqual(sorted(c.blocksB.map((_, i) => String(i))));
        for (const block of diff.blocks) {
          if (!block.words) continue;
          if (block.from !== undefined) {
            const before = block.words.filter((w) => w.op !== 'insert').map((w) => w.text);
            expect(before.join('')).toBe(copyOf(c.blocksA[block.from]!));
          }
          if (block.to !== undefined) {
            const after = block.words.filter((w) => w.op !== 'delete').map((w) => w.text);
            expect(after.join('')).toBe(copyOf(c.blocksB[block.to]!));
          }
        }
        // Blocks stay in b's order.
        expect(tos).toEqual([...tos].sort((x, y) => x - y));

        expect(diff.meta).toEqual(c.meta.sort((x, y) => metaOrder(x.field) - metaOrder(y.field)));
        for (const expected of c.fields) {
          const at = c.blocksB.findIndex((b) => b.id === expected.id);
          const block = diff.blocks.find((b) => b.to === at)!;
          expect(block.op).toBe('change');
          expect(block.fields).toContainEqual({ field: expected.field, before: expected.before, after: expected.after });
        }
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});

const META_ORDER = ['headline', 'standfirst', 'byline', 'dateline', 'section', 'slug', 'tags', 'status'];
const metaOrder = (field: string) => META_ORDER.indexOf(field);
