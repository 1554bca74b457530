import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDateline } from '../../shared/import/dateline';
import { importPlainText } from '../../shared/import/plain-text';
import { restoreStory, serializeStory } from '../../shared/story';
import { blocks, storyTexts } from './support/story-text';

/**
 * Property: whatever text comes in, the importer does not throw, the story restores, and
 * no line of the input is lost or doubled. Inputs mix arbitrary Unicode with the pieces
 * the detectors look for (dashes, handles, dates, credits, bullets, helpline words), so
 * the detectors fire on odd combinations, not only on tidy copy.
 */

const NOW = new Date('2025-03-04T05:06:07.000Z');
/** 300 runs take a few seconds; PROPERTY_RUNS=20000 hunts for rarer failures locally. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
/**
 * Seeded, like the other property tests: every run checks the same inputs, so a failure is a
 * change in the importer, not luck. PROPERTY_SEED=<n> explores other inputs (and replays the
 * seed fast-check prints with a failure).
 */
const SEED = Number(process.env.PROPERTY_SEED ?? 16);

const PIECES = [
  '—',
  '--',
  '&mdash;',
  '–',
  '-',
  '•',
  '*',
  '1.',
  '2)',
  '(',
  ')',
  '/',
  ':',
  '?',
  '.',
  ',',
  '"',
  '“',
  '”',
  '(@handle)',
  '( @a_b )',
  '(@chrissyteigen)',
  '— A (@a) May 1, 2020',
  '-- Név Ünö (@n_1) 28 October 2020',
  '&mdash; 山田 🎄 (@y) Oct 29, 2020',
  'October 28, 2020',
  'May 1, 2020',
  '28 October 2020',
  'Oct 29, 2020',
  'Photo / Supplied',
  'Photo:',
  'Photo',
  'Picture: Getty Images',
  '(Image: Reuters)',
  '(Anthony Devlin/PA)',
  '(AP)',
  'RNZ / Richard Tindiller',
  'ROBERT KITCHIN/STUFF',
  'Image source, Getty Images',
  'Image caption,',
  'Where to get help:',
  'WHERE TO GET HELP',
  'Helplines',
  'Lifeline',
  'Youthline',
  'Samaritans',
  'call',
  'on',
  'or',
  'and',
  'visit',
  'text',
  'HELP',
  'free',
  'If you need help,',
  'Need to talk?',
  'YOUTHLINE:',
  'emergency',
  '0800 543 354',
  '1737',
  '116 123',
  '(0800 LIFELINE)',
  '24/7',
  'sands.org.nz',
  'https://t.co/abc',
  'https://www.lifeline.org.nz/x',
  'pic.twitter.com/x',
  'date',
  'date 2020-10-29',
  '2020-10-29',
  'source:',
  'source: https://example.com/a',
  'The',
  'council',
  'said.',
  'A',
  'Timeline',
  'of',
  'Events',
  'NEXT',
  'WHAT HAPPENS',
  'By',
  '🏳️‍🌈',
  '🎄',
  'Māori',
  '日本語',
  'مرحبا',
  'Ελληνικά',
  '\u00a0',
  '\t',
  '\u200b',
  '\u2028',
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.nat({ max: 99_999_999 }).map(String) },
);
const line = fc
  .tuple(fc.array(piece, { maxLength: 14 }), fc.constantFrom(' ', ' ', ' ', '', '  '))
  .map(([parts, glue]) => parts.join(glue));
const breakAfter = fc.constantFrom('\n', '\n', '\n\n', '\n\n', '\n\n\n', '\r\n', '\r\n\r\n', '\n \n');
const text = fc.array(fc.tuple(line, breakAfter), { maxLength: 24 }).map((lines) => lines.map(([l, b]) => l + b).join(''));

const LINE_BREAK = /\r\n?|\n|[\u2028\u2029\u0085]/;
const BULLET = /^(?:[•●◦○▪■‣⁃·*\-–]|\d{1,3}[.)])\s+(?=\S)/u;
/** A credit is stored without its label ("Photo / Supplied" → credit "Supplied"). */
const CREDIT_LABEL =
  /image\s+(?:source|caption),\s*|(?:photo\s+credit|image\s+credit|picture\s+credit|photos?|photographs?|pictures?|pics?|images?|credit|illustration|graphic|source)\s*(?:\/|:|\sby\s|\s-\s)/giu;

