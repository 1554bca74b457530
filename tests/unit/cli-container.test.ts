import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyBytesFor } from '../../electron/services/story-files';
import { serializeStory, type Story } from '../../shared/story';
import { cli } from './support/cli';
import { assetOf, photoNode, richStory } from './support/rich-story';
import { makePng } from '../fixtures/images';

/** The command line on `.story` containers: validate hashes every photo, convert goes both ways, export copies photos. */

let dir: string;
let story: Story;
let photoKey: string;
let photoBytes: Buffer;
let container: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-cli-container-'));
  story = richStory('cli-container');
  photoBytes = makePng(40, 30, 7);
  const { key, asset } = assetOf(photoBytes, 'wharf.png');
  photoKey = key;
  story.assets[key] = { ...asset, width: 40, height: 30 };
  story.body.root.children.push({ ...photoNode(key), caption: 'The wharf at noon.' });
  container = path.join(dir, 'wharf.story');
  await fs.writeFile(container, await storyBytesFor(container, serializeStory(story)));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The container with one photo's bytes changed (same length), rezipped with mimetype first and stored. */
async function withDamagedPhoto(target: string): Promise<void> {
  const entries = unzipSync(await fs.readFile(container));
  const name = `assets/${photoKey}.png`;
  const bytes = Uint8Array.from(entries[name]!);
  bytes[bytes.length - 9]! ^= 0x5a;
  const input: Zippable = {};
  for (const [entry, data] of Object.entries(entries)) {
    input[entry] = [entry === name ? bytes : data, { level: entry === 'mimetype' || entry.startsWith('assets/') ? 0 : 6 }];
  }
  await fs.writeFile(target, zipSync(input));
}

describe('cli validate on containers', () => {
  it('passes a sound container and a schemaVersion 1 text', async () => {
    const v1 = path.join(dir, 'old.story');
    await fs.writeFile(v1, serializeStory({ ...richStory('old'), schemaVersion: 1 } as unknown as Story));
    const run = await cli('validate', container, v1);
    expect(run.stdout.trim()).toBe('2 stories ok');
    expect(run.code).toBe(0);
  });

  it('fails a container whose photo does not match its hash, naming the photo', async () => {
    const damaged = path.join(dir, 'damaged.story');
    await withDamagedPhoto(damaged);
    const run = await cli('validate', damaged);
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe(
      `${damaged}: photo in block ${story.body.root.children.length} ("The wharf at noon.") is damaged: its bytes do not match its name (hash mismatch); its caption and credit are kept`,
    );
  });

  it('refuses a zip that is not a story with one line', async () => {
    const epub = path.join(dir, 'book.story');
    await fs.writeFile(epub, zipSync({ mimetype: [new TextEncoder().encode('application/epub+zip'), { level: 0 }] }));
    const run = await cli('validate', epub);
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe(`${epub}: not a Copydesk story: its "mimetype" is not application/x-copydesk-story`);
  });
});

describe('cli convert', () => {
  it('container → JSON → container gives the same bytes; the JSON holds the photo as base64', async () => {
    const json = path.join(dir, 'wharf.story.json');
    const back = path.join(dir, 'wharf-again.story');
    const first = await cli('convert', container, '-o', json);
    expect(first.stdout.trim()).toBe(`wrote ${json} (one JSON text, 2 photos)`);
    expect(first.code).toBe(0);
    const text = await fs.readFile(json, 'utf8');
    expect(text).toBe(serializeStory(story));
    expect(JSON.parse(text).assets[photoKey].data).toBe(photoBytes.toString('base64'));
    const second = await cli('convert', json, '-o', back);
    expect(second.code).toBe(0);
    expect((await fs.readFile(back)).equals(await fs.readFile(container))).toBe(true);
  });

  it('never writes over an existing file, and names the forms it knows', async () => {
    const taken = path.join(dir, 'taken.story.json');
    await fs.writeFile(taken, 'mine');
    const run = await cli('convert', container, '-o', taken);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`${taken}: already exists (convert never writes over a file)`);
    expect(await fs.readFile(taken, 'utf8')).toBe('mine');
    const usage = await cli('convert', container, '-o', path.join(dir, 'x.json'));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('the output must end in .story (container) or .story.json (one JSON text): "x.json"');
  });
});

describe('cli export from a container', () => {
  it('--assets dir copies the original photo files; inline carries them as data: URIs', async () => {
    const out = path.join(dir, 'export', 'wharf.html');
    await fs.mkdir(path.dirname(out));
    const run = await cli('export', container, '--format', 'html', '--assets', 'dir', '-o', out);
    expect(run.code).toBe(0);
    const copied = await fs.readFile(path.join(dir, 'export', 'images', `${photoKey}.png`));
    expect(copied.equals(photoBytes)).toBe(true);
    expect(createHash('sha256').update(copied).digest('hex')).toBe(photoKey);
    const inline = await cli('export', container, '--format', 'html');
    expect(inline.code).toBe(0);
    expect(inline.stdout).toContain(`data:image/png;base64,${photoBytes.toString('base64')}`);
  });
});

describe('cli import', () => {
  it('writes a container for .story and one JSON text for .story.json', async () => {
    const copy = path.join(dir, 'copy.txt');
    await fs.writeFile(copy, 'Council passes the budget\n\nThe council met on Tuesday.\n');
    const asContainer = path.join(dir, 'imported.story');
    const asText = path.join(dir, 'imported.story.json');
    expect((await cli('import', copy, '-o', asContainer)).code).toBe(0);
    expect((await cli('import', copy, '-o', asText)).code).toBe(0);
    const zip = await fs.readFile(asContainer);
    expect(zip.toString('latin1', 0, 4)).toBe('PK\x03\x04');
    expect(Object.keys(unzipSync(zip)).slice(0, 3)).toEqual(['mimetype', 'story.json', 'summary.json']);
    expect(JSON.parse(await fs.readFile(asText, 'utf8')).schemaVersion).toBe(2);
  });
});
