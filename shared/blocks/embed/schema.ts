import { z } from 'zod';
import { parseEmbedUrl } from './url';

/**
 * A social embed, kept as a snapshot of what readers saw (like a tweet): which service, the
 * post's link, who posted it, its text or title, and when. Never the service's HTML, never a
 * script. The schema is the block's single source of fields, limits and defaults.
 */
export const EMBED_PROVIDERS = ['youtube', 'vimeo', 'instagram', 'tiktok', 'facebook', 'bluesky', 'mastodon', 'threads'] as const;
export type EmbedProviderId = (typeof EMBED_PROVIDERS)[number];

export const EMBED_LIMITS = { url: 1000, authorName: 200, authorHandle: 300, text: 10_000, date: 100 } as const;

const limited = (max: number) => z.string().max(max, { message: `is longer than ${max} characters` });

export const EmbedFieldsSchema = z.object({
  provider: z.enum(EMBED_PROVIDERS),
  url: limited(EMBED_LIMITS.url).default(''),
  authorName: limited(EMBED_LIMITS.authorName).default(''),
  authorHandle: limited(EMBED_LIMITS.authorHandle).default(''),
  text: limited(EMBED_LIMITS.text).default(''),
  date: limited(EMBED_LIMITS.date).default(''),
});

/** Why a stored link cannot be this block's (not a post, or another service's), or null. */
export function embedUrlProblem(state: { provider: EmbedProviderId; url: string }): string | null {
  if (state.url === '') return null;
  const parsed = parseEmbedUrl(state.url);
  if (!parsed.ok) return `is not a post link (${parsed.reason})`;
  return parsed.provider === state.provider ? null : `is a ${parsed.provider} link, not ${state.provider}`;
}

/** The fields, and a link that must be a post or video of the named service. */
export const EmbedStateSchema = EmbedFieldsSchema.superRefine((state, ctx) => {
  const problem = embedUrlProblem(state);
  if (problem) ctx.addIssue({ code: 'custom', path: ['url'], message: problem });
});

export type EmbedState = z.infer<typeof EmbedFieldsSchema>;

export const EMBED_FIELDS = Object.keys(EmbedFieldsSchema.shape) as (keyof EmbedState)[];

export function emptyEmbed(provider: EmbedProviderId): EmbedState {
  return EmbedFieldsSchema.parse({ provider });
}

export function isEmbedProvider(value: unknown): value is EmbedProviderId {
  return typeof value === 'string' && (EMBED_PROVIDERS as readonly string[]).includes(value);
}

/**
 * Any object's embed fields as the export may print them: strings cut to their limits, an
 * unknown provider → null, and a link that is not this service's post emptied. Exports run
 * on objects that never went through restore.
 */
export function cleanEmbed(value: unknown): EmbedState | null {
  const source = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (!isEmbedProvider(source.provider)) return null;
  const str = (key: Exclude<keyof EmbedState, 'provider'>) =>
    typeof source[key] === 'string' ? (source[key] as string).slice(0, EMBED_LIMITS[key]) : '';
  const parsed = parseEmbedUrl(str('url'));
  return {
    provider: source.provider,
    url: parsed.ok && parsed.provider === source.provider ? parsed.url : '',
    authorName: str('authorName'),
    authorHandle: str('authorHandle').replace(/^@/, ''),
    text: str('text'),
    date: str('date'),
  };
}
