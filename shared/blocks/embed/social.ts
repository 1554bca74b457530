import { el, safeLinkUrl, type SafeUrl } from '../../export/markup';
import { closingLine, found, hasClass, refused, segments, textParagraph, type EmbedProviderSpec, type EmbedUrlResult } from './provider';
import { firstHref } from './meta';

/** TikTok, Bluesky and Mastodon: blockquote embeds that read as the post without their scripts. */

// ---- TikTok ------------------------------------------------------------------------------

const TIKTOK_ID = /^[0-9]{8,25}$/;
const TIKTOK_USER = /^[A-Za-z0-9._]{1,40}$/;

function parseTiktok(url: URL): EmbedUrlResult {
  const host = url.hostname.toLowerCase();
  const parts = segments(url);
  const [first, second, third] = parts;
  if (host === 'vm.tiktok.com' || host === 'vt.tiktok.com' || first === 't') {
    return refused('That is a TikTok share link, which only redirects: open it and copy the full link (tiktok.com/@name/video/…).');
  }
  if (first?.startsWith('@') && TIKTOK_USER.test(first.slice(1))) {
    const user = first.slice(1);
    if (second === 'video' || second === 'photo') {
      return third && TIKTOK_ID.test(third)
        ? found('tiktok', `https://www.tiktok.com/@${user}/${second}/${third}`, third, user)
        : refused('That TikTok link has no video number.');
    }
    if (!second) return refused('That is a TikTok profile, not a video.');
    return refused('That TikTok link is not a video.');
  }
  if (first === 'embed' || first === 'player') {
    const id = parts.find((p) => TIKTOK_ID.test(p));
    return id ? found('tiktok', `https://www.tiktok.com/embed/v2/${id}`, id) : refused('That TikTok link has no video number.');
  }
  if (first === 'v' && second && /^[0-9]{8,25}\.html$/.test(second)) {
    const id = second.replace(/\.html$/, '');
    return found('tiktok', `https://www.tiktok.com/embed/v2/${id}`, id);
  }
  if (first === 'tag' || first === 'music' || first === 'discover') return refused('That is a TikTok topic page, not a video.');
  return refused('That TikTok link is not a video.');
}

export const TIKTOK: EmbedProviderSpec = {
  id: 'tiktok',
  label: 'TikTok',
  noun: 'video',
  hosts: ['tiktok.com', 'www.tiktok.com', 'm.tiktok.com', 'vm.tiktok.com', 'vt.tiktok.com'],
  parseUrl: parseTiktok,
  oembedUrl: (url) => `https://www.tiktok.com/oembed?url=${encodeURIComponent(url)}`,
  render(embed) {
    // <blockquote class="tiktok-embed" cite=VIDEO data-video-id=ID><section><p>CAPTION</p>— NAME (<a>@HANDLE</a>) <a href=VIDEO>DATE</a></section></blockquote>
    const parsed = embed.url ? parseTiktok(new URL(embed.url)) : null;
    const video = safeLinkUrl(embed.url);
    const profile: SafeUrl | null = TIKTOK_USER.test(embed.authorHandle)
      ? safeLinkUrl(`https://www.tiktok.com/@${embed.authorHandle}`)
      : null;
    return el(
      'blockquote',
      { class: 'tiktok-embed', cite: video ?? undefined, 'data-video-id': parsed?.ok ? parsed.id : undefined },
      el('section', null, textParagraph(embed.text), closingLine(embed, profile, 'Watch on TikTok')),
    );
  },
  embedCodeUrl(element) {
    if (element.name === 'blockquote' && hasClass(element, 'tiktok-embed')) {
      const id = element.attribs['data-video-id'] ?? '';
      return element.attribs.cite ?? (TIKTOK_ID.test(id) ? `https://www.tiktok.com/embed/v2/${id}` : '');
    }
    return element.name === 'iframe' && /^https:\/\/www\.tiktok\.com\/(?:embed|player)\//.test(element.attribs.src ?? '')
      ? element.attribs.src!
      : null;
  },
};

// ---- Bluesky -----------------------------------------------------------------------------

/** A handle (a domain name) or a DID. */
const BSKY_ACTOR = /^(?:did:(?:plc|web):[A-Za-z0-9._:%-]{1,200}|[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z][A-Za-z0-9-]{0,62})$/;
const BSKY_RKEY = /^[A-Za-z0-9._~:-]{1,100}$/;

function bskyPost(actor: string, rkey: string): EmbedUrlResult {
  if (!BSKY_ACTOR.test(actor)) return refused('That Bluesky link has no valid account in it.');
  if (!BSKY_RKEY.test(rkey)) return refused('That Bluesky link has no valid post id.');
  const handle = actor.startsWith('did:') ? '' : actor.toLowerCase();
  return found('bluesky', `https://bsky.app/profile/${handle || actor}/post/${rkey}`, rkey, handle);
}

function parseBluesky(url: URL): EmbedUrlResult {
  const [first, actor, kind, rkey] = segments(url);
  if (first !== 'profile' || !actor) return refused('That Bluesky link is not a post.');
  if (kind === 'post') return rkey ? bskyPost(actor, rkey) : refused('That Bluesky link has no post id.');
  if (kind === 'feed') return refused('That is a Bluesky feed, not a post.');
  if (kind === 'lists') return refused('That is a Bluesky list, not a post.');
  return refused('That is a Bluesky profile, not a post.');
}

