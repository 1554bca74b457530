import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import {
  CONTAINER_MIMETYPE,
  DEFLATED,
  MIMETYPE_ENTRY,
  STORY_JSON_ENTRY,
  SUMMARY_ENTRY,
  assetEntryName,
  planEntries,
  storyJsonOf,
  summaryOf,
  type EntryInfo,
  type StoryAssetSource,
} from '../../shared/story/container';
import { oneLine, restoreStory, restoreStoryText, type RestoreResult } from '../../shared/story/restore';
import { EXTENSION_OF_MIME } from '../../shared/story/container';
import { ASSET_KEY, MAX_ASSET_BYTES, SCHEMA_VERSION, STORY_FORMAT, type Story } from '../../shared/story/schema';

/**
 * Reading and writing the `.story` container (docs/story-format.md) in Node. yauzl reads: it
 * works from the central directory with random access (a file on disk is never read whole
 * just to list it), checks each entry's actual size against the declared one while streaming,
 * and refuses absolute and `..` names. yazl writes, entry by entry, storing photos as they are.
 * The rules both sides share (names, limits, what is refused) are in shared/story/container.ts.
 */

/** An entry as the zip reader hands it over, with what the shared rules need. */
interface ZipEntry extends EntryInfo {
  entry: yauzl.Entry;
}

/** An entry's bytes after decompression, or its reason for failing. */
export interface ContainerEntry {
  name: string;
  method: number;
  bytes: Buffer;
}

export interface ReadContainerOptions {
  /**
   * Keep each photo's bytes (to open or export the story). Without it each photo is streamed
   * through SHA-256 and let go, so `cli validate` never holds more than one chunk of a photo.
   */
  withData: boolean;
}

export interface OpenedContainer {
  /** The restored story (photos as base64 when `withData`, else empty strings), or why not. */
  restored: RestoreResult;
  /** Each sound photo's bytes by key (only `withData`). */
  assetBytes: Map<string, Buffer>;
  /** Entries this version does not know, kept to be written back on save. */
  others: ContainerEntry[];
}

/** Why a zip cannot be read, in one line, from yauzl's error. */
function zipReason(error: unknown): string {
  const message = oneLine(error);
  if (/end of central directory record signature not found/i.test(message))
    return 'the file is cut short or not a zip (no zip directory at its end)';
  if (/central directory file header signature|unexpected EOF|overflows file bounds|invalid local file header/i.test(message)) {
    return 'the file is cut short or damaged (its zip directory is incomplete)';
  }
  if (/too many bytes in the stream|not enough bytes in the stream/i.test(message))
    return `an entry's size does not match its declared size (${message})`;
  if (/invalid relative path|absolute path|invalid characters in fileName/i.test(message))
    return `refused: an entry name leads out of the story (${message})`;
  if (/invalid (stored|compressed) block|incorrect header check|invalid distance|unexpected end of file/i.test(message))
    return `an entry is damaged (${message})`;
  return `not a readable zip (${message})`;
}

class ContainerError extends Error {}

function openZip(input: Buffer | string): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true } as yauzl.Options;
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip: yauzl.ZipFile) => (error ? reject(new ContainerError(zipReason(error))) : resolve(zip));
    if (typeof input === 'string') yauzl.open(input, options, done);
    else yauzl.fromBuffer(input, options, done);
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: ZipEntry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push({
        entry,
        name: entry.fileName,
        compressionMethod: entry.compressionMethod,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
        encrypted: (entry.generalPurposeBitFlag & 0x1) !== 0,
      });
      // More than the limit is refused by planEntries; stop listing at once rather than read a hostile directory to its end.
      if (entries.length > 10_001) resolve(entries);
      else zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: unknown) => reject(new ContainerError(zipReason(error))));
    zip.readEntry();
  });
}

function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error ? reject(new ContainerError(zipReason(error))) : resolve(stream)));
  });
}

/** An entry's decompressed bytes; yauzl errors when they differ from the declared size. */
async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of await entryStream(zip, entry)) chunks.push(chunk as Buffer);
  } catch (error) {
    throw error instanceof ContainerError ? error : new ContainerError(zipReason(error));
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/** An entry's SHA-256, streamed: the bytes pass through and are let go. */
async function hashEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of await entryStream(zip, entry)) hash.update(chunk as Buffer);
  } catch (error) {
    throw error instanceof ContainerError ? error : new ContainerError(zipReason(error));
  }
  return hash.digest('hex');
}

/**
 * Opens a container (the file's bytes, or its path for streaming) through the one door:
 * the directory is checked first (shared planEntries), then `mimetype`, then `story.json`,
 * then every photo is hashed against its name. Returns the one-line reason when the file as a
 * whole cannot be used; a damaged photo only degrades (see restoreStory).
 */
