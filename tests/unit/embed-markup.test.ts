import { describe, expect, it } from 'vitest';
import {
  EMBED_PROVIDERS,
  embedFieldsFromOEmbed,
  oembedRequest,
  parseEmbedCode,
  parseEmbedUrl,
  renderEmbed,
  type EmbedProviderId,
  type EmbedState,
} from '../../shared/blocks/embed';
import { TEXT_PAYLOADS, URL_PAYLOADS } from '../fixtures/xss-payloads';
import { mulberry32 } from '../fixtures/random';
import { tagsOf, visibleText } from './support/html';

/** One real-shaped post per service. */
const LINKS: Record<EmbedProviderId, string> = {
  youtube: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  vimeo: 'https://vimeo.com/76979871/8272103f6e',
  instagram: 'https://www.instagram.com/p/CxYz123AbC/',
  tiktok: 'https://www.tiktok.com/@scout2015/video/6718335390845095173',
  facebook: 'https://www.facebook.com/nzherald/posts/pfbid02Xyz1234567AbCdEf',
  bluesky: 'https://bsky.app/profile/emilyliu.me/post/3lbq7mxsiek2v',
  mastodon: 'https://mastodon.social/@Gargron/113245466444516735',
  threads: 'https://www.threads.com/@zuck/post/CuXFPIeLLod',
};

function sample(provider: EmbedProviderId, patch: Partial<EmbedState> = {}): EmbedState {
  const parsed = parseEmbedUrl(LINKS[provider]);
  if (!parsed.ok) throw new Error(provider);
  const video = provider === 'youtube' || provider === 'vimeo';
  return {
    provider,
    url: parsed.url,
    authorName: 'Aroha Te Whata',
    authorHandle: parsed.handle || 'arohatw',
    text: video ? 'Flooding in Auckland: the morning after' : 'Water up to the doors on Queen St\nStay safe everyone & check on neighbours',
    date: 'January 28, 2023',
    ...patch,
  };
}

/** The export's own markup per service: the class or element each service's embed is known by. */
const SIGNATURE: Record<EmbedProviderId, RegExp> = {
  youtube: /^<figure class="embed youtube-embed"><figcaption><a href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ">/,
  vimeo: /^<figure class="embed vimeo-embed"><figcaption><a href="https:\/\/vimeo\.com\/76979871\/8272103f6e">/,
  instagram:
    /^<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="https:\/\/www\.instagram\.com\/p\/CxYz123AbC\/" data-instgrm-version="14">/,
  tiktok:
    /^<blockquote class="tiktok-embed" cite="https:\/\/www\.tiktok\.com\/@scout2015\/video\/6718335390845095173" data-video-id="6718335390845095173"><section>/,
  facebook:
    /^<div class="fb-post" data-href="https:\/\/www\.facebook\.com\/nzherald\/posts\/pfbid02Xyz1234567AbCdEf" data-width="500" data-show-text="true"><blockquote class="fb-xfbml-parse-ignore" cite="/,
  bluesky: /^<blockquote class="bluesky-embed" data-bluesky-uri="at:\/\/emilyliu\.me\/app\.bsky\.feed\.post\/3lbq7mxsiek2v"><p>/,
  mastodon: /^<blockquote class="mastodon-embed" data-embed-url="https:\/\/mastodon\.social\/@Gargron\/113245466444516735\/embed"><p>/,
  threads:
    /^<blockquote class="text-post-media" data-text-post-permalink="https:\/\/www\.threads\.com\/@zuck\/post\/CuXFPIeLLod" data-text-post-version="0"><p>/,
};

