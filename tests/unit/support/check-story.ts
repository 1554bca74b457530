import { BUILT_IN_PRESETS, presetToState, type HelplineEntry } from '../../../shared/blocks/helpline';
import { cachedSpeller, type CheckLanguage, type CheckOptions, type Speller } from '../../../shared/check';
import { bodyOf, createStory } from '../../../shared/story/create';
import type { SerializedBodyNode, Story, StoryMeta } from '../../../shared/story/schema';
import { readDictionary } from '../../../electron/cli/check';
import { paragraph } from '../../fixtures/seed-story';

/** A fixed day for review dates, so no check depends on the clock. */
export const CHECK_NOW = new Date('2026-12-04T09:00:00Z');

/** A story with complete metadata (so only what a test plants is found) and these blocks. */
export function storyOf(children: SerializedBodyNode[], meta: Partial<StoryMeta> = {}): Story {
  const story = createStory({ id: 'check-test', now: CHECK_NOW });
  story.meta = { ...story.meta, headline: 'Council votes on the rates rise', byline: 'Aroha Smith', slug: 'council-rates', ...meta };
  story.body = bodyOf(children);
  return story;
}

export function options(extra: Partial<CheckOptions> = {}): CheckOptions {
  return { now: CHECK_NOW, ...extra };
}

/** The speller for a language, loaded once for the whole test run (the CLI's own loader). */
export function speller(language: CheckLanguage = 'en-NZ'): Speller {
  return cachedSpeller(language, () => readDictionary(language));
}

export function helpline(presetId: string, change: (entries: HelplineEntry[]) => HelplineEntry[] = (e) => e): SerializedBodyNode {
  const preset = BUILT_IN_PRESETS.find((p) => p.id === presetId)!;
  const state = presetToState(preset);
  return { type: 'helpline', version: 1, format: '', ...state, entries: change(state.entries) };
}

/** A plain-text article as a story: paragraphs split on blank lines; from the help heading on, a helpline footer. */
export function articleStory(text: string, meta: Partial<StoryMeta> = {}): Story {
  const lines = text.replace(/^source:.*\n/, '').split('\n');
  const helpAt = lines.findIndex((l) => /^(?:where to get help|if you or someone you know needs)/i.test(l.trim()));
  const copy = (helpAt < 0 ? lines : lines.slice(0, helpAt)).join('\n');
  const children: SerializedBodyNode[] = copy
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => paragraph(p));
  if (helpAt >= 0) {
    const entries = lines
      .slice(helpAt + 1)
      .map((l) => l.replace(/^[-•*]\s*/, '').trim())
      .filter(Boolean)
      .map((detail) => ({ name: detail.split(/[:–-]/)[0]!.trim(), detail }));
    children.push({
      type: 'helpline',
      version: 1,
      format: '',
      presetId: '',
      heading: lines[helpAt]!.trim(),
      entries,
      verifiedAt: '2026-11-01',
    });
  }
  return storyOf(children, { headline: '', ...meta });
}
