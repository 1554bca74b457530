import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_STORY_BYTES, createStory, restoreStory, restoreStoryText, serializeStory, type RestoreResult } from '../../shared/story';
import { isBase64, isBase64ByLoop, isBase64BySearch } from '../../shared/story/schema';
import { NOW, richStory } from './support/rich-story';

/**
 * `restoreStory` is the only door into the app (STYLE.md, Excalidraw's restore), so it is
 * fuzzed here with valid stories broken every way a damaged disk, a hostile file or a buggy
 * older Copydesk could break them. For every case it must answer — never throw — within a
 * time budget, with either a story that restores to itself or one short line saying why not,
 * and without touching Object.prototype.
 */

const BUDGET_MS = 250;
const REASON_MAX = 300;
/** fast-check's seed can be fixed to replay a failure: FUZZ_SEED=123 npx vitest run … */
const SEED = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {};

let cases = 0;

// ---- inputs ------------------------------------------------------------------------------

type Json = Record<string, any>;
type Path = (string | number)[];

const BASE_TEXTS = {
  rich: serializeStory(richStory('fuzz-rich')),
  fresh: serializeStory(createStory({ id: 'fuzz-fresh', now: NOW })),
  // The pre-release layout (schemaVersion 0), so the migration is fuzzed too.
  v0: JSON.stringify(toVersion0(JSON.parse(serializeStory(richStory('fuzz-v0'))))),
};
type BaseName = keyof typeof BASE_TEXTS;
const baseName = fc.constantFrom<BaseName>('rich', 'rich', 'fresh', 'v0');
const base = (name: BaseName): Json => JSON.parse(BASE_TEXTS[name]);

function toVersion0(story: Json): Json {
  const { meta, body, schemaVersion: _version, review: _review, ...rest } = story;
  return { ...rest, ...meta, tags: meta.tags.join(', '), content: body };
}

/** Every path in a JSON value (the value itself is []), optionally only to values passing `keep`. */
function pathsIn(root: unknown, keep: (value: unknown) => boolean = () => true): Path[] {
  const out: Path[] = [];
  const stack: [unknown, Path][] = [[root, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (keep(value)) out.push(path);
    if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) stack.push([(value as Json)[key], [...path, Array.isArray(value) ? Number(key) : key]]);
    }
  }
  return out;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBodyNode = (v: unknown) => isObject(v) && typeof v.type === 'string' && 'version' in v;

function getAt(root: unknown, path: Path): any {
  let value: any = root;
  for (const key of path) value = value[key];
  return value;
}

/** Sets an own property, even one named `__proto__` (plain assignment would set the prototype). */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1));
  Object.defineProperty(parent, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

function deleteAt(root: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return root;
}

const pick = <T>(items: T[], n: number): T => items[n % items.length]!;

/** As JSON.parse would hand it over: own `__proto__` keys stay own properties. */
function viaJson(value: unknown): { object: unknown; text: string } | null {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return null; // BigInt, a real cycle: such a thing never comes from a file
  }
  if (text === undefined) return null;
  return { object: JSON.parse(text), text };
}

// ---- the checks every case must pass -----------------------------------------------------

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype];
const prototypeKeys = () => PROTOTYPES.map((p) => Reflect.ownKeys(p).map(String).sort().join(','));
const PRISTINE = prototypeKeys();

function expectUnpolluted(label: string) {
  const probe = {} as Json;
  if (probe.polluted !== undefined || probe.isAdmin !== undefined || ([] as unknown as Json).polluted !== undefined) {
    throw new Error(`${label}: Object.prototype was polluted`);
  }
  const now = prototypeKeys();
  if (now.some((keys, i) => keys !== PRISTINE[i])) throw new Error(`${label}: a built-in prototype gained keys`);
}

/** Runs one restore, never letting it throw, and returns its result and its best time of up to 3 tries. */
function timed(label: string, run: () => RestoreResult): RestoreResult {
  let result: RestoreResult | undefined;
  let best = Number.POSITIVE_INFINITY;
  // A slow first try may be the JIT or the GC on a busy machine; a slow algorithm is slow every time.
  for (let attempt = 0; attempt < 3 && best > BUDGET_MS; attempt++) {
    const start = performance.now();
    try {
      result = run();
    } catch (error) {
      throw new Error(`${label}: restore threw ${String(error).slice(0, 200)}`);
    }
    best = Math.min(best, performance.now() - start);
  }
  if (best > BUDGET_MS) throw new Error(`${label}: took ${best.toFixed(0)} ms (budget ${BUDGET_MS} ms)`);
  return result!;
}

