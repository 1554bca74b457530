import { z } from 'zod';
import { ASSET_KEY } from './media';

export * from './media';

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
  asset: z.string().regex(ASSET_KEY, { message: 'must be a SHA-256 asset key' }).or(z.literal('')).default(''),
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
