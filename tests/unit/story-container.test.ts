import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContainer, readContainer } from '../../electron/services/story-container';
import { readStoryFile, writeStoryFile } from '../../electron/services/story-files';
import { restoreStoryText, serializeStory, storyJsonOf, type Story } from '../../shared/story';
import { assetOf, photoNode, richStory } from './support/rich-story';
import { makePng } from '../fixtures/images';
import { TEXT_PAYLOADS } from '../fixtures/xss-payloads';
import { exportStory } from '../../shared/export';

/**
 * The `.story` container (docs/story-format.md) against hostile and damaged files: every case
 * is refused or degraded with its one-line reason, and a damaged photo costs only that photo.
 * Hostile zips are made here with fflate (a second, independent zip writer), so the reader is
 * not only tested against what our own writer makes.
 */

let work: string;
beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-container-'));
});
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

/** The rich story plus a second photo, so one can be damaged while the other survives. */
function twoPhotoStory(): { story: Story; first: string; second: string } {
  const story = richStory('two-photos');
  const first = Object.keys(story.assets)[0]!;
  const { key: second, asset } = assetOf(makePng(5, 4, 3), 'harbour.png');
  story.assets[second] = { ...asset, width: 5, height: 4 };
  story.body.root.children.push({ ...photoNode(second), caption: 'The harbour at dawn.' });
  return { story, first, second };
}

type Entries = Record<string, Uint8Array>;

function entriesOf(zip: Uint8Array): Entries {
  return unzipSync(zip);
}

/** A zip of these entries in this order; `stored` entries are not deflated. */
function zipOf(entries: Entries, stored: (name: string) => boolean = (n) => n === 'mimetype' || n.startsWith('assets/')): Buffer {
  const input: Zippable = {};
  for (const [name, bytes] of Object.entries(entries)) input[name] = [bytes, { level: stored(name) ? 0 : 6 }];
  return Buffer.from(zipSync(input));
}

/** Renames an entry everywhere its name is written (local and central headers), keeping its length. */
function renameInPlace(zip: Buffer, from: string, to: string): Buffer {
  expect(to.length).toBe(from.length);
  const out = Buffer.from(zip);
  const needle = Buffer.from(from, 'latin1');
  let at = out.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  while (at >= 0) {
    out.write(to, at, 'latin1');
    at = out.indexOf(needle, at + 1);
  }
  return out;
}

/** Sets the uncompressed size the central directory declares for an entry. */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  let at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  while (at >= 0) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString('latin1', at + 46, at + 46 + nameLength) === name) {
      out.writeUInt32LE(size, at + 24);
      return out;
    }
    at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
  }
  throw new Error(`no entry ${name}`);
}