function expectWellFormed(label: string, result: RestoreResult) {
  if (typeof result !== 'object' || result === null) throw new Error(`${label}: no result`);
  if (result.ok) {
    // Restoring what restore produced changes nothing, in memory and through a save.
    const bytes = serializeStory(result.story);
    const again = restoreStory(result.story);
    if (!again.ok) throw new Error(`${label}: a restored story was refused on its second restore: ${again.reason}`);
    if (serializeStory(again.story) !== bytes) throw new Error(`${label}: restore is not idempotent`);
    if ('migratedFrom' in again) throw new Error(`${label}: a restored story claims to need migrating again`);
    const reopened = restoreStoryText(bytes);
    if (!reopened.ok || serializeStory(reopened.story) !== bytes)
      throw new Error(`${label}: a restored story does not survive save and open`);
    return;
  }
  const { reason } = result;
  if (typeof reason !== 'string' || reason.trim() === '') throw new Error(`${label}: empty reason`);
  if (/[\n\r\u2028\u2029]/.test(reason)) throw new Error(`${label}: reason is not one line: ${JSON.stringify(reason.slice(0, 300))}`);
  if (reason.length >= REASON_MAX) throw new Error(`${label}: reason is ${reason.length} characters: ${reason.slice(0, 120)}…`);
  // The catch-all in restoreStory is for bugs: every refusal of data should be a deliberate one.
  if (reason.startsWith('not a readable story (')) throw new Error(`${label}: a validator crashed: ${reason}`);
}

/** Checks one mutated story through both doors: as parsed JSON and as the text of a file. */
function check(label: string, input: { object?: unknown; text?: string }) {
  cases++;
  if (input.object !== undefined || 'object' in input) {
    const before = viaJson(input.object)?.text;
    const result = timed(`${label} [object]`, () => restoreStory(input.object));
    expectWellFormed(`${label} [object]`, result);
    if (before !== undefined && viaJson(input.object)?.text !== before) throw new Error(`${label}: restore changed its input`);
  }
  if (input.text !== undefined) {
    const text = input.text;
    expectWellFormed(
      `${label} [text]`,
      timed(`${label} [text]`, () => restoreStoryText(text)),
    );
  }
  expectUnpolluted(label);
}

/** Both doors for a JSON-able value; only the object door for anything else. */
function checkValue(label: string, value: unknown) {
  const json = viaJson(value);
  check(label, json ? { object: value, text: json.text } : { object: value });
}

const run = <Ts>(property: fc.IProperty<Ts>, numRuns: number) => fc.assert(property, { numRuns, ...SEED });

afterEach(() => {
  vi.restoreAllMocks();
});

// ---- the fuzz ----------------------------------------------------------------------------

