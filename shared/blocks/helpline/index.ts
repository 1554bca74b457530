import { z } from 'zod';

/**
 * The helpline footer papers put under stories about suicide, mental health or loss. The
 * block holds a snapshot of a preset, so a story keeps the numbers it was published with.
 */
export interface HelplineEntry {
  /** The service ("LIFELINE", "Samaritans"). */
  name: string;
  /** The line as printed. When it does not contain the name, it is printed as "name: detail". */
  detail: string;
  /** Digits (and a leading +) for a tel: link, if the line has a number to call. */
  phone?: string;
  /** https link for the service, if the line names a website. */
  url?: string;
}

export interface HelplineState {
  presetId: string;
  heading: string;
  entries: HelplineEntry[];
  /** ISO date the numbers were last checked. */
  verifiedAt: string;
}

export interface HelplinePreset extends Omit<HelplineState, 'presetId'> {
  id: string;
  label: string;
  region: string;
  /** Shipped with Copydesk (read-only) or made by the user. */
  builtIn: boolean;
}

/** A number to dial as a helpline entry keeps it: digits, maybe a leading +. The one phone rule. */
export const PHONE_DIGITS = /^\+?[0-9]{3,15}$/;

const phone = z.string().regex(PHONE_DIGITS, { message: 'must be digits to dial (e.g. 0800543354)' });
const httpsUrl = z
  .string()
  .max(500)
  .refine(
    (u) => {
      try {
        return new URL(u).protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: 'must be an https link' },
  );

export const HelplineEntrySchema = z.object({
  name: z.string().trim().min(1, { message: 'needs the name of the service' }).max(200),
  detail: z.string().trim().min(1, { message: 'needs the line to print' }).max(500),
  phone: phone.optional(),
  url: httpsUrl.optional(),
});

export const HelplineStateSchema = z.object({
  presetId: z.string().max(100).default(''),
  heading: z.string().trim().min(1, { message: 'needs a heading' }).max(200),
  entries: z.array(HelplineEntrySchema).min(1, { message: 'needs at least one entry' }).max(50),
  verifiedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}/, { message: 'must be a date (YYYY-MM-DD)' }),
});

export const HelplinePresetSchema = HelplineStateSchema.omit({ presetId: true }).extend({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}$/, { message: 'must be lower-case letters, digits and hyphens' }),
  label: z.string().trim().min(1, { message: 'needs a name' }).max(100),
  region: z.string().max(50).default(''),
  builtIn: z.boolean().default(false),
});

/** Checks a user's preset; the reason names the field ("entry 3 phone must be digits …"). */
export function validatePreset(input: unknown): { ok: true; preset: HelplinePreset } | { ok: false; reason: string } {
  const parsed = HelplinePresetSchema.safeParse(input);
  if (parsed.success) return { ok: true, preset: parsed.data as HelplinePreset };
  const issue = parsed.error.issues[0]!;
  const where = issue.path
    .map((p, i) => (typeof p === 'number' && issue.path[i - 1] === 'entries' ? String(p + 1) : String(p)))
    .join(' ')
    .replace(/^entries (\d+)/, 'entry $1');
  const message = /^[a-z]/.test(issue.message) ? issue.message : 'is not valid';
  return { ok: false, reason: `${where || 'preset'} ${message}` };
}

export function presetToState(preset: HelplinePreset): HelplineState {
  return {
    presetId: preset.id,
    heading: preset.heading,
    entries: preset.entries.map((e) => ({ ...e })),
    verifiedAt: preset.verifiedAt,
  };
}

/** True when the block's numbers are the preset's (ignoring the snapshot's own id). */
export function matchesPreset(state: Pick<HelplineState, 'heading' | 'entries'>, preset: HelplinePreset): boolean {
  const norm = (entries: HelplineEntry[]) =>
    JSON.stringify(entries.map((e) => [e.name.trim().toLowerCase(), e.detail.trim().toLowerCase(), e.phone ?? '', e.url ?? '']));
  return state.heading.trim().toLowerCase() === preset.heading.trim().toLowerCase() && norm(state.entries) === norm(preset.entries);
}

/** The line as printed: the detail, prefixed by the name when the detail does not say it. */
export function entryLine(entry: HelplineEntry): string {
  const detail = entry.detail.trim();
  const name = entry.name.trim();
  return detail.toLowerCase().includes(name.toLowerCase()) ? detail : `${name}: ${detail}`;
}

const VERIFIED = '2026-11-01';

