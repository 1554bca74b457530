import type { Html } from '../../export/markup';
import { embedProvider } from './providers';
import { cleanEmbed, type EmbedState } from './schema';

/**
 * The embed as its service's own markup, from the stored snapshot — never a script, never
 * the service's HTML. `page`: a standalone page export, where YouTube and Vimeo get their
 * privacy-enhanced player; everywhere else (fragment, CMS JSON, copy) a linked title.
 * Null when the object is not an embed of a known service.
 */
export function renderEmbed(state: unknown, page = false): Html | null {
  const embed = cleanEmbed(state);
  if (!embed) return null;
  if (!embed.url && !embed.text.trim() && !embed.authorName.trim() && !embed.authorHandle.trim()) return null;
  return embedProvider(embed.provider).render(embed, page);
}

/** The players a page with these embeds must be allowed to frame (its Content-Security-Policy). */
export const VIDEO_PLAYER_ORIGINS = { youtube: 'https://www.youtube-nocookie.com', vimeo: 'https://player.vimeo.com' } as const;

/** The words of the block for plain-text copies: TEXT — NAME (@HANDLE), DATE, URL */
export function embedText(embed: EmbedState): string {
  const credit = [embed.authorName.trim(), embed.authorHandle.trim() ? `(@${embed.authorHandle.trim()})` : ''].filter(Boolean).join(' ');
  return [embed.text.trim(), [credit, embed.date.trim()].filter(Boolean).join(', '), embed.url].filter(Boolean).join('\n');
}