export async function readContainer(input: Buffer | string, options: ReadContainerOptions): Promise<OpenedContainer | string> {
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await openZip(input);
    const entries = await listEntries(zip);
    const plan = planEntries(entries);
    if (typeof plan === 'string') return plan;
    const byName = new Map(entries.map((e) => [e.name, e.entry]));

    const mimetype = (await readEntry(zip, byName.get(MIMETYPE_ENTRY)!)).toString('latin1');
    if (mimetype !== CONTAINER_MIMETYPE) return 'not a Copydesk story: its "mimetype" is not application/x-copydesk-story';

    const jsonText = (await readEntry(zip, byName.get(STORY_JSON_ENTRY)!)).toString('utf8');
    let storyJson: unknown;
    try {
      storyJson = JSON.parse(jsonText);
    } catch (error) {
      return `not a Copydesk story: story.json is broken JSON (${oneLine(error)})`;
    }

    // Every photo is checked before restore (hashing is I/O; restore is not).
    const checked = new Map<string, { bytes: Buffer | null; size: number; ext: string; problem: string | null }>();
    for (const [key, info] of plan.assets) {
      const entry = byName.get(info.name)!;
      const ext = info.name.slice(info.name.lastIndexOf('.') + 1);
      try {
        if (options.withData) {
          const bytes = await readEntry(zip, entry);
          const actual = createHash('sha256').update(bytes).digest('hex');
          checked.set(key, {
            bytes,
            size: bytes.length,
            ext,
            problem: actual === key ? null : 'its bytes do not match its name (hash mismatch)',
          });
        } else {
          const actual = await hashEntry(zip, entry);
          checked.set(key, {
            bytes: null,
            size: info.uncompressedSize,
            ext,
            problem: actual === key ? null : 'its bytes do not match its name (hash mismatch)',
          });
        }
      } catch (error) {
        checked.set(key, { bytes: null, size: 0, ext, problem: error instanceof ContainerError ? error.message : oneLine(error) });
      }
    }
    const assetBytes = new Map<string, Buffer>();
    const source: StoryAssetSource = {
      keys: plan.assets.keys(),
      read(key, meta) {
        const found = checked.get(key);
        if (!found) return { damaged: 'its entry is missing from the container' };
        if (found.problem) return { damaged: found.problem };
        if (found.ext !== EXTENSION_OF_MIME[meta.mime])
          return { damaged: `its entry is named .${found.ext} but story.json says ${meta.mime}` };
        if (found.size !== meta.bytes) return { damaged: `it holds ${found.size} bytes but story.json says ${meta.bytes}` };
        if (found.bytes) {
          assetBytes.set(key, found.bytes);
          return { data: found.bytes.toString('base64') };
        }
        return { data: '' };
      },
    };
    const restored = restoreStory(storyJson, source);
    if (restored.ok && plan.notes.length > 0) restored.notes = [...plan.notes, ...(restored.notes ?? [])];

    const others: ContainerEntry[] = [];
    if (restored.ok) {
      for (const info of plan.others) {
        if (info.name === SUMMARY_ENTRY || info.name.endsWith('/')) continue;
        others.push({ name: info.name, method: info.compressionMethod, bytes: await readEntry(zip, byName.get(info.name)!) });
      }
    }
    return { restored, assetBytes, others };
  } catch (error) {
    if (error instanceof ContainerError) return error.message;
    return `not a readable story (${oneLine(error)})`;
  } finally {
    zip?.close();
  }
}

export interface BuildOptions {
  /** Each photo's bytes already at hand (from the container this story was opened from), so they are not decoded from base64 again. */
  assetBytes?: ReadonlyMap<string, Buffer>;
  /** Entries of the previous container this version does not know; written back as they were. */
  others?: readonly ContainerEntry[];
}

/** Zip times are DOS times (from 1980); a story's own updatedAt keeps the bytes the same for the same story. */
function entryTime(story: Story): Date {
  const time = Date.parse(story.meta.updatedAt);
  return new Date(Math.max(Number.isNaN(time) ? 0 : time, Date.UTC(1980, 0, 2)));
}

/**
 * The container's bytes for a story: `mimetype` first and stored, `story.json` and
 * `summary.json` deflated, each photo stored as its original bytes (JPEG, PNG, WebP and GIF
 * are compressed already; deflating them again costs time and saves nothing). The same story
 * gives the same bytes, so saving an unchanged story writes nothing.
 */