async function open(zip: Buffer) {
  const opened = await readContainer(zip, { withData: true });
  if (typeof opened === 'string') return { refused: opened };
  if (!opened.restored.ok) return { refused: opened.restored.reason };
  return { story: opened.restored.story, notes: opened.restored.notes ?? [] };
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the container format', () => {
  it('puts mimetype first and stored, story.json without photo data, photos stored under their hash', async () => {
    const { story, first, second } = twoPhotoStory();
    const zip = await buildContainer(story);
    // The ODF/EPUB sniffing convention: the name and the media type sit at fixed offsets.
    expect(zip.toString('latin1', 30, 38)).toBe('mimetype');
    expect(zip.toString('latin1', 38, 38 + 28)).toBe('application/x-copydesk-story');
    expect(zip.readUInt16LE(8)).toBe(0);
    const entries = entriesOf(zip);
    expect(Object.keys(entries)).toEqual([
      'mimetype',
      'story.json',
      'summary.json',
      ...[`assets/${first}.png`, `assets/${second}.png`].sort(),
    ]);
    const json = JSON.parse(Buffer.from(entries['story.json']!).toString('utf8'));
    expect(json.schemaVersion).toBe(2);
    expect(json.assets[first]).toEqual({ mime: 'image/png', name: 'teigen.png', width: 8, height: 6, bytes: story.assets[first]!.bytes });
    for (const key of [first, second]) {
      const bytes = entries[`assets/${key}.png`]!;
      expect(sha(bytes)).toBe(key);
      expect(Buffer.from(bytes).toString('base64')).toBe(story.assets[key]!.data);
    }
    const summary = JSON.parse(Buffer.from(entries['summary.json']!).toString('utf8'));
    expect(summary).toMatchObject({ headline: story.meta.headline, slug: 'clinton-teigen-support', status: 'subbing', photos: 2 });
    expect(summary.blocks.photo).toBe(2);
    expect(summary.words).toBeGreaterThan(10);
    // The same story gives the same bytes (so an unchanged save writes nothing).
    expect((await buildContainer(story)).equals(zip)).toBe(true);
  });

  it('round-trips container → JSON → container with the same story.json and the same photo bytes', async () => {
    const { story } = twoPhotoStory();
    const container = path.join(work, 'round.story');
    const asJson = path.join(work, 'round.story.json');
    const back = path.join(work, 'round-back.story');
    await writeStoryFile(container, serializeStory(story), { expected: null });
    const opened = await readStoryFile(container);
    await writeStoryFile(asJson, opened.text, { expected: null });
    const jsonText = await fs.readFile(asJson, 'utf8');
    expect(JSON.parse(jsonText).schemaVersion).toBe(2);
    expect(jsonText).toBe(serializeStory(story));
    await writeStoryFile(back, (await readStoryFile(asJson)).text, { expected: null });
    const a = entriesOf(await fs.readFile(container));
    const b = entriesOf(await fs.readFile(back));
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(Buffer.from(b[name]!).equals(Buffer.from(a[name]!)), name).toBe(true);
    expect(Buffer.from(a['story.json']!).toString('utf8')).toBe(storyJsonOf(story));
  });

  it('opens a schemaVersion 1 .story (one JSON text) and saves it as a version 2 container', async () => {
    const story = richStory('old-one');
    const v1 = serializeStory({ ...story, schemaVersion: 1 } as unknown as Story);
    expect(v1).toContain('"schemaVersion": 1');
    const file = path.join(work, 'old.story');
    await fs.writeFile(file, v1);
    const opened = await readStoryFile(file);
    const restored = restoreStoryText(opened.text);
    expect(restored).toMatchObject({ ok: true, migratedFrom: 1 });
    if (!restored.ok) return;
    expect(restored.story.schemaVersion).toBe(2);
    expect(restored.story.assets).toEqual(story.assets);
    await writeStoryFile(file, serializeStory(restored.story), { expected: opened.stamp });
    const entries = entriesOf(await fs.readFile(file));
    expect(JSON.parse(Buffer.from(entries['story.json']!).toString('utf8')).schemaVersion).toBe(2);
    // The version 1 text is what the backup keeps.
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe(v1);
  });

  it('a hash mismatch damages that one photo: its caption stays, the other photo and the text open', async () => {
    const { story, first, second } = twoPhotoStory();
    const entries = entriesOf(await buildContainer(story));
    const damaged = Uint8Array.from(entries[`assets/${second}.png`]!);
    damaged[damaged.length - 5]! ^= 0xff;
    entries[`assets/${second}.png`] = damaged;
    const result = await open(zipOf(entries));
    expect(result.refused).toBeUndefined();
    expect(result.notes).toEqual([
      `photo in block ${story.body.root.children.length} ("The harbour at dawn.") is damaged: its bytes do not match its name (hash mismatch); its caption and credit are kept`,
    ]);
    const photos = result.story!.body.root.children.filter((n) => n.type === 'photo');
    expect(photos.map((p) => [p.asset, p.caption])).toEqual([
      [first, 'Chrissy Teigen has thanked supporters.'],
      ['', 'The harbour at dawn.'],
    ]);
    expect(Object.keys(result.story!.assets)).toEqual([first]);
    expect(result.story!.assets[first]!.data).toBe(story.assets[first]!.data);
    expect(result.story!.meta.headline).toBe(story.meta.headline);
  });

  it('keeps entries it does not know (versions/) through a save, and ignores them on open', async () => {
    const story = richStory('keeps-versions');
    const entries = entriesOf(await buildContainer(story));
    entries['versions/2026-01-01.json'] = Buffer.from('{"note":"kept"}');
    const file = path.join(work, 'versions.story');
    await fs.writeFile(file, zipOf(entries));
    const opened = await readStoryFile(file);
    expect(opened.notes).toBeUndefined();
    const edited = JSON.parse(opened.text);
    edited.meta.headline = 'A new headline';
    await writeStoryFile(file, JSON.stringify(edited), { expected: opened.stamp });
    const after = entriesOf(await fs.readFile(file));
    expect(Buffer.from(after['versions/2026-01-01.json']!).toString()).toBe('{"note":"kept"}');
    expect(JSON.parse(Buffer.from(after['story.json']!).toString()).meta.headline).toBe('A new headline');
  });
});

