import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruralPreset } from '../fixtures/presets';
import {
  BUILT_IN_PRESETS,
  entryLine,
  findPreset,
  matchesPreset,
  presetToState,
  validatePreset,
  type HelplinePreset,
} from '../../shared/blocks/helpline';

const SEED = fileURLToPath(new URL('../fixtures/samples/seed-teigen-clinton.txt', import.meta.url));

/** The footer lines of the published seed story, bullets stripped, blank lines dropped. */
function seedFooterLines(): string[] {
  const text = readFileSync(SEED, 'utf8').replace(/\r\n?/g, '\n');
  const at = text.lastIndexOf('Where to get help:');
  expect(at).toBeGreaterThan(0);
  return text
    .slice(at + 'Where to get help:'.length)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.replace(/^•\s*/, ''));
}

function preset(id: string): HelplinePreset {
  const found = BUILT_IN_PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`no built-in preset ${id}`);
  return found;
}

/** The numbers printed in a line, as digits: "0800 543 354 (0800 LIFELINE) or free text 4357" → 0800543354, 0800, 4357. */
function printedNumbers(line: string): string[] {
  return (line.match(/\+?\d(?:[\d ]*\d)?/g) ?? []).map((n) => n.replace(/ /g, ''));
}

/** A user preset that passes, to break one field at a time. */
const goodPreset = (): Record<string, unknown> => ruralPreset() as unknown as Record<string, unknown>;

describe('built-in helpline presets', () => {
  it('the NZ standard preset prints exactly the nine footer lines of the seed story, in order', () => {
    const lines = seedFooterLines();
    expect(lines).toHaveLength(9);
    const nz = preset('nz-standard');
    expect(nz.heading).toBe('Where to get help:');
    expect(nz.entries.map(entryLine)).toEqual(lines);
  });

  it('every built-in preset passes validatePreset unchanged', () => {
    expect(BUILT_IN_PRESETS.map((p) => p.id)).toEqual(['nz-standard', 'nz-mental-health', 'au', 'uk', 'us']);
    for (const p of BUILT_IN_PRESETS) {
      const result = validatePreset(p);
      expect(result, p.id).toEqual({ ok: true, preset: p });
    }
  });

  it('built-in ids are unique and marked built in', () => {
    expect(new Set(BUILT_IN_PRESETS.map((p) => p.id)).size).toBe(BUILT_IN_PRESETS.length);
    for (const p of BUILT_IN_PRESETS) expect(p.builtIn).toBe(true);
  });

  const SPEC_NUMBERS: [id: string, numbers: string[]][] = [
    [
      'nz-mental-health',
      [
        '1737',
        '0800 543 354',
        '0508 828 865',
        '0800 376 633',
        '0800 726 666',
        '0800 111 757',
        '0800 942 8787',
        '0800 54 37 54',
        '0800 269 4389',
        '111',
      ],
    ],
    ['au', ['13 11 14', '1300 659 467', '1300 22 4636', '1800 55 1800', '1300 78 99 78', '000']],
    ['uk', ['116 123', '999']],
    ['us', ['988', '741741', '911']],
  ];

  it.each(SPEC_NUMBERS)('the %s preset prints every number the spec lists, as printed', (id, numbers) => {
    const lines = preset(id).entries.map(entryLine);
    for (const number of numbers) {
      const printedIn = lines.filter((line) => printedNumbers(line).includes(number.replace(/ /g, '')));
      expect(printedIn, `${id}: ${number}`).not.toHaveLength(0);
      // As printed, with the spacing readers know ("0800 54 37 54", not "0800543754").
      expect(
        lines.some((line) => line.includes(number)),
        `${id}: "${number}" as printed`,
      ).toBe(true);
    }
  });

  it.each(BUILT_IN_PRESETS.map((p) => [p.id, p] as const))('every phone in %s is a number printed in its own line', (_id, p) => {
    for (const entry of p.entries) {
      if (entry.phone === undefined) continue;
      expect(printedNumbers(entryLine(entry)), `${p.id} ${entry.name}`).toContain(entry.phone);
    }
  });

  it('the emergency lines dial the emergency number', () => {
    const emergency = (id: string) => preset(id).entries.find((e) => e.name === 'Emergency')?.phone;
    expect(emergency('nz-mental-health')).toBe('111');
    expect(emergency('au')).toBe('000');
    expect(emergency('uk')).toBe('999');
    expect(emergency('us')).toBe('911');
  });

  it('every url is https and every verifiedAt a real date', () => {
    for (const p of BUILT_IN_PRESETS) {
      expect(Number.isNaN(Date.parse(p.verifiedAt))).toBe(false);
      for (const e of p.entries) if (e.url !== undefined) expect(new URL(e.url).protocol).toBe('https:');
    }
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(BUILT_IN_PRESETS)).toBe(true);
  });
});