/** Shipped presets. Numbers checked on VERIFIED; users add and edit their own in Settings. */
export const BUILT_IN_PRESETS: readonly HelplinePreset[] = Object.freeze([
  {
    id: 'nz-standard',
    label: 'New Zealand — standard',
    region: 'NZ',
    builtIn: true,
    heading: 'Where to get help:',
    verifiedAt: VERIFIED,
    entries: [
      { name: 'sands.org.nz', detail: 'For support for bereaved parents visit sands.org.nz', url: 'https://www.sands.org.nz' },
      { name: 'LIFELINE', detail: '0800 543 354 (0800 LIFELINE) or free text 4357 (HELP) (available 24/7)', phone: '0800543354' },
      {
        name: 'lifeline.org.nz',
        detail: 'https://www.lifeline.org.nz/services/suicide-crisis-helpline',
        url: 'https://www.lifeline.org.nz/services/suicide-crisis-helpline',
      },
      { name: 'YOUTHLINE', detail: 'YOUTHLINE: 0800 376 633', phone: '0800376633' },
      { name: 'NEED TO TALK?', detail: 'NEED TO TALK? Free call or text 1737 (available 24/7)', phone: '1737' },
      { name: 'KIDSLINE', detail: 'KIDSLINE: 0800 543 754 (available 24/7)', phone: '0800543754' },
      { name: 'WHATSUP', detail: 'WHATSUP: 0800 942 8787 (1pm to 11pm)', phone: '08009428787' },
      { name: 'DEPRESSION HELPLINE', detail: 'DEPRESSION HELPLINE: 0800 111 757 or TEXT 4202', phone: '0800111757' },
      { name: 'NATIONAL ANXIETY 24 HR HELPLINE', detail: 'NATIONAL ANXIETY 24 HR HELPLINE: 0800 269 4389', phone: '08002694389' },
    ],
  },
  {
    id: 'nz-mental-health',
    label: 'New Zealand — mental health',
    region: 'NZ',
    builtIn: true,
    heading: 'Where to get help:',
    verifiedAt: VERIFIED,
    entries: [
      { name: 'Need to talk?', detail: 'Need to talk? Free call or text 1737 any time to talk to a trained counsellor', phone: '1737' },
      { name: 'Lifeline', detail: 'Lifeline: 0800 543 354 or text HELP to 4357', phone: '0800543354' },
      { name: 'Suicide Crisis Helpline', detail: 'Suicide Crisis Helpline: 0508 828 865 (0508 TAUTOKO)', phone: '0508828865' },
      { name: 'Youthline', detail: 'Youthline: 0800 376 633 or text 234', phone: '0800376633' },
      { name: 'Samaritans', detail: 'Samaritans: 0800 726 666', phone: '0800726666' },
      { name: 'Depression Helpline', detail: 'Depression Helpline: 0800 111 757 or text 4202', phone: '0800111757' },
      { name: "What's Up", detail: "What's Up: 0800 942 8787 (for 5 to 19-year-olds)", phone: '08009428787' },
      { name: 'Kidsline', detail: 'Kidsline: 0800 54 37 54 (for under-18s)', phone: '0800543754' },
      { name: 'Anxiety NZ', detail: 'Anxiety NZ: 0800 269 4389', phone: '08002694389' },
      { name: 'Emergency', detail: 'If it is an emergency or you feel like you or someone else is at risk, call 111', phone: '111' },
    ],
  },
  {
    id: 'au',
    label: 'Australia',
    region: 'AU',
    builtIn: true,
    heading: 'Where to get help:',
    verifiedAt: VERIFIED,
    entries: [
      { name: 'Lifeline', detail: 'Lifeline: 13 11 14', phone: '131114' },
      { name: 'Suicide Call Back Service', detail: 'Suicide Call Back Service: 1300 659 467', phone: '1300659467' },
      { name: 'Beyond Blue', detail: 'Beyond Blue: 1300 22 4636', phone: '1300224636' },
      { name: 'Kids Helpline', detail: 'Kids Helpline: 1800 55 1800', phone: '1800551800' },
      { name: 'MensLine', detail: 'MensLine: 1300 78 99 78', phone: '1300789978' },
      { name: 'Emergency', detail: 'In an emergency, call 000', phone: '000' },
    ],
  },
  {
    id: 'uk',
    label: 'United Kingdom',
    region: 'UK',
    builtIn: true,
    heading: 'Where to get help:',
    verifiedAt: VERIFIED,
    entries: [
      { name: 'Samaritans', detail: 'Samaritans: call 116 123, free, any time', phone: '116123' },
      { name: 'Emergency', detail: 'In an emergency, call 999', phone: '999' },
    ],
  },
  {
    id: 'us',
    label: 'United States',
    region: 'US',
    builtIn: true,
    heading: 'Where to get help:',
    verifiedAt: VERIFIED,
    entries: [
      { name: '988 Suicide & Crisis Lifeline', detail: '988 Suicide & Crisis Lifeline: call or text 988', phone: '988' },
      { name: 'Crisis Text Line', detail: 'Crisis Text Line: text HOME to 741741' },
      { name: 'Emergency', detail: 'In an emergency, call 911', phone: '911' },
    ],
  },
]);

export function findPreset(id: string, userPresets: readonly HelplinePreset[] = []): HelplinePreset | undefined {
  return userPresets.find((p) => p.id === id) ?? BUILT_IN_PRESETS.find((p) => p.id === id);
}
