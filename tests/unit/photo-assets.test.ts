import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, sha256Hex } from '../../renderer/document/assets';
import { referencedAssets } from '../../renderer/document/open-document';
import { makePng } from '../fixtures/images';

describe('photo assets are content-addressed', () => {
  it('hashes an image with SHA-256, as the story keys it', async () => {
    const png = makePng(40, 30, 3);
    expect(await sha256Hex(new Uint8Array(png))).toBe(createHash('sha256').update(png).digest('hex'));
  });

  it('the same bytes give the same key; different bytes a different one', async () => {
    const a = new Uint8Array(makePng(40, 30, 1));
    const b = new Uint8Array(makePng(40, 30, 2));
    expect(await sha256Hex(a)).toBe(await sha256Hex(Uint8Array.from(a)));
    expect(await sha256Hex(a)).not.toBe(await sha256Hex(b));
  });

  it('base64 round-trips large images exactly (chunked encoding)', () => {
    const bytes = new Uint8Array(makePng(900, 700, 5));
    const encoded = bytesToBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(base64ToBytes(encoded)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('only assets a photo block still uses are saved', () => {
    const used = 'a'.repeat(64);
    const body = {
      root: {
        type: 'root' as const,
        version: 1,
        children: [
          { type: 'photo', version: 1, asset: used },
          { type: 'photo', version: 1, asset: used },
          { type: 'paragraph', version: 1, children: [] },
        ],
      },
    };
    expect(referencedAssets(body)).toEqual([used]);
  });
});
