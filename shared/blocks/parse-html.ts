import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { BUILT_IN_PRESETS, matchesPreset, type HelplineEntry, type HelplineState } from './helpline';
import { CREDIT_STYLES, isHttpsImageUrl, type PhotoState } from './photo';
import { canonicalTweetUrl, emptyTweet, parseTweetUrl, type TweetState } from './tweet';

/**
 * Reads the three block markups back from HTML — Twitter's embed code, our own exported
 * figure and helpline aside — without a DOM, so paste, oEmbed look-ups and the CLI share
 * one parser. Only text and checked URLs come out; no markup is ever kept.
 */

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function hasClass(el: Element, name: string): boolean {
  return (el.attribs.class ?? '').split(/\s+/).includes(name);
}

function text(node: ChildNode | ChildNode[]): string {
  // A script's or style's source is not text a reader sees.
  const visible = (n: ChildNode): string =>
    n.type === 'script' || n.type === 'style' ? '' : isElement(n) ? n.children.map(visible).join('') : DomUtils.textContent(n);
  return (Array.isArray(node) ? node : [node])
    .map(visible)
    .join('')
    .replace(/\u00a0/g, ' ');
}

function tidy(value: string): string {
  return value
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Text of a tweet's <p>: <br> become newlines; a link shown as a shortened URL keeps its real URL. */
function tweetText(nodes: ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.data;
    else if (isElement(node)) {
      if (node.name === 'br') out += '\n';
      else if (node.name === 'script' || node.name === 'style') continue;
      else if (node.name === 'a') {
        const label = text(node).trim();
        const href = node.attribs.href ?? '';
        // Twitter shows "pic.twitter.com/…" and shortened "example.com/…" labels for t.co links.
        const looksLikeUrl =
          /^(https?:\/\/|pic\.twitter\.com\/|[a-z0-9-]+(\.[a-z0-9-]+)+\/)/i.test(label) && !label.startsWith('@') && !label.startsWith('#');
        // A real link has no spaces, quotes or angle brackets; anything else keeps its label.
        out += looksLikeUrl && /^https?:\/\/[^\s"'<>`]+$/i.test(href) && !/^pic\.twitter\.com\//i.test(label) ? href : label;
      } else out += tweetText(node.children);
    }
  }
  return out;
}

const DATE_AT_END = /([A-Z][a-z]+ \d{1,2}, \d{4})\s*$/;

/** Every `blockquote.twitter-tweet` in a piece of HTML, as tweet snapshots. */
export function parseTweetEmbeds(html: string): TweetState[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const quotes = DomUtils.findAll((el) => el.name === 'blockquote' && hasClass(el, 'twitter-tweet'), doc.children);
  return quotes.map(parseTweetBlockquote);
}

function parseTweetBlockquote(quote: Element): TweetState {
  const tweet = emptyTweet();
  const paragraph = DomUtils.findOne((el) => el.name === 'p', quote.children);
  if (paragraph) {
    tweet.text = tidy(tweetText(paragraph.children));
    const lang = paragraph.attribs.lang ?? '';
    tweet.lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? lang : '';
  }
  // The status link is the last link to …/status/<id>
  const links = DomUtils.findAll((el) => el.name === 'a', quote.children);
  for (const link of links.reverse()) {
    const parsed = parseTweetUrl(link.attribs.href ?? '');
    if (parsed.ok) {
      tweet.tweetId = parsed.tweetId;
      tweet.handle = parsed.handle;
      tweet.url = parsed.url;
      tweet.date = tidy(text(link));
      break;
    }
  }
  // Attribution: "— Name (@handle) <a>date</a>" after the paragraph
  const after = quote.children.filter(
    (n) => n !== paragraph && !(isElement(n) && n.name === 'a' && parseTweetUrl(n.attribs.href ?? '').ok),
  );
  const attribution = tidy(text(after));
  const match = /^[—–-]?\s*(?:&mdash;)?\s*(.*?)\s*\(@([A-Za-z0-9_]{1,15})\)/.exec(attribution.replace(/^&mdash;/, '—'));
  if (match) {
    tweet.name = match[1]!.replace(/^[—–-]\s*/, '').trim();
    if (!tweet.handle) tweet.handle = match[2]!;
  }
  if (!tweet.date) tweet.date = DATE_AT_END.exec(attribution)?.[1] ?? '';
  if (tweet.tweetId && tweet.handle && !tweet.url.includes(`/${tweet.handle}/`)) tweet.url = canonicalTweetUrl(tweet.handle, tweet.tweetId);
  return tweet;
}

/** A `figure` (ours, or any figure with an img and figcaption) as a photo block. */
export function parsePhotoFigure(html: string): PhotoState | null {
  const doc = parseDocument(html, { decodeEntities: true });
  const figure = DomUtils.findOne((el) => el.name === 'figure', doc.children);
  return figure ? photoFromFigure(figure) : null;
}

export function photoFromFigure(figure: Element): PhotoState {
  const img = DomUtils.findOne((el) => el.name === 'img', figure.children);
  const caption = DomUtils.findOne((el) => el.name === 'figcaption', figure.children);
  const creditEl = caption ? DomUtils.findOne((el) => el.name === 'span' && hasClass(el, 'credit'), caption.children) : null;
  const src = img?.attribs.src ?? '';
  let captionText = caption ? tidy(text(caption.children.filter((n) => n !== creditEl))) : '';
  let credit = creditEl ? tidy(text(creditEl)) : '';
  credit = stripCreditStyle(credit);
  if (!creditEl && captionText) {
    const split = /^(.*?)\s*(?:Photo \/ |Photo: |\(Image: )([^)]+)\)?$/.exec(captionText);
    if (split) {
      captionText = split[1]!;
      credit = split[2]!.trim();
    }
  }
  return {
    asset: '',
    src: isHttpsImageUrl(src) ? src : '',
    alt: tidy(img?.attribs.alt ?? ''),
    caption: captionText,
    credit,
  };
}

