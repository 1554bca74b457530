import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRESETS, presetToState } from '../../shared/blocks/helpline';
import { parseHelplineAside } from '../../shared/blocks/helpline/html';
import { parsePhotoFigure } from '../../shared/blocks/photo/html';
import { parseTweetEmbeds } from '../../shared/blocks/tweet/html';
import {
  exportStory,
  findPrintedNumber,
  linkifyTweetText,
  renderFragment,
  renderHelpline,
  renderPage,
  renderTweet,
  tweetDirection,
} from '../../shared/export';
import { createStory, type SerializedBodyNode, type Story } from '../../shared/story';
import {
  SEED_CAPTION,
  SEED_PNG,
  SEED_PNG_SHA256,
  SEED_TWEETS,
  buildSeedStory,
  element,
  helplineNode,
  paragraph,
  photoNode,
  restoredSeedStory,
  textNode,
  tweetNode,
} from '../fixtures/seed-story';
import { elements, normaliseHtml, tagsOf, visibleText } from './support/html';

const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;
const UNDERLINE = 8;
const CODE = 16;
const SUB = 32;
const SUP = 64;
const HIGHLIGHT = 128;

/** A story whose body is exactly these top-level nodes (not restored: the renderer is tested directly). */
function storyWith(...children: SerializedBodyNode[]): Story {
  const story = createStory({ id: 'test', now: new Date('2024-05-01T10:00:00.000Z') });
  story.body.root.children = children;
  return story;
}

function fragmentOf(...children: SerializedBodyNode[]): string {
  return normaliseHtml(renderFragment(storyWith(...children)));
}

function link(url: string, ...children: SerializedBodyNode[]): SerializedBodyNode {
  return element('link', children, { url, rel: null, target: null, title: null });
}

function heading(tag: string, text: string): SerializedBodyNode {
  return element('heading', [textNode(text)], { tag });
}

function list(listType: 'bullet' | 'number', items: SerializedBodyNode[][], start = 1): SerializedBodyNode {
  return element(
    'list',
    items.map((children, i) => element('listitem', children, { value: i + 1 })),
    { listType, start, tag: listType === 'number' ? 'ol' : 'ul' },
  );
}

const LINEBREAK: SerializedBodyNode = { type: 'linebreak', version: 1 };

// ---- the seed story ------------------------------------------------------------------

