import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRESETS } from '../../shared/blocks/helpline';
import { parseHelplineAside } from '../../shared/blocks/helpline/html';
import { parsePhotoFigure, stripCreditStyle } from '../../shared/blocks/photo/html';
import { parseTweetEmbeds } from '../../shared/blocks/tweet/html';
import { formatCredit, CREDIT_STYLE_IDS } from '../../shared/blocks/photo';
import { TweetStateSchema, type TweetState } from '../../shared/blocks/tweet';

const WIDGETS = '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';

/** Twitter's own documented embed code (publish.twitter.com), unchanged. */
const INTERIOR_EMBED =
  '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Sunsets don&#39;t get much better than this one over ' +
  '<a href="https://twitter.com/GrandTetonNPS?ref_src=twsrc%5Etfw">@GrandTetonNPS</a>. ' +
  '<a href="https://twitter.com/hashtag/nature?src=hash&amp;ref_src=twsrc%5Etfw">#nature</a> ' +
  '<a href="https://twitter.com/hashtag/sunset?src=hash&amp;ref_src=twsrc%5Etfw">#sunset</a> ' +
  '<a href="http://t.co/YuKy2rcjyU">pic.twitter.com/YuKy2rcjyU</a></p>&mdash; US Department of the Interior (@Interior) ' +
  '<a href="https://twitter.com/Interior/status/463440424141459456?ref_src=twsrc%5Etfw">May 5, 2014</a></blockquote>';

const INTERIOR: TweetState = {
  url: 'https://twitter.com/Interior/status/463440424141459456',
  tweetId: '463440424141459456',
  name: 'US Department of the Interior',
  handle: 'Interior',
  text: "Sunsets don't get much better than this one over @GrandTetonNPS. #nature #sunset pic.twitter.com/YuKy2rcjyU",
  date: 'May 5, 2014',
  lang: 'en',
};

/** The x.com-era embed code: literal em dash, emoji, line breaks, t.co links. */
const TEIGEN_EMBED =
  '<blockquote class="twitter-tweet" data-theme="light"><p lang="en" dir="ltr">Hello New Zealand 🇳🇿💕<br>we made it<br><br>' +
  'more here <a href="https://t.co/Ab12Cd34Ef">https://t.co/Ab12Cd34Ef</a> and <a href="https://t.co/Zz99Yy88Xx">nzherald.co.nz/entertainment/…</a> ' +
  '<a href="https://t.co/PicPicPic1">pic.twitter.com/PicPicPic1</a></p>— chrissy teigen 🦄 (@chrissyteigen) ' +
  '<a href="https://x.com/chrissyteigen/status/1321484225148039168">October 28, 2020</a></blockquote>';

const TEIGEN: TweetState = {
  url: 'https://twitter.com/chrissyteigen/status/1321484225148039168',
  tweetId: '1321484225148039168',
  name: 'chrissy teigen 🦄',
  handle: 'chrissyteigen',
  text: 'Hello New Zealand 🇳🇿💕\nwe made it\n\nmore here https://t.co/Ab12Cd34Ef and https://t.co/Zz99Yy88Xx pic.twitter.com/PicPicPic1',
  date: 'October 28, 2020',
  lang: 'en',
};

/** Every string field of every tweet, for "no markup came through" checks. */
function allText(tweets: TweetState[]): string {
  return tweets.map((t) => Object.values(t).join('\u0001')).join('\u0002');
}