/** Brackets, dashes and whitespace are not compared (attributions and credits lose them). */
function norm(s: string): string {
  return s
    .replace(/&mdash;|&#8212;|&#x2014;/g, '')
    .replace(/[—―–|()-]/g, '')
    .replace(/\s+/gu, '');
}

/**
 * Where a line of the input is in the story's (normalised) text at or after `from`: as
 * printed, or with one of its credit labels dropped (a photo keeps the credit without its
 * "Photo /"). The earliest match keeps the order check fair.
 */
function findLine(collected: string, line: string, from: number): number {
  const labels = [...line.matchAll(CREDIT_LABEL)];
  const without = (m: RegExpMatchArray) => line.slice(0, m.index) + line.slice(m.index! + m[0].length);
  const found = [line, ...labels.map(without)].map((form) => collected.indexOf(norm(form), from)).filter((i) => i >= 0);
  return found.length > 0 ? Math.min(...found) : -1;
}

describe('importPlainText (property)', () => {
  it(
    'never throws, always restores, and keeps every line once and in order',
    () => {
      fc.assert(
        fc.property(text, (input) => {
          const result = importPlainText(input, { id: 'prop', now: NOW });
          const restored = restoreStory(JSON.parse(serializeStory(result.story)));
          if (!restored.ok) throw new Error(`restoreStory refused: ${restored.reason}`);

          const collected = norm(storyTexts(result.story).join('\n'));
          const lines = input.split(LINE_BREAK).map((l) => l.trim());
          let first = lines.findIndex((l) => l !== '');
          if (result.source !== undefined) {
            expect(lines[first]!.replace(/^source:\s*/iu, '')).toBe(result.source);
            lines[first] = '';
            first = lines.findIndex((l) => l !== '');
          }
          if (result.story.meta.dateline !== '') {
            const dateline = detectDateline(lines[first]!)!;
            expect(dateline.dateline).toBe(result.story.meta.dateline);
            expect(collected.startsWith(norm(dateline.dateline))).toBe(true);
            lines[first] = dateline.rest;
          }

          let from = 0;
          let expectedLength = norm(result.story.meta.dateline).length;
          for (const raw of lines) {
            const line = raw.replace(BULLET, '').trim();
            if (line === '') continue;
            const wanted = norm(line);
            expectedLength += wanted.length;
            const at = findLine(collected, line, from);
            if (at >= 0) {
              from = at;
              continue;
            }
            // A closing sentence made into a helpline footer: the words before it stay, and
            // every entry is a piece of it; the sentence is reported as reworded.
            const sentence = result.reworded.find((r) => line.endsWith(r));
            expect(sentence, `line lost: ${JSON.stringify(raw)}`).toBeDefined();
            const before = line.slice(0, line.length - sentence!.length).trim();
            expect(findLine(collected, before, from), `line start lost: ${JSON.stringify(raw)}`).toBeGreaterThanOrEqual(0);
            for (const helpline of blocks(result.story, 'helpline')) {
              for (const entry of helpline.entries as Array<{ detail: string }>) {
                if (!line.includes(entry.detail)) continue;
                expect(sentence).toContain(entry.detail);
              }
            }
          }

          // Nothing doubled: the story holds no more text than the input, beyond what the
          // importer adds on purpose (the "@" of each tweet, a footer's standard heading) and
          // bullet markers kept inside a tweet's text.
          const bulletMarkers = lines.filter((l) => BULLET.test(l)).length * 4;
          const added =
            blocks(result.story, 'tweet').length + blocks(result.story, 'helpline').reduce((n, h) => n + norm(String(h.heading)).length, 0);
          expect(collected.length).toBeLessThanOrEqual(expectedLength + added + bulletMarkers);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    Math.max(20_000, RUNS * 20),
  );

  it('finds the blocks it is built for when they are mixed into arbitrary text', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 4 }), fc.array(line, { maxLength: 4 }), (beforeLines, afterLines) => {
        const prose = (lines: string[]) =>
          lines
            // Prose: none of the marks the detectors look for, and no line separators.
            .map((l) =>
              l.replace(/[—–-]|&mdash;|\(|\)|@|photo|picture|image|help|talk|source|date|[0-9]|[\u2028\u2029\u0085\r\n]/giu, 'x').trim(),
            )
            .filter((l) => l !== '')
            .map((l) => `${l} said.`)
            .join('\n\n');
        const input = [
          prose(beforeLines),
          'the tweet text https://t.co/abc',
          '— Some One 🎄 (@some_one) May 1, 2020',
          'Crowds at the gates. Picture: Getty Images',
          prose(afterLines),
          'Where to get help:',
          '• Lifeline: 0800 543 354',
        ].join('\n\n');
        const { story } = importPlainText(input, { id: 'prop', now: NOW });
        const tweets = blocks(story, 'tweet');
        expect(tweets).toHaveLength(1);
        expect(tweets[0]).toMatchObject({ text: 'the tweet text https://t.co/abc', name: 'Some One 🎄', handle: 'some_one' });
        expect(blocks(story, 'photo').map((p) => p.credit)).toEqual(['Getty Images']);
        expect(blocks(story, 'helpline')).toHaveLength(1);
        expect(story.body.root.children[story.body.root.children.length - 1]!.type).toBe('helpline');
      }),
      { numRuns: 100, seed: SEED + 1 },
    );
  });
});
