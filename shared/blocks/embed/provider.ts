import type { Element } from 'domhandler';
import { el, fragment, safeLinkUrl, type Html, type SafeUrl } from '../../export/markup';
import type { EmbedProviderId, EmbedState } from './schema';

/** A link read as a post or video of one service, or the reason it cannot be one. */
export type EmbedUrlResult =
  | {
      ok: true;
      provider: EmbedProviderId;
      /** The canonical link the block keeps. */
      url: string;
      /** The post or video id as the service writes it. */
      id: string;
      /** The account in the link, when it names one ('' otherwise). */
      handle: string;
    }
  | { ok: false; reason: string; /** An X/Twitter link: it belongs to the tweet block. */ tweet?: true };

/** Everything one service needs: its links, its look-up and its embed markup both ways. */
export interface EmbedProviderSpec {
  id: EmbedProviderId;
  /** As readers know it: "YouTube". */
  label: string;
  /** What one of its embeds is called: "video", "post", "reel"… */
  noun: string;
  /** Host names the service answers on (lowercase). Mastodon has none: any instance. */
  hosts: readonly string[];
  /** Reads a link whose host is one of `hosts` (or, for Mastodon, any other host). */
  parseUrl(url: URL): EmbedUrlResult;
  /** The public oEmbed request for a canonical link. */
  oembedUrl(url: string): string;
  /** The service's own embed markup from the snapshot, with no script; `page` allows the video iframe. */
  render(embed: EmbedState, page: boolean): Html;
  /** The post link an element of the service's embed code points at, or null when it is not one. */
  embedCodeUrl(element: Element): string | null;
}

export function found(provider: EmbedProviderId, url: string, id: string, handle = ''): EmbedUrlResult {
  return { ok: true, provider, url, id, handle };
}

export function refused(reason: string): EmbedUrlResult {
  return { ok: false, reason };
}

/** Path segments, decoded where they can be, without empty ones. */
export function segments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
}

export function hasClass(element: Element, name: string): boolean {
  return (element.attribs.class ?? '').split(/\s+/).includes(name);
}

// ---- markup shared by the blockquote embeds ----------------------------------------------

/** The post's text as one paragraph, line breaks as <br>; nothing when there is no text. */
export function textParagraph(text: string): Html | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return el('p', null, withBreaks(trimmed));
}

export function withBreaks(text: string): (Html | string)[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, i) => (i === 0 ? [line] : [el('br', null), line]));
}

/** "NAME (@HANDLE)", "NAME" or "@HANDLE" — how every service credits a post. */
export function byline(embed: EmbedState): string {
  const name = embed.authorName.trim();
  const handle = embed.authorHandle.trim();
  if (name && handle) return `${name} (@${handle})`;
  return name || (handle ? `@${handle}` : '');
}

/**
 * Bluesky's (and Twitter's) closing line, which Threads and Mastodon embeds here share:
 *   &mdash; NAME (<a href="PROFILE">@HANDLE</a>) <a href="POST">DATE</a>
 * The last link names the date, or says where the post lives when the date is unknown.
 */
export function closingLine(embed: EmbedState, profile: SafeUrl | null, viewOn: string): Html {
  const post = safeLinkUrl(embed.url);
  const name = embed.authorName.trim();
  const handle = embed.authorHandle.trim();
  const parts: (Html | string)[] = [];
  if (name || handle) {
    parts.push('— ');
    if (name) parts.push(name);
    if (handle) {
      const at = `@${handle}`;
      parts.push(name ? ' (' : '', profile ? el('a', { href: profile }, at) : at, name ? ')' : '');
    }
    parts.push(' ');
  }
  const date = embed.date.trim() || viewOn;
  parts.push(post ? el('a', { href: post }, date) : date);
  return fragment(parts);
}