describe('the seed story as an HTML fragment', () => {
  const html = normaliseHtml(renderFragment(restoredSeedStory()));

  it('restores cleanly, so the goldens describe a story the app can hold', () => {
    expect(restoredSeedStory().body.root.children).toHaveLength(buildSeedStory().body.root.children.length);
  });

  it("embeds both tweets as Twitter's own blockquote markup, with handles, dates and status links", () => {
    expect(elements(html, 'blockquote', 'twitter-tweet')).toEqual([
      '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">oh my god Hillary Clinton just tweeted my essay now I have to delete the stupid videos I just posted oh my god please dont look at them Hillary Clinton</p>&mdash; chrissy teigen (@chrissyteigen) <a href="https://twitter.com/chrissyteigen/status/1321573421466869760">October 28, 2020</a></blockquote>',
      '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">I’m so honored <a href="https://twitter.com/hillaryclinton">@hillaryclinton</a>. You have dedicated your life to fighting for women’s and children’s health, so to have you share my piece about my experience means the absolute world to me. Wow. Wow. <a href="https://t.co/9xv5SBDgGX">https://t.co/9xv5SBDgGX</a></p>&mdash; chrissy teigen (@chrissyteigen) <a href="https://twitter.com/chrissyteigen/status/1321606223578812416">October 28, 2020</a></blockquote>',
    ]);
  });

  it('prints the lead photo as a figure whose caption ends "Photo / Supplied"', () => {
    const figures = elements(html, 'figure', 'photo');
    expect(figures).toEqual([
      `<figure class="photo"><img src="data:image/png;base64,${SEED_PNG.toString('base64')}" alt="Chrissy Teigen at an awards night" width="4" height="3"><figcaption>${SEED_CAPTION} <span class="credit">Photo / Supplied</span></figcaption></figure>`,
    ]);
    expect(visibleText(elements(figures[0]!, 'figcaption')[0]!).endsWith('Photo / Supplied')).toBe(true);
  });

  it('ends with the helpline aside: nine lines, numbers as tel: links where they are printed', () => {
    const asides = elements(html, 'aside', 'helpline');
    expect(asides).toHaveLength(1);
    expect(html.endsWith(asides[0]!)).toBe(true);
    expect(elements(asides[0]!, 'li')).toHaveLength(9);
    expect(asides[0]).toBe(
      '<aside class="helpline"><h2>Where to get help:</h2><ul>' +
        '<li>For support for bereaved parents visit <a href="https://www.sands.org.nz">sands.org.nz</a></li>' +
        '<li><a href="tel:0800543354">0800 543 354</a> (0800 LIFELINE) or free text 4357 (HELP) (available 24/7)</li>' +
        '<li><a href="https://www.lifeline.org.nz/services/suicide-crisis-helpline">https://www.lifeline.org.nz/services/suicide-crisis-helpline</a></li>' +
        '<li>YOUTHLINE: <a href="tel:0800376633">0800 376 633</a></li>' +
        '<li>NEED TO TALK? Free call or text <a href="tel:1737">1737</a> (available 24/7)</li>' +
        '<li>KIDSLINE: <a href="tel:0800543754">0800 543 754</a> (available 24/7)</li>' +
        '<li>WHATSUP: <a href="tel:08009428787">0800 942 8787</a> (1pm to 11pm)</li>' +
        '<li>DEPRESSION HELPLINE: <a href="tel:0800111757">0800 111 757</a> or TEXT 4202</li>' +
        '<li>NATIONAL ANXIETY 24 HR HELPLINE: <a href="tel:08002694389">0800 269 4389</a></li>' +
        '</ul></aside>',
    );
  });

  it("keeps the story's order: photo, three paragraphs, tweet, two paragraphs, tweet, eleven paragraphs, helpline", () => {
    const topLevel: string[] = [];
    let depth = 0;
    for (const tag of tagsOf(renderFragment(restoredSeedStory()))) {
      if (tag.name === 'img' || tag.name === 'br') continue;
      if (!tag.closing && depth++ === 0) topLevel.push(tag.name === 'blockquote' ? 'tweet' : tag.name);
      if (tag.closing) depth--;
    }
    expect(topLevel).toEqual(['figure', 'p', 'p', 'p', 'tweet', 'p', 'p', 'tweet', ...Array(11).fill('p'), 'aside']);
  });

  it('reads back through the paste parser as the same tweets, photo and helpline', () => {
    const raw = renderFragment(restoredSeedStory());
    expect(parseTweetEmbeds(raw)).toEqual(SEED_TWEETS);
    expect(parsePhotoFigure(raw)).toMatchObject({ alt: 'Chrissy Teigen at an awards night', caption: SEED_CAPTION, credit: 'Supplied' });
    expect(parseHelplineAside(raw)).toEqual(presetToState(BUILT_IN_PRESETS[0]!));
  });

  it('is clean: no scripts, no styles, no Lexical classes, no dir="ltr" on prose', () => {
    const raw = renderFragment(restoredSeedStory());
    expect(raw).not.toMatch(/<script|style=|<span(?! class="credit")|white-space|editor-|data-lexical/);
    const classes = tagsOf(raw).flatMap((t) => t.attributes.filter(([n]) => n === 'class').map(([, v]) => v));
    expect(new Set(classes)).toEqual(new Set(['photo', 'credit', 'twitter-tweet', 'helpline']));
    expect(raw).not.toMatch(/<p dir=|<p>\s*<\/p>/);
  });
});

// ---- rich text ------------------------------------------------------------------------

