import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  bodyOf,
  MAX_STORY_BYTES,
  bodyPlainText,
  countWords,
  createStory,
  restoreStory,
  restoreStoryText,
  serializeStory,
  slugify,
  type RestoreResult,
  type SerializedBodyNode,
  type Story,
  type StoryBody,
} from '../../shared/story';

// ---- helpers -----------------------------------------------------------------------------

import { element, NOW, paragraph, richStory, text } from './support/rich-story';

function freshStory(): Story {
  return createStory({ id: 'story-1', now: NOW });
}

/** A plain JSON copy of a story, to be broken by a test. */
// The tests break stories on purpose: a story as loose JSON any field of which can be replaced.

type LooseJson = Record<string, any>;

function storyJson(story: Story = freshStory()): LooseJson {
  return JSON.parse(serializeStory(story));
}

/** Every restore in this file goes through here: it must never throw. */
function restore(input: unknown): RestoreResult {
  let result: RestoreResult | undefined;
  expect(() => {
    result = restoreStory(input);
  }).not.toThrow();
  return result!;
}

function restoreText(text: string): RestoreResult {
  let result: RestoreResult | undefined;
  expect(() => {
    result = restoreStoryText(text);
  }).not.toThrow();
  return result!;
}

function expectRefused(result: RestoreResult): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a refusal');
  expect(typeof result.reason).toBe('string');
  expect(result.reason.length).toBeGreaterThan(0);
  expect(result.reason).not.toMatch(/[\n\r\u2028\u2029]/);
  return result.reason;
}

function expectRestored(result: RestoreResult): Story {
  if (!result.ok) throw new Error(`expected a story, got: ${result.reason}`);
  return result.story;
}

// Nodes written in the schema's own key order, every field given, so restoring changes nothing.
const heading = (tag: string, children: SerializedBodyNode[]) => element('heading', children, { tag, textFormat: 0 });
const link = (url: string, children: SerializedBodyNode[]) =>
  element('link', children, { url, rel: 'noopener', target: null, title: null });
const listItem = (value: number, children: SerializedBodyNode[]) => element('listitem', children, { value });
const list = (listType: 'bullet' | 'number', items: SerializedBodyNode[]) =>
  element('list', items, { listType, start: 1, tag: listType === 'bullet' ? 'ul' : 'ol' });

const BOLD = 1;
const ITALIC = 2;

function richBody(): StoryBody {
  return bodyOf([
    heading('h2', [text('Support pours in')]),
    paragraph([
      text('Hillary Clinton has offered '),
      text('support', BOLD),
      text(' to '),
      text('Chrissy Teigen', BOLD | ITALIC),
      text('.'),
      { type: 'linebreak', version: 1 },
      text('Read the '),
      link('https://example.com/statement', [text('statement')]),
      text(' or write to '),
      link('mailto:news@example.com', [text('the newsroom')]),
      text('.'),
    ]),
    heading('h3', [text('What was said')]),
    element('quote', [text('We are with you.', ITALIC)]),
    list('bullet', [listItem(1, [text('First point')]), listItem(2, [text('Second point')])]),
    list('number', [listItem(1, [text('Step one')]), listItem(2, [text('Step two')])]),
  ]);
}

afterEach(() => {
  vi.restoreAllMocks();
});

// ---- valid stories -----------------------------------------------------------------------

