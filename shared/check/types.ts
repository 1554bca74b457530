import type { CreditStyle } from '../blocks/photo';
import type { HelplinePreset } from '../blocks/helpline';
import type { SerializedBodyNode, Story } from '../story/schema';
import type { HouseStyleRule } from './house-style/rules';
import type { Speller } from './spelling/speller';

/**
 * Preflight (issue 15): what a check finds and what it is given. Everything here is plain
 * data, so findings cross to and from a Web Worker and print in the CLI as they are.
 */

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Where a finding is. */
export interface FindingPlace {
  /**
   * Index of the block in the body (`root.children`), or null for the story's metadata
   * (headline, standfirst, byline, slug) and for the story as a whole.
   */
  block: number | null;
  /** The field of the block or story: caption, credit, alt, url, handle, date, text, entries, headline… */
  field?: string;
  /**
   * A range of text, in UTF-16 code units: of the field when there is one, else of the
   * block's text as `blockText` spells it (text runs joined, line breaks as "\n", list
   * items one per line).
   */
  start?: number;
  end?: number;
}

/** Something a subeditor can do in one click besides replacing text. */
export type FindingAction = { type: 'insert-helpline'; presetId: string } | { type: 'replace-helpline'; presetId: string };

export interface Finding {
  /** The rule's id: "photo-alt", "leftover", "house-style/per-cent", "spelling", "sensitive-footer"… */
  rule: string;
  severity: Severity;
  message: string;
  where: FindingPlace;
  /** Replacements for the located text or field, best first. */
  suggestions?: string[];
  action?: FindingAction;
  /** Why, with sources, for rules a subeditor may not know. */
  help?: string;
  /** The text the finding is about, as it stands (for the CLI's `"…" → "…"`). */
  excerpt?: string;
}

/** The markets helpline footers and sensitive-content guidance are chosen for. */
export type Market = 'NZ' | 'AU' | 'UK' | 'US';
export const MARKETS: readonly Market[] = ['NZ', 'AU', 'UK', 'US'];

export type CheckLanguage = 'en-NZ' | 'en-AU' | 'en-GB' | 'en-US';
export const CHECK_LANGUAGES: readonly CheckLanguage[] = ['en-NZ', 'en-AU', 'en-GB', 'en-US'];

export interface CheckOptions {
  /** Today, for review dates. Passed in so a check is a pure function of its inputs. */
  now: Date;
  /** Longest headline and standfirst before a warning (Settings; 70 and 200 by default). */
  headlineLimit?: number;
  standfirstLimit?: number;
  /** How credits print (Settings); decides what a credit in the wrong style looks like. */
  creditStyle?: CreditStyle;
  /** The house-style rules in force (the shipped New Zealand set unless a newsroom file replaced it). */
  houseStyle?: readonly HouseStyleRule[];
  /** The spellchecker for the story's language; no spelling findings without one. */
  speller?: Speller | null;
  /** The user's own helpline presets, looked up before the shipped ones. */
  helplinePresets?: readonly HelplinePreset[];
  /** Days after `verifiedAt` a helpline list is due for review (365 by default). */
  helplineReviewDays?: number;
  /** The market when neither dateline, section nor language says (Settings; NZ by default). */
  defaultMarket?: Market;
  /** Rule ids (or prefixes ending in "/") not to run. */
  disabled?: readonly string[];
}

/** What every block rule gets: the block's serialized node (as saved) and the options. */
export interface BlockContext {
  node: SerializedBodyNode;
  index: number;
  options: CheckOptions;
}

/** Facts a block type contributes: a photo knows it needs alt text and a credit. */
export type BlockCheck = (context: BlockContext) => Finding[];

/** A rule over the whole story: metadata, or what needs every block at once (the helpline rule). */
export interface StoryRule {
  id: string;
  check(story: Story, options: CheckOptions): Finding[];
}
