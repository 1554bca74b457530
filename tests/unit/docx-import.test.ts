import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocx, type DocxImportResult } from '../../electron/services/docx-import';
import { imageSize } from '../../shared/import/image-size';
import { restoreStory } from '../../shared/story/restore';
import type { SerializedBodyNode } from '../../shared/story/schema';
import { makePng } from '../fixtures/images';
import { allNodes, BOLD, expectCleanBody, flattenList, ITALIC, links, SUPERSCRIPT, textOf, UNDERLINE } from './support/body-nodes';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SAMPLES = path.resolve(HERE, '../fixtures/samples/docx');
const NOW = new Date('2024-11-27T09:00:00.000Z');

// ---- reading an imported story the way the samples' expectations are written -------------

interface Reading {
  result: DocxImportResult;
  children: SerializedBodyNode[];
  /** The story proper: everything before the "Notes" section. */
  main: SerializedBodyNode[];
  /** The note paragraphs after the "Notes" heading. */
  notes: SerializedBodyNode[];
  /** The story text with the footnote reference marks ("[1]") left out. */
  mainText: string;
  /** The story text with the reference marks. */
  mainTextWithMarks: string;
}

function isMark(node: SerializedBodyNode): boolean {
  return node.type === 'text' && (Number(node.format) & SUPERSCRIPT) !== 0 && /^\[\d+\]$/.test(String(node.text));
}

function textWithoutMarks(node: SerializedBodyNode): string {
  if (isMark(node)) return '';
  if (node.type === 'text') return String(node.text);
  if (node.type === 'linebreak') return '\n';
  return (node.children ?? []).map(textWithoutMarks).join('');
}

function read(result: DocxImportResult): Reading {
  const children = result.story.body.root.children;
  const notesAt = children.findIndex(
    (n, i) =>
      n.type === 'heading' &&
      n.tag === 'h3' &&
      textOf(n) === 'Notes' &&
      children.slice(i + 1).every((m) => m.type === 'paragraph' && /^\[\d+\]/.test(textOf(m))),
  );
  const main = notesAt >= 0 ? children.slice(0, notesAt) : children;
  const notes = notesAt >= 0 ? children.slice(notesAt + 1) : [];
  return {
    result,
    children,
    main,
    notes,
    mainText: main
      .map(textWithoutMarks)
      .filter((t) => t !== '')
      .join('\n'),
    mainTextWithMarks: main.map(textOf).join('\n'),
  };
}

/** "(vMerge continue)" and " (gridSpan=2)" in the expectations describe merged cells; they are not text. */
function cellText(cell: string): string {
  return cell.replace(/\s*\((?:vMerge|gridSpan)[^)]*\)/g, '').trim();
}

const MIME_FOR_EXTENSION: Record<string, string> = {
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};

// ---- one check per field an .expected.json may have ------------------------------------------

type Expected = Record<string, unknown>;
type Check = (expected: Expected, r: Reading) => void;

