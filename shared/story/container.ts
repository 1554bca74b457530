import { bodyPlainText, countWords } from './create';
import {
  ASSET_KEY,
  MAX_ASSET_BYTES,
  MAX_CONTAINER_BYTES,
  MAX_STORY_JSON_BYTES,
  type Story,
  type StoryAsset,
  type StoryAssetMeta,
} from './schema';

/**
 * The `.story` container (docs/story-format.md): a ZIP holding `mimetype`, `story.json`,
 * `summary.json` and `assets/<sha256>.<ext>`. What every reader and writer must agree on lives
 * here, without I/O, so Node (electron/services/story-container.ts) and the window share it.
 */

export const CONTAINER_MIMETYPE = 'application/x-copydesk-story';
export const MIMETYPE_ENTRY = 'mimetype';
export const STORY_JSON_ENTRY = 'story.json';
export const SUMMARY_ENTRY = 'summary.json';
export const ASSETS_FOLDER = 'assets/';
/** A `.story.json` is the same story as one JSON text, photos inline as base64. */
export const JSON_STORY_EXTENSION = '.story.json';

/** More entries than a story could need is a zip bomb's signature. */
export const MAX_ENTRIES = 10_000;
/** Deflate cannot do better than ~1032:1; a text entry compressing past this is refused. */
export const MAX_COMPRESSION_RATIO = 200;
/** `summary.json` and entries a later Copydesk adds are read (or copied) whole; bigger ones are refused. */
export const MAX_OTHER_ENTRY_BYTES = 64 * 1024 * 1024;

/** ZIP's two methods we write and read: 0 stored, 8 deflated. */
export const STORED = 0;
export const DEFLATED = 8;

export const EXTENSION_OF_MIME: Readonly<Record<StoryAsset['mime'], string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

export function assetEntryName(key: string, mime: StoryAsset['mime']): string {
  return `${ASSETS_FOLDER}${key}.${EXTENSION_OF_MIME[mime]}`;
}

/** The key and extension of an `assets/` entry's name, or null when the name is not one we write. */
export function parseAssetEntryName(name: string): { key: string; ext: string } | null {
  const match = /^assets\/([0-9a-f]{64})\.(jpg|png|webp|gif)$/.exec(name);
  return match ? { key: match[1]!, ext: match[2]! } : null;
}

/** The first bytes of a ZIP (a local file header): how a `.story` container is told from a JSON text. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** What a reader knows of an entry from the central directory, before reading it. */
export interface EntryInfo {
  name: string;
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
}

export interface EntryPlan {
  storyJson: EntryInfo;
  /** `assets/` entries by key. */
  assets: Map<string, EntryInfo>;
  /** Entries this version does not know (kept by writers, ignored by readers). */
  others: EntryInfo[];
  /** One-line notes on entries that were set aside (a misnamed `assets/` entry). */
  notes: string[];
}

/**
 * Checks a container's directory before any entry is read: the order and type of `mimetype`,
 * duplicates, names, counts, sizes and ratios. Returns what to read, or the one-line reason the
 * file is refused. Names with `..`, a leading `/` or a drive letter are refused by the zip
 * reader before they reach here; this refuses them again so every reader gets the same answer.
 */
