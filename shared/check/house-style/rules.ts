import { z } from 'zod';
import type { Finding, Severity } from '../types';

/**
 * House style as data, one rule a row in the shape of the Guardian's Typerighter sheets:
 * a regular expression, what replaces it ($1… for its groups), a category, a description
 * and a severity. A newsroom keeps its own file; `examples` (optional) are what the rule
 * must and must not catch, and the tests hold every shipped rule to them.
 */
export interface HouseStyleRule {
  id: string;
  pattern: string;
  replacement?: string;
  category: string;
  description: string;
  severity: Severity;
  caseSensitive?: boolean;
  examples?: { fire: string[]; pass: string[] };
}

export const HouseStyleRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'must be lower-case letters, digits and hyphens' }),
  pattern: z.string().min(1, { message: 'must not be empty' }).max(2000),
  replacement: z.string().max(500).optional(),
  category: z.string().min(1, { message: 'must not be empty' }).max(100),
  description: z.string().min(1, { message: 'must not be empty' }).max(500),
  severity: z.enum(['error', 'warning', 'info'], { message: 'must be "error", "warning" or "info"' }),
  caseSensitive: z.boolean().optional(),
  examples: z.object({ fire: z.array(z.string()), pass: z.array(z.string()) }).optional(),
});

/** A rules file is a bare array of rules, or an object with its name and rules. */
export const HouseStyleListSchema = z.array(HouseStyleRuleSchema).max(5000);
export const HouseStyleFileSchema = z.object({
  name: z.string().max(200).optional(),
  language: z.string().max(35).optional(),
  rules: HouseStyleListSchema,
});

interface Compiled {
  rule: HouseStyleRule;
  regex: RegExp;
  /** Text every match starts with, if the pattern says so: a block without it is skipped at once. */
  lead: string | null;
}

/** True when the pattern is `a|b` at its outermost level (inside groups and classes does not count). */
function hasTopLevelAlternation(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * The literal text a case-sensitive pattern's matches must start with ("5" for the number
 * rules, "Maori", "$NZ"…), or null. Most blocks lack it, and `includes` is far cheaper than
 * running the expression: a story's worth of blocks times every rule adds up.
 */
export function leadingLiteral(pattern: string): string | null {
  let i = pattern.startsWith('\\b') ? 2 : 0;
  let lead = '';
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) break;
      lead += next;
      i += 2;
    } else if (/[\p{L}\p{N} ,'’“”"%#@&:;=<>~-]/u.test(c)) {
      lead += c;
      i++;
    } else break;
  }
  // A quantifier or alternation after the run makes its last character (or all of it) optional.
  const after = pattern[i];
  if (hasTopLevelAlternation(pattern)) return null;
  if (after === '?' || after === '*' || after === '+' || after === '{') lead = lead.slice(0, -1);
  return lead === '' ? null : lead;
}

/** Compiled once per rule object: the same rules checked against every block of every story. */
const compiled = new WeakMap<HouseStyleRule, Compiled | null>();

/** The rule's regular expression, or the reason it is not one. */
export function compileRule(rule: HouseStyleRule): RegExp | string {
  try {
    return new RegExp(rule.pattern, rule.caseSensitive ? 'gu' : 'giu');
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : 'is not a regular expression';
  }
}

function compiledRule(rule: HouseStyleRule): Compiled | null {
  let entry = compiled.get(rule);
  if (entry === undefined) {
    const regex = compileRule(rule);
    entry = typeof regex === 'string' ? null : { rule, regex, lead: rule.caseSensitive ? leadingLiteral(rule.pattern) : null };
    compiled.set(rule, entry);
  }
  return entry;
}

/** `replacement` with $1…$9, $<name>, $& and $$ filled from the match, as String.replace would. */
export function expandReplacement(replacement: string, match: RegExpExecArray | RegExpMatchArray): string {
  return replacement.replace(/\$(\$|&|<([^>]+)>|(\d{1,2}))/g, (whole, token: string, name?: string, digits?: string) => {
    if (token === '$') return '$';
    if (token === '&') return match[0];
    if (name !== undefined) return match.groups?.[name] ?? '';
    const n = Number(digits);
    return n > 0 && n < match.length ? (match[n] ?? '') : whole;
  });
}

export interface StyleHit {
  rule: HouseStyleRule;
  start: number;
  end: number;
  text: string;
  suggestion?: string;
}

/** Every place in `text` a rule matches, outside the ranges given (links, addresses, handles). */
export function findStyleHits(text: string, rules: readonly HouseStyleRule[], skip: readonly [number, number][] = []): StyleHit[] {
  const hits: StyleHit[] = [];
  if (text === '') return hits;
  for (const rule of rules) {
    const entry = compiledRule(rule);
    if (!entry) continue;
    const { regex, lead } = entry;
    if (lead !== null && !text.includes(lead)) continue;
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      if (match[0] === '') continue;
      const start = match.index;
      const end = start + match[0].length;
      if (skip.some(([a, b]) => start < b && end > a)) continue;
      const suggestion = rule.replacement === undefined ? undefined : expandReplacement(rule.replacement, match);
      if (suggestion === match[0]) continue;
      hits.push({ rule, start, end, text: match[0], ...(suggestion !== undefined ? { suggestion } : {}) });
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.rule.id.localeCompare(b.rule.id));
}

/** Findings for the house-style hits in one field or block text. */
export function styleFindings(
  text: string,
  rules: readonly HouseStyleRule[],
  place: { block: number | null; field?: string },
  skip: readonly [number, number][] = [],
): Finding[] {
  return findStyleHits(text, rules, skip).map((hit) => ({
    rule: `house-style/${hit.rule.id}`,
    severity: hit.rule.severity,
    message: hit.rule.description,
    where: { ...place, start: hit.start, end: hit.end },
    excerpt: hit.text,
    ...(hit.suggestion !== undefined ? { suggestions: [hit.suggestion] } : {}),
  }));
}