describe('hostile text through the container', () => {
  it('every XSS payload in the headline, a caption and the body comes back from a container exactly, and exports as from the text', async () => {
    const texts: string[] = [];
    for (const [i, payload] of TEXT_PAYLOADS.entries()) {
      const { story } = twoPhotoStory();
      story.meta.headline = payload.slice(0, 1000);
      story.body.root.children[0] = { ...story.body.root.children[0]!, caption: payload.slice(0, 5000) };
      story.body.root.children.push({
        type: 'paragraph',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', version: 1, text: payload, format: 0, style: '', mode: 'normal', detail: 0 }],
      });
      const text = serializeStory(story);
      const fromText = restoreStoryText(text);
      expect(fromText.ok, `payload ${i}`).toBe(true);
      if (!fromText.ok) continue;
      const reopened = await open(await buildContainer(fromText.story));
      expect(reopened.refused, `payload ${i}`).toBeUndefined();
      // The container gives back the very story the text gives, payload and all…
      expect(serializeStory(reopened.story!), `payload ${i}`).toBe(serializeStory(fromText.story));
      expect(reopened.story!.meta.headline).toBe(payload.slice(0, 1000));
      // …so its export is the same inert page.
      expect(exportStory(reopened.story!, { format: 'page' }).text).toBe(exportStory(fromText.story, { format: 'page' }).text);
      texts.push(text);
    }
    expect(texts.length).toBe(TEXT_PAYLOADS.length);
  }, 120_000);
});