describe('parseTweetEmbeds: Twitter embed code', () => {
  it('reads the documented embed code with its widgets.js script', () => {
    expect(parseTweetEmbeds(`${INTERIOR_EMBED}\n${WIDGETS}`)).toEqual([INTERIOR]);
  });

  it('reads the same embed without the script', () => {
    expect(parseTweetEmbeds(INTERIOR_EMBED)).toEqual([INTERIOR]);
  });

  it('gives a snapshot the story schema accepts', () => {
    for (const tweet of parseTweetEmbeds(`${INTERIOR_EMBED}${TEIGEN_EMBED}`)) {
      expect(TweetStateSchema.safeParse(tweet).success).toBe(true);
    }
  });

  it('reads an x.com status link, emoji, line breaks and t.co links', () => {
    expect(parseTweetEmbeds(TEIGEN_EMBED)).toEqual([TEIGEN]);
  });

  it('drops the ?ref_src tracking query from the status link', () => {
    const [tweet] = parseTweetEmbeds(INTERIOR_EMBED);
    expect(tweet?.url).toBe('https://twitter.com/Interior/status/463440424141459456');
    expect(tweet?.url).not.toContain('?');
  });

  it('keeps @mentions and #hashtags as their text, not their twitter.com links', () => {
    const [tweet] = parseTweetEmbeds(INTERIOR_EMBED);
    expect(tweet?.text).toContain('over @GrandTetonNPS.');
    expect(tweet?.text).toContain('#nature #sunset');
    expect(tweet?.text).not.toContain('hashtag');
    expect(tweet?.text).not.toContain('ref_src');
  });

  it('keeps pic.twitter.com as printed and a t.co link as its URL', () => {
    const [tweet] = parseTweetEmbeds(TEIGEN_EMBED);
    expect(tweet?.text).toContain('pic.twitter.com/PicPicPic1');
    expect(tweet?.text).not.toContain('https://t.co/PicPicPic1');
    // A shortened label ("nzherald.co.nz/…") is replaced by the link it stands for.
    expect(tweet?.text).toContain('https://t.co/Zz99Yy88Xx');
    expect(tweet?.text).not.toContain('…');
  });

  it('reads &mdash; and a literal em dash the same way', () => {
    const withEntity = parseTweetEmbeds(TEIGEN_EMBED.replace('</p>— ', '</p>&mdash; '));
    expect(withEntity).toEqual([TEIGEN]);
    const withLiteral = parseTweetEmbeds(INTERIOR_EMBED.replace('&mdash; ', '— '));
    expect(withLiteral).toEqual([INTERIOR]);
  });

  it('keeps the language from the paragraph and refuses a made-up one', () => {
    const maori = parseTweetEmbeds(INTERIOR_EMBED.replace('lang="en"', 'lang="mi"'));
    expect(maori[0]?.lang).toBe('mi');
    const regional = parseTweetEmbeds(INTERIOR_EMBED.replace('lang="en"', 'lang="zh-Hant"'));
    expect(regional[0]?.lang).toBe('zh-Hant');
    const hostile = parseTweetEmbeds(INTERIOR_EMBED.replace('lang="en"', 'lang="en&quot; onload=&quot;x"'));
    expect(hostile[0]?.lang).toBe('');
    const none = parseTweetEmbeds(INTERIOR_EMBED.replace(' lang="en"', ''));
    expect(none[0]?.lang).toBe('');
  });

  it('gives two tweets, in order, for two embeds in one paste', () => {
    const paste = `${TEIGEN_EMBED} ${WIDGETS}\n<p>and then</p>\n${INTERIOR_EMBED} ${WIDGETS}`;
    expect(parseTweetEmbeds(paste)).toEqual([TEIGEN, INTERIOR]);
  });

  it('finds an embed inside other HTML (a CMS page or a Word paste)', () => {
    const page =
      '<html><body><div class="article"><h1>Story</h1><p>Intro with <a href="https://twitter.com/jack/status/20">a tweet link</a>.</p>' +
      `<div class="embed"><figure>${INTERIOR_EMBED}</figure></div><p>Outro</p></div></body></html>`;
    expect(parseTweetEmbeds(page)).toEqual([INTERIOR]);
  });

  it('ignores blockquotes that are not tweets', () => {
    expect(parseTweetEmbeds('<blockquote><p>Just a quote</p>— A Person (@someone)</blockquote>')).toEqual([]);
    expect(parseTweetEmbeds('<p>no embeds here</p>')).toEqual([]);
    expect(parseTweetEmbeds('')).toEqual([]);
  });

  it('takes the handle from the attribution when the status link has none', () => {
    const embed = INTERIOR_EMBED.replace(
      'https://twitter.com/Interior/status/463440424141459456?ref_src=twsrc%5Etfw',
      'https://twitter.com/i/web/status/463440424141459456',
    );
    expect(parseTweetEmbeds(embed)).toEqual([INTERIOR]);
  });

  it('keeps text that merely looks like markup as text (a tweet may say "I <3 NZ")', () => {
    const [tweet] = parseTweetEmbeds(INTERIOR_EMBED.replace('Sunsets don&#39;t', 'I &lt;3 NZ. Sunsets don&#39;t'));
    expect(tweet?.text.startsWith("I <3 NZ. Sunsets don't")).toBe(true);
  });
});