/** at://ACTOR/app.bsky.feed.post/RKEY, as Bluesky's embed code and API name a post. */
export function parseAtUri(uri: string): EmbedUrlResult {
  const match = /^at:\/\/([^/\s]+)\/([^/\s]+)\/([^/\s?#]+)$/.exec(uri.trim());
  if (!match) return refused('That at:// address is not a Bluesky post.');
  if (match[2] !== 'app.bsky.feed.post') return refused('That at:// address is not a Bluesky post.');
  return bskyPost(decodeURIComponent(match[1]!), match[3]!);
}

export const BLUESKY: EmbedProviderSpec = {
  id: 'bluesky',
  label: 'Bluesky',
  noun: 'post',
  hosts: ['bsky.app', 'www.bsky.app'],
  parseUrl: parseBluesky,
  oembedUrl: (url) => `https://embed.bsky.app/oembed?format=json&url=${encodeURIComponent(url)}`,
  render(embed) {
    // <blockquote class="bluesky-embed" data-bluesky-uri="at://ACTOR/app.bsky.feed.post/RKEY"><p>TEXT</p>— NAME (<a>@HANDLE</a>) <a href=POST>DATE</a></blockquote>
    const parsed = embed.url ? parseBluesky(new URL(embed.url)) : null;
    const actor = parsed?.ok ? segments(new URL(parsed.url))[1]! : '';
    const profile: SafeUrl | null = BSKY_ACTOR.test(embed.authorHandle)
      ? safeLinkUrl(`https://bsky.app/profile/${embed.authorHandle}`)
      : null;
    return el(
      'blockquote',
      { class: 'bluesky-embed', 'data-bluesky-uri': parsed?.ok ? `at://${actor}/app.bsky.feed.post/${parsed.id}` : undefined },
      textParagraph(embed.text),
      closingLine(embed, profile, 'View on Bluesky'),
    );
  },
  embedCodeUrl: (element) =>
    element.name === 'blockquote' && hasClass(element, 'bluesky-embed')
      ? (element.attribs['data-bluesky-uri'] ?? firstHref(element) ?? '')
      : null,
};

// ---- Mastodon ----------------------------------------------------------------------------

const MASTODON_USER = /^[A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9.-]{1,253})?$/;
const MASTODON_ID = /^[0-9]{1,20}$/;

/**
 * Mastodon runs on thousands of servers, so any host that is not another service's is read
 * for Mastodon's post paths: /@user/ID (also /@user@home.server/ID, /web/@user/ID,
 * /users/user/statuses/ID, each with an optional /embed).
 */
function parseMastodon(url: URL): EmbedUrlResult {
  const host = url.hostname.toLowerCase();
  let parts = segments(url);
  if (parts.at(-1) === 'embed') parts = parts.slice(0, -1);
  if (parts[0] === 'web') parts = parts.slice(1);
  let user = '';
  let id = '';
  if (parts.length === 2 && parts[0]!.startsWith('@')) [user, id] = [parts[0]!.slice(1), parts[1]!];
  else if (parts.length === 4 && parts[0] === 'users' && parts[2] === 'statuses') [user, id] = [parts[1]!, parts[3]!];
  if (!user || !MASTODON_USER.test(user) || !MASTODON_ID.test(id) || !host.includes('.')) {
    return refused(`${host} is not a service Copydesk embeds (YouTube, Vimeo, Instagram, TikTok, Facebook, Bluesky, Mastodon or Threads).`);
  }
  const handle = user.includes('@') ? user : `${user}@${host}`;
  return found('mastodon', `https://${host}/@${user}/${id}`, id, handle);
}

export const MASTODON: EmbedProviderSpec = {
  id: 'mastodon',
  label: 'Mastodon',
  noun: 'post',
  hosts: [],
  parseUrl: parseMastodon,
  oembedUrl: (url) => `${new URL(url).origin}/api/oembed?url=${encodeURIComponent(url)}`,
  render(embed) {
    // <blockquote class="mastodon-embed" data-embed-url="POST/embed"><p>TEXT</p>— NAME (<a>@USER@SERVER</a>) <a href=POST>DATE</a></blockquote>
    const post = safeLinkUrl(embed.url);
    const [user, server] = embed.authorHandle.split('@');
    const profile = user && server && MASTODON_USER.test(embed.authorHandle) ? safeLinkUrl(`https://${server}/@${user}`) : null;
    return el(
      'blockquote',
      { class: 'mastodon-embed', 'data-embed-url': post ? safeLinkUrl(`${post}/embed`)! : undefined },
      textParagraph(embed.text),
      closingLine(embed, profile, 'View on Mastodon'),
    );
  },
  embedCodeUrl(element) {
    if (!hasClass(element, 'mastodon-embed')) return null;
    if (element.name === 'blockquote') return element.attribs['data-embed-url'] ?? firstHref(element) ?? '';
    return element.name === 'iframe' ? (element.attribs.src ?? '') : null;
  },
};