describe('rich text', () => {
  it('maps h1 to h2 and h4–h6 to h3', () => {
    expect(fragmentOf(heading('h1', 'A'), heading('h2', 'B'), heading('h3', 'C'), heading('h4', 'D'), heading('h6', 'E'))).toBe(
      '<h2>A</h2><h2>B</h2><h3>C</h3><h3>D</h3><h3>E</h3>',
    );
  });

  it('merges adjacent text with the same format', () => {
    expect(fragmentOf(paragraph(textNode('Hello ', BOLD), textNode('world', BOLD), textNode('.')))).toBe(
      '<p><strong>Hello world</strong>.</p>',
    );
  });

  it('nests formats in one fixed order whatever order they were applied in', () => {
    expect(fragmentOf(paragraph(textNode('x', STRIKE | UNDERLINE | ITALIC | BOLD)))).toBe(
      '<p><strong><em><u><s>x</s></u></em></strong></p>',
    );
    expect(fragmentOf(paragraph(textNode('a ', BOLD), textNode('b', BOLD | ITALIC), textNode(' c', BOLD)))).toBe(
      '<p><strong>a <em>b</em> c</strong></p>',
    );
    expect(
      fragmentOf(
        paragraph(
          textNode('H', 0),
          textNode('2', SUB),
          textNode('O x', 0),
          textNode('2', SUP),
          textNode(' f()', CODE),
          textNode('!', HIGHLIGHT),
        ),
      ),
    ).toBe('<p>H<sub>2</sub>O x<sup>2</sup><code> f()</code><mark>!</mark></p>');
  });

  it('puts the link outside the formatting and keeps http, https, mailto and tel links', () => {
    expect(
      fragmentOf(paragraph('See ', link('https://example.com/a?b=1&c=2', textNode('the ', BOLD), textNode('report', BOLD | ITALIC)), '.')),
    ).toBe('<p>See <a href="https://example.com/a?b=1&amp;c=2"><strong>the <em>report</em></strong></a>.</p>');
    expect(
      fragmentOf(paragraph(link('mailto:news@example.com', textNode('email us')), ' or ', link('tel:+6495551234', textNode('call')))),
    ).toBe('<p><a href="mailto:news@example.com">email us</a> or <a href="tel:+6495551234">call</a></p>');
  });

  it('drops a link with any other scheme and keeps its text', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'file:///etc/passwd',
      '//evil.example',
    ]) {
      expect(fragmentOf(paragraph('Click ', link(url, textNode('here')), '.'))).toBe('<p>Click here.</p>');
    }
  });

  it('prints line breaks as <br> but not at the ends of a paragraph', () => {
    expect(fragmentOf(paragraph(LINEBREAK, textNode('one'), LINEBREAK, textNode('two'), LINEBREAK))).toBe('<p>one<br>two</p>');
  });

  it('leaves out empty and whitespace-only paragraphs', () => {
    expect(
      fragmentOf(paragraph(), paragraph(' \t '), paragraph(LINEBREAK), paragraph('Real.'), element('heading', [], { tag: 'h2' })),
    ).toBe('<p>Real.</p>');
  });

  it('prints text in a node type it does not know as a paragraph rather than losing it', () => {
    expect(fragmentOf({ type: 'callout', version: 1, children: [textNode('Inside')] }, textNode('Stray'))).toBe(
      '<p>Inside</p><p>Stray</p>',
    );
  });

  it('prints quotes as blockquote', () => {
    expect(fragmentOf(element('quote', [textNode('To be or not to be.')]))).toBe('<blockquote>To be or not to be.</blockquote>');
  });

  it('prints lists, with start only when it is not 1, and nested lists inside their parent item', () => {
    expect(fragmentOf(list('bullet', [[textNode('one')], [textNode('two')]]))).toBe('<ul><li>one</li><li>two</li></ul>');
    expect(fragmentOf(list('number', [[textNode('one')]]))).toBe('<ol><li>one</li></ol>');
    expect(fragmentOf(list('number', [[textNode('three')], [textNode('four')]], 3))).toBe('<ol start="3"><li>three</li><li>four</li></ol>');
    // Lexical keeps a nested list in an item of its own after its parent.
    const nested = list('bullet', [[textNode('fruit')], [list('number', [[textNode('apple')], [textNode('pear')]])], [textNode('veg')]]);
    expect(fragmentOf(nested)).toBe('<ul><li>fruit<ol><li>apple</li><li>pear</li></ol></li><li>veg</li></ul>');
    expect(fragmentOf(list('bullet', [[textNode(' ')], []]))).toBe('');
  });

  it('marks right-to-left paragraphs and nothing else', () => {
    const rtl = { ...paragraph('مرحبا'), direction: 'rtl' };
    const ltr = { ...paragraph('Hello'), direction: 'ltr' };
    expect(fragmentOf(rtl, ltr)).toBe('<p dir="rtl">مرحبا</p><p>Hello</p>');
  });

  it('escapes text and attribute values', () => {
    expect(fragmentOf(paragraph('Fish & chips < $5 > "cheap"'))).toBe('<p>Fish &amp; chips &lt; $5 &gt; "cheap"</p>');
    expect(fragmentOf(photoNode({ asset: '', src: 'https://example.com/a.jpg', alt: 'a "quoted" <b>', caption: '', credit: '' }))).toBe(
      '<figure class="photo"><img src="https://example.com/a.jpg" alt="a &quot;quoted&quot; &lt;b&gt;"></figure>',
    );
  });
});