describe('parseTweetEmbeds: hostile paste', () => {
  const HOSTILE =
    '<blockquote class="twitter-tweet" onmouseover="alert(0)"><p lang="en" dir="ltr" onclick="alert(1)">Breaking<script>alert("p")</script> news ' +
    '<img src="x" onerror="alert(2)"><style>body{display:none}</style><iframe src="https://evil.example/"></iframe>' +
    '<a href="javascript:alert(3)">https://looks.like/a-link</a> <a href="https://evil.example/&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;">https://evil.example</a> ' +
    '<b onclick="alert(5)">bold</b></p>&mdash; Evil <script>alert("name")</script><svg onload="alert(6)"></svg>Person (@evil_person) ' +
    '<a href="https://twitter.com/evil_person/status/1234567890" onclick="alert(7)">May 5, 2014<img src=x onerror="alert(8)"></a></blockquote>' +
    '<script>alert("after")</script>';

  it('keeps only text: no tag, attribute or script source in any field', () => {
    const tweets = parseTweetEmbeds(HOSTILE);
    expect(tweets).toHaveLength(1);
    const all = allText(tweets);
    expect(all).not.toContain('<');
    expect(all).not.toContain('>');
    expect(all).not.toMatch(/alert|onerror|onclick|onload|javascript:|display:none/i);
  });

  it('still reads the real parts of the tweet around the hostile ones', () => {
    const [tweet] = parseTweetEmbeds(HOSTILE);
    expect(tweet).toEqual({
      url: 'https://twitter.com/evil_person/status/1234567890',
      tweetId: '1234567890',
      name: 'Evil Person',
      handle: 'evil_person',
      text: 'Breaking news https://looks.like/a-link https://evil.example bold',
      date: 'May 5, 2014',
      lang: 'en',
    });
  });

  it('does not take a javascript: link as the status link', () => {
    const embed =
      '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Click the date</p>&mdash; Evil (@evil) ' +
      '<a href="javascript://twitter.com/evil/status/1234567890%0Aalert(1)">May 5, 2014</a></blockquote>';
    const [tweet] = parseTweetEmbeds(embed);
    expect(tweet?.url).toBe('');
    expect(tweet?.tweetId).toBe('');
    expect(tweet?.handle).toBe('evil');
    expect(allText(parseTweetEmbeds(embed))).not.toMatch(/javascript/i);
  });

  it('prefers the real status link over a javascript: one placed after it', () => {
    const embed =
      '<blockquote class="twitter-tweet"><p>Hi</p>&mdash; Jack (@jack) <a href="https://twitter.com/jack/status/20">March 21, 2006</a>' +
      ' <a href="javascript:alert(1)//twitter.com/jack/status/21">.</a></blockquote>';
    const [tweet] = parseTweetEmbeds(embed);
    expect(tweet?.url).toBe('https://twitter.com/jack/status/20');
    expect(tweet?.tweetId).toBe('20');
  });
});

describe('parsePhotoFigure and stripCreditStyle', () => {
  it('reads our exported figure: image link, alt, caption and credit without its house style', () => {
    const html =
      '<figure class="photo"><img src="https://media.nzherald.co.nz/teigen.jpg" alt="Chrissy Teigen &amp; John Legend" width="1200" height="800">' +
      '<figcaption>Chrissy Teigen at the launch. <span class="credit">Photo / Supplied</span></figcaption></figure>';
    expect(parsePhotoFigure(html)).toEqual({
      asset: '',
      src: 'https://media.nzherald.co.nz/teigen.jpg',
      alt: 'Chrissy Teigen & John Legend',
      caption: 'Chrissy Teigen at the launch.',
      credit: 'Supplied',
    });
  });

  it.each([
    ['Photo / Getty Images', 'Getty Images'],
    ['Photo: Getty Images', 'Getty Images'],
    ['(Image: Getty Images)', 'Getty Images'],
  ])('reads a credit printed in the caption as "%s"', (printed, credit) => {
    const html = `<figure><img src="https://example.com/a.jpg" alt="A crowd"><figcaption>Crowds gather in Aotea Square. ${printed}</figcaption></figure>`;
    expect(parsePhotoFigure(html)).toMatchObject({ caption: 'Crowds gather in Aotea Square.', credit });
  });

  it('does not keep an image link that is not https', () => {
    for (const src of ['javascript:alert(1)', 'http://example.com/a.jpg', 'data:image/png;base64,AAAA', '/relative.jpg']) {
      const photo = parsePhotoFigure(`<figure><img src="${src}" alt="x"><figcaption>Caption</figcaption></figure>`);
      expect(photo?.src).toBe('');
    }
  });

  it('keeps no markup from a hostile caption', () => {
    const photo = parsePhotoFigure(
      '<figure><img src="https://example.com/a.jpg" alt="x" onerror="alert(1)"><figcaption>Caption<script>alert(2)</script> <b>here</b>' +
        '<span class="credit">Photo / <i>AP</i><style>*{}</style></span></figcaption></figure>',
    );
    expect(photo).toEqual({ asset: '', src: 'https://example.com/a.jpg', alt: 'x', caption: 'Caption here', credit: 'AP' });
  });

  it('gives null when there is no figure', () => {
    expect(parsePhotoFigure('<p><img src="https://example.com/a.jpg"></p>')).toBeNull();
  });

  it.each([
    ['Photo / Supplied', 'Supplied'],
    ['Photo: Supplied', 'Supplied'],
    ['(Image: Supplied)', 'Supplied'],
    ['  Photo / Mark Mitchell  ', 'Mark Mitchell'],
    ['Supplied', 'Supplied'],
    ['Getty Images', 'Getty Images'],
  ])('stripCreditStyle(%j) is %j', (printed, credit) => {
    expect(stripCreditStyle(printed)).toBe(credit);
  });

  it('undoes every house credit style', () => {
    for (const style of CREDIT_STYLE_IDS) {
      expect(stripCreditStyle(formatCredit('Alex Burton', style))).toBe('Alex Burton');
    }
  });

  it('does not strip a bare style prefix down to nothing', () => {
    expect(stripCreditStyle('Photo / ')).not.toBe('');
  });
});

