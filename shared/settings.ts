import { z } from 'zod';
import { HelplinePresetSchema, type HelplinePreset } from './blocks/helpline';
import { CREDIT_STYLE_IDS, DEFAULT_CREDIT_STYLE, type CreditStyle } from './blocks/photo';

/** A user's Copydesk settings, saved per user (not per story). */
export interface Settings {
  creditStyle: CreditStyle;
  /** Fill tweets from publish.twitter.com/oembed when online. */
  tweetLookup: boolean;
  /** The user's own helpline presets (the shipped ones are not stored). */
  helplinePresets: HelplinePreset[];
  /** Light or dark look; 'system' follows the operating system's setting. */
  theme: Theme;
  /**
   * "Your name": who is speaking in comments, suggestions, versions and the timeline. Empty means
   * the host's default (the OS account's full name, else its user name; the harness's --user).
   */
  authorName: string;
  /** The Export dialog's last choices. */
  lastExport: { format: 'html' | 'page' | 'json' | 'ninjs'; assets: 'inline' | 'dir'; tweetScript: boolean };
}

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const DEFAULT_SETTINGS: Settings = {
  creditStyle: DEFAULT_CREDIT_STYLE,
  tweetLookup: true,
  helplinePresets: [],
  theme: 'system',
  authorName: '',
  lastExport: { format: 'page', assets: 'inline', tweetScript: false },
};

export const SettingsSchema = z.object({
  creditStyle: z.enum(CREDIT_STYLE_IDS as [CreditStyle, ...CreditStyle[]]).default(DEFAULT_CREDIT_STYLE),
  tweetLookup: z.boolean().default(true),
  helplinePresets: z
    .array(HelplinePresetSchema)
    .max(100)
    .default([])
    .refine((presets) => new Set(presets.map((p) => p.id)).size === presets.length, { message: 'preset ids must be unique' }),
  theme: z.enum(THEMES).default('system'),
  authorName: z.string().trim().max(200, { message: 'is longer than 200 characters' }).default(''),
  lastExport: z
    .object({
      format: z.enum(['html', 'page', 'json', 'ninjs']).default('page'),
      assets: z.enum(['inline', 'dir']).default('inline'),
      tweetScript: z.boolean().default(false),
    })
    .default({ format: 'page', assets: 'inline', tweetScript: false }),
});