// ---- tweets ---------------------------------------------------------------------------

const TWEET = {
  url: 'https://twitter.com/nzherald/status/1234567890',
  tweetId: '1234567890',
  name: 'NZ Herald',
  handle: 'nzherald',
  text: 'Hello',
  date: 'March 3, 2021',
  lang: 'en',
};

describe('tweets', () => {
  it('links URLs, pic.twitter.com, @mentions and #hashtags as Twitter does, and newlines become <br>', () => {
    expect(
      linkifyTweetText(
        'Read https://example.com/story. (via @jacinda_ardern) #NZPol #2021 pic.twitter.com/AbC123\nemail me@example.com, not @x@y',
      ).markup,
    ).toBe(
      'Read <a href="https://example.com/story">https://example.com/story</a>. (via <a href="https://twitter.com/jacinda_ardern">@jacinda_ardern</a>) ' +
        '<a href="https://twitter.com/hashtag/NZPol?src=hash">#NZPol</a> #2021 <a href="https://pic.twitter.com/AbC123">pic.twitter.com/AbC123</a><br>' +
        'email me@example.com, not @x@y',
    );
    expect(linkifyTweetText('Kia ora #Aotearoa (see https://en.wikipedia.org/wiki/Foo_(bar)).').markup).toBe(
      'Kia ora <a href="https://twitter.com/hashtag/Aotearoa?src=hash">#Aotearoa</a> (see <a href="https://en.wikipedia.org/wiki/Foo_(bar)">https://en.wikipedia.org/wiki/Foo_(bar)</a>).',
    );
    expect(linkifyTweetText('#Māori').markup).toBe('<a href="https://twitter.com/hashtag/M%C4%81ori?src=hash">#Māori</a>');
  });

  it('sets dir="rtl" for Arabic, Hebrew, Persian and Urdu tweets', () => {
    expect(tweetDirection('مرحبا بالعالم', '')).toBe('rtl');
    expect(tweetDirection('@someone שלום עולם https://example.com', '')).toBe('rtl');
    expect(tweetDirection('Hello', 'fa')).toBe('rtl');
    expect(tweetDirection('Hello', 'ur-PK')).toBe('rtl');
    expect(tweetDirection('Hello مرحبا', 'en')).toBe('ltr');
    expect(normaliseHtml(renderTweet({ ...TWEET, text: 'مرحبا', lang: 'ar' }).markup)).toContain('<p lang="ar" dir="rtl">مرحبا</p>');
  });

  it('leaves lang out when the snapshot has none', () => {
    expect(renderTweet({ ...TWEET, lang: '' }).markup).toContain('<p dir="ltr">Hello</p>');
  });

  it('a deleted tweet still exports its text, with a link built from its id', () => {
    expect(renderTweet({ ...TWEET, url: '' }).markup).toBe(
      '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Hello</p>&mdash; NZ Herald (@nzherald) <a href="https://twitter.com/nzherald/status/1234567890">March 3, 2021</a></blockquote>',
    );
    // Nothing to link and no date: the attribution is just the name.
    expect(renderTweet({ ...TWEET, url: '', tweetId: '', handle: '', date: '' }).markup).toBe(
      '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Hello</p>&mdash; NZ Herald</blockquote>',
    );
    // An x.com link with tracking: the id and handle are read from it.
    expect(renderTweet({ ...TWEET, tweetId: '', handle: '', url: 'https://x.com/nzherald/status/1234567890?s=20' }).markup).toContain(
      '&mdash; NZ Herald <a href="https://twitter.com/nzherald/status/1234567890">March 3, 2021</a>',
    );
  });

  it('never carries a script, even in a page without tweetScript', () => {
    const story = storyWith(tweetNode(TWEET));
    expect(renderFragment(story)).not.toContain('<script');
    expect(exportStory(story, { format: 'html', tweetScript: true }).text).not.toContain('<script');
    expect(renderPage(story)).not.toContain('<script');
  });
});

