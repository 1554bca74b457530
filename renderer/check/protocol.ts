import type { CreditStyle } from '../../shared/blocks/photo';
import type { HelplinePreset } from '../../shared/blocks/helpline';
import type { CheckLanguage, Finding, HouseStyleRule, Market } from '../../shared/check';
import type { Story } from '../../shared/story/schema';

/** What the window sends the check worker: the story without its images, and the settings that shape a check. */
export interface CheckRequest {
  id: number;
  story: Story;
  settings: CheckSettings;
}

export interface CheckSettings {
  language: CheckLanguage;
  creditStyle?: CreditStyle;
  headlineLimit?: number;
  standfirstLimit?: number;
  /** The rules in force (the shipped set, or it with a newsroom file on top). */
  houseStyle?: HouseStyleRule[];
  helplinePresets?: HelplinePreset[];
  defaultMarket?: Market;
  spelling: boolean;
  /**
   * Where the worker fetches the Hunspell dictionary for `language` (the files of the
   * dictionary-en-gb package for en-NZ and en-GB, dictionary-en-au, dictionary-en for en-US),
   * as the app serves them. No spelling without it.
   */
  dictionary?: { aff: string; dic: string };
}

export type CheckResponse =
  { id: number; ok: true; findings: Finding[]; rechecked: number; ms: number } | { id: number; ok: false; reason: string };
