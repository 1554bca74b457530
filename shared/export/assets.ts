import { EXTENSION_FOR_MIME, isAssetKey, PHOTO_MIME_TYPES, type PhotoMime } from '../blocks/photo/media';
import { hasBase64Data } from '../story/base64';
import type { StoryAsset } from '../story/schema';
import { dataImageUrl, relativeAssetPath, safeImageUrl, type SafeUrl } from './markup';

/**
 * How exported images travel: `inline` puts each image in the document as a data: URI (one
 * self-contained file); `dir` refers to `images/<sha256>.<ext>` beside the document and
 * hands the caller those files to write.
 */
export type AssetMode = 'inline' | 'dir';
export const ASSET_MODES: readonly AssetMode[] = ['inline', 'dir'];

/** A file the caller writes beside the exported document (`--assets dir`). */
export interface ExportFile {
  /** Relative to the exported document, always `images/<sha256>.<ext>`. */
  path: string;
  mime: PhotoMime;
  bytes: Uint8Array;
}

/** Where a photo's image comes from once exported. */
export interface ResolvedImage {
  src: SafeUrl;
  /** The story asset's key when the image is stored in the story. */
  asset?: string;
  mime?: PhotoMime;
  name?: string;
  width?: number;
  height?: number;
  bytes?: number;
  /** `images/<sha256>.<ext>`, for assets (whatever the mode), so ninjs can name the file. */
  fileName?: string;
}

function isPhotoMime(value: unknown): value is PhotoMime {
  return typeof value === 'string' && (PHOTO_MIME_TYPES as readonly string[]).includes(value);
}

function dimension(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 100_000 ? value : undefined;
}

/**
 * The image of a photo block: the story's own asset (its base64 checked again here, because the
 * renderer also runs on objects that never went through restore — unless restore made it) or
 * an https URL. Null when
 * the photo has no usable image; the figure then keeps its caption only.
 */
export function resolvePhotoImage(
  photo: { asset?: unknown; src?: unknown },
  assets: Readonly<Record<string, StoryAsset>> | undefined,
  mode: AssetMode,
): ResolvedImage | null {
  const key = typeof photo.asset === 'string' ? photo.asset : '';
  if (key !== '') {
    if (!isAssetKey(key) || !assets || !Object.hasOwn(assets, key)) return null;
    const asset = assets[key]!;
    if (!isPhotoMime(asset.mime) || !hasBase64Data(asset)) return null;
    const fileName = relativeAssetPath(key, EXTENSION_FOR_MIME[asset.mime]);
    const src = mode === 'inline' ? dataImageUrl(asset.mime, asset) : fileName;
    if (!src || !fileName) return null;
    return {
      src,
      asset: key,
      mime: asset.mime,
      name: typeof asset.name === 'string' ? asset.name : '',
      width: dimension(asset.width),
      height: dimension(asset.height),
      bytes: Math.round((asset.data.length * 3) / 4) - (asset.data.endsWith('==') ? 2 : asset.data.endsWith('=') ? 1 : 0),
      fileName,
    };
  }
  const src = safeImageUrl(photo.src);
  return src ? { src } : null;
}

/** The files `dir` mode needs: one per distinct asset used, in order of first use. */
export function assetFiles(images: readonly (ResolvedImage | null)[], assets: Readonly<Record<string, StoryAsset>>): ExportFile[] {
  const files: ExportFile[] = [];
  const seen = new Set<string>();
  for (const image of images) {
    if (!image?.asset || !image.fileName || !image.mime || seen.has(image.asset)) continue;
    seen.add(image.asset);
    files.push({ path: image.fileName, mime: image.mime, bytes: decodeBase64(assets[image.asset]!.data) });
  }
  return files;
}

/** Base64 → bytes without Node's Buffer (shared/ also runs in the browser). */
export function decodeBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
