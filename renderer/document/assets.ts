import { checkPhotoFile } from '../../shared/blocks/photo';
import { rememberCheckedAssets, type StoryAsset } from '../../shared/story/schema';

/** Runs `fn` when the page is idle (the first frames of a story come first); soon, where there is no idle callback. */
export function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: 1000 });
  else setTimeout(fn, 0);
}

/** Longest side of the editor's preview: the full image is never decoded for display. */
const PREVIEW_EDGE = 960;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function bytesToBase64(bytes: Uint8Array): string {
  // Native where the engine has it (Chromium 140+, so Electron 45), like base64ToBytes below.
  const native = (bytes as unknown as { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
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

/** What the editor knows of a photo without its bytes: type, name, size in pixels and bytes. */
export type AssetInfo = Omit<StoryAsset, 'data'>;

/** Reads an image a reporter added: checks it, hashes it and measures it. */
export async function readImage(
  file: Blob,
  name: string,
): Promise<{ ok: true; hash: string; info: AssetInfo; bytes: Uint8Array } | { ok: false; reason: string }> {
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
  return { ok: true, hash, info: { mime: checked.mime, name: name.slice(0, 255), width, height, bytes: bytes.length }, bytes };
}

interface StoredAsset {
  info: AssetInfo;
  /** The base64 the story file carried, until it is turned into `blob` (then dropped). */
  data: string | null;
  blob: Blob | null;
}

/**
 * The open story's photos, kept as Blobs: their bytes live outside the JavaScript heap (a
 * story with 100 photos held 12.4 MB of base64 strings there). Photos from a file arrive as
 * base64 and are turned into Blobs a few at a time after the story is shown, or at once when a
 * preview needs one; base64 is made again only for what needs it (save, export, the journal).
 * Assets are never removed while a story is open: undo may bring a deleted photo back.
 */
export class AssetStore {
  private entries = new Map<string, StoredAsset>();
  private converting = false;

  /** Replaces the store's photos with a story's (a story opened, recovered or made new). */
  replace(assets: Record<string, StoryAsset>): void {
    this.entries = new Map();
    for (const [hash, { data, ...info }] of Object.entries(assets)) this.entries.set(hash, { info, data, blob: null });
    this.convertInBackground();
  }

  /** Adds a photo read from a file, drop or paste (its bytes as they are). */
  addBytes(hash: string, info: AssetInfo, bytes: Uint8Array): void {
    if (!this.entries.has(hash)) this.entries.set(hash, { info, data: null, blob: new Blob([bytes as BlobPart], { type: info.mime }) });
  }

  has(hash: string): boolean {
    return this.entries.has(hash);
  }

  info(hash: string): AssetInfo | undefined {
    return this.entries.get(hash)?.info;
  }

  /** The photo's bytes (turned from base64 now if the background has not reached it yet). */
  blob(hash: string): Blob | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (!entry.blob) {
      entry.blob = new Blob([base64ToBytes(entry.data ?? '') as BlobPart], { type: entry.info.mime });
      entry.data = null;
    }
    return entry.blob;
  }

  /** How many photos are still held as base64 text (0 once the background has turned them all into Blobs). */
  get textLeft(): number {
    let n = 0;
    for (const entry of this.entries.values()) if (!entry.blob) n++;
    return n;
  }

  /** The photos' hashes. */
  hashes(): string[] {
    return [...this.entries.keys()];
  }

  /** Names the set of photos held (their hashes): it changes only when one is added or the story replaced. */
  key(): string {
    return [...this.entries.keys()].join(',');
  }

  /**
   * The photos as a story file carries them (base64), for the hashes given (every photo held
   * when none are). Which photos, and their bytes, are fixed when it is called: a story opened
   * meanwhile does not change the answer.
   */
  async storyAssets(hashes?: Iterable<string>): Promise<Record<string, StoryAsset>> {
    const wanted = [...(hashes ?? this.entries.keys())].flatMap((hash) => {
      const entry = this.entries.get(hash);
      return entry ? [[hash, entry] as const] : [];
    });
    const snapshot = wanted.map(([hash, entry]) => ({ hash, info: entry.info, data: entry.data, blob: entry.blob }));
    const out: Record<string, StoryAsset> = {};
    for (const { hash, info, data, blob } of snapshot) {
      out[hash] = { ...info, data: data ?? bytesToBase64(new Uint8Array(await blob!.arrayBuffer())) };
    }
    // Base64 restore checked when the file was opened, or that bytesToBase64 just made.
    rememberCheckedAssets(out);
    return out;
  }

  /** Turns the file's base64 into Blobs a few milliseconds at a time, when the page is idle after the story is shown. */
  private convertInBackground() {
    if (this.converting) return;
    this.converting = true;
    const step = () => {
      const until = performance.now() + 8;
      let left = false;
      for (const [hash, entry] of this.entries) {
        if (entry.blob) continue;
        if (performance.now() >= until) {
          left = true;
          break;
        }
        this.blob(hash);
      }
      if (left) whenIdle(step);
      else this.converting = false;
    };
    whenIdle(step);
  }
}

/**
 * Scaled previews as object URLs, made once per image and shared by every block that shows
 * it (the same photo used twice is one asset and one preview).
 */
export class PreviewCache {
  private readonly urls = new Map<string, Promise<string | null>>();
  /** Previews already made, for a block mounted when there is no time to wait (printing). */
  private readonly ready = new Map<string, string>();
  /** Previews still to make, in the order asked for (top of the story first). */
  private queue: { hash: string; resolve: (url: Promise<string | null> | null) => void }[] = [];
  private draining = false;

  constructor(private readonly assets: AssetStore) {}

  get(hash: string): Promise<string | null> {
    if (!this.assets.has(hash)) return Promise.resolve(null);
    let url = this.urls.get(hash);
    if (!url) {
      url = new Promise((resolve) => this.queue.push({ hash, resolve }));
      this.urls.set(hash, url);
      const made = url;
      void made.then((u) => {
        if (u && this.urls.get(hash) === made) this.ready.set(hash, u);
      });
      this.drain();
    }
    return url;
  }

  /** The preview, if it is made already. */
  peek(hash: string): string | null {
    return this.ready.get(hash) ?? null;
  }

  /** Makes previews ahead of need (every photo of a story just opened, in the background). */
  prime(hashes: Iterable<string>): void {
    for (const hash of hashes) void this.get(hash);
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
        const info = this.assets.info(job.hash);
        const blob = this.assets.blob(job.hash);
        job.resolve(info && blob ? makePreview(info, blob) : null);
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
    this.ready.clear();
  }
}

async function makePreview(info: AssetInfo, blob: Blob): Promise<string | null> {
  try {
    const scale = Math.min(1, PREVIEW_EDGE / Math.max(info.width || 1, info.height || 1));
    if (scale >= 1 || info.mime === 'image/gif') return URL.createObjectURL(blob);
    const bitmap = await createImageBitmap(blob, {
      resizeWidth: Math.max(1, Math.round(info.width * scale)),
      resizeHeight: Math.max(1, Math.round(info.height * scale)),
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
