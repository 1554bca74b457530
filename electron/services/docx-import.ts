import { inflateRawSync } from 'node:zlib';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element, Text } from 'domhandler';
import mammoth from 'mammoth';
import { htmlToBody, resolveImages, summarizeBody } from '../../shared/import/html';
import type { ImportSummary } from '../../shared/import/plain-text';
import { createStory, emptyBody } from '../../shared/story/create';
import type { Story, StoryAsset } from '../../shared/story/schema';
import { makeImageAsset } from './import-assets';

/**
 * Word .docx → story (issue 5). mammoth reads the document's structure (paragraph styles
 * by name, lists from numbering.xml, tables, links, notes, images) into semantic HTML;
 * `htmlToBody` turns that into the story body with the same allow-list as a paste.
 *
 * What Word has and a story does not:
 * - Tables: each row becomes a paragraph, cells joined by " | " (see `htmlToBody`).
 * - Footnotes and endnotes: the reference stays in the text as a superscript "[1]"; the
 *   notes follow the story under a "Notes" heading, one paragraph each ("[1] …"), without
 *   mammoth's "↑" back-links.
 * - Tracked changes: read as if every change were accepted — insertions are kept,
 *   deletions left out (mammoth's behaviour). A warning says the file had changes.
 * - Comments, page headers and footers: left out (not story text).
 * - Images Word stores as vector drawings (EMF/WMF) or other types a story cannot carry:
 *   left out, with a warning.
 */

export interface DocxImportOptions {
  id: string;
  now: Date;
  /** The file's name, for image asset names and messages. */
  name?: string;
}

export interface DocxImportResult {
  story: Story;
  summary: ImportSummary;
  /** One line each, for the person importing. */
  warnings: string[];
}

/** Refused before unpacking: a .docx this large unpacked is not a news story (or is a zip bomb). */
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
const ASSET_SRC = 'copydesk-asset:';
const SKIPPED_SRC = 'copydesk-skipped:';
const ID_PREFIX = 'cd-';

const STYLE_MAP = [
  // Title and Subtitle feed the story's headline and standfirst (see htmlToBody's roles).
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='Subtitle'] => p.standfirst:fresh",
  "p[style-name='Quote'] => blockquote:fresh",
  "p[style-name='Intense Quote'] => blockquote:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  // The same by style ID, for files whose generator references a style it never defines.
  'p.Title => h1.title:fresh',
  'p.Subtitle => p.standfirst:fresh',
  'p.Quote => blockquote:fresh',
  'p.IntenseQuote => blockquote:fresh',
  'p.Caption => p.caption:fresh',
  // Built-in character styles, by name (their formatting lives in styles.xml; custom styles
  // are resolved from styles.xml in `applyCharacterStyles`).
  "r[style-name='Strong'] => strong",
  "r[style-name='Emphasis'] => em",
  "r[style-name='Subtle Emphasis'] => em",
  "r[style-name='Intense Emphasis'] => strong > em",
  "r[style-name='Book Title'] => strong > em",
  "r[style-name='Intense Reference'] => strong",
  // mammoth drops underline unless asked.
  'u => u',
];

