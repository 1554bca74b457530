import type { Element } from 'domhandler';
import { el, safeLinkUrl, type SafeUrl } from '../../export/markup';
import {
  byline,
  closingLine,
  found,
  hasClass,
  refused,
  segments,
  textParagraph,
  withBreaks,
  type EmbedProviderSpec,
  type EmbedUrlResult,
} from './provider';

/**
 * Instagram, Facebook and Threads: Meta's embed markup, without Meta's scripts. Their public
 * oEmbed endpoints answer without an access token (since June 2026) but no longer name the
 * author, so the look-up reads the returned markup's text and keeps nothing else.
 */

const META_OEMBED = 'https://graph.facebook.com/v26.0';

// ---- Instagram ---------------------------------------------------------------------------

const SHORTCODE = /^[A-Za-z0-9_-]{5,40}$/;
const IG_USER = /^[A-Za-z0-9._]{1,30}$/;
const IG_KINDS: Record<string, string> = { p: 'p', reel: 'reel', reels: 'reel', tv: 'tv' };

function parseInstagram(url: URL): EmbedUrlResult {
  const parts = segments(url);
  // /p/CODE, /reel/CODE, /reels/CODE, /tv/CODE — or the newer /USER/p/CODE
  const at = parts.findIndex((p) => p in IG_KINDS);
  if (at === 0 || (at === 1 && IG_USER.test(parts[0]!))) {
    const code = parts[at + 1];
    if (!code || !SHORTCODE.test(code)) return refused('That Instagram link has no post code in it.');
    const kind = IG_KINDS[parts[at]!]!;
    return found('instagram', `https://www.instagram.com/${kind}/${code}/`, code, at === 1 ? parts[0]! : '');
  }
  if (parts[0] === 'stories') return refused('Instagram stories disappear after a day, so they cannot be embedded.');
  if (parts[0] === 'explore') return refused('That is an Instagram explore page, not a post.');
  if (parts.length === 1 && IG_USER.test(parts[0]!)) return refused('That is an Instagram profile, not a post.');
  return refused('That Instagram link is not a post or reel.');
}

export const INSTAGRAM: EmbedProviderSpec = {
  id: 'instagram',
  label: 'Instagram',
  noun: 'post',
  hosts: ['instagram.com', 'www.instagram.com', 'm.instagram.com', 'instagr.am', 'www.instagr.am'],
  parseUrl: parseInstagram,
  oembedUrl: (url) => `${META_OEMBED}/instagram_oembed?omitscript=true&url=${encodeURIComponent(url)}`,
  render(embed) {
    // <blockquote class="instagram-media" data-instgrm-permalink=… data-instgrm-version="14">
    //   <p><a href=POST>CAPTION</a></p><p><a href=POST>A post shared by NAME (@HANDLE)</a> on DATE</p></blockquote>
    const post = safeLinkUrl(embed.url);
    const text = embed.text.trim();
    const credit = byline(embed);
    const label = credit ? `A post shared by ${credit}` : 'View this post on Instagram';
    return el(
      'blockquote',
      {
        class: 'instagram-media',
        'data-instgrm-captioned': true,
        'data-instgrm-permalink': post ?? undefined,
        'data-instgrm-version': '14',
      },
      text ? el('p', null, post ? el('a', { href: post }, withBreaks(text)) : withBreaks(text)) : null,
      el('p', null, post ? el('a', { href: post }, label) : label, embed.date.trim() ? ` on ${embed.date.trim()}` : null),
    );
  },
  embedCodeUrl: (element) =>
    element.name === 'blockquote' && hasClass(element, 'instagram-media')
      ? (element.attribs['data-instgrm-permalink'] ?? firstHref(element) ?? '')
      : element.name === 'iframe' && /^https:\/\/www\.instagram\.com\/(?:p|reel|tv)\/[^/]+\/embed/.test(element.attribs.src ?? '')
        ? element.attribs.src!.replace(/\/embed.*$/, '/')
        : null,
};

// ---- Facebook ----------------------------------------------------------------------------

const FB_ID = /^(?:[0-9]{1,25}|pfbid[A-Za-z0-9]{10,80})$/;
const FB_NAME = /^[A-Za-z0-9.\-_]{1,80}$/;
const FB_SHARE = /^[A-Za-z0-9_-]{4,40}$/;
const FB_RESERVED = new Set([
  'watch',
  'reel',
  'share',
  'groups',
  'events',
  'photo',
  'photo.php',
  'permalink.php',
  'story.php',
  'plugins',
  'login',
]);