describe('renderEmbed: each service’s own markup, no script', () => {
  for (const provider of EMBED_PROVIDERS) {
    it(provider, () => {
      const html = renderEmbed(sample(provider))!.markup;
      expect(html).toMatch(SIGNATURE[provider]);
      expect(html).not.toMatch(/<script|<iframe|style=/i);
      const text = visibleText(html);
      expect(text).toContain('Aroha Te Whata');
      expect(text).toContain('January 28, 2023');
    });
  }

  it('plays YouTube and Vimeo in the privacy-enhanced player on a page, a linked title elsewhere', () => {
    const youtube = renderEmbed(sample('youtube'), true)!.markup;
    expect(youtube).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(youtube).toContain('title="Flooding in Auckland: the morning after"');
    const vimeo = renderEmbed(sample('vimeo'), true)!.markup;
    expect(vimeo).toContain('<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;dnt=1"');
    for (const provider of EMBED_PROVIDERS.filter((p) => p !== 'youtube' && p !== 'vimeo')) {
      expect(renderEmbed(sample(provider), true)!.markup).toBe(renderEmbed(sample(provider))!.markup);
    }
  });

  it('uses fb-video for Facebook videos and reels', () => {
    const html = renderEmbed(sample('facebook', { url: 'https://www.facebook.com/watch/?v=1234567890123' }))!.markup;
    expect(html).toMatch(/^<div class="fb-video" data-href="https:\/\/www\.facebook\.com\/watch\/\?v=1234567890123"/);
  });

  it('says where the post lives when the snapshot has no date or author', () => {
    const html = renderEmbed(sample('bluesky', { authorName: '', authorHandle: '', date: '' }))!.markup;
    expect(html).toContain('<a href="https://bsky.app/profile/emilyliu.me/post/3lbq7mxsiek2v">View on Bluesky</a>');
  });

  it('prints nothing for an unknown service or an empty snapshot', () => {
    expect(renderEmbed({ provider: 'myspace', url: 'https://myspace.com/x' })).toBeNull();
    expect(renderEmbed({ provider: 'youtube', url: '', text: '', authorName: '', authorHandle: '', date: '' })).toBeNull();
  });
});

describe('embed markup reads back as the same block', () => {
  for (const provider of EMBED_PROVIDERS) {
    it(`${provider}: fragment and page`, () => {
      const embed = sample(provider);
      expect(parseEmbedCode(renderEmbed(embed)!.markup)).toEqual([embed]);
      expect(parseEmbedCode(renderEmbed(embed, true)!.markup)).toEqual([embed]);
    });
    it(`${provider}: with only a link`, () => {
      const embed = sample(provider, { authorName: '', authorHandle: '', text: '', date: '' });
      const [back] = parseEmbedCode(renderEmbed(embed)!.markup);
      expect(back?.url).toBe(embed.url);
      expect(back?.text).toBe('');
      expect(back?.date).toBe('');
    });
  }

  it('reads several embeds out of one page, leaving everything else', () => {
    const html = `<h1>x</h1>${EMBED_PROVIDERS.map((p) => `<p>between</p>${renderEmbed(sample(p), true)!.markup}`).join('')}`;
    expect(parseEmbedCode(html).map((e) => e.provider)).toEqual([...EMBED_PROVIDERS]);
  });
});

