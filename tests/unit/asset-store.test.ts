import { describe, expect, it } from 'vitest';
import { AssetStore, PreviewCache } from '../../renderer/document/assets';
import { makePng } from '../fixtures/images';
import type { StoryAsset } from '../../shared/story/schema';

function fileAsset(seed: number): { hash: string; asset: StoryAsset; bytes: Buffer } {
  const bytes = makePng(30 + seed, 20, seed);
  return {
    hash: String(seed).repeat(64).slice(0, 64),
    bytes,
    asset: { mime: 'image/png', name: `p${seed}.png`, width: 30 + seed, height: 20, bytes: bytes.length, data: bytes.toString('base64') },
  };
}

const settle = (ms = 60) => new Promise((r) => setTimeout(r, ms));

/** A store holding two photos as a story file carries them (base64). */
function storeOfTwo() {
  const a = fileAsset(1);
  const b = fileAsset(2);
  const store = new AssetStore();
  store.replace({ [a.hash]: a.asset, [b.hash]: b.asset });
  return { a, b, store };
}

describe('the open story’s photos are held as Blobs', () => {
  it('gives back exactly the base64 a file carried, before and after turning it into a Blob', async () => {
    const { a, b, store } = storeOfTwo();
    expect(store.textLeft).toBe(2);
    expect(await store.storyAssets()).toEqual({ [a.hash]: a.asset, [b.hash]: b.asset });
    const blob = store.blob(a.hash)!;
    expect(blob.type).toBe('image/png');
    expect(Buffer.from(await blob.arrayBuffer()).equals(a.bytes)).toBe(true);
    expect(store.textLeft).toBe(1);
    expect(await store.storyAssets([a.hash])).toEqual({ [a.hash]: a.asset });
  });

  it('turns every photo into a Blob in the background once a story is shown', async () => {
    const store = new AssetStore();
    const assets = Object.fromEntries([1, 2, 3, 4].map((i) => [fileAsset(i).hash, fileAsset(i).asset]));
    store.replace(assets);
    expect(store.textLeft).toBe(4);
    await settle();
    expect(store.textLeft).toBe(0);
    expect(await store.storyAssets()).toEqual(assets);
  });

  it('keeps a photo added from a file as its bytes, with its details', async () => {
    const a = fileAsset(3);
    const store = new AssetStore();
    const before = store.key();
    const { data: _data, ...info } = a.asset;
    store.addBytes(a.hash, info, new Uint8Array(a.bytes));
    expect(store.key()).not.toBe(before);
    expect(store.info(a.hash)).toEqual(info);
    expect(store.textLeft).toBe(0);
    expect(await store.storyAssets()).toEqual({ [a.hash]: a.asset });
    const key = store.key();
    store.addBytes(a.hash, info, new Uint8Array(a.bytes));
    expect(store.key()).toBe(key);
  });

  it('answers only for the photos asked for, and ignores hashes it does not hold', async () => {
    const { b, store } = storeOfTwo();
    expect(Object.keys(await store.storyAssets([b.hash, 'f'.repeat(64)]))).toEqual([b.hash]);
    expect(store.info('f'.repeat(64))).toBeUndefined();
    expect(store.blob('f'.repeat(64))).toBeUndefined();
  });

  it('fixes its answer when asked: a story opened meanwhile does not change it', async () => {
    const a = fileAsset(1);
    const store = new AssetStore();
    store.addBytes(a.hash, a.asset, new Uint8Array(a.bytes));
    const pending = store.storyAssets();
    store.replace({});
    expect(await pending).toEqual({ [a.hash]: a.asset });
    expect(await store.storyAssets()).toEqual({});
  });
});

describe('photo previews are made ahead of need', () => {
  it('primes every photo of a story, and gives a made preview at once', async () => {
    const { a, b, store } = storeOfTwo();
    const previews = new PreviewCache(store);
    expect(previews.peek(a.hash)).toBeNull();
    previews.prime(store.hashes());
    // Small images are shown as they are: the preview is the photo's own bytes.
    const url = await previews.get(b.hash);
    await settle(10);
    expect(url).toMatch(/^blob:/);
    expect(previews.peek(b.hash)).toBe(url);
    expect(previews.peek(a.hash)).toMatch(/^blob:/);
    expect(previews.peek('f'.repeat(64))).toBeNull();
    previews.clear();
    expect(previews.peek(a.hash)).toBeNull();
  });
});
