import type { Element } from 'domhandler';
import { el, safeLinkUrl, type Html, type SafeUrl } from '../../export/markup';
import { byline, found, hasClass, refused, segments, type EmbedProviderSpec, type EmbedUrlResult } from './provider';
import type { EmbedState } from './schema';

/**
 * YouTube and Vimeo. A page export plays the video in the service's privacy-enhanced player
 * (youtube-nocookie.com; player.vimeo.com with dnt=1); a fragment for a CMS gets the linked
 * title, since a CMS brings its own player.
 */

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

function parseYoutube(url: URL): EmbedUrlResult {
  const host = url.hostname.toLowerCase();
  const parts = segments(url);
  const video = (id: string | null | undefined) =>
    id && YOUTUBE_ID.test(id)
      ? found('youtube', `https://www.youtube.com/watch?v=${id}`, id)
      : refused('That YouTube link has no video id in it.');
  if (host === 'youtu.be') return video(parts[0]);
  const [first, second] = parts;
  if (first === 'watch') return video(url.searchParams.get('v'));
  if (first && ['shorts', 'live', 'embed', 'v', 'e'].includes(first)) return video(second);
  if (first === 'playlist') return refused('That is a YouTube playlist, not a video.');
  if (first === 'results') return refused('That is a YouTube search, not a video.');
  if (first === 'post') return refused('That is a YouTube community post; embed a video instead.');
  if (first && (first.startsWith('@') || ['channel', 'c', 'user'].includes(first)))
    return refused('That is a YouTube channel, not a video.');
  return refused('That YouTube link is not a video.');
}

const VIMEO_ID = /^[0-9]{1,12}$/;
const VIMEO_HASH = /^[0-9a-f]{6,20}$/;

function parseVimeo(url: URL): EmbedUrlResult {
  const host = url.hostname.toLowerCase();
  const parts = segments(url);
  const video = (id: string | undefined, hash: string | null | undefined) => {
    if (!id || !VIMEO_ID.test(id)) return refused('That Vimeo link has no video number in it.');
    const unlisted = hash && VIMEO_HASH.test(hash) ? hash : '';
    return found('vimeo', `https://vimeo.com/${id}${unlisted ? `/${unlisted}` : ''}`, id);
  };
  if (host === 'player.vimeo.com')
    return parts[0] === 'video' ? video(parts[1], url.searchParams.get('h')) : refused('That Vimeo link is not a video.');
  const digits = parts.findIndex((p) => VIMEO_ID.test(p));
  // vimeo.com/ID[/HASH], /channels/NAME/ID, /groups/NAME/videos/ID, /showcase/X/video/ID, /manage/videos/ID
  if (digits >= 0 && (digits === 0 || ['channels', 'groups', 'album', 'showcase', 'manage'].includes(parts[0]!))) {
    return video(parts[digits], parts[digits + 1] ?? url.searchParams.get('h'));
  }
  if (parts[0] === 'showcase' || parts[0] === 'album') return refused('That is a Vimeo showcase, not a video.');
  if (parts.length === 1) return refused('That is a Vimeo profile, not a video.');
  return refused('That Vimeo link is not a video.');
}

/** The title linked to the video, then who made it and when. */
function caption(embed: EmbedState): Html {
  const href = safeLinkUrl(embed.url);
  // A title is one line; a snapshot typed with line breaks prints them as spaces.
  const title = embed.text.replace(/\s+/g, ' ').trim() || embed.url;
  const credit = [byline(embed), embed.date.trim()].filter(Boolean).join(', ');
  return el('figcaption', null, href ? el('a', { href }, title) : title, credit ? ` — ${credit}` : null);
}

function videoFigure(embed: EmbedState, provider: 'youtube' | 'vimeo', player: SafeUrl | null, page: boolean): Html {
  const iframe =
    page && player
      ? el('iframe', {
          src: player,
          title: embed.text.replace(/\s+/g, ' ').trim() || `${provider === 'youtube' ? 'YouTube' : 'Vimeo'} video`,
          width: 640,
          height: 360,
          allow: provider === 'youtube' ? 'encrypted-media; picture-in-picture; web-share' : 'fullscreen; picture-in-picture',
          referrerpolicy: 'strict-origin-when-cross-origin',
          loading: 'lazy',
          allowfullscreen: true,
        })
      : null;
  return el('figure', { class: `embed ${provider}-embed` }, iframe, caption(embed));
}

/** https://www.youtube-nocookie.com/embed/ID, built only from a checked id. */
function youtubePlayer(embed: EmbedState): SafeUrl | null {
  const parsed = embed.url ? parseYoutube(new URL(embed.url)) : null;
  return parsed?.ok ? (`https://www.youtube-nocookie.com/embed/${parsed.id}` as SafeUrl) : null;
}

/** https://player.vimeo.com/video/ID?h=HASH&dnt=1 — dnt: Vimeo sets no tracking cookies. */
function vimeoPlayer(embed: EmbedState): SafeUrl | null {
  const parsed = embed.url ? parseVimeo(new URL(embed.url)) : null;
  if (!parsed?.ok) return null;
  const hash = segments(new URL(parsed.url))[1];
  return `https://player.vimeo.com/video/${parsed.id}?${hash ? `h=${hash}&` : ''}dnt=1` as SafeUrl;
}

/** The video an iframe plays, or our own figure's link. */
function videoCodeUrl(element: Element, provider: 'youtube' | 'vimeo', playerHost: RegExp): string | null {
  if (element.name === 'iframe' && playerHost.test(element.attribs.src ?? '')) return element.attribs.src!;
  if (element.name === 'figure' && hasClass(element, `${provider}-embed`)) {
    const iframe = element.children.find((c): c is Element => c.type === 'tag' && c.name === 'iframe');
    if (iframe?.attribs.src) return iframe.attribs.src;
    const link = findLink(element);
    return link ?? '';
  }
  return null;
}

function findLink(element: Element): string | null {
  for (const child of element.children) {
    if (child.type !== 'tag') continue;
    if (child.name === 'a' && child.attribs.href) return child.attribs.href;
    const inner = findLink(child);
    if (inner) return inner;
  }
  return null;
}

export const YOUTUBE: EmbedProviderSpec = {
  id: 'youtube',
  label: 'YouTube',
  noun: 'video',
  hosts: [
    'youtube.com',
    'www.youtube.com',
    'm.youtube.com',
    'music.youtube.com',
    'youtu.be',
    'youtube-nocookie.com',
    'www.youtube-nocookie.com',
  ],
  parseUrl: parseYoutube,
  oembedUrl: (url) => `https://www.youtube.com/oembed?format=json&url=${encodeURIComponent(url)}`,
  render: (embed, page) => videoFigure(embed, 'youtube', youtubePlayer(embed), page),
  embedCodeUrl: (element) => videoCodeUrl(element, 'youtube', /^(?:https?:)?\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\//i),
};

export const VIMEO: EmbedProviderSpec = {
  id: 'vimeo',
  label: 'Vimeo',
  noun: 'video',
  hosts: ['vimeo.com', 'www.vimeo.com', 'player.vimeo.com'],
  parseUrl: parseVimeo,
  oembedUrl: (url) => `https://vimeo.com/api/oembed.json?dnt=true&url=${encodeURIComponent(url)}`,
  render: (embed, page) => videoFigure(embed, 'vimeo', vimeoPlayer(embed), page),
  embedCodeUrl: (element) => videoCodeUrl(element, 'vimeo', /^(?:https?:)?\/\/player\.vimeo\.com\/video\//i),
};
