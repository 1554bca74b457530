import { promises as fs, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CREDIT_STYLE_IDS, type CreditStyle } from '../../shared/blocks/photo';
import {
  CHECK_LANGUAGES,
  NZ_HOUSE_STYLE,
  cachedSpeller,
  checkLanguageOf,
  checkStory,
  countBySeverity,
  parseRulesFile,
  withNewsroomRules,
  type CheckLanguage,
  type DictionaryText,
  type Finding,
  type HouseStyleRule,
} from '../../shared/check';
import type { CliIO } from './run';
import { readStory } from './read-story';

/**
 * `copydesk check <story...>`: preflight from the command line, the same engine as the app.
 * One line per finding (`story.story:3:caption: warning credit-style: …`; the block number
 * counts from 1, a column follows for text), or `--json` for `{path, findings}` per story
 * (`where.block` counts from 0 there, as in `root.children`). Exit codes: 0 no errors, 1 an
 * error in any story or a story that cannot be read, 2 a usage error or a `--rules` file
 * that cannot be used (the shipped rules are used instead, and the stories still checked).
 */
export const CHECK_USAGE =
  'usage: copydesk check <story...> [--json] [--rules FILE] [--lang en-NZ|en-AU|en-GB|en-US] [--credit-style photo-slash|photo-colon|image-parens]';

export interface CheckArgs {
  files: string[];
  json: boolean;
  rules?: string;
  lang?: CheckLanguage;
  creditStyle?: CreditStyle;
}

export function parseCheckArgs(args: readonly string[]): CheckArgs | { error: string } | { help: true } {
  const files: string[] = [];
  const out: CheckArgs = { files, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { help: true };
    if (!arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | { error: string } => {
      if (eq > 0) return arg.slice(eq + 1) || { error: `${name} needs a value` };
      const next = args[i + 1];
      if (next === undefined || next.startsWith('-')) return { error: `${name} needs a value` };
      i++;
      return next;
    };
    switch (name) {
      case '--json':
        if (eq > 0) return { error: '--json takes no value' };
        out.json = true;
        break;
      case '--rules': {
        const v = value();
        if (typeof v !== 'string') return v;
        out.rules = v;
        break;
      }
      case '--lang': {
        const v = value();
        if (typeof v !== 'string') return v;
        const lang = CHECK_LANGUAGES.find((l) => l.toLowerCase() === v.toLowerCase());
        if (!lang) return { error: `unknown --lang "${v}" (use ${CHECK_LANGUAGES.join(', ')})` };
        out.lang = lang;
        break;
      }
      case '--credit-style': {
        const v = value();
        if (typeof v !== 'string') return v;
        if (!(CREDIT_STYLE_IDS as readonly string[]).includes(v))
          return { error: `unknown --credit-style "${v}" (use ${CREDIT_STYLE_IDS.join(', ')})` };
        out.creditStyle = v as CreditStyle;
        break;
      }
      default:
        return { error: `unknown option "${name}"` };
    }
  }
  if (files.length === 0) return { error: 'which stories? (check <story...>)' };
  return out;
}

/** The Hunspell dictionary package for each language: New Zealand English spells as British English does. */
const DICTIONARY_PACKAGES: Record<CheckLanguage, string> = {
  'en-NZ': 'dictionary-en-gb',
  'en-GB': 'dictionary-en-gb',
  'en-AU': 'dictionary-en-au',
  'en-US': 'dictionary-en',
};

/** Reads a dictionary package's files from node_modules (its own index.js reads them relative to itself, which a bundle breaks). */
export function readDictionary(language: CheckLanguage): DictionaryText {
  const require = createRequire(import.meta.url);
  const folder = path.dirname(require.resolve(DICTIONARY_PACKAGES[language]));
  return { aff: readFileSync(path.join(folder, 'index.aff')), dic: readFileSync(path.join(folder, 'index.dic')) };
}

export async function checkCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCheckArgs(args);
  if ('help' in parsed) {
    io.out(CHECK_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.err(`copydesk check: ${parsed.error}`);
    io.err(CHECK_USAGE);
    return 2;
  }
  let houseStyle: readonly HouseStyleRule[] = NZ_HOUSE_STYLE;
  let rulesRefused = false;
  if (parsed.rules !== undefined) {
    const loaded = await readRules(parsed.rules);
    if (loaded.ok) houseStyle = withNewsroomRules(loaded.rules);
    else {
      rulesRefused = true;
      io.err(`${parsed.rules}${loaded.at}: ${loaded.reason}; checking with the shipped New Zealand rules`);
    }
  }
  const now = new Date();
  const reports: { path: string; findings: Finding[] }[] = [];
  let failed = false;
  for (const file of parsed.files) {
    const story = await readStory(file);
    if (typeof story === 'string') {
      failed = true;
      io.err(`${file}: ${story}`);
      if (parsed.json) reports.push({ path: file, findings: [] });
      continue;
    }
    const language = parsed.lang ?? checkLanguageOf(story.meta.language);
    const speller = cachedSpeller(language, () => readDictionary(language));
    const findings = checkStory(story, { now, houseStyle, speller, ...(parsed.creditStyle ? { creditStyle: parsed.creditStyle } : {}) });
    if (findings.some((f) => f.severity === 'error')) failed = true;
    if (parsed.json) reports.push({ path: file, findings });
    else {
      for (const finding of findings) io.out(formatFinding(file, finding));
      io.err(`${file}: ${summary(findings)}`);
    }
  }
  if (parsed.json) io.out(JSON.stringify(reports.length === 1 && parsed.files.length === 1 ? reports[0] : reports, null, 2));
  return rulesRefused ? 2 : failed ? 1 : 0;
}

async function readRules(file: string): Promise<{ ok: true; rules: HouseStyleRule[] } | { ok: false; at: string; reason: string }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      at: '',
      reason: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? 'unknown error'})`,
    };
  }
  const result = parseRulesFile(text);
  return result.ok ? { ok: true, rules: result.rules } : { ok: false, at: `:${result.line}:${result.column}`, reason: result.reason };
}

/** `path:3:caption: warning credit-style: "Photo: Supplied" → "Supplied" — message` */
export function formatFinding(file: string, finding: Finding): string {
  const { block, field, start } = finding.where;
  const place = [file, block === null ? null : String(block + 1), field ?? null, start !== undefined ? String(start + 1) : null]
    .filter((p) => p !== null)
    .join(':');
  const suggestion = finding.suggestions?.[0];
  const change = finding.excerpt !== undefined && suggestion !== undefined ? `${quote(finding.excerpt)} → ${quote(suggestion)} — ` : '';
  return `${place}: ${finding.severity} ${finding.rule}: ${change}${finding.message}`;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text);
}

function summary(findings: readonly Finding[]): string {
  const c = countBySeverity(findings);
  if (findings.length === 0) return 'no findings';
  const part = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  return [part(c.error, 'error'), part(c.warning, 'warning'), part(c.info, 'note')].join(', ');
}
