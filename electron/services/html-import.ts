import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlToStory, type HtmlImage } from '../../shared/import/html';
import type { ImportSummary } from '../../shared/import/plain-text';
import { MAX_ASSET_BYTES, type Story, type StoryAsset } from '../../shared/story/schema';
import { decodeDataUri, makeImageAsset } from './import-assets';

/**
 * An .html/.htm file → story (issue 5): a saved web page, Word's "Save as Web Page", a
 * Google Docs HTML download. The text is decoded by its byte-order mark or <meta charset>
 * (Word saves windows-1252), then read by `htmlToStory`. Images embedded as data: URIs
 * become assets; so do images saved beside the page (Word's `Story_files/image001.png`)
 * when `baseDir` is given — only files inside that folder are read.
 */
export interface HtmlFileImportOptions {
  id: string;
  now: Date;
  /** The file's name, for asset names. */
  name?: string;
  /** Folder of the HTML file, to read images saved beside it. */
  baseDir?: string;
}

export interface HtmlFileImportResult {
  story: Story;
  summary: ImportSummary;
  warnings: string[];
}

export function importHtml(bytes: Uint8Array, options: HtmlFileImportOptions): HtmlFileImportResult {
  const html = decodeHtml(bytes);
  const stem = (options.name ?? 'page').replace(/^.*[\\/]/, '').replace(/\.html?$/i, '') || 'page';
  const assets: Record<string, StoryAsset> = {};
  let count = 0;
  const assetFor = (image: HtmlImage): string | null => {
    const data = readImage(image.src, options.baseDir);
    if (!data) return null;
    const made = makeImageAsset(data, `${stem}-image-${++count}`);
    if (!made.ok) return null;
    assets[made.key] ??= made.asset;
    return made.key;
  };
  return htmlToStory(html, { id: options.id, now: options.now, assets, assetFor });
}

/** Bytes → text; throws with a phrase for "file: reason" when it is not HTML text. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new Error('is a zip archive (a .docx saved as .html?), not HTML');
  }
  let encoding: string | null = null;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8';
  else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  if (!encoding && bytes.subarray(0, 4096).includes(0)) throw new Error('is a binary file, not HTML');
  if (!encoding) {
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
    const declared = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head)?.[1];
    if (declared) encoding = declared.toLowerCase();
  }
  const attempt = (label: string, fatal: boolean): string | null => {
    try {
      return new TextDecoder(label, { fatal }).decode(bytes);
    } catch {
      return null;
    }
  };
  // A declared UTF-8 that does not decode is usually Windows-1252 mislabelled.
  const text =
    (encoding && encoding !== 'utf-8' && encoding !== 'utf8' ? attempt(encoding, false) : null) ??
    attempt('utf-8', true) ??
    attempt('windows-1252', false) ??
    '';
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new Error('is empty');
  return text.replace(/^\uFEFF/, '');
}

/** An image's bytes from a data: URI, or from a file inside `baseDir`; null otherwise. */
function readImage(src: string, baseDir: string | undefined): Uint8Array | null {
  if (/^data:/i.test(src)) return decodeDataUri(src);
  if (!baseDir || src === '' || (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^file:/i.test(src))) return null;
  try {
    const root = realpathSync(baseDir);
    const relative = /^file:/i.test(src) ? fileURLToPath(src) : decodeURIComponent(src.split(/[?#]/)[0]!);
    const target = realpathSync(path.resolve(root, relative));
    if (target !== root && !target.startsWith(root + path.sep)) return null;
    const stat = statSync(target);
    if (!stat.isFile() || stat.size > MAX_ASSET_BYTES) return null;
    return new Uint8Array(readFileSync(target));
  } catch {
    return null;
  }
}
