import { describe, expect, it } from 'vitest';
import { checkBlock, NZ_HOUSE_STYLE, parseRulesFile, withNewsroomRules } from '../../shared/check';
import { expandReplacement, findStyleHits, leadingLiteral } from '../../shared/check/house-style/rules';
import { paragraph } from '../fixtures/seed-story';
import { options } from './support/check-story';

describe('the shipped New Zealand house style', () => {
  it('has at least 40 rules, each with cases that fire and near-misses that do not', () => {
    expect(NZ_HOUSE_STYLE.length).toBeGreaterThanOrEqual(40);
    for (const rule of NZ_HOUSE_STYLE) {
      expect(rule.examples?.fire.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples?.pass.length, rule.id).toBeGreaterThan(0);
    }
    const categories = new Set(NZ_HOUSE_STYLE.map((r) => r.category));
    expect([...categories]).toEqual(
      expect.arrayContaining(['Punctuation', 'Numbers', 'Spacing', 'Te reo Māori', 'Dates', 'Times', 'Money']),
    );
  });

  for (const rule of NZ_HOUSE_STYLE) {
    it(`${rule.id}: fires on its cases and not on its near-misses`, () => {
      for (const text of rule.examples!.fire)
        expect(findStyleHits(text, [rule]).length, `${rule.id} on ${JSON.stringify(text)}`).toBeGreaterThan(0);
      for (const text of rule.examples!.pass) expect(findStyleHits(text, [rule]), `${rule.id} on ${JSON.stringify(text)}`).toEqual([]);
    });
  }

  it.each([
    ['Prices rose 5%.', 'per-cent-sign', '%', ' per cent'],
    ['The result - a draw - pleased nobody.', 'spaced-hyphen-dash', ' - ', ' – '],
    ['There were 3 candidates.', 'number-three', '3', 'three'],
    ['The Maori wards vote.', 'maori-macron', 'Maori', 'Māori'],
    ['The hearing is on December 4, 2026.', 'date-month-day-year', 'December 4, 2026', '4 December 2026'],
    ['It starts at 9:30 pm.', 'time-colon', '9:30 pm', '9.30pm'],
    ['It costs $NZ50.', 'nz-dollar-prefix', '$NZ', 'NZ$'],
    ['The the council met.', 'doubled-word', 'The the', 'The'],
    ['She said "yes".', 'straight-double-quote-open', '"', '“'],
  ])('%j: %s turns %j into %j', (text, id, excerpt, replacement) => {
    const finding = checkBlock(paragraph(text), 0, options()).find((f) => f.rule === `house-style/${id}`);
    expect(finding).toMatchObject({ excerpt, suggestions: [replacement] });
    expect(text.slice(finding!.where.start, finding!.where.end)).toBe(excerpt);
  });

  it('leaves links, email addresses, @handles and #hashtags alone', () => {
    const text = "See https://example.com/a--b/1990's or mail news@example.co.nz, @NZ_Herald and #percent 5 .";
    const found = checkBlock(paragraph(text), 0, options()).map((f) => f.excerpt);
    expect(found).not.toContain('--');
    expect(found).not.toContain("1990's");
  });

  it('is clean on copy already in house style', () => {
    const text =
      'The council’s vote – a close one – passed on 4 December 2026 at 9.30am. Rates will rise 5 per cent, or NZ$120 a year, for three years, Māori ward councillor Aroha Smith said. “It’s fair,” she said.';
    expect(checkBlock(paragraph(text), 0, options()).filter((f) => f.rule.startsWith('house-style/'))).toEqual([]);
  });
});

describe('the literal a match must start with (a block without it is skipped)', () => {
  it.each([
    ['\\bMaori\\b', 'Maori'],
    ['\\$NZ ?(?=\\p{N})', '$NZ'],
    ['5(?<!x5)', '5'],
    ['NZD?', 'NZ'],
    ['\\bKiwi ?[Ss]aver\\b|\\bKIWISAVER\\b', null],
    ['(?<=a)b', null],
    ['[Pp]ercent', null],
    ['\\d+', null],
  ])('%j → %j', (pattern, lead) => {
    expect(leadingLiteral(pattern)).toBe(lead);
  });
});

describe('replacements', () => {
  it('fill $1, $<name>, $& and $$ as String.replace does', () => {
    const match = /(?<d>\d+) (\w+)/.exec('12 May')!;
    expect(expandReplacement('$2 $1', match)).toBe('May 12');
    expect(expandReplacement('$<d>/$&/$$/$9', match)).toBe('12/12 May/$/$9');
  });
});

describe('a newsroom rules file', () => {
  const rule = (extra: Record<string, unknown> = {}) => ({
    id: 'no-utilise',
    pattern: '\\butilise\\b',
    replacement: 'use',
    category: 'Words',
    description: 'use, not utilise',
    severity: 'warning',
    ...extra,
  });

  it('reads an array of rules or {name, rules}', () => {
    const asArray = parseRulesFile(JSON.stringify([rule()]));
    const asObject = parseRulesFile(JSON.stringify({ name: 'The Bugle', rules: [rule()] }));
    expect(asArray).toMatchObject({ ok: true, rules: [{ id: 'no-utilise' }] });
    expect(asObject).toMatchObject({ ok: true, name: 'The Bugle' });
  });

  it('adds to the shipped set; a rule with a shipped id replaces it', () => {
    const ours = { ...rule({ id: 'per-cent-sign', pattern: '%', replacement: 'pc' }) } as Parameters<typeof withNewsroomRules>[0][number];
    const merged = withNewsroomRules([ours]);
    expect(merged.length).toBe(NZ_HOUSE_STYLE.length);
    const finding = checkBlock(paragraph('Up 5%.'), 0, options({ houseStyle: merged })).find((f) => f.rule === 'house-style/per-cent-sign');
    expect(finding!.suggestions).toEqual(['pc']);
  });

  it.each([
    ['broken JSON', '{\n  "rules": [\n    { "id": "a", }\n  ]\n}', 3, 18, /not valid JSON/],
    ['truncated JSON', '{\n  "rules": [\n', 2, 13, /not valid JSON/],
    [
      'a pattern that is not a regular expression',
      '{"rules": [\n  {"id": "a", "pattern": "(unclosed", "category": "c", "description": "d", "severity": "warning"}\n]}',
      2,
      26,
      /rule "a": pattern is not a regular expression/,
    ],
    [
      'a wrong severity',
      '[\n  {"id": "a", "pattern": "x", "category": "c", "description": "d", "severity": "loud"}\n]',
      2,
      80,
      /rule 1 severity must be "error", "warning" or "info"/,
    ],
    [
      'a missing description',
      '[\n  {"id": "a", "pattern": "x", "category": "c", "severity": "info"},\n  {"id": "b", "pattern": "y", "category": "c", "severity": "info"}\n]',
      2,
      3,
      /rule 1 description is missing/,
    ],
    [
      'a repeated id',
      '[\n  {"id": "a", "pattern": "x", "category": "c", "description": "d", "severity": "info"},\n  {"id": "a", "pattern": "y", "category": "c", "description": "d", "severity": "info"}\n]',
      3,
      10,
      /rule "a" appears twice/,
    ],
    [
      'a pattern that matches nothing at all',
      '[{"id": "a", "pattern": "x*", "category": "c", "description": "d", "severity": "info"}]',
      1,
      25,
      /matches empty text/,
    ],
    ['not a list of rules', '{"name": "x"}', 1, 1, /rules is missing/],
  ])('refuses %s with its line and column', (_name, text, line, column, reason) => {
    const result = parseRulesFile(text);
    expect(result).toMatchObject({ ok: false, line, column });
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});
