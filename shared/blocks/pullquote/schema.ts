import { z } from 'zod';

/**
 * A pull quote: a line from the story set large, with who said it and what they are. The
 * schema is the block's single source of fields, limits and defaults.
 */
export const PULLQUOTE_LIMITS = { text: 2000, attribution: 200, role: 200 } as const;

export const PullquoteStateSchema = z.object({
  text: z
    .string()
    .max(PULLQUOTE_LIMITS.text, { message: `is longer than ${PULLQUOTE_LIMITS.text} characters` })
    .default(''),
  attribution: z
    .string()
    .max(PULLQUOTE_LIMITS.attribution, { message: `is longer than ${PULLQUOTE_LIMITS.attribution} characters` })
    .default(''),
  role: z
    .string()
    .max(PULLQUOTE_LIMITS.role, { message: `is longer than ${PULLQUOTE_LIMITS.role} characters` })
    .default(''),
});

export type PullquoteState = z.infer<typeof PullquoteStateSchema>;

export const PULLQUOTE_FIELDS = Object.keys(PullquoteStateSchema.shape) as (keyof PullquoteState)[];

export function emptyPullquote(): PullquoteState {
  return PullquoteStateSchema.parse({});
}

/**
 * The fields of any object, as strings cut to their limits: for serialized nodes and
 * exports that never went through restore. Nothing but the three fields comes through.
 */
export function cleanPullquote(value: unknown): PullquoteState {
  const source = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const str = (key: keyof PullquoteState) =>
    typeof source[key] === 'string' ? (source[key] as string).slice(0, PULLQUOTE_LIMITS[key]) : '';
  return { text: str('text'), attribution: str('attribution'), role: str('role') };
}