describe('restoreStory fuzz: mutated valid stories', () => {
  it('the unmutated bases restore to themselves', () => {
    for (const name of ['rich', 'fresh'] as const) {
      const result = restoreStoryText(BASE_TEXTS[name]);
      expect(result.ok && serializeStory(result.story)).toBe(BASE_TEXTS[name]);
    }
    const v0 = restoreStoryText(BASE_TEXTS.v0);
    expect(v0.ok && v0.migratedFrom).toBe(0);
  });

  it('wrong types anywhere (any value, replaced or deleted at any path)', () => {
    const anything = fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    });
    run(
      fc.property(baseName, fc.nat(), fc.boolean(), anything, (name, at, remove, value) => {
        let story: unknown = base(name);
        const path = pick(pathsIn(story), at);
        story = remove ? deleteAt(story, path) : setAt(story, path, value);
        checkValue(`${remove ? 'delete' : 'replace'} ${name}:${path.join('.')}`, story);
      }),
      3000,
    );
  });

  it('prototype keys (__proto__, constructor, prototype) as own keys at every level', () => {
    const poison = fc.oneof(
      fc.constant('{"polluted":"yes","isAdmin":true}'),
      fc.constant('{"__proto__":{"polluted":"deep"}}'),
      fc.constant('{"type":"root","version":1,"children":[]}'),
      fc.constant('{"prototype":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'),
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    );
    const key = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__');
    run(
      fc.property(baseName, fc.array(fc.tuple(fc.nat(), key, poison), { minLength: 1, maxLength: 4 }), (name, injections) => {
        const story = base(name);
        const labels: string[] = [];
        for (const [at, k, valueText] of injections) {
          const path = pick(pathsIn(story, isObject), at);
          setAt(story, [...path, k], JSON.parse(valueText));
          labels.push(`${path.join('.')}.${k}`);
        }
        // Through text, so the keys arrive exactly as JSON.parse makes them: own properties.
        const text = JSON.stringify(story);
        check(`proto ${name}:${labels.join(',')}`, { object: JSON.parse(text), text });
      }),
      1500,
    );
  });

  it('unknown and prototype-named node types, anywhere in the body', () => {
    const type = fc.oneof(
      fc.constantFrom(
        'video',
        'script',
        'iframe',
        'Root',
        'PARAGRAPH',
        'root',
        '',
        'constructor',
        '__proto__',
        'toString',
        'valueOf',
        'hasOwnProperty',
        'prototype',
        'tweet',
        'photo',
        'helpline',
      ),
      fc.string({ maxLength: 40 }),
    );
    run(
      fc.property(baseName, fc.nat(), type, fc.boolean(), (name, at, newType, insert) => {
        const story = base(name);
        const nodes = pathsIn(story, isBodyNode);
        const path = pick(nodes, at);
        if (insert) {
          const parent = getAt(story, path);
          (parent.children ??= []).push({ type: newType, version: 1, children: [] });
        } else {
          setAt(story, [...path, 'type'], newType);
        }
        checkValue(`type ${name}:${path.join('.')} ${insert ? '+' : '='} ${JSON.stringify(newType)}`, story);
      }),
      1000,
    );
  });

  it('bad base64, byte counts and keys in assets', () => {
    const data = fc.oneof(
      fc.constantFrom(
        'AA!A',
        'A',
        'AA',
        'AAA',
        '====',
        'AA==AA==',
        ' AAAA',
        'AAAA\n',
        'AAAA ',
        'ÄÄÄÄ',
        'AAA=A',
        'A===',
        '',
        'aGVsbG8',
        'aGVsbG8==',
      ),
      fc.string({ maxLength: 64 }),
      fc.base64String({ maxLength: 64 }),
    );
    const bytes = fc.oneof(fc.integer(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0.5, '5', null), fc.nat({ max: 64 }));
    const key = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'A'.repeat(64), 'a'.repeat(63), 'g'.repeat(64), ''),
      fc.string({ minLength: 64, maxLength: 64, unit: fc.constantFrom(...'0123456789abcdef') }),
    );
    run(
      fc.property(fc.constantFrom<BaseName>('rich', 'fresh'), data, bytes, fc.option(key), (name, newData, newBytes, newKey) => {
        const story = base(name);
        const [assetKey] = Object.keys(story.assets);
        const asset = assetKey ? story.assets[assetKey] : { mime: 'image/png', name: 'x.png', width: 1, height: 1 };
        const broken = { ...asset, data: newData, bytes: newBytes };
        if (newKey !== null || !assetKey) setAt(story, ['assets', newKey ?? 'b'.repeat(64)], broken);
        else story.assets[assetKey] = broken;
        checkValue(
          `asset ${name} key=${String(newKey).slice(0, 10)} data=${JSON.stringify(newData).slice(0, 40)} bytes=${String(newBytes)}`,
          story,
        );
      }),
      800,
    );
  });

  it('NaN, Infinity and nonsense in every date', () => {
    const date = fc.oneof(
      fc.constantFrom<unknown>(
        'NaN',
        Number.NaN,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        'Infinity',
        '-Infinity',
        '',
        ' ',
        '0',
        0,
        -0,
        1e308,
        '2024-02-30',
        '2024-13-01T00:00:00Z',
        '+275760-09-13T00:00:00.001Z',
        '-271821-04-20T00:00:00.000Z',
        'Invalid Date',
        null,
        true,
        [],
        {},
        '9'.repeat(100),
        '2024-05-01T10:00:00.000Z'.repeat(3),
      ),
      fc.string({ maxLength: 70 }),
      fc.double(),
      fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
    );
    const fields: Path[] = [
      ['meta', 'createdAt'],
      ['meta', 'updatedAt'],
      ['review', 'comments', 0, 'createdAt'],
      ['review', 'revisions', 0, 'createdAt'],
      ['body', 'root', 'children', 6, 'verifiedAt'],
    ];
    run(
      fc.property(fc.subarray(fields, { minLength: 1 }), date, (chosen, value) => {
        const story = base('rich');
        for (const field of chosen) setAt(story, field, value);
        checkValue(`date ${chosen.map((p) => p.join('.')).join(',')}=${String(value).slice(0, 40)}`, story);
      }),
      800,
    );
  });

  it('cyclic-looking references, real cycles, shared nodes and repeated ids', () => {
    const ref = fc.constantFrom<unknown>({ $ref: '#' }, { $ref: '#/body/root' }, { $id: 'x', $ref: 'x' }, [{ $ref: '#' }], {
      type: 'root',
      $ref: '#',
    });
    const kind = fc.constantFrom('ref', 'shared-node', 'real-cycle', 'repeated-ids', 'duplicate-keys');
    run(
      fc.property(fc.constantFrom<BaseName>('rich', 'v0'), kind, fc.nat(), ref, (name, what, at, refValue) => {
        const story = base(name);
        const label = `${what} ${name}`;
        switch (what) {
          case 'ref': {
            const path = pick(pathsIn(story), at);
            return checkValue(`${label}:${path.join('.')}`, setAt(story, path, refValue));
          }
          case 'shared-node': {
            // One object in two places (only possible in memory, not in a file).
            const nodes = pathsIn(story, isBodyNode).filter((p) => p.length > 0);
            const node = getAt(story, pick(nodes, at));
            const container = getAt(
              story,
              pick(
                pathsIn(story, (v) => isObject(v) && Array.isArray(v.children)),
                at >> 3,
              ),
            );
            container.children.push(node, node);
            return check(label, { object: story });
          }
          case 'real-cycle': {
            const objects = pathsIn(story, isObject);
            const holder = getAt(story, pick(objects, at));
            const target = getAt(story, pick(objects, at >> 4));
            if (Array.isArray(holder.children)) holder.children.push(target);
            else holder.self = target;
            return check(label, { object: story });
          }
          case 'repeated-ids': {
            const review = story.review ?? { comments: [], revisions: [] };
            review.comments = [...(review.comments ?? []), ...(review.comments ?? [])];
            review.revisions = [...(review.revisions ?? []), ...(review.revisions ?? [])];
            story.review = review;
            if (story.assets) for (const key of Object.keys(story.assets)) story.assets[key.toUpperCase()] = story.assets[key];
            return checkValue(label, story);
          }
          case 'duplicate-keys': {
            // JSON text with a key twice: JSON.parse keeps the last one.
            const text = JSON.stringify(story);
            const dup = pick(['"format":"excalidraw",', '"id":{"$ref":"#"},', '"meta":null,', '"schemaVersion":2,', '"body":[],'], at);
            const mutated = text.replace(/^\{/, `{${dup}`).replace(/\}$/, `,${dup.slice(0, -1)}}`);
            return check(label, { object: JSON.parse(mutated), text: mutated });
          }
        }
      }),
      800,
    );
  });

  it('deep nesting, 100 to 10,000 levels, in the body and everywhere else', () => {
    const place = fc.constantFrom(
      'body-chain',
      'body-lists',
      'body-links',
      'meta-unknown',
      'tags',
      'asset',
      'review',
      'top-unknown',
      'root-children',
    );
    run(
      fc.property(place, fc.integer({ min: 100, max: 10_000 }), (where, depth) => {
        const text = deepStory(where, depth);
        check(`deep ${where} x${depth}`, { object: JSON.parse(text), text });
      }),
      150,
    );
  });

  it('huge strings (a few MB) in every kind of field', () => {
    const field = fc.constantFrom(
      'headline',
      'standfirst',
      'text',
      'base64',
      'asset-key',
      'format',
      'id',
      'link-url',
      'tweet-url',
      'tweet-text',
      'helpline-heading',
      'unknown-key',
      'comment',
    );
    const fill = fc.constantFrom('x', ' ', '\n', 'é', 'A', '\u2028', '{');
    run(
      fc.property(field, fc.integer({ min: 1, max: 4 }), fill, (where, megabytes, char) => {
        const huge = char.repeat(megabytes * 1024 * 1024);
        const story = base('rich');
        const para = story.body.root.children[2];
        const [assetKey] = Object.keys(story.assets);
        switch (where) {
          case 'headline':
            story.meta.headline = huge;
            break;
          case 'standfirst':
            story.meta.standfirst = huge;
            break;
          case 'text':
            para.children[0].text = huge;
            break;
          case 'base64':
            story.assets[assetKey!].data = huge;
            break;
          case 'asset-key':
            story.assets[huge] = story.assets[assetKey!];
            break;
          case 'format':
            story.format = huge;
            break;
          case 'id':
            story.id = huge;
            break;
          case 'link-url':
            para.children[4].url = `https://example.com/${huge}`;
            break;
          case 'tweet-url':
            story.body.root.children[3].url = `https://twitter.com/a/status/1?${huge}`;
            break;
          case 'tweet-text':
            story.body.root.children[3].text = huge;
            break;
          case 'helpline-heading':
            story.body.root.children[6].heading = huge;
            break;
          case 'unknown-key':
            story.meta[huge] = 1;
            break;
          case 'comment':
            story.review.comments[0].text = huge;
            break;
        }
        const text = JSON.stringify(story);
        check(`huge ${where} ${megabytes} MB of ${JSON.stringify(char)}`, { object: JSON.parse(text), text });
      }),
      14,
    );
  });

  it('the text of a file cut short anywhere', () => {
    const pretty = { ...BASE_TEXTS, v0: `${JSON.stringify(JSON.parse(BASE_TEXTS.v0), null, 2)}\n` };
    run(
      fc.property(baseName, fc.nat(), (name, at) => {
        const text = pretty[name];
        const cut = at % text.length;
        check(`truncated ${name} at ${cut}/${text.length}`, { text: text.slice(0, cut) });
      }),
      1500,
    );
  });

  it('the text of a file with bytes changed, dropped or inserted anywhere', () => {
    const insert = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.string({ maxLength: 4, unit: 'binary' }),
      fc.constantFrom('"', '\\', '{', '}', ',', ']', '\u0000', '\ud800'),
    );
    run(
      fc.property(baseName, fc.nat(), fc.nat({ max: 12 }), insert, (name, at, drop, added) => {
        const text = BASE_TEXTS[name];
        const pos = at % text.length;
        const mutated = text.slice(0, pos) + added + text.slice(pos + drop);
        check(`edited ${name} at ${pos}: -${drop} +${JSON.stringify(added)}`, { text: mutated });
      }),
      1000,
    );
  });
});