// ---- photos ---------------------------------------------------------------------------

describe('photos', () => {
  const seed = restoredSeedStory();

  it('prints the credit in the house style chosen', () => {
    const credit = (creditStyle: 'photo-slash' | 'photo-colon' | 'image-parens') =>
      visibleText(elements(renderFragment(seed, { creditStyle }), 'span', 'credit')[0]!);
    expect(credit('photo-slash')).toBe('Photo / Supplied');
    expect(credit('photo-colon')).toBe('Photo: Supplied');
    expect(credit('image-parens')).toBe('(Image: Supplied)');
  });

  it('leaves out empty caption parts, and keeps a caption when there is no image', () => {
    const photo = (p: Partial<{ asset: string; src: string; caption: string; credit: string; alt: string }>) =>
      fragmentOf(photoNode({ asset: '', src: '', alt: '', caption: '', credit: '', ...p }));
    expect(photo({ src: 'https://example.com/p.jpg', caption: 'Caption.' })).toBe(
      '<figure class="photo"><img src="https://example.com/p.jpg" alt=""><figcaption>Caption.</figcaption></figure>',
    );
    expect(photo({ src: 'https://example.com/p.jpg', credit: 'AP' })).toBe(
      '<figure class="photo"><img src="https://example.com/p.jpg" alt=""><figcaption><span class="credit">Photo / AP</span></figcaption></figure>',
    );
    expect(photo({ src: 'https://example.com/p.jpg' })).toBe('<figure class="photo"><img src="https://example.com/p.jpg" alt=""></figure>');
    expect(photo({ caption: 'Only words.', credit: 'AP' })).toBe(
      '<figure class="photo"><figcaption>Only words. <span class="credit">Photo / AP</span></figcaption></figure>',
    );
    expect(photo({})).toBe('');
    // Not https, not the story's own asset: no image.
    expect(photo({ src: 'http://example.com/p.jpg', caption: 'C' })).toBe('<figure class="photo"><figcaption>C</figcaption></figure>');
    expect(photo({ asset: 'a'.repeat(64), caption: 'C' })).toBe('<figure class="photo"><figcaption>C</figcaption></figure>');
  });

  it('refers to images/<sha256>.png in dir mode and hands back each file once', () => {
    const story = restoredSeedStory();
    story.body.root.children.push(photoNode({ asset: SEED_PNG_SHA256, src: '', alt: 'again', caption: 'Again.', credit: '' }));
    const result = exportStory(story, { format: 'html', assets: 'dir' });
    const srcs = tagsOf(result.text)
      .filter((t) => t.name === 'img')
      .map((t) => Object.fromEntries(t.attributes).src);
    expect(srcs).toEqual([`images/${SEED_PNG_SHA256}.png`, `images/${SEED_PNG_SHA256}.png`]);
    expect(result.files).toHaveLength(1);
    expect(result.files[0]!.path).toBe(`images/${SEED_PNG_SHA256}.png`);
    expect(result.files[0]!.mime).toBe('image/png');
    expect(Buffer.from(result.files[0]!.bytes).equals(SEED_PNG)).toBe(true);
    expect(result.text).not.toContain('base64');
    expect(exportStory(story, { format: 'html' }).files).toEqual([]);
  });
});

// ---- helpline -------------------------------------------------------------------------

