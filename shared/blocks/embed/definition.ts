import { z } from 'zod';
import type { BlockDefinition } from '../types';
import { embedFromElement, recogniseEmbedElement } from './embed-code';
import { embedProvider } from './providers';
import { embedText, renderEmbed, VIDEO_PLAYER_ORIGINS } from './render';
import { cleanEmbed, EMBED_PROVIDERS, EmbedFieldsSchema, embedUrlProblem, emptyEmbed, type EmbedState } from './schema';
import type { Html } from '../../export/markup';

/**
 * The social embed block: a snapshot of a post or video from YouTube, Vimeo, Instagram,
 * TikTok, Facebook, Bluesky, Mastodon or Threads, exported as the service's own markup with
 * no script (a privacy-enhanced player for videos in the page export only).
 */
export const embedBlock: BlockDefinition<'embed', EmbedState, { pageHtml: Html }, 'embeds'> = {
  type: 'embed',
  label: 'Social embed',
  summary: { key: 'embeds', one: 'social embed', many: 'social embeds' },
  schema: EmbedFieldsSchema,
  rules: [{ check: (embed) => embedUrlProblem(embed) === null, message: 'must be a post or video link of its service', path: ['url'] }],
  empty: () => emptyEmbed('youtube'),
  example: () => ({
    provider: 'bluesky',
    url: 'https://bsky.app/profile/emilyliu.me/post/3lbq7mxsiek2v',
    authorName: 'Emily Liu',
    authorHandle: 'emilyliu.me',
    text: 'Boats are out on Marine Parade.\nStay off the roads.',
    date: 'February 14, 2023',
  }),
  fields: {
    provider: { label: 'Service', kind: 'id' },
    url: { label: 'Link', kind: 'url' },
    authorName: { label: 'Posted by', kind: 'text' },
    authorHandle: { label: 'Handle', kind: 'text' },
    text: { label: 'Text or title', kind: 'prose' },
    date: { label: 'Date', kind: 'date' },
  },
  describe(embed) {
    const spec = embedProvider(embed.provider);
    const who = embed.authorHandle.trim() ? `@${embed.authorHandle.trim()}` : embed.authorName.trim();
    return `${spec.label} ${spec.noun}${who ? ` by ${who}` : ''}${embed.date.trim() ? `, ${embed.date.trim()}` : ''}`;
  },
  plainText: embedText,
  placement: 'anywhere',
  render(state) {
    const embed = cleanEmbed(state);
    const html = renderEmbed(embed);
    const pageHtml = renderEmbed(embed, true);
    return embed && html && pageHtml ? { type: 'embed', state: embed, html, data: { pageHtml } } : null;
  },
  page(block) {
    const { provider, url } = block.state;
    const frameSources = (provider === 'youtube' || provider === 'vimeo') && url ? [VIDEO_PLAYER_ORIGINS[provider]] : [];
    return { html: block.data.pageHtml, frameSources };
  },
  cms: {
    // The exported fields are the cleaned state: a link that is not the service's post is emptied.
    schema: z.object({
      provider: z.enum(EMBED_PROVIDERS),
      url: z
        .string()
        .regex(/^https:\/\//)
        .or(z.literal(''))
        .describe("The post's canonical link."),
      authorName: z.string(),
      authorHandle: z.string().describe('Without the @ (Mastodon: user@server).'),
      text: z.string().describe("The post's text, or a video's title, as plain text (a snapshot)."),
      date: z.string(),
    }),
    fields: (block) => ({ ...block.state }),
  },
  ninjs: { body: 'richtext' },
  html: {
    tags: ['blockquote', 'div', 'figure', 'iframe'],
    matches: (el) => recogniseEmbedElement(el) !== null,
    // Embed code that names no post of its service is not a block we can keep (nor link back to).
    read(el) {
      const embed = embedFromElement(el);
      return embed && embed.url ? embed : null;
    },
  },
};
