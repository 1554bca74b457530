import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  generateStory,
  headlessPeerState,
  isImageSignature,
  lexicalPeerState,
  plainParagraphs,
  SIZES,
  type BenchSize,
  type GeneratedStory,
} from '../../bench/generate';
import { restoreStory, restoreStoryText } from '../../shared/story/restore';

/** The bench's story generator (bench/generate.ts, `npm run bench`): seeded, sized, real images, valid. */

const cache = new Map<string, GeneratedStory>();
const story = (size: BenchSize, seed?: number) => {
  const key = `${size}:${seed ?? 'default'}`;
  if (!cache.has(key)) cache.set(key, generateStory(size, seed));
  return cache.get(key)!;
};

/** Width and height from the IHDR chunk, after checking the PNG inflates to the right size. */
function decodePng(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('ascii');
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  expect(inflateSync(Buffer.concat(idat)).length).toBe((width * 3 + 1) * height);
  return { width, height };
}

describe('bench story generator', () => {
  it('is deterministic: the same size and seed give the same bytes', () => {
    expect(generateStory('S').text).toBe(story('S').text);
    expect(generateStory('M').text).toBe(story('M').text);
    expect(generateStory('S', 99).text).not.toBe(story('S').text);
  });

  it.each(['S', 'M', 'L'] as const)('makes a %s story of the right size that restores', (size) => {
    const gen = story(size);
    const spec = SIZES[size];
    expect(gen.words).toBeGreaterThanOrEqual(spec.words * 0.95);
    expect(gen.words).toBeLessThanOrEqual(spec.words * 1.05);
    const children = gen.story.body.root.children;
    expect(children.filter((n) => n.type === 'tweet')).toHaveLength(spec.tweets);
    expect(children.filter((n) => n.type === 'photo')).toHaveLength(spec.photos);
    expect(children.filter((n) => n.type === 'helpline')).toHaveLength(1);
    expect(children.at(-1)!.type).toBe('helpline');
    // A live blog's mix: timestamps and subheadings, lists, quotes, links.
    for (const type of ['paragraph', 'heading', 'list']) expect(children.some((n) => n.type === type)).toBe(true);
    expect(JSON.stringify(gen.story.body)).toContain('"type":"link"');
    if (size !== 'S') expect(children.some((n) => n.type === 'quote')).toBe(true);

    const restored = restoreStoryText(gen.text);
    expect(restored.ok ? 'ok' : restored.reason).toBe('ok');
    if (restored.ok) expect(restored.story.body).toEqual(gen.story.body);
    expect(restoreStory(JSON.parse(gen.text)).ok).toBe(true);
  });

  it('embeds real, distinct images of varied sizes', () => {
    for (const size of ['S', 'M'] as const) {
      const assets = Object.entries(story(size).story.assets);
      expect(assets).toHaveLength(SIZES[size].photos);
      const dims = new Set<string>();
      for (const [hash, asset] of assets) {
        const bytes = Buffer.from(asset.data, 'base64');
        expect(isImageSignature(bytes)).toBe(true);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(hash);
        expect(bytes.length).toBe(asset.bytes);
        expect(bytes.length).toBeGreaterThan(10_000);
        const { width, height } = decodePng(bytes);
        expect([width, height]).toEqual([asset.width, asset.height]);
        for (const side of [width, height]) {
          expect(side).toBeGreaterThanOrEqual(200);
          expect(side).toBeLessThanOrEqual(800);
        }
        dims.add(`${width}x${height}`);
      }
      expect(dims.size).toBeGreaterThan(1);
    }
    const all = (['S', 'M', 'L'] as const).flatMap((s) => Object.keys(story(s).story.assets));
    expect(new Set(all).size).toBe(all.length);
  });

  it('gives the peers the same text, one paragraph per block', () => {
    const gen = story('M');
    const paragraphs = plainParagraphs(gen.story);
    expect(paragraphs).toHaveLength(gen.story.body.root.children.length);
    expect(paragraphs.every((p) => p.length > 0)).toBe(true);
    const lexical = lexicalPeerState(gen.story);
    expect(lexical.root.children.every((n) => n.type === 'paragraph')).toBe(true);
    const headless = headlessPeerState(gen.story);
    expect(headless.root.children.some((n) => ['tweet', 'photo', 'helpline'].includes(n.type))).toBe(false);
    expect(headless.root.children.filter((n) => n.type === 'heading').length).toBe(
      gen.story.body.root.children.filter((n) => n.type === 'heading').length,
    );
  });
});
