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
    entry = typeof regex === 'string' ? null : { rule, regex };
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
    const { regex } = entry;
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