/** A story whose `where` holds `depth` levels of nesting, as text (JSON.stringify would recurse). */
function deepStory(where: string, depth: number): string {
  const story = base('rich');
  const marker = '"__DEEP__"';
  const open = (s: string) => s.repeat(depth);
  const nested = (before: string, inner: string, after: string) => open(before) + inner + open(after);
  let deep: string;
  switch (where) {
    case 'body-chain':
      story.body.root.children.push('__DEEP__');
      deep = nested('{"type":"quote","version":1,"children":[', '{"type":"text","version":1,"text":"x","format":0}', ']}');
      break;
    case 'body-lists':
      story.body.root.children.push('__DEEP__');
      deep = nested(
        '{"type":"list","listType":"bullet","tag":"ul","version":1,"children":[{"type":"listitem","version":1,"children":[',
        '',
        ']}]}',
      );
      break;
    case 'body-links':
      story.body.root.children.push('__DEEP__');
      deep = nested('{"type":"paragraph","version":1,"children":[{"type":"link","url":"https://a.nz","version":1,"children":[', '', ']}]}');
      break;
    case 'meta-unknown':
      story.meta.extra = '__DEEP__';
      deep = nested('{"a":', '1', '}');
      break;
    case 'tags':
      story.meta.tags = '__DEEP__';
      deep = nested('[', '"x"', ']');
      break;
    case 'asset':
      story.assets[Object.keys(story.assets)[0]!].data = '__DEEP__';
      deep = nested('{"data":', '"AAAA"', '}');
      break;
    case 'review':
      story.review.comments = '__DEEP__';
      deep = nested('[{"id":"c","text":', '"x"', '}]');
      break;
    case 'top-unknown':
      story.extra = '__DEEP__';
      deep = nested('[{"$ref":"#","next":', 'null', '}]');
      break;
    default:
      story.body.root.children = '__DEEP__';
      deep = nested('[', '{"type":"paragraph","version":1,"children":[]}', ']');
  }
  return JSON.stringify(story).replace(marker, deep);
}