/** "Photo / Supplied", "Photo: Supplied", "(Image: Supplied)" → "Supplied". */
export function stripCreditStyle(printed: string): string {
  const value = printed.trim();
  for (const style of Object.values(CREDIT_STYLES)) {
    const probe = style.format('\u0000');
    const [before, after] = probe.split('\u0000') as [string, string];
    if (value.startsWith(before) && value.endsWith(after) && value.length > before.length + after.length) {
      return value.slice(before.length, value.length - after.length).trim();
    }
  }
  return value;
}

/** Our exported `aside.helpline` back into a helpline block. */
export function parseHelplineAside(html: string): HelplineState | null {
  const doc = parseDocument(html, { decodeEntities: true });
  const aside = DomUtils.findOne((el) => el.name === 'aside' && hasClass(el, 'helpline'), doc.children);
  return aside ? helplineFromAside(aside) : null;
}

export function helplineFromAside(aside: Element): HelplineState {
  const heading = DomUtils.findOne((el) => /^h[1-6]$/.test(el.name), aside.children);
  const items = DomUtils.findAll((el) => el.name === 'li', aside.children);
  const entries: HelplineEntry[] = items.map((li) => {
    const detail = tidy(text(li));
    const links = DomUtils.findAll((el) => el.name === 'a', li.children);
    const entry: HelplineEntry = { name: detail, detail };
    for (const a of links) {
      const href = a.attribs.href ?? '';
      if (href.startsWith('tel:')) entry.phone = href.slice(4).replace(/[^+0-9]/g, '');
      else if (/^https:\/\//.test(href)) entry.url = href;
    }
    // "NAME: detail" → name; otherwise the preset match below restores the name.
    const named = /^([^:]{2,60}):\s/.exec(detail);
    if (named) entry.name = named[1]!.trim();
    return entry;
  });
  const state: HelplineState = {
    presetId: '',
    heading: heading ? tidy(text(heading)) : 'Where to get help:',
    entries,
    // Numbers pasted from elsewhere count as checked the day they were pasted.
    verifiedAt: /^\d{4}-\d{2}-\d{2}/.test(aside.attribs['data-verified'] ?? '')
      ? aside.attribs['data-verified']!
      : new Date().toISOString().slice(0, 10),
  };
  // Same lines as a shipped preset → that preset's snapshot (names, numbers, links).
  for (const preset of BUILT_IN_PRESETS) {
    const sameLines = preset.entries.length === entries.length && preset.entries.every((e, i) => tidy(e.detail) === entries[i]!.detail);
    if (sameLines && state.heading === preset.heading) {
      return {
        presetId: preset.id,
        heading: preset.heading,
        entries: preset.entries.map((e) => ({ ...e })),
        verifiedAt: aside.attribs['data-verified'] ? state.verifiedAt : preset.verifiedAt,
      };
    }
    if (matchesPreset(state, preset)) return { ...state, presetId: preset.id };
  }
  return state;
}
