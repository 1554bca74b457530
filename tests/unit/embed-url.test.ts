import { describe, expect, it } from 'vitest';
import { EMBED_PROVIDERS, EmbedStateSchema, parseEmbedUrl, type EmbedProviderId } from '../../shared/blocks/embed';

/** Links as reporters paste them, and the canonical link and account the block keeps. */
const ACCEPTED: [string, EmbedProviderId, string, string][] = [
  // YouTube: watch, short links, Shorts, live, embed, mobile, music, tracking parameters
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', ''],
  ['https://youtu.be/dQw4w9WgXcQ?si=AbCdEf123', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', ''],
  ['youtube.com/shorts/aqz-KE-bpKQ', 'youtube', 'https://www.youtube.com/watch?v=aqz-KE-bpKQ', ''],
  ['https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&t=42', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', ''],
  ['https://www.youtube.com/live/jfKfPfyJRdk?feature=shared', 'youtube', 'https://www.youtube.com/watch?v=jfKfPfyJRdk', ''],
  ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', ''],
  ['//www.youtube.com/embed/dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', ''],
  ['https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=RD', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', ''],
  // Vimeo: plain, unlisted (with its hash), channels, groups, the player
  ['https://vimeo.com/76979871', 'vimeo', 'https://vimeo.com/76979871', ''],
  ['https://vimeo.com/76979871/8272103f6e', 'vimeo', 'https://vimeo.com/76979871/8272103f6e', ''],
  ['https://vimeo.com/channels/staffpicks/76979871', 'vimeo', 'https://vimeo.com/76979871', ''],
  ['https://vimeo.com/groups/shortfilms/videos/76979871', 'vimeo', 'https://vimeo.com/76979871', ''],
  ['https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0', 'vimeo', 'https://vimeo.com/76979871/8272103f6e', ''],
  // Instagram: posts, reels, IGTV, the newer /user/p/ form, instagr.am, tracking
  ['https://www.instagram.com/p/CxYz123AbC/?utm_source=ig_web_copy_link', 'instagram', 'https://www.instagram.com/p/CxYz123AbC/', ''],
  ['https://instagram.com/reel/C8abcdEFgh', 'instagram', 'https://www.instagram.com/reel/C8abcdEFgh/', ''],
  ['https://www.instagram.com/reels/C8abcdEFgh/', 'instagram', 'https://www.instagram.com/reel/C8abcdEFgh/', ''],
  ['https://www.instagram.com/tv/B_abcdEFgh/', 'instagram', 'https://www.instagram.com/tv/B_abcdEFgh/', ''],
  ['https://www.instagram.com/nzherald/p/CxYz123AbC/', 'instagram', 'https://www.instagram.com/p/CxYz123AbC/', 'nzherald'],
  ['http://instagr.am/p/CxYz123AbC/', 'instagram', 'https://www.instagram.com/p/CxYz123AbC/', ''],
  // TikTok: videos, photo posts, mobile, the embed player
  [
    'https://www.tiktok.com/@scout2015/video/6718335390845095173?is_from_webapp=1',
    'tiktok',
    'https://www.tiktok.com/@scout2015/video/6718335390845095173',
    'scout2015',
  ],
  [
    'https://m.tiktok.com/@scout2015/photo/7234567890123456789',
    'tiktok',
    'https://www.tiktok.com/@scout2015/photo/7234567890123456789',
    'scout2015',
  ],
  ['https://www.tiktok.com/embed/v2/6718335390845095173', 'tiktok', 'https://www.tiktok.com/embed/v2/6718335390845095173', ''],
  ['https://m.tiktok.com/v/6718335390845095173.html', 'tiktok', 'https://www.tiktok.com/embed/v2/6718335390845095173', ''],
  // Facebook: page posts (numeric and pfbid), videos, Watch, reels, share links, permalinks, groups, m./web.
  [
    'https://www.facebook.com/nzherald/posts/pfbid02Xyz1234567AbCdEf',
    'facebook',
    'https://www.facebook.com/nzherald/posts/pfbid02Xyz1234567AbCdEf',
    'nzherald',
  ],
  [
    'https://m.facebook.com/20531316728/posts/10154009990506729/',
    'facebook',
    'https://www.facebook.com/20531316728/posts/10154009990506729',
    '20531316728',
  ],
  [
    'https://www.facebook.com/facebook/videos/10153231379946729/',
    'facebook',
    'https://www.facebook.com/facebook/videos/10153231379946729',
    'facebook',
  ],
  [
    'https://web.facebook.com/nzherald/videos/some-title/1234567890123/',
    'facebook',
    'https://www.facebook.com/nzherald/videos/1234567890123',
    'nzherald',
  ],
  ['https://www.facebook.com/watch/?v=1234567890123', 'facebook', 'https://www.facebook.com/watch/?v=1234567890123', ''],
  ['https://www.facebook.com/reel/1234567890123', 'facebook', 'https://www.facebook.com/reel/1234567890123', ''],
  ['https://www.facebook.com/share/p/1AbCdEfGh2/', 'facebook', 'https://www.facebook.com/share/p/1AbCdEfGh2/', ''],
  ['https://www.facebook.com/share/v/1AbCdEfGh2/', 'facebook', 'https://www.facebook.com/share/v/1AbCdEfGh2/', ''],
  ['https://fb.watch/abcDEF123/', 'facebook', 'https://fb.watch/abcDEF123/', ''],
  [
    'https://www.facebook.com/permalink.php?story_fbid=123456789&id=100064',
    'facebook',
    'https://www.facebook.com/permalink.php?story_fbid=123456789&id=100064',
    '',
  ],
  [
    'https://www.facebook.com/groups/nzgardening/permalink/987654321/',
    'facebook',
    'https://www.facebook.com/groups/nzgardening/posts/987654321',
    '',
  ],
  // Bluesky: handles, DIDs, at:// URIs
  [
    'https://bsky.app/profile/emilyliu.me/post/3lbq7mxsiek2v',
    'bluesky',
    'https://bsky.app/profile/emilyliu.me/post/3lbq7mxsiek2v',
    'emilyliu.me',
  ],
  [
    'https://bsky.app/profile/did:plc:vjug55kidv6sye7ykr5faxxn/post/3lbq7mxsiek2v',
    'bluesky',
    'https://bsky.app/profile/did:plc:vjug55kidv6sye7ykr5faxxn/post/3lbq7mxsiek2v',
    '',
  ],
  [
    'at://did:plc:vjug55kidv6sye7ykr5faxxn/app.bsky.feed.post/3lbq7mxsiek2v',
    'bluesky',
    'https://bsky.app/profile/did:plc:vjug55kidv6sye7ykr5faxxn/post/3lbq7mxsiek2v',
    '',
  ],
  [
    'at://emilyliu.me/app.bsky.feed.post/3lbq7mxsiek2v',
    'bluesky',
    'https://bsky.app/profile/emilyliu.me/post/3lbq7mxsiek2v',
    'emilyliu.me',
  ],
  // Mastodon, on any server
  [
    'https://mastodon.social/@Gargron/113245466444516735',
    'mastodon',
    'https://mastodon.social/@Gargron/113245466444516735',
    'Gargron@mastodon.social',
  ],
  ['https://mastodon.nz/@rnz/112000000000000001/embed', 'mastodon', 'https://mastodon.nz/@rnz/112000000000000001', 'rnz@mastodon.nz'],
  [
    'https://aus.social/@someone@mastodon.social/113245466444516735',
    'mastodon',
    'https://aus.social/@someone@mastodon.social/113245466444516735',
    'someone@mastodon.social',
  ],
  [
    'https://fosstodon.org/users/baylibre/statuses/108307448501709873',
    'mastodon',
    'https://fosstodon.org/@baylibre/108307448501709873',
    'baylibre@fosstodon.org',
  ],
  [
    'https://social.coop/web/@flancian/111586932512883849',
    'mastodon',
    'https://social.coop/@flancian/111586932512883849',
    'flancian@social.coop',
  ],
  // Threads, on threads.net and threads.com
  ['https://www.threads.net/@zuck/post/CuXFPIeLLod', 'threads', 'https://www.threads.com/@zuck/post/CuXFPIeLLod', 'zuck'],
  ['https://www.threads.com/@meta/post/DDzbnVKx57R?xmt=abc', 'threads', 'https://www.threads.com/@meta/post/DDzbnVKx57R', 'meta'],
  ['https://threads.com/t/DDzbnVKx57R', 'threads', 'https://www.threads.com/t/DDzbnVKx57R', ''],
];

describe('parseEmbedUrl: post and video links', () => {
  for (const [input, provider, url, handle] of ACCEPTED) {
    it(`${input} → ${provider}`, () => {
      const parsed = parseEmbedUrl(input);
      expect(parsed).toMatchObject({ ok: true, provider, url, handle });
    });
  }

  it('gives back canonical links that read as themselves, and that the block schema accepts', () => {
    for (const [input, provider] of ACCEPTED) {
      const first = parseEmbedUrl(input);
      if (!first.ok) throw new Error(input);
      expect(parseEmbedUrl(first.url)).toMatchObject({ ok: true, provider: first.provider, url: first.url, id: first.id });
      expect(EmbedStateSchema.safeParse({ provider, url: first.url }).success, input).toBe(true);
    }
  });

  it('covers every provider', () => {
    expect(new Set(ACCEPTED.map((a) => a[1]))).toEqual(new Set(EMBED_PROVIDERS));
  });
});

/** Links that are not one post or video, each with the one line the reporter sees. */
const REFUSED: [string, RegExp][] = [
  ['https://www.tiktok.com/@scout2015', /^That is a TikTok profile, not a video\.$/],
  ['https://vm.tiktok.com/ZMabc123/', /TikTok share link.*open it and copy the full link/],
  ['https://www.tiktok.com/tag/foryoupage', /TikTok topic page/],
  ['https://www.youtube.com/@nzherald', /^That is a YouTube channel, not a video\.$/],
  ['https://www.youtube.com/playlist?list=PL123', /YouTube playlist, not a video/],
  ['https://www.youtube.com/watch?v=short', /no video id/],
  ['https://youtu.be/', /no video id/],
  ['https://www.instagram.com/nzherald/', /^That is an Instagram profile, not a post\.$/],
  ['https://www.instagram.com/stories/nzherald/3312345678901234567/', /stories disappear/],
  ['https://www.instagram.com/p/', /no post code/],
  ['https://www.facebook.com/nzherald', /Facebook page or profile, not a post/],
  ['https://www.facebook.com/events/123456/', /Facebook event/],
  ['https://www.facebook.com/nzherald/posts/', /no post number/],
  ['https://bsky.app/profile/emilyliu.me', /^That is a Bluesky profile, not a post\.$/],
  ['https://bsky.app/profile/emilyliu.me/feed/whats-hot', /Bluesky feed/],
  ['at://did:plc:abc/app.bsky.actor.profile/self', /not a Bluesky post/],
  ['https://www.threads.net/@zuck', /^That is a Threads profile, not a post\.$/],
  ['https://vimeo.com/staff', /Vimeo profile/],
  ['https://vimeo.com/showcase/abc', /Vimeo showcase/],
  ['https://example.com/news/123', /example\.com is not a service Copydesk embeds/],
  ['https://medium.com/@someone/a-story-1a2b3c', /not a service Copydesk embeds/],
  ['https://www.nzherald.co.nz/nz/story/', /not a service Copydesk embeds/],
  ['javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ', /start with https:\/\//],
  ['data:text/html,<script>alert(1)</script>', /not a link|start with https/],
  ['https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ', /user name or password/],
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ" onmouseover="x', /not a link/],
  ['not a link at all', /not a link/],
  ['', /Paste a link/],
];

describe('parseEmbedUrl: what cannot be embedded says why', () => {
  for (const [input, reason] of REFUSED) {
    it(JSON.stringify(input), () => {
      const parsed = parseEmbedUrl(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(reason);
    });
  }

  it('sends X and Twitter links to the tweet block', () => {
    for (const link of [
      'https://twitter.com/Interior/status/463440424141459456',
      'https://x.com/nzherald/status/1',
      'mobile.twitter.com/a/status/2',
    ]) {
      expect(parseEmbedUrl(link)).toMatchObject({ ok: false, tweet: true });
    }
  });

  it('refuses a stored link of one service under another service', () => {
    const result = EmbedStateSchema.safeParse({ provider: 'vimeo', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/youtube link, not vimeo/);
  });
});