describe('restoreStory: hard edges', () => {
  it('a story text over the limit (500 MB) is refused with a message before it is parsed', () => {
    const parse = vi.spyOn(JSON, 'parse');
    // String.prototype.repeat builds the text as a rope: its length is known without 500 MB of memory.
    const text = `${BASE_TEXTS.rich}${' '.repeat(MAX_STORY_BYTES - BASE_TEXTS.rich.length)}`;
    expect(text.length).toBe(MAX_STORY_BYTES);
    // One character more: refused on its length alone, without JSON.parse.
    parse.mockClear();
    const refused = restoreStoryText(`${text} `);
    expect(refused).toEqual({ ok: false, reason: 'too large to open (500.0 MB; the limit is 500 MB)' });
    expect(parse).not.toHaveBeenCalled();
    // Just under it, the same story restores (the trailing spaces are JSON whitespace): a small copy shows the text is otherwise sound.
    expect(restoreStoryText(`${BASE_TEXTS.rich}${' '.repeat(1024)}`).ok).toBe(true);
  });

  it('the place named in a reason stays short, however deep and wide the body', () => {
    // 60 levels, each node the 150th child of its parent: "block 150.150.150…" would be 600 characters.
    const filler = '{"type":"text","version":1,"text":"x","format":0},'.repeat(149);
    let node = '{"type":"text","version":1,"text":5,"format":0}';
    for (let level = 0; level < 60; level++) node = `{"type":"quote","version":1,"children":[${filler}${node}]}`;
    const story = JSON.parse(BASE_TEXTS.rich);
    story.body.root.children = '__DEEP__';
    const text = JSON.stringify(story).replace('"__DEEP__"', `[${'{"type":"paragraph","version":1,"children":[]},'.repeat(149)}${node}]`);
    const result = restoreStoryText(text);
    expect(result.ok).toBe(false);
    const reason = result.ok ? '' : result.reason;
    expect(reason.length).toBeLessThan(REASON_MAX);
    expect(reason).toMatch(/^body block 150\.150\.150\.…\.150\.150\.150 \(text\): text must be a string$/);
  });

  it('hostile objects (throwing getters, proxies) are refused, never thrown', () => {
    const story = JSON.parse(BASE_TEXTS.rich);
    Object.defineProperty(story.meta, 'headline', {
      enumerable: true,
      get: () => {
        throw new Error('gotcha\nsecond line');
      },
    });
    const trap = new Proxy(JSON.parse(BASE_TEXTS.rich), {
      ownKeys: () => {
        throw new Error('no keys');
      },
      get: () => {
        throw new Error('no get');
      },
    });
    for (const input of [story, trap]) {
      let result: RestoreResult | undefined;
      expect(() => (result = restoreStory(input))).not.toThrow();
      expect(result!.ok).toBe(false);
      expect(result!.ok ? '' : result!.reason).not.toMatch(/\n/);
    }
  });
});