/** The services' own embed code, as their share menus give it (texts shortened). */
const PROVIDER_CODE: [EmbedProviderId, string, Partial<EmbedState>][] = [
  [
    'bluesky',
    '<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:vjug55kidv6sye7ykr5faxxn/app.bsky.feed.post/3lbq7mxsiek2v" data-bluesky-cid="bafyreie37qtk6ldmdof2ysxjokx5pirnlbdu7hdlivkkaeok2zndql2nwm" data-bluesky-embed-color-mode="system"><p lang="en">also, any replies in this thread will appear as comments<br><br><a href="https://bsky.app/profile/did:plc:vjug55kidv6sye7ykr5faxxn/post/3lbq7mxsiek2v?ref_src=embed">[image or embed]</a></p>&mdash; Emily Liu (<a href="https://bsky.app/profile/did:plc:vjug55kidv6sye7ykr5faxxn?ref_src=embed">@emilyliu.me</a>) <a href="https://bsky.app/profile/did:plc:vjug55kidv6sye7ykr5faxxn/post/3lbq7mxsiek2v?ref_src=embed">November 25, 2024 at 12:58 AM</a></blockquote><script async src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>',
    {
      url: 'https://bsky.app/profile/did:plc:vjug55kidv6sye7ykr5faxxn/post/3lbq7mxsiek2v',
      text: 'also, any replies in this thread will appear as comments',
      authorName: 'Emily Liu',
      authorHandle: 'emilyliu.me',
      date: 'November 25, 2024 at 12:58 AM',
    },
  ],
  [
    'tiktok',
    '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@scout2015/video/6718335390845095173" data-video-id="6718335390845095173" style="max-width: 605px;min-width: 325px;" > <section> <a target="_blank" title="@scout2015" href="https://www.tiktok.com/@scout2015?refer=embed">@scout2015</a> Scramble up ur name &amp; I’ll try to guess it <a title="foryoupage" target="_blank" href="https://www.tiktok.com/tag/foryoupage?refer=embed">#foryoupage</a> <a target="_blank" title="♬ original sound - Tiff" href="https://www.tiktok.com/music/original-sound-6689804660171082501?refer=embed">♬ original sound - Tiff</a> </section> </blockquote> <script async src="https://www.tiktok.com/embed.js"></script>',
    {
      url: 'https://www.tiktok.com/@scout2015/video/6718335390845095173',
      authorHandle: 'scout2015',
      text: 'Scramble up ur name & I’ll try to guess it #foryoupage',
    },
  ],
  [
    'instagram',
    '<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="https://www.instagram.com/p/CxYz123AbC/?utm_source=ig_embed&amp;utm_campaign=loading" data-instgrm-version="14" style=" background:#FFF; border:0;"><div style="padding:16px;"> <a href="https://www.instagram.com/p/CxYz123AbC/?utm_source=ig_embed&amp;utm_campaign=loading" style=" background:#FFFFFF;" target="_blank"> <div style="padding-top: 8px;"> <div style=" color:#3897f0;">View this post on Instagram</div></div></a><p style=" margin:8px 0 0 0;"><a href="https://www.instagram.com/p/CxYz123AbC/?utm_source=ig_embed&amp;utm_campaign=loading" style=" color:#c9c8cd;" target="_blank">A post shared by NZ Herald (@nzherald)</a></p></div></blockquote> <script async src="//www.instagram.com/embed.js"></script>',
    { url: 'https://www.instagram.com/p/CxYz123AbC/', authorName: 'NZ Herald', authorHandle: 'nzherald', text: '' },
  ],
  [
    'threads',
    '<blockquote class="text-post-media" data-text-post-permalink="https://www.threads.net/@zuck/post/CuXFPIeLLod" data-text-post-version="0" id="ig-tp-CuXFPIeLLod" style=" background:#FFF;"> <a href="https://www.threads.net/@zuck/post/CuXFPIeLLod" style=" background:#FFFFFF;" target="_blank"> <div style=" padding: 40px;"><div style="display:block;">View on Threads</div></div></a></blockquote><script async src="https://www.threads.net/embed.js"></script>',
    { url: 'https://www.threads.com/@zuck/post/CuXFPIeLLod', authorHandle: 'zuck', text: '' },
  ],
  [
    'mastodon',
    '<blockquote class="mastodon-embed" data-embed-url="https://mastodon.social/@Gargron/113245466444516735/embed" style="background: #FCF8FF;"> <a href="https://mastodon.social/@Gargron/113245466444516735" target="_blank" style="align-items: center;"> <svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 79 75"><path d="M63 45"/></svg> <div style="color: #1C1A25;">Post by @Gargron@mastodon.social</div> <div style="font-weight: 500;">View on Mastodon</div> </a> </blockquote> <script data-allowed-prefixes="https://mastodon.social/" async src="https://mastodon.social/embed.js"></script>',
    { url: 'https://mastodon.social/@Gargron/113245466444516735', authorHandle: 'Gargron@mastodon.social', text: '', date: '' },
  ],
  [
    'mastodon',
    '<iframe src="https://blorbo.social/@azurelunatic/109485527427943661/embed" class="mastodon-embed" style="max-width: 100%; border: 0" width="400" allowfullscreen="allowfullscreen"></iframe><script src="https://blorbo.social/embed.js" async="async"></script>',
    { url: 'https://blorbo.social/@azurelunatic/109485527427943661', authorHandle: 'azurelunatic@blorbo.social' },
  ],
  [
    'facebook',
    '<div id="fb-root"></div><script async defer src="https://connect.facebook.net/en_US/sdk.js#xfbml=1&version=v3.2"></script><div class="fb-post" data-href="https://www.facebook.com/20531316728/posts/10154009990506729/" data-width="500" data-show-text="true"><blockquote cite="https://developers.facebook.com/20531316728/posts/10154009990506729/" class="fb-xfbml-parse-ignore">Posted by <a href="https://www.facebook.com/facebook/">Facebook</a> on&nbsp;<a href="https://developers.facebook.com/20531316728/posts/10154009990506729/">Thursday, August 27, 2015</a></blockquote></div>',
    {
      url: 'https://www.facebook.com/20531316728/posts/10154009990506729',
      authorName: 'Facebook',
      authorHandle: '20531316728',
      date: 'Thursday, August 27, 2015',
    },
  ],
  [
    'youtube',
    '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>',
    { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', text: '' },
  ],
  [
    'vimeo',
    '<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;badge=0" width="640" height="360" frameborder="0" allow="autoplay; fullscreen; picture-in-picture" title="The New Vimeo Player (You Know, For Videos)"></iframe>',
    { url: 'https://vimeo.com/76979871/8272103f6e', text: 'The New Vimeo Player (You Know, For Videos)' },
  ],
];

describe('parseEmbedCode: the services’ own embed code', () => {
  for (const [provider, code, expected] of PROVIDER_CODE) {
    it(`${provider}: ${code.slice(0, 60)}…`, () => {
      const [embed, ...rest] = parseEmbedCode(code);
      expect(rest).toEqual([]);
      expect(embed).toMatchObject({ provider, ...expected });
      // Nothing of the markup, the styles or the script survives.
      expect(Object.values(embed!).join(' ')).not.toMatch(/[<>]|style|embed\.js|View on/);
    });
  }
});

describe('hostile fields and links come out inert', () => {
  const random = mulberry32(11);
  const payloads = [...TEXT_PAYLOADS].sort(() => random() - 0.5).slice(0, 60);
  const ALLOWED = new Set(['figure', 'figcaption', 'iframe', 'blockquote', 'div', 'section', 'p', 'a', 'br']);

  for (const provider of EMBED_PROVIDERS) {
    it(`${provider}: the XSS corpus in every field`, () => {
      for (const payload of payloads) {
        for (const page of [false, true]) {
          const embed = sample(provider, { authorName: payload, authorHandle: payload, text: payload, date: payload });
          const html = renderEmbed(embed, page)!.markup;
          expect(html).not.toMatch(/<script/i);
          for (const tag of tagsOf(html)) {
            expect(ALLOWED.has(tag.name), tag.raw).toBe(true);
            for (const [name, value] of tag.attributes) {
              expect(name).not.toMatch(/^on|^style$|^srcdoc$/);
              if (
                ['href', 'src', 'cite', 'data-href', 'data-instgrm-permalink', 'data-text-post-permalink', 'data-embed-url'].includes(name)
              ) {
                expect(value, tag.raw).toMatch(/^https:\/\/[^\s"<>]+$/);
              }
            }
          }
          // The payload reads back as the same text, never as markup.
          const [back] = parseEmbedCode(html);
          expect(back?.provider).toBe(provider);
        }
      }
    });
  }

  it('drops hostile links, keeping the text', () => {
    for (const provider of EMBED_PROVIDERS) {
      for (const url of URL_PAYLOADS.slice(0, 40)) {
        const html = renderEmbed(sample(provider, { url }), true)!.markup;
        expect(html).not.toMatch(/javascript:|vbscript:|data:text|<iframe/i);
        expect(visibleText(html)).toContain('Aroha Te Whata');
      }
    }
  });

  it('reads embed code with scripts and handlers as text only', () => {
    const code =
      '<blockquote class="bluesky-embed" data-bluesky-uri="at://emilyliu.me/app.bsky.feed.post/3lbq7mxsiek2v" onclick="alert(1)"><p><img src=x onerror=alert(1)>Hi<script>alert(2)</script></p>&mdash; <b onmouseover=alert(3)>Evil</b> (@emilyliu.me) <a href="javascript:alert(4)">May 1, 2024</a></blockquote>';
    const [embed] = parseEmbedCode(code);
    expect(embed).toMatchObject({ provider: 'bluesky', text: 'Hi', authorName: 'Evil', authorHandle: 'emilyliu.me' });
    expect(JSON.stringify(embed)).not.toMatch(/alert|javascript|<|onerror/);
  });
});

describe('oEmbed look-up: fields only', () => {
  it('asks each service’s public endpoint', () => {
    const expected: Record<EmbedProviderId, RegExp> = {
      youtube: /^https:\/\/www\.youtube\.com\/oembed\?format=json&url=https%3A%2F%2Fwww\.youtube\.com%2Fwatch%3Fv%3DdQw4w9WgXcQ$/,
      vimeo: /^https:\/\/vimeo\.com\/api\/oembed\.json\?dnt=true&url=/,
      instagram: /^https:\/\/graph\.facebook\.com\/v\d+\.0\/instagram_oembed\?omitscript=true&url=/,
      tiktok: /^https:\/\/www\.tiktok\.com\/oembed\?url=/,
      facebook: /^https:\/\/graph\.facebook\.com\/v\d+\.0\/oembed_post\?omitscript=true&url=/,
      bluesky: /^https:\/\/embed\.bsky\.app\/oembed\?format=json&url=/,
      mastodon: /^https:\/\/mastodon\.social\/api\/oembed\?url=https%3A%2F%2Fmastodon\.social%2F%40Gargron%2F113245466444516735$/,
      threads: /^https:\/\/graph\.threads\.net\/v1\.0\/oembed\?url=/,
    };
    for (const provider of EMBED_PROVIDERS) {
      const request = oembedRequest(LINKS[provider]);
      expect(request.ok && request.request, provider).toMatch(expected[provider]);
    }
    expect(oembedRequest('https://www.tiktok.com/@scout2015')).toEqual({ ok: false, reason: 'That is a TikTok profile, not a video.' });
  });

  it('keeps the title and author of a video and drops the player HTML', () => {
    const fields = embedFieldsFromOEmbed('youtube', LINKS.youtube, {
      title: 'Rick Astley - Never Gonna Give You Up',
      author_name: 'Rick Astley',
      author_url: 'https://www.youtube.com/@RickAstleyYT',
      html: '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe><script>alert(1)</script>',
    });
    expect(fields).toEqual({ text: 'Rick Astley - Never Gonna Give You Up', authorName: 'Rick Astley', authorHandle: 'RickAstleyYT' });
  });

  it('reads a post’s text out of the returned blockquote and keeps no markup', () => {
    const [, code] = PROVIDER_CODE[0]!;
    const fields = embedFieldsFromOEmbed('bluesky', 'https://bsky.app/profile/did:plc:vjug55kidv6sye7ykr5faxxn/post/3lbq7mxsiek2v', {
      html: code,
      author_name: 'Emily Liu',
    });
    expect(fields).toEqual({
      text: 'also, any replies in this thread will appear as comments',
      authorName: 'Emily Liu',
      authorHandle: 'emilyliu.me',
      date: 'November 25, 2024 at 12:58 AM',
    });
  });

  it('ignores answers that are not objects, and cuts long fields to the limits', () => {
    expect(embedFieldsFromOEmbed('vimeo', LINKS.vimeo, 'nope')).toEqual({});
    expect(embedFieldsFromOEmbed('vimeo', LINKS.vimeo, { title: 'x'.repeat(20_000), upload_date: '2013-10-15 14:08:29' })).toEqual({
      text: 'x'.repeat(10_000),
      date: '2013-10-15',
    });
  });
});
