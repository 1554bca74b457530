import { createHash } from 'node:crypto';
import { EXTENSION_FOR_MIME, sniffImageType } from '../../shared/blocks/photo';
import { imageSize } from '../../shared/import/image-size';
import { MAX_ASSET_BYTES, type StoryAsset } from '../../shared/story/schema';

/**
 * Images arriving in imported files (a .docx's media, data: URIs in HTML) → story assets:
 * keyed by the SHA-256 of their bytes (the same picture twice is stored once), type
 * recognised by content, size read from the header (0 × 0 when it cannot be read).
 */
export type ImageAssetResult = { ok: true; key: string; asset: StoryAsset } | { ok: false; reason: string };

export function makeImageAsset(bytes: Uint8Array, name: string): ImageAssetResult {
  if (bytes.length === 0) return { ok: false, reason: 'is empty' };
  if (bytes.length > MAX_ASSET_BYTES) {
    return {
      ok: false,
      reason: `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB (photos can be at most ${MAX_ASSET_BYTES / 1024 / 1024} MB)`,
    };
  }
  const mime = sniffImageType(bytes);
  if (!mime) return { ok: false, reason: `is a ${describeImageFormat(bytes)}, not a JPEG, PNG, WebP or GIF` };
  const size = imageSize(bytes);
  const key = createHash('sha256').update(bytes).digest('hex');
  const asset: StoryAsset = {
    mime,
    name: assetName(name, mime),
    width: size?.width ?? 0,
    height: size?.height ?? 0,
    bytes: bytes.length,
    data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
  return { ok: true, key, asset };
}

function assetName(name: string, mime: keyof typeof EXTENSION_FOR_MIME): string {
  const base =
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .slice(0, 200) || 'image';
  return `${base}.${EXTENSION_FOR_MIME[mime]}`;
}

/** A short name for an image type we cannot store (Word's vector formats are common). */
export function describeImageFormat(bytes: Uint8Array): string {
  const b = bytes;
  if (
    b.length >= 44 &&
    b[0] === 0x01 &&
    b[1] === 0x00 &&
    b[2] === 0x00 &&
    b[3] === 0x00 &&
    b[40] === 0x20 &&
    b[41] === 0x45 &&
    b[42] === 0x4d &&
    b[43] === 0x46
  )
    return 'Windows EMF drawing';
  if (
    b.length >= 4 &&
    ((b[0] === 0xd7 && b[1] === 0xcd && b[2] === 0xc6 && b[3] === 0x9a) ||
      (b[0] === 0x01 && b[1] === 0x00 && b[2] === 0x09 && b[3] === 0x00))
  )
    return 'Windows WMF drawing';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'BMP image';
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a) || (b[0] === 0x4d && b[1] === 0x4d && b[3] === 0x2a)))
    return 'TIFF image';
  const head = Buffer.from(b.subarray(0, 256)).toString('utf8').trimStart();
  if (/^(<\?xml[^>]*>\s*)?<svg\b/i.test(head)) return 'SVG drawing';
  if (b.length >= 12 && head.slice(4, 8) === 'ftyp') return 'HEIC/AVIF image';
  return 'file of an unknown type';
}

/** `data:image/png;base64,…` → its bytes (base64 or percent-encoded), or null. */
export function decodeDataUri(src: string): Uint8Array | null {
  const match = /^data:([^,]*?),(.*)$/is.exec(src.trim());
  if (!match) return null;
  const meta = match[1]!.toLowerCase();
  const payload = match[2]!;
  try {
    if (/;base64$/.test(meta)) {
      const clean = payload.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) return null;
      return new Uint8Array(Buffer.from(clean, 'base64'));
    }
    return percentDecode(payload);
  } catch {
    return null;
  }
}

function percentDecode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '%' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else for (const byte of Buffer.from(text[i]!, 'utf8')) out.push(byte);
  }
  return new Uint8Array(out);
}