afterAll(() => {
  // Reported for the record; the count itself is asserted below.
  console.log(`restore-fuzz: ${cases} cases`);
});

describe('restoreStory fuzz: coverage', () => {
  it('ran at least 10,000 cases', () => {
    expect(cases).toBeGreaterThanOrEqual(10_000);
  });
});

describe.each([
  ['isBase64', isBase64],
  ['isBase64ByLoop (Chromium’s)', isBase64ByLoop],
  ['isBase64BySearch (Node’s)', isBase64BySearch],
])('%s', (_name, isBase64) => {
  // The definition restore checks against, written as the plain regular expression.
  const PADDED_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

  it('accepts exactly what the padded-base64 regular expression accepts', () => {
    const piece = fc.oneof(
      fc.base64String({ maxLength: 24 }),
      fc.constantFrom('=', '==', '===', '-', '_', ' ', '\n', 'Ä', '€', '\u0000', 'A', 'AA', 'AAA'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join('');
        expect(isBase64(text)).toBe(PADDED_BASE64.test(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('checks real image data, and finds one bad character anywhere in it', () => {
    const data = Buffer.from(Array.from({ length: 30_001 }, (_, i) => (i * 7919) % 256)).toString('base64');
    expect(isBase64(data)).toBe(true);
    for (const at of [0, 1, 20_000, data.length - 3]) {
      expect(isBase64(`${data.slice(0, at)}*${data.slice(at + 1)}`)).toBe(false);
      expect(isBase64(`${data.slice(0, at)}=${data.slice(at + 1)}`)).toBe(false);
    }
  });
});
