import { z } from 'zod';

/** A photo block: an image from the story's own assets (by hash) or an https URL. */
export interface PhotoState {
  /** SHA-256 of an entry in `story.assets`, or '' */
  asset: string;
  /** https URL when the image is not stored in the story, or '' */
  src: string;
  alt: string;
  caption: string;
  credit: string;
}

export const PhotoFieldsSchema = z.object({
  asset: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { message: 'must be a SHA-256 asset key' })
    .or(z.literal(''))
    .default(''),
  src: z
    .string()
    .max(2000)
    .refine((s) => s === '' || isHttpsImageUrl(s), { message: 'must be an https link' })
    .default(''),
  alt: z.string().max(2000).default(''),
  caption: z.string().max(5000).default(''),
  credit: z.string().max(500).default(''),
});
export const PhotoStateSchema = PhotoFieldsSchema.refine((p) => !(p.asset && p.src), {
  message: 'cannot have both an asset and a link',
  path: ['src'],
});

export function emptyPhoto(): PhotoState {
  return { asset: '', src: '', alt: '', caption: '', credit: '' };
}

export function isHttpsImageUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && url.hostname.includes('.') && !/[\s"'<>]/.test(value.trim());
  } catch {
    return false;
  }
}

/** How a paper prints photo credits. NZ Herald style is the default. */
export const CREDIT_STYLES = {
  'photo-slash': { label: 'Photo / Supplied', format: (credit: string) => `Photo / ${credit}` },
  'photo-colon': { label: 'Photo: Supplied', format: (credit: string) => `Photo: ${credit}` },
  'image-parens': { label: '(Image: Supplied)', format: (credit: string) => `(Image: ${credit})` },
} as const;
export type CreditStyle = keyof typeof CREDIT_STYLES;
export const DEFAULT_CREDIT_STYLE: CreditStyle = 'photo-slash';
export const CREDIT_STYLE_IDS = Object.keys(CREDIT_STYLES) as CreditStyle[];

export function formatCredit(credit: string, style: CreditStyle = DEFAULT_CREDIT_STYLE): string {
  const trimmed = credit.trim();
  return trimmed ? CREDIT_STYLES[style].format(trimmed) : '';
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
