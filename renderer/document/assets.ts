import { checkPhotoFile } from '../../shared/blocks/photo';
import type { StoryAsset } from '../../shared/story/schema';

/** Longest side of the editor's preview: the full image is never decoded for display. */
const PREVIEW_EDGE = 960;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function base64ToBytes(data: string): Uint8Array {
  // Native decoding where the engine has it (Chromium 140+, so Electron 45): ~20× faster than
  // the loop below, which made opening a story with 100 photos wait ~250 ms for their previews.
  const native = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
  if (native) return native(data);
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Reads an image a reporter added: checks it, hashes it and measures it. */
export async function readImage(file: Blob, name: string): Promise<{ ok: true; hash: string; asset: StoryAsset } | { ok: false; reason: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkPhotoFile(name, bytes);
  if (!checked.ok) return checked;
  let width = 0;
  let height = 0;
  try {
    const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: checked.mime }));
    width = bitmap.width;
    height = bitmap.height;
    bitmap.close();
  } catch {
    return { ok: false, reason: `“${name}” could not be read as an image (it may be damaged).` };
  }
  const hash = await sha256Hex(bytes);
  return {
    ok: true,
    hash,
    asset: { mime: checked.mime, name: name.slice(0, 255), width, height, bytes: bytes.length, data: bytesToBase64(bytes) },
  };
}

/**
 * Scaled previews as object URLs, made once per image and shared by every block that shows
 * it (the same photo used twice is one asset and one preview).
 */
export class PreviewCache {
  private readonly urls = new Map<string, Promise<string | null>>();
  /** Previews still to make, in the order asked for (top of the story first). */
  private queue: { asset: StoryAsset; resolve: (url: Promise<string | null> | null) => void }[] = [];
  private draining = false;

  get(hash: string, asset: StoryAsset | undefined): Promise<string | null> {
    if (!asset) return Promise.resolve(null);
    let url = this.urls.get(hash);
    if (!url) {
      url = new Promise((resolve) => this.queue.push({ asset, resolve }));
      this.urls.set(hash, url);
      this.drain();
    }
    return url;
  }

  /**
   * Makes the queued previews a few milliseconds at a time, after the task that asked for them:
   * opening a story paints its text first and fills its photos in after (npm run bench: decoding
   * and copying 100 images inside the open made it ~150 ms slower).
   */
  private drain() {
    if (this.draining) return;
    this.draining = true;
    const step = () => {
      const until = performance.now() + 8;
      while (this.queue.length > 0 && performance.now() < until) {
        const job = this.queue.shift()!;
        job.resolve(makePreview(job.asset));
      }
      if (this.queue.length > 0) setTimeout(step, 0);
      else this.draining = false;
    };
    setTimeout(step, 0);
  }

  clear() {
    for (const job of this.queue) job.resolve(null);
    this.queue = [];
    for (const url of this.urls.values()) void url.then((u) => u && URL.revokeObjectURL(u));
    this.urls.clear();
  }
}

async function makePreview(asset: StoryAsset): Promise<string | null> {
  try {
    const blob = new Blob([base64ToBytes(asset.data) as BlobPart], { type: asset.mime });
    const scale = Math.min(1, PREVIEW_EDGE / Math.max(asset.width || 1, asset.height || 1));
    if (scale >= 1 || asset.mime === 'image/gif') return URL.createObjectURL(blob);
    const bitmap = await createImageBitmap(blob, {
      resizeWidth: Math.max(1, Math.round(asset.width * scale)),
      resizeHeight: Math.max(1, Math.round(asset.height * scale)),
      resizeQuality: 'medium',
    });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    bitmap.close();
    const scaled = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    return URL.createObjectURL(scaled);
  } catch {
    return null;
  }
}
