/**
 * The image rules, each written once: which images a story keeps (the MIME list), how big,
 * how they are recognised, and the key a story stores them under (the asset-key rule).
 * The story schema, the asset store, import and export all use these.
 */

/** A story asset's key: the SHA-256 of its bytes, in lower-case hex. */
export const ASSET_KEY = /^[0-9a-f]{64}$/;

export function isAssetKey(value: unknown): value is string {
  return typeof value === 'string' && ASSET_KEY.test(value);
}

/** The asset key of an image written beside an export (`images/<sha256>.<ext>`, `--assets dir`), or null. */
export function assetKeyOfExportPath(src: string): string | null {
  return /^images\/([0-9a-f]{64})\.[a-z]{3,4}$/.exec(src.trim())?.[1] ?? null;
}

export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type PhotoMime = (typeof PHOTO_MIME_TYPES)[number];
export const MAX_PHOTO_BYTES = 50 * 1024 * 1024;

/** Recognises an image by its first bytes, not by its name or what the clipboard claims. */
export function sniffImageType(bytes: Uint8Array): PhotoMime | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (
    b.length >= 8 &&
    b[0] === 0x89 &&
    b[1] === 0x50 &&
    b[2] === 0x4e &&
    b[3] === 0x47 &&
    b[4] === 0x0d &&
    b[5] === 0x0a &&
    b[6] === 0x1a &&
    b[7] === 0x0a
  )
    return 'image/png';
  if (
    b.length >= 6 &&
    b[0] === 0x47 &&
    b[1] === 0x49 &&
    b[2] === 0x46 &&
    b[3] === 0x38 &&
    (b[4] === 0x37 || b[4] === 0x39) &&
    b[5] === 0x61
  )
    return 'image/gif';
  if (
    b.length >= 12 &&
    b[0] === 0x52 &&
    b[1] === 0x49 &&
    b[2] === 0x46 &&
    b[3] === 0x46 &&
    b[8] === 0x57 &&
    b[9] === 0x45 &&
    b[10] === 0x42 &&
    b[11] === 0x50
  )
    return 'image/webp';
  return null;
}

/** Checks an image a reporter is adding; the reason is one sentence naming the file. */
export function checkPhotoFile(name: string, bytes: Uint8Array): { ok: true; mime: PhotoMime } | { ok: false; reason: string } {
  if (bytes.length > MAX_PHOTO_BYTES) {
    return { ok: false, reason: `“${name}” is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; photos can be at most 50 MB.` };
  }
  if (bytes.length === 0) return { ok: false, reason: `“${name}” is empty.` };
  const mime = sniffImageType(bytes);
  if (!mime) return { ok: false, reason: `“${name}” is not a JPEG, PNG, WebP or GIF image.` };
  return { ok: true, mime };
}

export const EXTENSION_FOR_MIME: Record<PhotoMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};