describe('parseHelplineAside', () => {
  const NZ = BUILT_IN_PRESETS.find((p) => p.id === 'nz-standard')!;

  /** The NZ footer as our HTML export prints it (numbers linked with tel:, websites with https). */
  const NZ_ASIDE =
    '<aside class="helpline"><h2>Where to get help:</h2><ul>\n' +
    '<li>For support for bereaved parents visit <a href="https://www.sands.org.nz">sands.org.nz</a></li>\n' +
    '<li><a href="tel:0800543354">0800 543 354</a> (0800 LIFELINE) or free text 4357 (HELP) (available 24/7)</li>\n' +
    '<li><a href="https://www.lifeline.org.nz/services/suicide-crisis-helpline">https://www.lifeline.org.nz/services/suicide-crisis-helpline</a></li>\n' +
    '<li>YOUTHLINE: <a href="tel:0800376633">0800 376 633</a></li>\n' +
    '<li>NEED TO TALK? Free call or text <a href="tel:1737">1737</a> (available 24/7)</li>\n' +
    '<li>KIDSLINE: <a href="tel:0800543754">0800 543 754</a> (available 24/7)</li>\n' +
    '<li>WHATSUP: <a href="tel:08009428787">0800 942 8787</a> (1pm to 11pm)</li>\n' +
    '<li>DEPRESSION HELPLINE: <a href="tel:0800111757">0800 111 757</a> or TEXT 4202</li>\n' +
    '<li>NATIONAL ANXIETY 24 HR HELPLINE: <a href="tel:08002694389">0800 269 4389</a></li>\n' +
    '</ul></aside>';

  it('recognises the NZ standard footer as the nz-standard preset, with its nine entries', () => {
    const state = parseHelplineAside(NZ_ASIDE);
    expect(state).toEqual({ presetId: 'nz-standard', heading: 'Where to get help:', entries: NZ.entries, verifiedAt: NZ.verifiedAt });
    expect(state?.entries).toHaveLength(9);
  });

  it('recognises the NZ footer without links too (pasted from a published page)', () => {
    const plain = NZ_ASIDE.replace(/<a [^>]*>|<\/a>/g, '');
    expect(parseHelplineAside(plain)).toMatchObject({ presetId: 'nz-standard', entries: NZ.entries });
  });

  it('keeps the date the numbers were checked when the aside carries one', () => {
    const dated = NZ_ASIDE.replace('<aside class="helpline">', '<aside class="helpline" data-verified="2025-03-01">');
    expect(parseHelplineAside(dated)?.verifiedAt).toBe('2025-03-01');
  });

  it('reads a custom footer: heading kept, phone from tel: links, url from https links', () => {
    const html =
      '<div><aside class="helpline extra"><h3>Need someone to talk to?</h3><ul>' +
      '<li>Rural Support Trust: <a href="tel:0800 787 254">0800 787 254</a></li>' +
      '<li>Mental Health Foundation: see <a href="https://mentalhealth.org.nz/help">mentalhealth.org.nz</a></li>' +
      '<li>Healthline: <a href="tel:+64800611116">+64 800 611 116</a> or <a href="https://www.healthline.govt.nz">healthline.govt.nz</a></li>' +
      '<li>Family line <a href="javascript:alert(1)">here</a><script>alert(2)</script></li>' +
      '</ul></aside></div>';
    const state = parseHelplineAside(html);
    expect(state?.presetId).toBe('');
    expect(state?.heading).toBe('Need someone to talk to?');
    expect(state?.entries).toEqual([
      { name: 'Rural Support Trust', detail: 'Rural Support Trust: 0800 787 254', phone: '0800787254' },
      {
        name: 'Mental Health Foundation',
        detail: 'Mental Health Foundation: see mentalhealth.org.nz',
        url: 'https://mentalhealth.org.nz/help',
      },
      {
        name: 'Healthline',
        detail: 'Healthline: +64 800 611 116 or healthline.govt.nz',
        phone: '+64800611116',
        url: 'https://www.healthline.govt.nz',
      },
      { name: 'Family line here', detail: 'Family line here' },
    ]);
    expect(state?.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives null when there is no helpline aside', () => {
    expect(parseHelplineAside('<aside class="pullquote"><p>Quote</p></aside>')).toBeNull();
  });
});