describe('restoreStory: valid stories', () => {
  it('round-trips a new story: deep-equal story, identical bytes on the second serialize', () => {
    const story = freshStory();
    const first = serializeStory(story);
    const restored = expectRestored(restoreText(first));
    expect(restored).toEqual(story);
    const result = restoreStoryText(first);
    expect(result.ok && 'migratedFrom' in result).toBe(false);

    const second = serializeStory(restored);
    expect(second).toBe(first);
    // And it stays stable through another open/save cycle.
    expect(serializeStory(expectRestored(restoreText(second)))).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
  });

  it('restores a rich body unchanged', () => {
    const story = { ...freshStory(), body: richBody() };
    story.meta = { ...story.meta, headline: 'Hillary Clinton offers support', tags: ['politics', 'us'], status: 'subbing' };
    const restored = expectRestored(restore(JSON.parse(serializeStory(story))));
    expect(restored).toEqual(story);
    expect(restored.body).toEqual(richBody());

    const bytes = serializeStory(restored);
    expect(bytes).toBe(serializeStory(story));
    expect(serializeStory(expectRestored(restoreText(bytes)))).toBe(bytes);

    // Spot-check that the details we care about survived.
    const paragraphNode = restored.body.root.children[1]!;
    const formats = paragraphNode.children!.filter((n) => n.type === 'text').map((n) => n.format);
    expect(formats).toContain(BOLD);
    expect(formats).toContain(BOLD | ITALIC);
    const urls = paragraphNode.children!.filter((n) => n.type === 'link').map((n) => n.url);
    expect(urls).toEqual(['https://example.com/statement', 'mailto:news@example.com']);
    expect(paragraphNode.children!.some((n) => n.type === 'linebreak')).toBe(true);
    expect(restored.body.root.children.map((n) => n.type)).toEqual(['heading', 'paragraph', 'heading', 'quote', 'list', 'list']);
  });

  it('fills defaults for optional fields', () => {
    const json = storyJson();
    delete json.assets;
    delete json.review;
    json.meta = { createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() };
    json.body = { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hi' }] }] } };
    const story = expectRestored(restore(json));
    expect(story.meta).toEqual({
      headline: '',
      standfirst: '',
      byline: '',
      slug: '',
      section: '',
      tags: [],
      dateline: '',
      language: 'en',
      status: 'draft',
      assignee: '',
      legal: { hold: false, note: '', by: '' },
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect(story.assets).toEqual({});
    expect(story.review).toEqual({ comments: [], revisions: [], versions: [], history: [] });
    const textNode = story.body.root.children[0]!.children![0]!;
    expect(textNode).toEqual({ type: 'text', version: 1, text: 'Hi', format: 0, style: '', mode: 'normal', detail: 0 });
  });

  it('accepts an asset keyed by its sha256 whose byte count matches its data', () => {
    const json = storyJson();
    const key = 'ab'.repeat(32);
    json.assets = { [key]: { mime: 'image/png', name: 'x.png', width: 1, height: 1, bytes: 5, data: 'aGVsbG8=' } };
    const story = expectRestored(restore(json));
    expect(story.assets[key]).toEqual({ mime: 'image/png', name: 'x.png', width: 1, height: 1, bytes: 5, data: 'aGVsbG8=' });
  });

  it('drops unknown keys everywhere', () => {
    const json = storyJson({ ...freshStory(), body: richBody() });
    json.extra = 'top';
    json.meta.mood = 'grumpy';
    json.review.extra = true;
    json.body.extra = 1;
    json.body.root.children[1].children[0].color = 'red';
    json.body.root.children[1].onclick = 'alert(1)';
    const story = expectRestored(restore(json));
    expect(Object.keys(story)).toEqual(['format', 'schemaVersion', 'id', 'meta', 'body', 'assets', 'review']);
    expect(story.meta).not.toHaveProperty('mood');
    expect(story.review).not.toHaveProperty('extra');
    expect(story.body).not.toHaveProperty('extra');
    expect(story.body.root.children[1]).not.toHaveProperty('onclick');
    expect(story.body.root.children[1]!.children![0]).not.toHaveProperty('color');
    expect(story.body).toEqual(richBody());
  });
});

// ---- versions ----------------------------------------------------------------------------

describe('restoreStory: versions', () => {
  it('migrates a v0 story (no schemaVersion, top-level metadata, comma tags, body under content)', () => {
    const v0 = {
      format: 'copydesk.story',
      id: 'old-1',
      headline: 'An old story',
      byline: 'Jo Bloggs',
      tags: 'politics, health ,, nz',
      status: 'ready',
      createdAt: '2019-03-01T00:00:00.000Z',
      content: richBody(),
    };
    const result = restore(v0);
    expect(result.ok && result.migratedFrom).toBe(0);
    const story = expectRestored(result);
    expect(story.schemaVersion).toBe(2);
    expect(story.id).toBe('old-1');
    expect(story.meta).toEqual({
      headline: 'An old story',
      standfirst: '',
      byline: 'Jo Bloggs',
      slug: '',
      section: '',
      tags: ['politics', 'health', 'nz'],
      dateline: '',
      language: 'en',
      status: 'ready',
      assignee: '',
      legal: { hold: false, note: '', by: '' },
      createdAt: '2019-03-01T00:00:00.000Z',
      updatedAt: '2019-03-01T00:00:00.000Z',
    });
    expect(story.body).toEqual(richBody());
    expect(story.review).toEqual({ comments: [], revisions: [], versions: [], history: [] });
    expect(story).not.toHaveProperty('headline');
    expect(story).not.toHaveProperty('content');

    // The migrated story saves as a current one.
    const again = restoreText(serializeStory(story));
    expect(again.ok).toBe(true);
    expect(again.ok && 'migratedFrom' in again).toBe(false);
  });

  it('migrates a v0 story without dates or id, filling them', () => {
    const story = expectRestored(restore({ format: 'copydesk.story', headline: 'Undated', content: richBody() }));
    expect(story.meta.createdAt).toBe('1970-01-01T00:00:00.000Z');
    expect(story.meta.updatedAt).toBe('1970-01-01T00:00:00.000Z');
    expect(story.id.length).toBeGreaterThan(0);
  });

  it('still validates a migrated story', () => {
    const reason = expectRefused(restore({ format: 'copydesk.story', headline: 5, content: richBody() }));
    expect(reason).toBe('headline must be a string');
  });

  it('refuses a story from the future', () => {
    const json = storyJson();
    json.schemaVersion = 7;
    const reason = expectRefused(restore(json));
    expect(reason).toContain('written by a newer Copydesk (schemaVersion 7)');
  });

  it.each([[1.5], [-1], ['1'], [true]])('refuses schemaVersion %j', (schemaVersion) => {
    const json = storyJson();
    json.schemaVersion = schemaVersion;
    expect(expectRefused(restore(json))).toBe('schemaVersion must be a whole number');
  });
});

// ---- broken files ------------------------------------------------------------------------

describe('restoreStory: broken and foreign files', () => {
  it('refuses truncated JSON text, in plain words once it is recognisably a story cut short', () => {
    const full = serializeStory({ ...freshStory(), body: richBody() });
    for (const cut of [1, 10]) {
      expect(expectRefused(restoreText(full.slice(0, cut))).startsWith('not a Copydesk story: broken JSON')).toBe(true);
    }
    for (const cut of [40, Math.floor(full.length / 3), Math.floor(full.length / 2), full.length - 3]) {
      expect(expectRefused(restoreText(full.slice(0, cut)))).toBe('the file is cut short — it may not have finished saving');
    }
    // Broken in the middle is not "cut short".
    const middle = Math.floor(full.length / 2);
    expect(expectRefused(restoreText(`${full.slice(0, middle)}@@${full.slice(middle)}`))).toMatch(/^not a Copydesk story: broken JSON/);
  });

  it('refuses empty text', () => {
    expect(expectRefused(restoreText(''))).toBe('the file is empty');
    expect(expectRefused(restoreText('  \n\t '))).toBe('the file is empty');
  });

  it('refuses a non-string given to restoreStoryText', () => {
    expectRefused(restoreText(undefined as unknown as string));
  });

  it('refuses other JSON values', () => {
    for (const value of [null, 5, 'story', [], [storyJson()], true, undefined]) {
      expect(expectRefused(restore(value))).toMatch(/^not a Copydesk story/);
    }
  });

  it('refuses a wrong or missing format', () => {
    const json = storyJson();
    json.format = 'excalidraw';
    expect(expectRefused(restore(json))).toBe('not a Copydesk story (format "excalidraw")');
    delete json.format;
    expect(expectRefused(restore(json))).toMatch(/^not a Copydesk story/);
    json.format = 42;
    expect(expectRefused(restore(json))).toMatch(/^not a Copydesk story/);
  });

  it('refuses a story text over 500 MB before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const huge = `{"format":"copydesk.story","padding":"${'x'.repeat(MAX_STORY_BYTES)}"}`;
    const reason = expectRefused(restoreText(huge));
    expect(reason).toContain('the limit is 500 MB');
    expect(parse).not.toHaveBeenCalled();
  });
});

// ---- wrongly typed fields ----------------------------------------------------------------

describe('restoreStory: exact reasons for bad fields', () => {
  const cases: [string, (json: LooseJson) => void, string | RegExp][] = [
    ['headline: 5', (j) => (j.meta.headline = 5), 'headline must be a string'],
    ['status "x"', (j) => (j.meta.status = 'x'), 'status must be one of "draft", "filed", "subbing", "ready", "sent", "spiked"'],
    ['tags as a string', (j) => (j.meta.tags = 'a, b'), 'tags must be an array'],
    ['a tag that is a number', (j) => (j.meta.tags = ['ok', 7]), 'tags.1 must be a string'],
    ['createdAt "not a date"', (j) => (j.meta.createdAt = 'not a date'), 'createdAt must be an ISO date'],
    ['updatedAt missing', (j) => delete j.meta.updatedAt, 'updatedAt is missing'],
    ['headline too long', (j) => (j.meta.headline = 'x'.repeat(1001)), 'headline is longer than 1000 characters'],
    ['id empty', (j) => (j.id = ''), 'id must not be empty'],
    [
      'an asset key that is not sha256 hex',
      (j) => (j.assets = { 'photo.jpg': { mime: 'image/png', width: 1, height: 1, bytes: 3, data: 'AAAA' } }),
      /^asset\.photo\.jpg has an invalid key \(must be a SHA-256 hex key\)$/,
    ],
    [
      'an asset whose bytes do not match its data',
      (j) => (j.assets = { ['c'.repeat(64)]: { mime: 'image/png', width: 1, height: 1, bytes: 4, data: 'AAAA' } }),
      `asset.${'c'.repeat(64)}.bytes byte count does not match its data`,
    ],
    [
      'an asset that is not base64',
      (j) => (j.assets = { ['c'.repeat(64)]: { mime: 'image/png', width: 1, height: 1, bytes: 3, data: 'AA!A' } }),
      `asset.${'c'.repeat(64)}.data is not valid base64`,
    ],
    [
      'an asset of a mime type we do not carry',
      (j) => (j.assets = { ['c'.repeat(64)]: { mime: 'text/html', width: 1, height: 1, bytes: 3, data: 'AAAA' } }),
      /^asset\.c{64}\.mime must be one of "image\/jpeg"/,
    ],
    [
      'a body node of unknown type',
      (j) => (j.body.root.children = [{ type: 'video', version: 1 }]),
      'body block 1: unknown block type "video"',
    ],
    [
      'a text node with text 5',
      (j) => (j.body.root.children[0].children = [{ type: 'text', version: 1, text: 5, format: 0 }]),
      'body block 1.1 (text): text must be a string',
    ],
    [
      'a javascript: link',
      (j) => (j.body.root.children[0].children = [{ type: 'link', version: 1, url: 'javascript:alert(1)', children: [] }]),
      'body block 1.1 (link): url must be an http, https, mailto or tel link',
    ],
    [
      'a link hiding javascript: behind whitespace and case',
      (j) => (j.body.root.children[0].children = [{ type: 'link', version: 1, url: ' JavaScript:alert(1)', children: [] }]),
      'body block 1.1 (link): url must be an http, https, mailto or tel link',
    ],
    [
      'a data: link',
      (j) =>
        (j.body.root.children[0].children = [{ type: 'link', version: 1, url: 'data:text/html,<script>alert(1)</script>', children: [] }]),
      'body block 1.1 (link): url must be an http, https, mailto or tel link',
    ],
    [
      'an inline style on text',
      (j) => (j.body.root.children[0].children = [{ type: 'text', version: 1, text: 'x', format: 0, style: 'color:red' }]),
      'body block 1.1 (text): style must not carry inline styles',
    ],
    [
      'a second root inside the body',
      (j) => (j.body.root.children = [{ type: 'root', version: 1, children: [] }]),
      'body block 1: misplaced root node',
    ],
    ['a root of the wrong type', (j) => (j.body.root.type = 'paragraph'), 'body root must be of type "root"'],
    ['a body node that is not an object', (j) => (j.body.root.children = ['hello']), 'body block 1 must be an object'],
    ['a body without a root', (j) => (j.body = {}), 'body.root is missing'],
    ['a body root that is not an object', (j) => (j.body = { root: [] }), 'body must hold a root node'],
    ['meta missing', (j) => delete j.meta, 'meta is missing'],
    ['meta not an object', (j) => (j.meta = 'headline'), 'meta must be an object'],
    ['assets not a record', (j) => (j.assets = 5), 'assets must be a record'],
    [
      'a comment without an author',
      (j) => (j.review.comments = [{ id: 'c1', text: 'Check', createdAt: NOW.toISOString() }]),
      'review.comments.0.author is missing',
    ],
  ];

  it.each(cases)('%s', (_name, breakIt, expected) => {
    const json = storyJson();
    breakIt(json);
    const reason = expectRefused(restore(json));
    if (typeof expected === 'string') expect(reason).toBe(expected);
    else expect(reason).toMatch(expected);
  });

  it('names the unknown block type', () => {
    const json = storyJson();
    json.body.root.children[0].children = [{ type: 'youtube-embed', version: 1 }];
    expect(expectRefused(restore(json))).toMatch(/unknown block type "youtube-embed"/);
  });

  it('refuses a 10,000-deep body without throwing (object input)', () => {
    let node: Record<string, unknown> = text('deep');
    for (let i = 0; i < 10_000; i++) node = element('quote', [node as SerializedBodyNode]);
    const json = storyJson();
    json.body.root.children = [node];
    expect(expectRefused(restore(json))).toMatch(/nested too deeply/);
  });

  it('refuses a 10,000-deep body without throwing (file text)', () => {
    const open = '{"type":"quote","version":1,"children":['.repeat(10_000);
    const close = ']}'.repeat(10_000);
    const deep = `${open}{"type":"text","version":1,"text":"deep","format":0}${close}`;
    const json = serializeStory(freshStory()).replace('"children": []', `"children": [${deep}]`);
    expect(json).toContain(deep);
    expect(expectRefused(restoreText(json))).toMatch(/nested too deeply/);
  });

  it('accepts a body exactly at the nesting limit of well-formed lists', () => {
    let node: SerializedBodyNode = text('ok');
    // root(0) > list(1) > listitem(2) > list(3) ... 30 levels is well within limits.
    for (let i = 0; i < 15; i++) node = list('bullet', [listItem(1, [node])]);
    const story = expectRestored(restore(storyJson({ ...freshStory(), body: bodyOf([node], 'ltr') })));
    expect(bodyPlainText(story.body)).toBe('ok');
  });
});

// ---- one-line reasons, never a throw ----------------------------------------------------

describe('restoreStory: reasons are one line and nothing throws', () => {
  it('keeps reasons on one line even when the bad value has line breaks', () => {
    const inputs: unknown[] = [];
    const a = storyJson();
    a.format = 'multi\nline\r\nformat';
    inputs.push(a);
    const b = storyJson();
    b.body.root.children = [{ type: 'evil\nblock', version: 1 }];
    inputs.push(b);
    const c = storyJson();
    c.assets = { 'bad\nkey': { mime: 'image/png', width: 1, height: 1, bytes: 3, data: 'AAAA' } };
    inputs.push(c);
    const d = storyJson();
    d.meta.headline = 'ok\u2028';
    d.meta.status = 'x\ny';
    inputs.push(d);
    const e = storyJson();
    e.assets = { ['k'.repeat(10_000)]: { mime: 'image/png', width: 1, height: 1, bytes: 3, data: 'AAAA' } };
    inputs.push(e);
    const f = storyJson();
    f.format = 'y'.repeat(10_000);
    inputs.push(f);
    for (const input of inputs) expect(expectRefused(restore(input)).length).toBeLessThan(300);
    expectRefused(restoreText('{\n"format":\n"copydesk.story",\n"x": }'));
    expectRefused(restoreText('{"format": "a\\nb"}'));
  });

  it('never throws on hostile values', () => {
    const throwingGetter = storyJson();
    Object.defineProperty(throwingGetter, 'meta', {
      enumerable: true,
      get() {
        throw new Error('boom\nat somewhere');
      },
    });
    const cyclic: LooseJson = storyJson();
    cyclic.body.root.children[0].children = [cyclic.body.root];
    const proxy = new Proxy(storyJson(), {
      get() {
        throw new Error('trap');
      },
    });
    for (const input of [throwingGetter, cyclic, proxy, Object.create(null), new Date(), /re/, () => 1, Symbol('s'), 10n]) {
      expectRefused(restore(input));
    }
  });

  it('does not let __proto__ keys pollute Object.prototype', () => {
    const text = serializeStory(freshStory())
      .replace('"format": "copydesk.story",', '"__proto__": {"polluted": "top"}, "format": "copydesk.story",')
      .replace('"headline": "",', '"headline": "", "__proto__": {"polluted": "meta", "isAdmin": true},')
      .replace('"type": "paragraph",', '"type": "paragraph", "__proto__": {"polluted": "body"},');
    expect(text.match(/__proto__/g)).toHaveLength(3);
    const story = expectRestored(restoreText(text));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(story)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(story.meta)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(story.body.root.children[0])).toBe(Object.prototype);
    expect((story as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect((story.meta as Record<string, unknown>).isAdmin).toBeUndefined();
    expect((story.body.root.children[0] as Record<string, unknown>).polluted).toBeUndefined();
    expect(story).toEqual(freshStory());

    // A __proto__ asset key is skipped (never copied onto the assets object).
    const withAsset = serializeStory(freshStory()).replace('"assets": {}', '"assets": {"__proto__": {"polluted": "assets"}}');
    expect(withAsset).toContain('"__proto__"');
    const assets = expectRestored(restoreText(withAsset)).assets;
    expect(Object.getPrototypeOf(assets)).toBe(Object.prototype);
    expect(Object.keys(assets)).toEqual([]);
    expect((assets as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// ---- helpers of create.ts -----------------------------------------------------------------

describe('slugify', () => {
  it.each([
    ['Hillary Clinton offers support to Chrissy Teigen', 'hillary-clinton-offers-support-to-chrissy-teigen'],
    ['Crème brûlée at the Café Über', 'creme-brulee-at-the-cafe-uber'],
    ["Teigen's mother doesn’t comment", 'teigens-mother-doesnt-comment'],
    ['  --Breaking!!  News: 5 things -- ', 'breaking-news-5-things'],
    ['Ōtautahi, Māori and Tāmaki', 'otautahi-maori-and-tamaki'],
    ['', ''],
    ['!!!', ''],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('keeps slugs at most 80 characters without a trailing hyphen', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['one', 1],
    ['Hillary Clinton offers support', 4],
    ["Teigen's well-known 3.5 per-cent rise", 5],
    ['doesn’t — stop', 2],
    ['Ōtautahi Māori', 2],
    ['line one\nline two', 4],
    ['— – … !!', 0],
  ])('%j has %i words', (input, expected) => {
    expect(countWords(input)).toBe(expected);
  });
});

describe('bodyPlainText', () => {
  it('gives one line per block, linebreaks as new lines, list items on their own lines', () => {
    expect(bodyPlainText(richBody())).toBe(
      [
        'Support pours in',
        'Hillary Clinton has offered support to Chrissy Teigen.',
        'Read the statement or write to the newsroom.',
        'What was said',
        'We are with you.',
        'First point',
        'Second point',
        'Step one',
        'Step two',
      ].join('\n'),
    );
  });

  it('is empty for a new story and skips empty paragraphs', () => {
    expect(bodyPlainText(freshStory().body)).toBe('');
    expect(bodyPlainText(bodyOf([paragraph([]), paragraph([text('Only')]), paragraph([])]))).toBe('Only');
  });

  it('counts the words of a rich body', () => {
    expect(countWords(bodyPlainText(richBody()))).toBe(34);
  });
});

describe('serializeStory', () => {
  const exactly = (story: Story) => `${JSON.stringify(story, null, 2)}\n`;
  const png = (seed: number, length: number) => Buffer.from(Array.from({ length }, (_, i) => (i * 31 + seed) % 256)).toString('base64');

  it('writes exactly JSON.stringify(story, null, 2) and a newline, whatever the photos and their details', () => {
    const withPhotos = richStory('photos');
    const tricky = ['plain.png', 'a "quoted"\nname\twith\u2028breaks.png', '\u0000copydesk "data": 0', 'ünïcödé 写真 📷.jpg', ''];
    withPhotos.assets = Object.fromEntries(
      tricky.map((name, i) => [
        String(i).repeat(64),
        { mime: 'image/png' as const, name, width: i, height: i + 1, bytes: 0, data: png(i, i * 50) },
      ]),
    );
    expect(serializeStory(withPhotos)).toBe(exactly(withPhotos));
    // Key order as given, data anywhere in it.
    const reordered = {
      ...withPhotos,
      assets: {
        ['a'.repeat(64)]: { data: png(9, 30), bytes: 30, mime: 'image/png' as const, name: 'first-data.png', width: 1, height: 1 },
      },
    };
    expect(serializeStory(reordered)).toBe(exactly(reordered));
    // Text that looks like the markers, in the body and the metadata.
    const lookalike = { ...withPhotos, meta: { ...withPhotos.meta, headline: '\n  "assets": 0', standfirst: '"data": 0' } };
    expect(serializeStory(lookalike)).toBe(exactly(lookalike));
    expect(serializeStory(createStory({ id: 'x', now: NOW }))).toBe(exactly(createStory({ id: 'x', now: NOW })));
  });

  it('restores to the same story and serialises to the same bytes again', () => {
    const story = richStory('photos');
    story.assets = {
      ...story.assets,
      ['c'.repeat(64)]: { mime: 'image/jpeg', name: 'lead.jpg', width: 4, height: 3, bytes: 300, data: png(3, 300) },
    };
    const text = serializeStory(story);
    const restored = restoreStoryText(text);
    if (!restored.ok) throw new Error(restored.reason);
    expect(Object.keys(restored.story.assets)).toHaveLength(Object.keys(story.assets).length);
    expect(serializeStory(restored.story)).toBe(text);
  });
});

describe('restore takes base64 it checked before as checked, and nothing else', () => {
  const photoStory = () => {
    const story = richStory('photos');
    const data = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256)).toString('base64');
    story.assets = { ...story.assets, ['d'.repeat(64)]: { mime: 'image/png', name: 'p.png', width: 1, height: 1, bytes: 3000, data } };
    return story;
  };

  it('restores a restored story again (its photos were checked the first time)', () => {
    const first = restoreStory(photoStory());
    if (!first.ok) throw new Error(first.reason);
    const again = restoreStory(first.story);
    expect(again.ok && again.story.assets['d'.repeat(64)]!.data).toBe(first.story.assets['d'.repeat(64)]!.data);
  });

  it('checks an asset whose data was changed after it was checked', () => {
    const first = restoreStory(photoStory());
    if (!first.ok) throw new Error(first.reason);
    const asset = first.story.assets['d'.repeat(64)]!;
    asset.data = `${asset.data.slice(0, -8)}!!!!!!!!`;
    expect(restoreStory(first.story)).toEqual({ ok: false, reason: `asset.${'d'.repeat(64)}.data is not valid base64` });
  });

  it('checks a fresh asset, even next to checked ones', () => {
    const first = restoreStory(photoStory());
    if (!first.ok) throw new Error(first.reason);
    const forged = {
      ...first.story,
      assets: {
        ...first.story.assets,
        ['e'.repeat(64)]: { mime: 'image/png' as const, name: 'x.png', width: 1, height: 1, bytes: 6, data: 'not base64' },
      },
    };
    expect(restoreStory(forged)).toEqual({ ok: false, reason: `asset.${'e'.repeat(64)}.data is not valid base64` });
  });
});