export function buildContainer(story: Story, options: BuildOptions = {}): Promise<Buffer> {
  // Photos not taken from the previous container come from the text: their bytes must be what their key names.
  const photos = new Map<string, Buffer>();
  for (const key of Object.keys(story.assets)) {
    const asset = story.assets[key]!;
    const kept = options.assetBytes?.get(key);
    if (kept !== undefined && kept.length === asset.bytes) {
      photos.set(key, kept);
      continue;
    }
    const bytes = Buffer.from(asset.data, 'base64');
    if (bytes.length !== asset.bytes || createHash('sha256').update(bytes).digest('hex') !== key) {
      return Promise.reject(new Error(`the photo "${asset.name || key.slice(0, 12)}" does not match its SHA-256 key`));
    }
    photos.set(key, bytes);
  }
  const zip = new yazl.ZipFile();
  const mtime = entryTime(story);
  const common = { mtime, forceDosTimestamp: true };
  zip.addBuffer(Buffer.from(CONTAINER_MIMETYPE, 'latin1'), MIMETYPE_ENTRY, { ...common, compress: false });
  zip.addBuffer(Buffer.from(storyJsonOf(story), 'utf8'), STORY_JSON_ENTRY, { ...common, compress: true });
  zip.addBuffer(Buffer.from(`${JSON.stringify(summaryOf(story), null, 2)}\n`, 'utf8'), SUMMARY_ENTRY, { ...common, compress: true });
  for (const key of Object.keys(story.assets).sort()) {
    zip.addBuffer(photos.get(key)!, assetEntryName(key, story.assets[key]!.mime), { ...common, compress: false });
  }
  for (const other of options.others ?? []) {
    zip.addBuffer(other.bytes, other.name, { ...common, compress: other.method === DEFLATED });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.on('error', reject);
  });
}

/**
 * The story in the text a window saves, as a container needs it. The window sends what its
 * own restore produced, so the common case is checked only as far as writing the container
 * needs (the envelope, each photo's key, type and size; buildContainer hashes the bytes it
 * decodes): running the whole schema again cost a save of a long story more than the write.
 * Anything else — an older version, a shape that does not fit — goes through restore, which
 * migrates it or gives the one-line reason.
 */
export function storyForContainer(text: string): Story | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (fitsContainer(parsed)) {
    try {
      summaryOf(parsed);
      return parsed;
    } catch {
      // A body summaryOf cannot walk: restore names what is wrong with it.
    }
  }
  const restored = restoreStoryText(text);
  return restored.ok ? restored.story : restored.reason;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fitsContainer(value: unknown): value is Story {
  if (!isObject(value) || value.format !== STORY_FORMAT || value.schemaVersion !== SCHEMA_VERSION || typeof value.id !== 'string')
    return false;
  const { meta, body, assets } = value;
  if (!isObject(meta) || typeof meta.updatedAt !== 'string' || !isObject(body) || !isObject(body.root)) return false;
  if (!Array.isArray(body.root.children) || !isObject(assets)) return false;
  for (const [key, asset] of Object.entries(assets)) {
    if (!ASSET_KEY.test(key) || !isObject(asset) || typeof asset.data !== 'string') return false;
    if (!Object.hasOwn(EXTENSION_OF_MIME, String(asset.mime))) return false;
    if (!Number.isInteger(asset.bytes) || (asset.bytes as number) < 0 || (asset.bytes as number) > MAX_ASSET_BYTES) return false;
  }
  return true;
}

/**
 * What a save can take from the container it replaces: the stored bytes of the photos it
 * still uses (copied as they are, never decoded or re-encoded; they were hashed when the story
 * was opened, and the conflict check vouches the file is that one) and the entries this
 * version does not know. Anything unreadable is simply not reused: the story's own data is.
 */
export async function previousEntries(filePath: string, keys: ReadonlySet<string>): Promise<Required<BuildOptions>> {
  const assetBytes = new Map<string, Buffer>();
  const others: ContainerEntry[] = [];
  let zip: yauzl.ZipFile | undefined;
  // Opened through fs/promises and handed to yauzl by descriptor: one open, closed here whatever happens.
  const handle = await fs.open(filePath, 'r').catch(() => null);
  if (!handle) return { assetBytes, others };
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromFd(
        handle.fd,
        { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true } as yauzl.Options,
        (e, z) => (e ? reject(e) : resolve(z)),
      ),
    );
    const entries = await listEntries(zip);
    const plan = planEntries(entries);
    if (typeof plan === 'string') return { assetBytes, others };
    const byName = new Map(entries.map((e) => [e.name, e.entry]));
    for (const [key, info] of plan.assets) {
      if (keys.has(key)) assetBytes.set(key, await readEntry(zip, byName.get(info.name)!));
    }
    for (const info of plan.others) {
      if (info.name === SUMMARY_ENTRY || info.name.endsWith('/')) continue;
      others.push({ name: info.name, method: info.compressionMethod, bytes: await readEntry(zip, byName.get(info.name)!) });
    }
  } catch {
    // Not a container (a version 1 text, a file of another kind): nothing to reuse.
  } finally {
    zip?.close();
    await handle.close().catch(() => {});
  }
  return { assetBytes, others };
}