describe('hostile and damaged containers', () => {
  interface Case {
    name: string;
    make: (valid: Entries, story: ReturnType<typeof twoPhotoStory>) => Buffer;
    /** The whole reason for a refusal, or the notes of an open that degraded. */
    refused?: string | RegExp;
    notes?: (s: ReturnType<typeof twoPhotoStory>) => string[];
  }
  const cases: Case[] = [
    {
      name: 'a zip without mimetype (not a story)',
      make: (e) => zipOf(Object.fromEntries(Object.entries(e).filter(([n]) => n !== 'mimetype'))),
      refused: 'not a Copydesk story: a zip whose first entry is not "mimetype"',
    },
    {
      name: 'the wrong mimetype',
      make: (e) => zipOf({ ...e, mimetype: Buffer.from('application/x-copydesk-storx') }),
      refused: 'not a Copydesk story: its "mimetype" is not application/x-copydesk-story',
    },
    {
      name: 'an EPUB',
      make: () => zipOf({ mimetype: Buffer.from('application/epub+zip'), 'content.opf': Buffer.from('<package/>') }),
      refused: 'not a Copydesk story: its "mimetype" is not application/x-copydesk-story',
    },
    {
      name: 'a compressed mimetype',
      make: (e) => zipOf(e, (n) => n.startsWith('assets/')),
      refused: 'not a Copydesk story: its "mimetype" entry is compressed',
    },
    {
      name: 'no story.json',
      make: (e) => zipOf(Object.fromEntries(Object.entries(e).filter(([n]) => n !== 'story.json'))),
      refused: 'not a readable story: the container has no story.json',
    },
    {
      name: 'story.json that is not JSON',
      make: (e) => zipOf({ ...e, 'story.json': Buffer.from('{"format": "copydesk.story", ') }),
      refused: /^not a Copydesk story: story\.json is broken JSON \(/,
    },
    {
      name: 'a truncated central directory',
      make: (e) => zipOf(e).subarray(0, zipOf(e).length - 30),
      refused: 'the file is cut short or not a zip (no zip directory at its end)',
    },
    {
      name: 'a duplicate entry',
      make: (e) => renameInPlace(zipOf({ ...e, 'story.jsoX': e['story.json']! }), 'story.jsoX', 'story.json'),
      refused: 'refused: the entry "story.json" appears twice',
    },
    {
      name: 'path traversal in an entry name',
      make: (e) =>
        renameInPlace(zipOf({ ...e, 'versions/xx/evil.sh': Buffer.from('rm -rf ~') }), 'versions/xx/evil.sh', 'versions/../evil.sh'),
      refused: /^(refused: an entry name leads out of the story|refused: entry "versions\/\.\.\/evil\.sh" leads out of the story)/,
    },
    {
      name: 'an absolute entry name',
      make: (e) => renameInPlace(zipOf({ ...e, xetc_passwd: Buffer.from('x') }), 'xetc_passwd', '/etc/passwd'),
      refused: /absolute path/,
    },
    {
      name: 'a zip bomb (an entry expanding 1000 times)',
      make: (e) => zipOf({ ...e, 'versions/bomb.json': new Uint8Array(4 * 1024 * 1024) }),
      refused: /^refused: the entry "versions\/bomb\.json" expands \d+ times \(a zip bomb\?\)$/,
    },
    {
      name: 'more entries than a story could hold',
      make: (e) =>
        zipOf({ ...e, ...Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`versions/${i}.json`, new Uint8Array(1)])) }),
      refused: /^refused: 1000\d entries \(a story has at most 10000\)$/,
    },
    {
      name: 'an entry larger than it declares',
      make: (e) => declareSize(zipOf(e), 'story.json', 100),
      refused: /^an entry's size does not match its declared size/,
    },
    {
      name: 'story.json over 64 MB (declared)',
      make: (e) => declareSize(zipOf(e), 'story.json', 65 * 1024 * 1024),
      refused: /^refused: (story\.json is 65\.0 MB \(the limit is 64 MB\)|the entry "story\.json" expands)/,
    },
    {
      name: 'a missing photo',
      make: (e, s) => zipOf(Object.fromEntries(Object.entries(e).filter(([n]) => n !== `assets/${s.second}.png`))),
      notes: (s) => [
        `photo in block ${s.story.body.root.children.length} ("The harbour at dawn.") is damaged: its entry is missing from the container; its caption and credit are kept`,
      ],
    },
    {
      name: 'an extra photo story.json does not list',
      make: (e) => zipOf({ ...e, [`assets/${sha(Buffer.from('stray'))}.png`]: Buffer.from('stray') }),
      notes: () => [`assets/${sha(Buffer.from('stray')).slice(0, 12)}…: not listed in story.json; ignored`],
    },
    {
      name: 'a renamed photo (another hash)',
      make: (e, s) => {
        const renamed = { ...e, [`assets/${'0'.repeat(64)}.png`]: e[`assets/${s.second}.png`]! };
        delete renamed[`assets/${s.second}.png`];
        return zipOf(renamed);
      },
      notes: (s) => [
        `assets/000000000000…: not listed in story.json; ignored`,
        `photo in block ${s.story.body.root.children.length} ("The harbour at dawn.") is damaged: its entry is missing from the container; its caption and credit are kept`,
      ],
    },
    {
      name: 'a photo under the wrong extension',
      make: (e, s) => {
        const renamed = { ...e, [`assets/${s.second}.jpg`]: e[`assets/${s.second}.png`]! };
        delete renamed[`assets/${s.second}.png`];
        return zipOf(renamed);
      },
      notes: (s) => [
        `photo in block ${s.story.body.root.children.length} ("The harbour at dawn.") is damaged: its entry is named .jpg but story.json says image/png; its caption and credit are kept`,
      ],
    },
    {
      name: 'a misnamed file under assets/',
      make: (e) => zipOf({ ...e, 'assets/../../x': Buffer.from('x') }),
      refused: /leads out of the story/,
    },
    {
      name: 'a stray file under assets/ not named like a photo',
      make: (e) => zipOf({ ...e, 'assets/readme.txt': Buffer.from('x') }),
      notes: () => ['the entry "assets/readme.txt" is not named like a photo (assets/<sha256>.<ext>) and was ignored'],
    },
  ];

  it.each(cases)('$name', async (c) => {
    const s = twoPhotoStory();
    const valid = entriesOf(await buildContainer(s.story));
    const result = await open(c.make(valid, s));
    if (c.refused !== undefined) {
      expect(result.refused).toBeDefined();
      if (typeof c.refused === 'string') expect(result.refused).toBe(c.refused);
      else expect(result.refused).toMatch(c.refused);
      expect(result.refused).not.toMatch(/\n|\s{2}|at .*\.js/);
    } else {
      expect(result.refused).toBeUndefined();
      expect(result.notes).toEqual(c.notes!(s));
      // Whatever was set aside, the words are all there.
      expect(result.story!.meta.headline).toBe(s.story.meta.headline);
      expect(result.story!.body.root.children).toHaveLength(s.story.body.root.children.length);
    }
  });

  it('opening a refused container through readStoryFile gives one line naming the file', async () => {
    const file = path.join(work, 'epub.story');
    await fs.writeFile(file, zipOf({ mimetype: Buffer.from('application/epub+zip'), 'content.opf': Buffer.from('<package/>') }));
    await expect(readStoryFile(file)).rejects.toMatchObject({
      code: 'invalid',
      message: 'Could not open "epub.story": not a Copydesk story: its "mimetype" is not application/x-copydesk-story.',
    });
  });
});