/** Facebook videos (and reels) are div.fb-video; everything else is a post. */
export function isFacebookVideo(url: string): boolean {
  return /^https:\/\/(?:fb\.watch\/|www\.facebook\.com\/(?:watch\/|reel\/|share\/[vr]\/|[^/]+\/videos\/))/.test(url);
}

function parseFacebook(url: URL): EmbedUrlResult {
  const host = url.hostname.toLowerCase();
  const parts = segments(url);
  const q = (name: string) => url.searchParams.get(name) ?? '';
  const www = 'https://www.facebook.com';
  if (host === 'fb.watch') {
    return parts[0] && FB_SHARE.test(parts[0])
      ? found('facebook', `https://fb.watch/${parts[0]}/`, parts[0])
      : refused('That fb.watch link has no video in it.');
  }
  const [first, second, third, fourth] = parts;
  if (first === 'watch')
    return FB_ID.test(q('v'))
      ? found('facebook', `${www}/watch/?v=${q('v')}`, q('v'))
      : refused('That Facebook Watch link has no video number.');
  if (first === 'reel')
    return second && FB_ID.test(second)
      ? found('facebook', `${www}/reel/${second}`, second)
      : refused('That Facebook reel link has no number.');
  if (first === 'share') {
    // /share/p/CODE, /share/v/CODE, /share/r/CODE: Facebook's share links, stable and embeddable.
    const kind = second && ['p', 'v', 'r'].includes(second) ? second : '';
    const code = kind ? third : second;
    if (!code || !FB_SHARE.test(code)) return refused('That Facebook share link has no post in it.');
    return found('facebook', `${www}/share/${kind ? `${kind}/` : ''}${code}/`, code);
  }
  if (first === 'permalink.php' || first === 'story.php') {
    const story = q('story_fbid');
    const owner = q('id');
    return FB_ID.test(story) && /^[0-9]{1,25}$/.test(owner)
      ? found('facebook', `${www}/permalink.php?story_fbid=${story}&id=${owner}`, story)
      : refused('That Facebook link has no post number.');
  }
  if (first === 'photo.php' || first === 'photo') {
    return FB_ID.test(q('fbid'))
      ? found('facebook', `${www}/photo/?fbid=${q('fbid')}`, q('fbid'))
      : refused('That Facebook photo link has no number.');
  }
  if (first === 'groups' && second && FB_NAME.test(second) && (third === 'posts' || third === 'permalink')) {
    return fourth && FB_ID.test(fourth)
      ? found('facebook', `${www}/groups/${second}/posts/${fourth}`, fourth)
      : refused('That Facebook group link has no post number.');
  }
  if (first === 'events') return refused('That is a Facebook event, not a post.');
  if (first && FB_NAME.test(first) && !FB_RESERVED.has(first)) {
    // /PAGE/posts/ID, /PAGE/videos/ID, /PAGE/videos/SLUG/ID, /PAGE/photos/ALBUM/ID
    const id = [...parts.slice(2)].reverse().find((p) => FB_ID.test(p));
    if (second === 'posts' || second === 'photos') {
      return id ? found('facebook', `${www}/${first}/${second}/${id}`, id, first) : refused('That Facebook link has no post number.');
    }
    if (second === 'videos')
      return id ? found('facebook', `${www}/${first}/videos/${id}`, id, first) : refused('That Facebook link has no video number.');
    if (!second) return refused('That is a Facebook page or profile, not a post.');
  }
  return refused('That Facebook link is not a post or video.');
}