describe('helpline', () => {
  it('finds the printed form of a number, whole numbers only', () => {
    const at = (line: string, phone: string) => {
      const found = findPrintedNumber(line, phone);
      return found ? line.slice(found.start, found.end) : null;
    };
    expect(at('Call 0800 543 354 now', '0800543354')).toBe('0800 543 354');
    expect(at('Call (09) 555-1234 now', '095551234')).toBe('(09) 555-1234');
    expect(at('Call +64 9 555 1234', '+6495551234')).toBe('+64 9 555 1234');
    expect(at('text 4357 or call 1737', '1737')).toBe('1737');
    expect(at('call 017370', '1737')).toBeNull();
    expect(at('call 17370', '1737')).toBeNull();
    expect(at('no number here', '111')).toBeNull();
  });

  it('prints every preset with tel: links on the numbers it shows', () => {
    for (const preset of BUILT_IN_PRESETS) {
      const html = renderHelpline({ ...preset, presetId: preset.id })!.markup;
      const telLinks = tagsOf(html).filter((t) => t.name === 'a' && Object.fromEntries(t.attributes).href?.startsWith('tel:'));
      expect(telLinks.length, preset.id).toBe(preset.entries.filter((e) => e.phone).length);
    }
  });

  it('prints no link for a number that is not in the line, rather than inventing text', () => {
    const html = renderHelpline({
      heading: 'Help',
      entries: [{ name: 'Line', detail: 'Line: ask at reception', phone: '0800111222' }],
    })!.markup;
    expect(normaliseHtml(html)).toBe('<aside class="helpline"><h2>Help</h2><ul><li>Line: ask at reception</li></ul></aside>');
  });

  it('is left out when a hand-made block has nothing to print', () => {
    expect(fragmentOf({ ...helplineNode(0), heading: '', entries: [] })).toBe('');
  });
});

// ---- the page -------------------------------------------------------------------------

describe('the page format', () => {
  const seed = restoredSeedStory();
  const page = renderPage(seed);

  it('is a standalone document with charset, viewport, title, style and CSP', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data: https: 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">",
    );
    expect(page).toContain('<title>Hillary Clinton praises Chrissy Teigen for essay on pregnancy loss</title>');
    const style = /<style>([\s\S]*)<\/style>/.exec(page)![1]!;
    expect(style).toMatch(/font:[^;}]*serif/);
    expect(style).toContain('figcaption');
    expect(style).toContain('blockquote.twitter-tweet');
    expect(style).toContain('.helpline');
    expect(style).toContain('@media print');
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    tagsOf(page); // well formed
  });

  it('opens the article with headline, standfirst, byline and dateline, then the body', () => {
    const article = normaliseHtml(elements(page, 'article')[0]!);
    expect(
      article.startsWith(
        '<article><h1>Hillary Clinton praises Chrissy Teigen for essay on pregnancy loss</h1>' +
          '<p class="standfirst">The former Secretary of State shared the model\'s essay and thanked her for starting a hard conversation.</p>' +
          '<p class="byline">Entertainment desk</p><p class="dateline">2020-10-29</p><figure class="photo">',
      ),
    ).toBe(true);
    expect(article.endsWith(`${normaliseHtml(renderFragment(seed))}</article>`)).toBe(true);
  });

  it("loads Twitter's widgets.js only when asked, and allows it in the CSP only then", () => {
    expect(page).not.toContain('<script');
    expect(page).not.toContain('platform.twitter.com');
    const withScript = renderPage(seed, { tweetScript: true });
    expect(withScript.match(/<script/g)).toHaveLength(1);
    expect(withScript).toContain('<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>');
    expect(withScript).toMatch(/Content-Security-Policy" content="[^"]*script-src https:\/\/platform\.twitter\.com/);
  });

  it('leaves out empty header lines and still has a title', () => {
    const bare = renderPage(createStory({ id: 'x', now: new Date('2024-01-01T00:00:00Z') }));
    expect(bare).toContain('<title>Untitled story</title>');
    expect(normaliseHtml(elements(bare, 'article')[0]!)).toBe('<article></article>');
  });
});