export async function importDocx(bytes: Uint8Array, options: DocxImportOptions): Promise<DocxImportResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kind = checkContainer(buffer);
  if (kind) throw new Error(kind);
  const parts = readZip(buffer);
  if (!parts.has('word/document.xml')) throw new Error('is not a Word document (no word/document.xml inside)');
  const unpacked = [...parts.values()].reduce((sum, part) => sum + part.size, 0);
  if (unpacked > MAX_UNPACKED_BYTES) throw new Error(`is too large to import (${Math.round(unpacked / 1024 / 1024)} MB unpacked)`);

  const warnings: string[] = [];
  const characterStyles = readCharacterStyles(parts.get('word/styles.xml')?.text() ?? '');
  const stem = (options.name ?? 'document').replace(/^.*[\\/]/, '').replace(/\.docx$/i, '') || 'document';

  const assets: Record<string, StoryAsset> = {};
  const skipped: string[] = [];
  let imageCount = 0;
  const convertImage = mammoth.images.imgElement(async (image) => {
    imageCount++;
    const altText = (image as { altText?: string }).altText ?? '';
    const made = makeImageAsset(await image.readAsBuffer(), `${stem}-image-${imageCount}`);
    if (!made.ok) {
      skipped.push(`image ${imageCount} (${made.reason})`);
      return { src: SKIPPED_SRC, alt: '' };
    }
    assets[made.key] ??= made.asset;
    return { src: `${ASSET_SRC}${made.key}`, alt: cleanAlt(altText) };
  });

  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer },
      {
        styleMap: STYLE_MAP,
        convertImage,
        idPrefix: ID_PREFIX,
        externalFileAccess: false,
        transformDocument: (document: unknown) => applyCharacterStyles(document, characterStyles),
      },
    );
  } catch (error) {
    throw new Error(`cannot be read as a Word document (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }

  const html = rewriteNotes(result.value);
  const body = htmlToBody(html, { whitespace: 'preserve', headline: 'title-style' });
  const resolved = resolveImages(body.children, body.images, (image) => {
    const key = image.src.startsWith(ASSET_SRC) ? image.src.slice(ASSET_SRC.length) : '';
    return key in assets ? key : null;
  });

  const story = createStory({ id: options.id, now: options.now });
  story.meta.headline = body.headline;
  story.meta.standfirst = body.standfirst;
  if (resolved.children.length > 0) story.body = { root: { ...emptyBody().root, children: resolved.children } };
  for (const node of resolved.children) {
    if (node.type === 'photo' && typeof node.asset === 'string' && node.asset) story.assets[node.asset] = assets[node.asset]!;
  }

  if (skipped.length > 0) {
    warnings.push(
      `${skipped.length} ${skipped.length === 1 ? 'image was' : 'images were'} left out: ${skipped.slice(0, 5).join('; ')}${skipped.length > 5 ? '; …' : ''}`,
    );
  }
  const changes = countTrackedChanges(parts.get('word/document.xml')?.text() ?? '');
  if (changes.insertions + changes.deletions > 0) {
    warnings.push(
      `the document has tracked changes: read as if all were accepted (${changes.insertions} ${changes.insertions === 1 ? 'insertion' : 'insertions'} kept, ${changes.deletions} ${changes.deletions === 1 ? 'deletion' : 'deletions'} left out)`,
    );
  }
  warnings.push(...summariseMessages(result.messages));
  return { story, summary: summarizeBody(resolved.children), warnings };
}

/** A reason when the bytes are not a .docx at all (one phrase, for "file: reason"). */
function checkContainer(buffer: Buffer): string | null {
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0 && buffer.readUInt32BE(4) === 0xa1b11ae1) {
    return 'is an old Word .doc (or an encrypted .docx): save it as .docx and try again';
  }
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) return 'is not a Word .docx file';
  return null;
}

/** Word saves a picture's file path as its description; that is not alt text. */
function cleanAlt(alt: string): string {
  const text = alt.replace(/\s+/g, ' ').trim();
  if (/^([a-z]:\\|\\\\|\/|file:)/i.test(text) || /\.(jpe?g|png|gif|bmp|tiff?|emf|wmf|webp|heic)$/i.test(text)) return '';
  return text;
}

// ---- the zip container --------------------------------------------------------------------

interface ZipPart {
  /** Uncompressed size, as the central directory states it. */
  size: number;
  bytes(): Buffer;
  text(): string;
}

/**
 * The parts of a zip, read lazily from its central directory. Enough for the two XML
 * parts read here (mammoth reads the document itself); ZIP64 and encryption are not needed
 * for them.
 */
function readZip(buffer: Buffer): Map<string, ZipPart> {
  const parts = new Map<string, ZipPart>();
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  let end = -1;
  for (let i = buffer.length - 22; i >= lowest; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return parts;
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  for (let n = 0; n < count && offset + 46 <= buffer.length; n++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) break;
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    const bytes = (): Buffer => {
      if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) throw new Error(`damaged zip entry ${name}`);
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      const data = buffer.subarray(start, start + compressedSize);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data, { maxOutputLength: MAX_UNPACKED_BYTES });
      throw new Error(`unsupported compression in ${name}`);
    };
    const text = (): string => {
      try {
        return bytes().toString('utf8');
      } catch {
        return '';
      }
    };
    parts.set(name, { size, bytes, text });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

// ---- character styles ---------------------------------------------------------------------

interface Marks {
  bold: boolean;
  italic: boolean;
  strike: boolean;
}

/**
 * Bold, italic and strikethrough of each character style in styles.xml, following
 * `w:basedOn`. mammoth maps run styles by name only, so a run whose boldness comes from its
 * style ("Strong", or a house style) would otherwise lose it. Underline is not taken from
 * styles: Word's Hyperlink style underlines every link.
 */
export function readCharacterStyles(stylesXml: string): Map<string, Marks> {
  const resolved = new Map<string, Marks>();
  if (!stylesXml) return resolved;
  const doc = parseDocument(stylesXml, { xmlMode: true });
  const own = new Map<string, { basedOn: string | null; marks: Partial<Marks> }>();
  for (const style of DomUtils.findAll((el) => el.name === 'w:style' && el.attribs['w:type'] === 'character', doc.children)) {
    const id = style.attribs['w:styleId'];
    if (!id) continue;
    const basedOn = DomUtils.findOne((el) => el.name === 'w:basedOn', style.children, false)?.attribs['w:val'] ?? null;
    const rPr = DomUtils.findOne((el) => el.name === 'w:rPr', style.children, false);
    const marks: Partial<Marks> = {};
    if (rPr) {
      const flag = (tag: string) => {
        const el = DomUtils.findOne((e) => e.name === tag, rPr.children, false);
        return el ? !/^(0|false|off)$/i.test(el.attribs['w:val'] ?? 'true') : undefined;
      };
      marks.bold = flag('w:b');
      marks.italic = flag('w:i');
      marks.strike = flag('w:strike');
    }
    own.set(id, { basedOn, marks });
  }
  const resolve = (id: string, seen: Set<string>): Marks => {
    const done = resolved.get(id);
    if (done) return done;
    const entry = own.get(id);
    const base: Marks =
      entry?.basedOn && !seen.has(entry.basedOn)
        ? resolve(entry.basedOn, new Set([...seen, id]))
        : { bold: false, italic: false, strike: false };
    const marks: Marks = {
      bold: entry?.marks.bold ?? base.bold,
      italic: entry?.marks.italic ?? base.italic,
      strike: entry?.marks.strike ?? base.strike,
    };
    resolved.set(id, marks);
    return marks;
  };
  for (const id of own.keys()) resolve(id, new Set([id]));
  return resolved;
}

interface MammothElement {
  type?: string;
  styleId?: string | null;
  isBold?: boolean;
  isItalic?: boolean;
  isStrikethrough?: boolean;
  children?: MammothElement[];
  body?: MammothElement[];
  notes?: { _notes?: Record<string, MammothElement> };
}

/** mammoth's `transformDocument`: runs get the marks their character style gives them. */
function applyCharacterStyles(document: unknown, styles: Map<string, Marks>): unknown {
  if (styles.size === 0) return document;
  const stack: MammothElement[] = [document as MammothElement];
  const notes = (document as MammothElement).notes?._notes;
  if (notes && typeof notes === 'object') for (const note of Object.values(notes)) for (const child of note.body ?? []) stack.push(child);
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (!element || typeof element !== 'object') continue;
    if (element.type === 'run' && element.styleId) {
      const marks = styles.get(element.styleId);
      if (marks) {
        element.isBold = element.isBold || marks.bold;
        element.isItalic = element.isItalic || marks.italic;
        element.isStrikethrough = element.isStrikethrough || marks.strike;
      }
    }
    if (Array.isArray(element.children)) for (const child of element.children) stack.push(child);
  }
  return document;
}

// ---- notes, tracked changes, messages -------------------------------------------------------

/**
 * mammoth lists footnotes and endnotes at the end as `<ol><li id="…footnote-1"><p>text
 * <a href="#…footnote-ref-1">↑</a></p></li></ol>`. They become a "Notes" heading and one
 * paragraph per note, labelled with the number the reference shows in the text.
 */
export function rewriteNotes(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true });
  const noteId = new RegExp(`^${ID_PREFIX}(footnote|endnote)-\\d+$`);
  const items = DomUtils.findAll((el) => el.name === 'li' && noteId.test(el.attribs.id ?? ''), doc.children);
  if (items.length === 0) return html;
  const labels = new Map<string, string>();
  for (const a of DomUtils.findAll((el) => el.name === 'a' && noteId.test((el.attribs.href ?? '').slice(1)), doc.children)) {
    labels.set(a.attribs.href!.slice(1), DomUtils.textContent(a).trim());
  }
  const backLink = new RegExp(`^#${ID_PREFIX}(footnote|endnote)-ref-\\d+$`);
  for (const a of DomUtils.findAll((el) => el.name === 'a' && backLink.test(el.attribs.href ?? ''), doc.children))
    DomUtils.removeElement(a);

  let notes = '<h3>Notes</h3>';
  items.forEach((li, index) => {
    const label = labels.get(li.attribs.id!) || `[${index + 1}]`;
    let labelled = false;
    for (const child of li.children) {
      if (child.type === 'tag' && child.name === 'p' && !labelled) {
        // Word starts a note's text with a space after the reference mark.
        const first = firstText(child);
        if (first) first.data = first.data.replace(/^[\s\u00a0]+/, '');
        notes += `<p>${label} ${DomUtils.getInnerHTML(child)}</p>`;
        labelled = true;
      } else if (child.type === 'tag' || child.type === 'text') {
        notes += DomUtils.getOuterHTML(child);
      }
    }
    if (!labelled) notes += `<p>${label}</p>`;
  });
  const lists = new Set(items.map((li) => li.parent).filter((p): p is Element => p !== null && p.type === 'tag'));
  for (const list of lists) DomUtils.removeElement(list);
  return DomUtils.getOuterHTML(doc.children) + notes;
}

/** The first text node inside an element, if it comes before any other content. */
function firstText(el: Element): Text | null {
  let node: ChildNode | undefined = el.children[0];
  while (node) {
    if (node.type === 'text') return node as Text;
    if (node.type !== 'tag' || node.children.length === 0) return null;
    node = node.children[0];
  }
  return null;
}

function countTrackedChanges(documentXml: string): { insertions: number; deletions: number } {
  return {
    insertions: documentXml.match(/<w:ins[\s>]/g)?.length ?? 0,
    deletions: documentXml.match(/<w:del[\s>]/g)?.length ?? 0,
  };
}

/** mammoth's messages, grouped: one line for unmapped styles, the rest once each with a count. */
function summariseMessages(messages: readonly { type: string; message: string }[]): string[] {
  const styles = new Set<string>();
  const others = new Map<string, number>();
  for (const { message } of messages) {
    // Images are checked here (and left out with our own warning) — mammoth's guess adds nothing.
    if (/^Image of type .* is unlikely to display in web browsers/.test(message)) continue;
    const style = /^Unrecognised (?:paragraph|run) style: '([^']*)'/.exec(message);
    if (style) styles.add(style[1]!);
    else {
      const line = message.split('\n')[0]!.trim();
      others.set(line, (others.get(line) ?? 0) + 1);
    }
  }
  const out: string[] = [];
  if (styles.size > 0) out.push(`Word styles read as plain text: ${[...styles].slice(0, 10).join(', ')}${styles.size > 10 ? ', …' : ''}`);
  for (const [line, count] of others) out.push(count > 1 ? `${line} (${count} times)` : line);
  return out;
}
