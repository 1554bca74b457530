import shipped from './nz.json';
import { compileRule, HouseStyleFileSchema, HouseStyleListSchema, type HouseStyleRule } from './rules';

/** The shipped New Zealand set, in force unless a newsroom's file is loaded on top of it. */
export const NZ_HOUSE_STYLE: readonly HouseStyleRule[] = Object.freeze((shipped as { rules: HouseStyleRule[] }).rules);

export type RulesFileResult =
  { ok: true; rules: HouseStyleRule[]; name?: string } | { ok: false; line: number; column: number; reason: string };

/**
 * Reads a newsroom's rules file (JSON: an array of rules, or `{name, rules}`). Anything
 * wrong — bad JSON, a missing field, a pattern that is not a regular expression, a repeated
 * id — refuses the whole file with the line and column of the fault, so a half-read file
 * never replaces rules that work.
 */
export function parseRulesFile(text: string): RulesFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const offset = jsonErrorOffset(error, text);
    const { line, column } = lineColumn(text, offset);
    const reason =
      error instanceof Error
        ? error.message.replace(/\s*(?:in JSON )?at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)/, '')
        : 'not JSON';
    return { ok: false, line, column, reason: `not valid JSON: ${reason}` };
  }
  const parsed = Array.isArray(data) ? HouseStyleListSchema.safeParse(data) : HouseStyleFileSchema.safeParse(data);
  if (!parsed.success) {
    // Report the issue on the rule (and field) it is about; a file that is neither shape gets the top.
    const issue = [...parsed.error.issues].sort((a, b) => b.path.length - a.path.length)[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    const { line, column } = lineColumn(text, locate(text, path));
    const where = describePath(path);
    return {
      ok: false,
      line,
      column,
      reason: `${where}${/^Invalid input/.test(issue.message) ? 'is missing or of the wrong type' : issue.message}`,
    };
  }
  const rules = Array.isArray(parsed.data) ? parsed.data : parsed.data.rules;
  const inRules = Array.isArray(parsed.data) ? [] : ['rules'];
  const seen = new Set<string>();
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const regex = compileRule(rule);
    if (typeof regex === 'string') {
      const { line, column } = lineColumn(text, locate(text, [...inRules, i, 'pattern']));
      return { ok: false, line, column, reason: `rule "${rule.id}": pattern is not a regular expression (${regex})` };
    }
    if (regex.test('')) {
      const { line, column } = lineColumn(text, locate(text, [...inRules, i, 'pattern']));
      return { ok: false, line, column, reason: `rule "${rule.id}": pattern matches empty text` };
    }
    if (seen.has(rule.id)) {
      const { line, column } = lineColumn(text, locate(text, [...inRules, i, 'id']));
      return { ok: false, line, column, reason: `rule "${rule.id}" appears twice` };
    }
    seen.add(rule.id);
  }
  const name = Array.isArray(parsed.data) ? undefined : parsed.data.name;
  return name === undefined ? { ok: true, rules } : { ok: true, rules, name };
}

/** The shipped rules with a newsroom's on top: a rule with a shipped id replaces it, others are added. */
export function withNewsroomRules(newsroom: readonly HouseStyleRule[], base: readonly HouseStyleRule[] = NZ_HOUSE_STYLE): HouseStyleRule[] {
  const ids = new Set(newsroom.map((r) => r.id));
  return [...base.filter((r) => !ids.has(r.id)), ...newsroom];
}

function describePath(path: readonly (string | number)[]): string {
  const at = path.findIndex((p) => typeof p === 'number');
  if (at < 0) return path.length > 0 ? `${path.join('.')} ` : 'the file ';
  const rest = path.slice(at + 1).filter((p) => p !== 'examples');
  return `rule ${(path[at] as number) + 1}${rest.length > 0 ? ` ${rest.join('.')}` : ''} `;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** Where JSON.parse stopped: V8 says "position N" (and in newer versions "line L column C"). */
function jsonErrorOffset(error: unknown, text: string): number {
  const message = error instanceof Error ? error.message : '';
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < Number(lc[1]) - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
    return offset + Number(lc[2]) - 1;
  }
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  // "Unexpected end of JSON input" and the like: the fault is at the end.
  return text.trimEnd().length;
}

/**
 * The offset of the value at `path` in JSON text that parsed: a small scanner that walks
 * objects and arrays, skipping strings, to the key or element named. Falls back to the
 * deepest container it reached.
 */
export function locate(text: string, path: readonly (string | number)[]): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const skipString = () => {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const readString = (): string => {
    const start = i;
    skipString();
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return '';
    }
  };
  const skipValue = () => {
    ws();
    const c = text[i];
    if (c === '"') return skipString();
    if (c === '{' || c === '[') {
      let depth = 0;
      while (i < text.length) {
        const ch = text[i]!;
        if (ch === '"') {
          skipString();
          continue;
        }
        if (ch === '{' || ch === '[') depth++;
        if (ch === '}' || ch === ']') depth--;
        i++;
        if (depth === 0) return;
      }
      return;
    }
    while (i < text.length && !/[,\]}\s]/.test(text[i]!)) i++;
  };
  ws();
  let reached = i;
  for (const step of path) {
    ws();
    reached = i;
    if (typeof step === 'number' && text[i] === '[') {
      i++;
      for (let n = 0; n < step; n++) {
        skipValue();
        ws();
        if (text[i] === ',') i++;
      }
      ws();
      if (text[i] === ']') return reached;
    } else if (typeof step === 'string' && text[i] === '{') {
      i++;
      let found = false;
      while (i < text.length) {
        ws();
        if (text[i] !== '"') break;
        const key = readString();
        ws();
        if (text[i] === ':') i++;
        ws();
        if (key === step) {
          found = true;
          break;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
      }
      if (!found) return reached;
    } else {
      return reached;
    }
  }
  ws();
  return i;
}