export function planEntries(entries: readonly EntryInfo[]): EntryPlan | string {
  if (entries.length === 0) return 'not a Copydesk story: the zip is empty';
  if (entries.length > MAX_ENTRIES) return `refused: ${entries.length} entries (a story has at most ${MAX_ENTRIES})`;
  const first = entries[0]!;
  if (first.name !== MIMETYPE_ENTRY) return 'not a Copydesk story: a zip whose first entry is not "mimetype"';
  if (first.compressionMethod !== STORED) return 'not a Copydesk story: its "mimetype" entry is compressed';
  if (first.uncompressedSize !== CONTAINER_MIMETYPE.length)
    return 'not a Copydesk story: its "mimetype" is not application/x-copydesk-story';
  const seen = new Set<string>();
  let total = 0;
  let storyJson: EntryInfo | undefined;
  const assets = new Map<string, EntryInfo>();
  const others: EntryInfo[] = [];
  const notes: string[] = [];
  for (const entry of entries) {
    const name = entry.name;
    const unsafe = unsafeName(name);
    if (unsafe) return `refused: entry "${short(name)}" ${unsafe}`;
    // Names are compared as written and case-folded: on macOS and Windows two entries differing only in case are one file.
    const folded = name.toLowerCase();
    if (seen.has(folded)) return `refused: the entry "${short(name)}" appears twice`;
    seen.add(folded);
    if (entry.encrypted) return `refused: the entry "${short(name)}" is encrypted`;
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
      return `refused: the entry "${short(name)}" uses an unknown compression method (${entry.compressionMethod})`;
    }
    if (entry.compressionMethod === STORED && entry.compressedSize !== entry.uncompressedSize) {
      return `refused: the entry "${short(name)}" is stored but its sizes differ`;
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > MAX_COMPRESSION_RATIO) {
      return `refused: the entry "${short(name)}" expands ${Math.round(ratio)} times (a zip bomb?)`;
    }
    total += entry.uncompressedSize;
    if (total > MAX_CONTAINER_BYTES) return 'refused: its entries add up to more than 2 GB (the limit for a story)';
    if (name === MIMETYPE_ENTRY) continue;
    if (name === STORY_JSON_ENTRY) {
      if (entry.uncompressedSize > MAX_STORY_JSON_BYTES)
        return `refused: story.json is ${megabytes(entry.uncompressedSize)} (the limit is 64 MB)`;
      storyJson = entry;
      continue;
    }
    if (name.startsWith(ASSETS_FOLDER)) {
      const parsed = parseAssetEntryName(name);
      if (!parsed) {
        notes.push(`the entry "${short(name)}" is not named like a photo (assets/<sha256>.<ext>) and was ignored`);
        continue;
      }
      if (entry.uncompressedSize > MAX_ASSET_BYTES)
        return `refused: the photo "${short(name)}" is ${megabytes(entry.uncompressedSize)} (the limit is 50 MB)`;
      assets.set(parsed.key, entry);
      continue;
    }
    if (entry.uncompressedSize > MAX_OTHER_ENTRY_BYTES)
      return `refused: the entry "${short(name)}" is ${megabytes(entry.uncompressedSize)}`;
    others.push(entry);
  }
  if (!storyJson) return 'not a readable story: the container has no story.json';
  return { storyJson, assets, others, notes };
}

/** Why an entry name cannot be used, or null. */
function unsafeName(name: string): string | null {
  if (name === '' || name.length > 1024) return 'has an unusable name';
  // Control characters are exactly what this refuses.

  if (/[\u0000-\u001f\u007f\\:]/.test(name)) return 'has characters not allowed in a file name';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((part) => part === '..' || part === '.')) return 'leads out of the story (path traversal)';
  return null;
}

/**
 * How a container hands restore its photos. The reader has already hashed each entry (hashing
 * is I/O, restore is not), so `read` only reports: the bytes as base64 for the story in memory,
 * or why the photo cannot be used.
 */
export interface StoryAssetSource {
  /** Keys of the container's `assets/` entries. */
  readonly keys: Iterable<string>;
  read(key: string, meta: StoryAssetMeta): { data: string } | { damaged: string };
}

/** The parts of a story a container writes: `story.json` (no photo bytes) and each photo's entry. */
export function storyJsonOf(story: Story): string {
  const assets: Record<string, StoryAssetMeta> = {};
  for (const [key, asset] of Object.entries(story.assets)) {
    assets[key] = { mime: asset.mime, name: asset.name, width: asset.width, height: asset.height, bytes: asset.bytes };
  }
  return `${JSON.stringify({ ...story, assets }, null, 2)}\n`;
}

export interface StorySummary {
  format: 'copydesk.summary';
  id: string;
  headline: string;
  slug: string;
  byline: string;
  status: Story['meta']['status'];
  words: number;
  blocks: Record<string, number>;
  photos: number;
  updatedAt: string;
}

/** `summary.json`: what a list of stories shows, so a folder can be listed without reading bodies. */
export function summaryOf(story: Story): StorySummary {
  const blocks: Record<string, number> = {};
  for (const node of story.body.root.children) blocks[node.type] = (blocks[node.type] ?? 0) + 1;
  return {
    format: 'copydesk.summary',
    id: story.id,
    headline: story.meta.headline,
    slug: story.meta.slug,
    byline: story.meta.byline,
    status: story.meta.status,
    words: countWords(bodyPlainText(story.body)),
    blocks,
    photos: Object.keys(story.assets).length,
    updatedAt: story.meta.updatedAt,
  };
}

export function isAssetKey(key: string): boolean {
  return ASSET_KEY.test(key);
}

function short(name: string): string {
  // Control characters in a name from the file are shown as '?', so the reason stays one line.

  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