export const FACEBOOK: EmbedProviderSpec = {
  id: 'facebook',
  label: 'Facebook',
  noun: 'post',
  hosts: [
    'facebook.com',
    'www.facebook.com',
    'm.facebook.com',
    'web.facebook.com',
    'mbasic.facebook.com',
    'fb.com',
    'www.fb.com',
    'fb.watch',
  ],
  parseUrl: parseFacebook,
  oembedUrl: (url) =>
    `${META_OEMBED}/${isFacebookVideo(url) ? 'oembed_video' : 'oembed_post'}?omitscript=true&url=${encodeURIComponent(url)}`,
  render(embed) {
    // <div class="fb-post" data-href=POST data-width="500" data-show-text="true">
    //   <blockquote cite=POST class="fb-xfbml-parse-ignore"><p>TEXT</p>Posted by <a href=PAGE>NAME</a> on <a href=POST>DATE</a></blockquote></div>
    const post = safeLinkUrl(embed.url);
    const name = embed.authorName.trim() || (embed.authorHandle.trim() ? `@${embed.authorHandle.trim()}` : '');
    const page = FB_NAME.test(embed.authorHandle) ? safeLinkUrl(`https://www.facebook.com/${embed.authorHandle}`) : null;
    const date = embed.date.trim();
    const when = date || 'View on Facebook';
    return el(
      'div',
      {
        class: isFacebookVideo(embed.url) ? 'fb-video' : 'fb-post',
        'data-href': post ?? undefined,
        'data-width': 500,
        'data-show-text': 'true',
      },
      el(
        'blockquote',
        { class: 'fb-xfbml-parse-ignore', cite: post ?? undefined },
        textParagraph(embed.text),
        name ? ['Posted by ', page ? el('a', { href: page }, name) : name, date ? ' on ' : ' '] : null,
        post ? el('a', { href: post }, when) : when,
      ),
    );
  },
  embedCodeUrl(element) {
    if (element.name === 'div' && (hasClass(element, 'fb-post') || hasClass(element, 'fb-video')))
      return element.attribs['data-href'] ?? firstHref(element) ?? '';
    if (element.name === 'blockquote' && hasClass(element, 'fb-xfbml-parse-ignore'))
      return element.attribs.cite ?? firstHref(element) ?? '';
    const plugin = /^https:\/\/www\.facebook\.com\/plugins\/(?:post|video)\.php\?/.exec(
      element.name === 'iframe' ? (element.attribs.src ?? '') : '',
    );
    return plugin ? (new URL(element.attribs.src!).searchParams.get('href') ?? '') : null;
  },
};

// ---- Threads -----------------------------------------------------------------------------

const THREADS_USER = /^[A-Za-z0-9._]{1,30}$/;

function parseThreads(url: URL): EmbedUrlResult {
  const parts = segments(url);
  const [first, second, third] = parts;
  if (first === 't')
    return second && SHORTCODE.test(second)
      ? found('threads', `https://www.threads.com/t/${second}`, second)
      : refused('That Threads link has no post code.');
  if (first?.startsWith('@') && THREADS_USER.test(first.slice(1))) {
    if (second === 'post') {
      return third && SHORTCODE.test(third)
        ? found('threads', `https://www.threads.com/${first}/post/${third}`, third, first.slice(1))
        : refused('That Threads link has no post code.');
    }
    if (!second) return refused('That is a Threads profile, not a post.');
  }
  return refused('That Threads link is not a post.');
}

export const THREADS: EmbedProviderSpec = {
  id: 'threads',
  label: 'Threads',
  noun: 'post',
  hosts: ['threads.net', 'www.threads.net', 'threads.com', 'www.threads.com'],
  parseUrl: parseThreads,
  oembedUrl: (url) => `https://graph.threads.net/v1.0/oembed?url=${encodeURIComponent(url)}`,
  render(embed) {
    // <blockquote class="text-post-media" data-text-post-permalink=POST data-text-post-version="0">
    //   <p>TEXT</p>— NAME (<a href=PROFILE>@HANDLE</a>) <a href=POST>DATE</a></blockquote>
    const post = safeLinkUrl(embed.url);
    const profile: SafeUrl | null = THREADS_USER.test(embed.authorHandle)
      ? safeLinkUrl(`https://www.threads.com/@${embed.authorHandle}`)
      : null;
    return el(
      'blockquote',
      { class: 'text-post-media', 'data-text-post-permalink': post ?? undefined, 'data-text-post-version': '0' },
      textParagraph(embed.text),
      closingLine(embed, profile, 'View on Threads'),
    );
  },
  embedCodeUrl: (element) =>
    element.name === 'blockquote' && hasClass(element, 'text-post-media')
      ? (element.attribs['data-text-post-permalink'] ?? firstHref(element) ?? '')
      : null,
};

export function firstHref(element: Element): string | null {
  for (const child of element.children) {
    if (child.type !== 'tag') continue;
    if (child.name === 'a' && child.attribs.href) return child.attribs.href;
    const inner = firstHref(child);
    if (inner) return inner;
  }
  return null;
}