const CHECKS: Record<string, Check> = {
  file: (e) => expect(readdirSync(SAMPLES)).toContain(e.file),
  sizeBytes: (e) => expect(readFileSync(path.join(SAMPLES, String(e.file))).length).toBe(e.sizeBytes),
  sha256: (e) =>
    expect(
      createHash('sha256')
        .update(readFileSync(path.join(SAMPLES, String(e.file))))
        .digest('hex'),
    ).toBe(e.sha256),

  title: (e, r) => expect(r.result.story.meta.headline).toBe(e.title),
  titleStyle: (e, r) => {
    const text = (e.titleStyle as { text: string }).text;
    expect(r.result.story.meta.headline).toBe(text);
    // The Title is the headline, not a block of the body.
    expect(r.children.map(textOf)).not.toContain(text);
  },

  headings: (e, r) => {
    const headings = r.main.filter((n) => n.type === 'heading').map((n) => ({ level: Number(String(n.tag).slice(1)), text: textOf(n) }));
    expect(headings).toEqual(e.headings);
  },

  paragraphs: (e, r) => {
    if (e.paragraphs === null) return; // the sample does not count them
    // Paragraphs of the story proper; table rows (no table node: one paragraph per row) are tables, not paragraphs.
    const rows = new Set(tableRows(e).map((cells) => cells.join(' | ')));
    const paragraphs = r.main.filter((n) => n.type === 'paragraph' && !rows.has(rowKey(textOf(n))));
    expect(paragraphs.length).toBe(e.paragraphs);
  },

  bodyText: (e, r) => expect(r.mainText.trim()).toBe(String(e.bodyText).trim()),
  text: (e, r) => expect(r.mainText.trim()).toBe(String(e.text).trim()),
  mustContainText: (e, r) => {
    const all = r.children.map(textOf).join('\n');
    for (const text of e.mustContainText as string[]) expect(all).toContain(text);
  },

  bold: (e, r) => expectMarked(r, e.bold as string[], BOLD),
  italic: (e, r) => expectMarked(r, e.italic as string[], ITALIC),
  underline: (e, r) => expectMarked(r, e.underline as string[], UNDERLINE),
  mustNotBeBold: (e, r) => {
    for (const phrase of e.mustNotBeBold as string[]) {
      const wanted = phrase.trim();
      const overlapping = allNodes(r.children).filter((n) => {
        const t = n.type === 'text' ? String(n.text).trim() : '';
        return t !== '' && (wanted.includes(t) || t.includes(wanted));
      });
      expect(overlapping.length, phrase).toBeGreaterThan(0);
      for (const node of overlapping) expect(Number(node.format) & BOLD, String(node.text)).toBe(0);
    }
  },

  links: (e, r) => {
    const expected = e.links as { text: string; href: string; location?: string }[];
    const found = links(r.children);
    expect(found.length).toBe(expected.length);
    for (const link of expected) {
      expect(found).toContainEqual({ url: link.href, text: link.text });
      if (link.location?.startsWith('footnote')) expect(links(r.notes)).toContainEqual({ url: link.href, text: link.text });
    }
  },

  lists: (e, r) => {
    const expected = e.lists as {
      ordered: boolean;
      items: string[];
      nestedLevels: number;
      flatItems?: { text: string; ilvl: number }[];
      formats?: string[];
      numId?: string;
    }[];
    const lists = r.main.filter((n) => n.type === 'list');
    expect(lists.length).toBe(expected.length);
    expected.forEach((want, i) => {
      const flat = flattenList(lists[i]!);
      expect(lists[i]!.listType).toBe(want.ordered ? 'number' : 'bullet');
      expect(flat.filter((f) => f.level === 0).map((f) => f.text)).toEqual(want.items);
      expect(Math.max(...flat.map((f) => f.level)) + 1).toBe(want.nestedLevels);
      if (want.flatItems) expect(flat.map((f) => ({ text: f.text, ilvl: f.level }))).toEqual(want.flatItems);
      // numId and formats describe Word's numbering.xml; the one thing they ask of us is
      // that a lossy "?" bullet glyph is not printed as text.
      if (want.formats?.some((f) => f.includes('"?"'))) for (const item of flat) expect(item.text).not.toContain('?');
    });
  },

  tables: (e, r) => {
    // No table node: each row is a paragraph with its cells joined by " | " (every cell's text kept).
    const paragraphs = r.main.filter((n) => n.type === 'paragraph').map((n) => rowKey(textOf(n)));
    let from = 0;
    for (const cells of tableRows(e)) {
      const at = paragraphs.indexOf(cells.join(' | '), from);
      expect(at, `row ${cells.join(' | ')}`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
    for (const table of e.tables as { rows: number; cols: number; cells: string[][] }[]) {
      expect(table.cells.length).toBe(table.rows);
      for (const row of table.cells) expect(row.length).toBeLessThanOrEqual(table.cols);
    }
  },

  images: (e, r) => {
    const photos = r.children.filter((n) => n.type === 'photo');
    expect(photos.length).toBe(e.images);
    for (const photo of photos) {
      expect(photo.asset).toMatch(/^[0-9a-f]{64}$/);
      const asset = r.result.story.assets[String(photo.asset)]!;
      expect(asset).toBeDefined();
      const bytes = Buffer.from(asset.data, 'base64');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(photo.asset);
      expect({ width: asset.width, height: asset.height }).toEqual(imageSize(bytes));
    }
  },
  imageParts: (e, r) => {
    const mimes = (e.imageParts as string[]).map((p) => MIME_FOR_EXTENSION[p.split('.').pop()!.toLowerCase()]);
    expect(
      Object.values(r.result.story.assets)
        .map((a) => a.mime)
        .sort(),
    ).toEqual(mimes.sort());
  },

  footnotes: (e, r) => {
    const expected = e.footnotes as { id: number; text: string; refAfter?: string; containsLink?: boolean }[];
    expect(r.notes.length).toBe(expected.length);
    for (const note of expected) {
      const paragraph = r.notes.find((n) => textOf(n).startsWith(`[${note.id}] `));
      expect(paragraph, `note ${note.id}`).toBeDefined();
      expect(textOf(paragraph!)).toBe(`[${note.id}] ${note.text.trim()}`);
      if (note.containsLink) expect(links([paragraph!]).length).toBeGreaterThan(0);
      // The reference mark stays where it was in the text, as a superscript.
      if (note.refAfter !== undefined) {
        const at = r.mainTextWithMarks.indexOf(`[${note.id}]`);
        expect(at).toBeGreaterThanOrEqual(0);
        const before = r.mainTextWithMarks.slice(0, at).replace(/\[\d+\]/g, '');
        expect(before.endsWith(note.refAfter), `"${before}" ends with "${note.refAfter}"`).toBe(true);
      }
    }
    for (const mark of allNodes(r.main).filter(isMark)) expect(mark.format).toBe(SUPERSCRIPT);
  },

  trackedChanges: (e, r) => {
    const changes = e.trackedChanges as { inserted: string[]; deleted: string[]; acceptedText: string };
    for (const text of changes.inserted) expect(r.mainText).toContain(text.trim());
    for (const text of changes.deleted) expect(r.mainText).not.toContain(text.trim());
    expect(r.mainText).toContain(changes.acceptedText);
    expect(r.result.warnings.join('\n')).toMatch(/tracked changes.*accepted/);
  },

  softBreaks: (e, r) => {
    for (const { before, after } of e.softBreaks as { before: string; after: string }[]) {
      const paragraph = r.main.find((n) => textOf(n).includes(before));
      expect(paragraph).toBeDefined();
      expect(textOf(paragraph!)).toContain(`${before}\n${after}`);
    }
  },

  // Page headers and footers are page furniture, not story text.
  header: (e, r) => expect(r.children.map(textOf).join('\n')).not.toContain(String(e.header)),
};

/** Fields that are provenance or prose, or that a story cannot represent — with the reason. */
const NOT_CHECKED: Record<string, string> = {
  source: 'provenance',
  repoLicense: 'provenance',
  licenseFile: 'provenance',
  commit: 'provenance',
  repoExpected: "prose: the upstream project's own expectation (covered by the structured fields)",
  notes: 'prose for the reader of the expectations',
  pageBreaks: 'a story has no page-break node; the text either side is checked by mustContainText',
};

function tableRows(e: Expected): string[][] {
  const tables = (e.tables as { cells: string[][] }[] | undefined) ?? [];
  return tables.flatMap((t) => t.cells.map((row) => row.map(cellText))).filter((cells) => cells.some((c) => c !== ''));
}

function rowKey(text: string): string {
  return text
    .split(/\s*\|\s*/)
    .map((c) => c.trim())
    .join(' | ');
}

function expectMarked(r: Reading, phrases: readonly string[], bit: number): void {
  const marked = allNodes(r.children)
    .filter((n) => n.type === 'text' && (Number(n.format) & bit) !== 0)
    .map((n) => String(n.text).trim());
  for (const phrase of phrases) expect(marked, phrase).toContain(phrase.trim());
}

// ---- the samples ------------------------------------------------------------------------------

const SAMPLE_FILES = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.expected.json'))
  .sort();

describe('.docx samples (tests/fixtures/samples/docx) against their .expected.json', () => {
  it('finds the samples', () => expect(SAMPLE_FILES.length).toBeGreaterThanOrEqual(8));

  for (const file of SAMPLE_FILES) {
    const expected = JSON.parse(readFileSync(path.join(SAMPLES, file), 'utf8')) as Expected;
    const docx = file.replace(/\.expected\.json$/, '.docx');

    describe(docx, () => {
      let reading: Reading;
      beforeAll(async () => {
        reading = read(await importDocx(readFileSync(path.join(SAMPLES, docx)), { id: `sample-${docx}`, now: NOW, name: docx }));
      });

      it('imports to a story that restores, with a clean body', () => {
        const restored = restoreStory(JSON.parse(JSON.stringify(reading.result.story)));
        expect(restored.ok ? 'ok' : restored.reason).toBe('ok');
        expectCleanBody(reading.children);
        for (const warning of reading.result.warnings) expect(warning).not.toMatch(/\n/);
      });

      it('every field of the expectations is checked or explained', () => {
        const unknown = Object.keys(expected).filter((k) => !(k in CHECKS) && !(k in NOT_CHECKED));
        expect(unknown).toEqual([]);
      });

      for (const field of Object.keys(expected).filter((k) => k in CHECKS)) {
        it(`${field}`, () => CHECKS[field]!(expected, reading));
      }
    });
  }
});

// ---- a .docx built here ----------------------------------------------------------------------

describe('a .docx built in the test (docx package)', () => {
  const png = makePng(24, 16, 3);
  let result: DocxImportResult;

  beforeAll(async () => {
    const doc = new Document({
      creator: 'Copydesk tests',
      footnotes: { 1: { children: [new Paragraph('Figures from the council agenda.')] } },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Pool to close after 40 years', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Council vote ends an era', style: 'Subtitle' }),
            new Paragraph({ text: 'The vote', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({
              children: [
                new TextRun('Councillors voted '),
                new TextRun({ text: '9–4', bold: true }),
                new TextRun(' on a '),
                new TextRun({ text: 'wet', italics: true }),
                new TextRun(' Thursday'),
                new FootnoteReferenceRun(1),
                new TextRun('.'),
              ],
            }),
            new Paragraph({ text: 'Repairs', bullet: { level: 0 } }),
            new Paragraph({ text: 'Roof', bullet: { level: 1 } }),
            new Paragraph({ text: 'Filters', bullet: { level: 1 } }),
            new Paragraph({ text: 'Staffing', bullet: { level: 0 } }),
            new Paragraph({
              children: [
                new TextRun('Read the '),
                new ExternalHyperlink({
                  link: 'https://www.example.co.nz/report',
                  children: [new TextRun({ text: 'full report', style: 'Hyperlink' })],
                }),
                new TextRun('.'),
              ],
            }),
            new Paragraph({
              children: [
                new ImageRun({
                  type: 'png',
                  data: png,
                  transformation: { width: 240, height: 160 },
                  altText: { name: 'pool', description: 'The empty pool', title: 'Pool' },
                }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(doc);
    result = await importDocx(bytes, { id: 'built-1', now: NOW, name: 'pool.docx' });
  });

  it('restores, with a clean body', () => {
    const restored = restoreStory(JSON.parse(JSON.stringify(result.story)));
    expect(restored.ok ? 'ok' : restored.reason).toBe('ok');
    expectCleanBody(result.story.body.root.children);
  });

  it('takes the Title and Subtitle into the metadata', () => {
    expect(result.story.meta.headline).toBe('Pool to close after 40 years');
    expect(result.story.meta.standfirst).toBe('Council vote ends an era');
  });

  it('keeps the heading, bold and italic, the link and the footnote', () => {
    const r = read(result);
    expect(r.main.map((n) => n.type)).toEqual(['heading', 'paragraph', 'list', 'paragraph', 'photo']);
    expect(r.main[0]).toMatchObject({ tag: 'h2' });
    expect(textOf(r.main[0]!)).toBe('The vote');
    expect(r.mainText.split('\n')[1]).toBe('Councillors voted 9–4 on a wet Thursday.');
    expect(
      allNodes(r.main)
        .filter((n) => n.type === 'text' && Number(n.format) & BOLD)
        .map((n) => n.text),
    ).toEqual(['9–4']);
    expect(
      allNodes(r.main)
        .filter((n) => n.type === 'text' && Number(n.format) & ITALIC)
        .map((n) => n.text),
    ).toEqual(['wet']);
    expect(links(r.children)).toEqual([{ url: 'https://www.example.co.nz/report', text: 'full report' }]);
    expect(r.notes.map(textOf)).toEqual(['[1] Figures from the council agenda.']);
    expect(result.summary).toEqual({ tweets: 0, photos: 1, helplines: 0, pullquotes: 0, embeds: 0, paragraphs: 3, headings: 2, lists: 1 });
  });

  it('rebuilds the bullet list with its nested level', () => {
    const list = read(result).main[2]!;
    expect(list).toMatchObject({ type: 'list', listType: 'bullet', tag: 'ul' });
    expect(flattenList(list)).toEqual([
      { text: 'Repairs', level: 0, ordered: false },
      { text: 'Roof', level: 1, ordered: false },
      { text: 'Filters', level: 1, ordered: false },
      { text: 'Staffing', level: 0, ordered: false },
    ]);
  });

  it('stores the embedded PNG as an asset and places a photo block', () => {
    const photo = read(result).main[4]!;
    const key = createHash('sha256').update(png).digest('hex');
    expect(photo).toMatchObject({ type: 'photo', asset: key, src: '', alt: 'The empty pool' });
    expect(result.story.assets[key]).toEqual({
      mime: 'image/png',
      name: 'pool-image-1.png',
      width: 24,
      height: 16,
      bytes: png.length,
      data: png.toString('base64'),
    });
    expect(Object.keys(result.story.assets)).toEqual([key]);
  });
});

describe('images a story cannot carry', () => {
  it('leaves out a BMP with a warning and keeps the rest', async () => {
    // A 1×1 24-bit BMP: Word accepts it; a story only carries JPEG, PNG, WebP and GIF.
    const bmp = Buffer.alloc(58);
    bmp.write('BM', 0, 'ascii');
    bmp.writeUInt32LE(58, 2);
    bmp.writeUInt32LE(54, 10);
    bmp.writeUInt32LE(40, 14);
    bmp.writeInt32LE(1, 18);
    bmp.writeInt32LE(1, 22);
    bmp.writeUInt16LE(1, 26);
    bmp.writeUInt16LE(24, 28);
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Before the picture.'),
            new Paragraph({ children: [new ImageRun({ type: 'bmp', data: bmp, transformation: { width: 10, height: 10 } })] }),
            new Paragraph('After the picture.'),
          ],
        },
      ],
    });
    const result = await importDocx(await Packer.toBuffer(doc), { id: 'bmp-1', now: NOW, name: 'bmp.docx' });
    expect(result.story.body.root.children.map(textOf)).toEqual(['Before the picture.', 'After the picture.']);
    expect(result.story.assets).toEqual({});
    expect(result.warnings).toEqual(['1 image was left out: image 1 (is a BMP image, not a JPEG, PNG, WebP or GIF)']);
    expect(restoreStory(JSON.parse(JSON.stringify(result.story))).ok).toBe(true);
  });
});

describe('files that are not .docx', () => {
  it('refuses a non-zip and an old .doc with a reason', async () => {
    await expect(importDocx(new TextEncoder().encode('just text'), { id: 'x', now: NOW })).rejects.toThrow('is not a Word .docx file');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(importDocx(ole, { id: 'x', now: NOW })).rejects.toThrow(/old Word \.doc/);
  });

  it('refuses a zip that is not a Word document', async () => {
    // An empty zip: just the end-of-central-directory record.
    const empty = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0), 0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    await expect(importDocx(empty, { id: 'x', now: NOW })).rejects.toThrow(/not a Word document/);
  });
});
