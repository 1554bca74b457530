/** Preflight (issue 15): one engine for the app, the CLI and any CMS job. */
import type { CheckLanguage } from './types';

export { BLOCK_CHECKS, STORY_RULES, checkBlock, checkStory, checkStoryRules, countBySeverity, sortFindings } from './engine';
export { NZ_HOUSE_STYLE, parseRulesFile, withNewsroomRules, type RulesFileResult } from './house-style/load';
export type { HouseStyleRule } from './house-style/rules';
export { cachedSpeller, createSpeller, type DictionaryText, type Speller } from './spelling/speller';
export { blockText } from './text';
export { storyMarket } from './sensitive/market';
export { judgeTopic } from './sensitive/topic';
export { DEFAULT_HEADLINE_LIMIT, DEFAULT_STANDFIRST_LIMIT } from './rules/meta';
export {
  CHECK_LANGUAGES,
  MARKETS,
  SEVERITIES,
  type CheckLanguage,
  type CheckOptions,
  type Finding,
  type FindingAction,
  type FindingPlace,
  type Market,
  type Severity,
} from './types';

/** The language a story is checked in: its own when it names one we have, else New Zealand English. */
export function checkLanguageOf(language: string | undefined): CheckLanguage {
  const lower = (language ?? '').toLowerCase();
  if (lower === 'en-au') return 'en-AU';
  if (lower === 'en-gb') return 'en-GB';
  if (lower === 'en-us') return 'en-US';
  return 'en-NZ';
}
export { createIncrementalChecker, type IncrementalChecker } from './incremental';
