import { z } from 'zod';
import type { BlockDefinition } from '../types';
import { helplineFromAside, isHelplineAside } from './html';
import { cleanEntry, isPrintableEntry, renderHelpline } from './render';
import { BUILT_IN_PRESETS, entryLine, HelplineStateSchema, PHONE_DIGITS, presetToState, type HelplineState } from '.';

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** The helpline footer ("Where to get help:"): a snapshot of a preset, the story's last block. */
export const helplineBlock: BlockDefinition<'helpline', HelplineState, null, 'helplines'> = {
  type: 'helpline',
  label: 'Helpline footer',
  summary: { key: 'helplines', one: 'helpline footer', many: 'helpline footers' },
  schema: HelplineStateSchema,
  empty: () => presetToState(BUILT_IN_PRESETS[0]!),
  example: () => presetToState(BUILT_IN_PRESETS[0]!),
  fields: {
    presetId: { label: 'Preset', kind: 'id' },
    heading: { label: 'Heading', kind: 'text' },
    entries: { label: 'Lines', kind: 'list' },
    verifiedAt: { label: 'Numbers checked', kind: 'date' },
  },
  describe(helpline) {
    const n = helpline.entries.length;
    return `Helpline footer: ${n} ${n === 1 ? 'line' : 'lines'}${helpline.verifiedAt ? `, checked ${helpline.verifiedAt}` : ''}`;
  },
  plainText: (helpline) => [helpline.heading, ...helpline.entries.map(entryLine)].join('\n'),
  placement: 'last',
  render(state) {
    const html = renderHelpline(state);
    if (!html) return null;
    const entries = Array.isArray(state.entries) ? (state.entries as unknown[]).filter(isPrintableEntry).map(cleanEntry) : [];
    const helpline: HelplineState = {
      presetId: str(state.presetId),
      heading: str(state.heading).trim(),
      entries,
      verifiedAt: str(state.verifiedAt),
    };
    return { type: 'helpline', state: helpline, html, data: null };
  },
  cms: {
    schema: z.object({
      heading: z.string(),
      entries: z.array(
        z.object({
          name: z.string(),
          detail: z.string(),
          phone: z.string().regex(PHONE_DIGITS).optional(),
          url: z.url({ protocol: /^https?$/ }).optional(),
        }),
      ),
      presetId: z.string(),
      verifiedAt: z.string().describe('When the numbers were last checked (YYYY-MM-DD).'),
    }),
    fields: (block) => ({ ...block.state }),
  },
  // The footer is not the story's copy: ninjs carries it as a body of its own, role "footer".
  ninjs: { body: 'footer' },
  html: {
    tags: ['aside'],
    matches: isHelplineAside,
    read(el) {
      const parsed = HelplineStateSchema.safeParse(helplineFromAside(el));
      return parsed.success ? (parsed.data as HelplineState) : null;
    },
  },
};