describe('validatePreset', () => {
  it('accepts a good user preset and fills defaults', () => {
    const input = goodPreset();
    delete input.region;
    delete input.builtIn;
    const result = validatePreset(input);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.preset).toMatchObject({ id: 'rural-support', region: '', builtIn: false });
  });

  const BROKEN: [what: string, change: (p: Record<string, unknown>) => void, reason: RegExp][] = [
    ['an empty label', (p) => (p.label = '   '), /^label needs a name$/],
    ['a bad id', (p) => (p.id = 'Bad Id'), /^id must be lower-case letters, digits and hyphens$/],
    ['an id starting with a hyphen', (p) => (p.id = '-rural'), /^id must be lower-case/],
    ['no entries', (p) => (p.entries = []), /^entries needs at least one entry$/],
    ['an empty heading', (p) => (p.heading = ''), /^heading needs a heading$/],
    [
      'an entry without a name',
      (p) => ((p.entries as Record<string, unknown>[])[1]!.name = ''),
      /^entry 2 name needs the name of the service$/,
    ],
    [
      'an entry without a line',
      (p) => ((p.entries as Record<string, unknown>[])[0]!.detail = ' '),
      /^entry 1 detail needs the line to print$/,
    ],
    [
      'entry 3 phone with letters',
      (p) => ((p.entries as Record<string, unknown>[])[2]!.phone = '0800 TALK'),
      /^entry 3 phone must be digits to dial/,
    ],
    ['a phone that is too short', (p) => ((p.entries as Record<string, unknown>[])[0]!.phone = '12'), /^entry 1 phone must be digits/],
    [
      'an http:// url',
      (p) => ((p.entries as Record<string, unknown>[])[1]!.url = 'http://farmstrong.co.nz'),
      /^entry 2 url must be an https link$/,
    ],
    [
      'a javascript: url',
      (p) => ((p.entries as Record<string, unknown>[])[1]!.url = 'javascript:alert(1)'),
      /^entry 2 url must be an https link$/,
    ],
    ['verifiedAt not a date', (p) => (p.verifiedAt = 'last week'), /^verifiedAt must be a date \(YYYY-MM-DD\)$/],
  ];

  it.each(BROKEN)('refuses %s, naming the field', (_what, change, reason) => {
    const input = goodPreset();
    change(input);
    const result = validatePreset(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses something that is not a preset at all', () => {
    for (const input of [null, 'nz-standard', 42, []]) {
      const result = validatePreset(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^preset /);
    }
  });
});

describe('matchesPreset, presetToState, findPreset', () => {
  it('presetToState gives a snapshot that does not share entries with the preset', () => {
    const nz = preset('nz-standard');
    const state = presetToState(nz);
    expect(state).toEqual({ presetId: 'nz-standard', heading: nz.heading, entries: nz.entries, verifiedAt: nz.verifiedAt });
    state.entries[0]!.detail = 'changed';
    expect(nz.entries[0]!.detail).toBe('For support for bereaved parents visit sands.org.nz');
  });

  it('a snapshot matches its preset, ignoring case and spacing of names and lines', () => {
    const nz = preset('nz-standard');
    const state = presetToState(nz);
    expect(matchesPreset(state, nz)).toBe(true);
    const shouted = {
      ...state,
      heading: '  WHERE TO GET HELP: ',
      entries: state.entries.map((e) => ({ ...e, detail: ` ${e.detail.toUpperCase()} ` })),
    };
    expect(matchesPreset(shouted, nz)).toBe(true);
    expect(matchesPreset(state, preset('au'))).toBe(false);
  });

  it('a snapshot with a changed number, a dropped line or a new order no longer matches', () => {
    const nz = preset('nz-standard');
    const state = presetToState(nz);
    const changedPhone = { ...state, entries: state.entries.map((e, i) => (i === 1 ? { ...e, phone: '0800543355' } : e)) };
    expect(matchesPreset(changedPhone, nz)).toBe(false);
    expect(matchesPreset({ ...state, entries: state.entries.slice(1) }, nz)).toBe(false);
    expect(matchesPreset({ ...state, entries: [...state.entries].reverse() }, nz)).toBe(false);
    expect(matchesPreset({ ...state, heading: 'Help is available:' }, nz)).toBe(false);
  });

  it('findPreset finds built-ins by id, and a user preset with the same id wins', () => {
    expect(findPreset('uk')?.label).toBe('United Kingdom');
    expect(findPreset('nowhere')).toBeUndefined();
    const mine: HelplinePreset = {
      ...preset('uk'),
      builtIn: false,
      label: 'UK (our desk)',
      entries: [{ name: 'Mind', detail: 'Mind: 0300 123 3393', phone: '03001233393' }],
    };
    expect(findPreset('uk', [mine])).toBe(mine);
    expect(findPreset('au', [mine])).toBe(preset('au'));
    const own = validatePreset(goodPreset());
    if (!own.ok) throw new Error(own.reason);
    expect(findPreset('rural-support', [own.preset])).toBe(own.preset);
    expect(findPreset('rural-support')).toBeUndefined();
  });
});

describe('entryLine', () => {
  it('prints the line alone when it already names the service (any case)', () => {
    expect(entryLine({ name: 'YOUTHLINE', detail: 'YOUTHLINE: 0800 376 633' })).toBe('YOUTHLINE: 0800 376 633');
    expect(entryLine({ name: 'Lifeline', detail: '0800 543 354 (0800 LIFELINE)' })).toBe('0800 543 354 (0800 LIFELINE)');
    expect(entryLine({ name: 'sands.org.nz', detail: 'For support for bereaved parents visit sands.org.nz' })).toBe(
      'For support for bereaved parents visit sands.org.nz',
    );
  });

  it('prefixes the name when the line does not say it', () => {
    expect(entryLine({ name: 'Samaritans', detail: '0800 726 666' })).toBe('Samaritans: 0800 726 666');
    expect(entryLine({ name: '  Samaritans ', detail: ' call 116 123 ' })).toBe('Samaritans: call 116 123');
  });
});
