import { DEFAULT_CREDIT_STYLE, type CreditStyle } from '../blocks/photo';
import type { Story } from '../story/schema';
import type { AssetMode } from './assets';
import { fragmentOf, pageBodyOf, renderBodyBlocks, type RenderedBlock } from './body';
import { constant, el, fragment, lines, safeLinkUrl, type Html } from './markup';
import { LANGUAGE_TAG } from '../blocks/tweet';
import { isRtlLanguage } from '../blocks/tweet/render';

export interface HtmlOptions {
  /** `inline` (default): images as data: URIs; `dir`: `images/<sha256>.<ext>` beside the file. */
  assets?: AssetMode;
  /** House style for photo credits; default `photo-slash` ("Photo / Supplied"). */
  creditStyle?: CreditStyle;
  /** Page only: load Twitter's widgets.js so tweets render as cards. Off by default. */
  tweetScript?: boolean;
}

/** The story's rendered blocks with the options' defaults applied. */
export function renderStoryBlocks(story: Pick<Story, 'body' | 'assets'>, options: HtmlOptions = {}): RenderedBlock[] {
  return renderBodyBlocks(story.body, story.assets, {
    assets: options.assets ?? 'inline',
    creditStyle: options.creditStyle ?? DEFAULT_CREDIT_STYLE,
  });
}

/** The body as clean HTML: what "Copy as HTML", the preview and a CMS paste box get. */
export function renderFragment(story: Pick<Story, 'body' | 'assets'>, options: HtmlOptions = {}): string {
  return fragmentOf(renderStoryBlocks(story, options)).markup;
}

/** Meta fields as strings, whatever the object holds (the renderer also runs on unrestored input). */
export function readMeta(story: Pick<Story, 'meta'>) {
  const meta = (typeof story.meta === 'object' && story.meta !== null ? story.meta : {}) as Partial<Record<string, unknown>>;
  const str = (key: string) => (typeof meta[key] === 'string' ? (meta[key] as string) : '');
  const language = str('language');
  return {
    headline: str('headline'),
    standfirst: str('standfirst'),
    byline: str('byline'),
    slug: str('slug'),
    section: str('section'),
    dateline: str('dateline'),
    language: LANGUAGE_TAG.test(language) ? language : '',
    status: str('status'),
    createdAt: str('createdAt'),
    updatedAt: str('updatedAt'),
    tags: Array.isArray(meta.tags) ? meta.tags.filter((t): t is string => typeof t === 'string') : [],
  };
}

const WIDGETS_JS = 'https://platform.twitter.com/widgets.js';

/**
 * The Content-Security-Policy of an exported page: nothing loads but images (embedded,
 * https, or beside the file) and the page's own style. Twitter's script and its tweet
 * frames are allowed only when the page asks for them.
 */
export function pageCsp(tweetScript: boolean, frameSources: readonly string[] = []): string {
  // Frames: Twitter's, when its script is asked for, and those the page's blocks embed (video players).
  const frames = [...(tweetScript ? ['https://platform.twitter.com'] : []), ...frameSources];
  return [
    "default-src 'none'",
    "img-src data: https: 'self'",
    "style-src 'unsafe-inline'",
    ...(tweetScript ? ['script-src https://platform.twitter.com'] : []),
    ...(frames.length > 0 ? [`frame-src ${frames.join(' ')}`] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const PAGE_STYLE = constant`
body{margin:0;background:#fff;color:#111;font:18px/1.6 Georgia,"Times New Roman",serif}
article{max-width:40rem;margin:2rem auto;padding:0 1rem}
h1{font-size:2.1rem;line-height:1.2;margin:0 0 .75rem}
h2,h3{line-height:1.3;margin:1.75rem 0 .5rem}
.standfirst{font-size:1.25rem;line-height:1.5;color:#333;margin:0 0 1rem}
.byline,.dateline{font:.9rem/1.4 system-ui,sans-serif;color:#555;margin:.2rem 0}
figure{margin:1.5rem 0}
figure img{display:block;max-width:100%;height:auto}
figcaption{font:.85rem/1.45 system-ui,sans-serif;color:#444;margin-top:.4rem}
.credit{color:#666}
blockquote{margin:1.5rem 0;padding-left:1rem;border-left:3px solid #ccc}
blockquote.twitter-tweet{font:1rem/1.5 system-ui,sans-serif;border:1px solid #cfd9de;border-radius:12px;padding:.75rem 1rem;max-width:34rem}
blockquote.twitter-tweet p{margin:0 0 .5rem;font-size:1.05rem}
figure.pullquote{margin:2rem 0;padding:0 0 0 1.25rem;border-left:4px solid #b3261e}
figure.pullquote blockquote{margin:0;padding:0;border:0;font-size:1.5rem;line-height:1.35}
figure.pullquote blockquote p{margin:0}
.embed iframe{display:block;width:100%;max-width:640px;aspect-ratio:16/9;height:auto;border:0}
blockquote.instagram-media,blockquote.tiktok-embed,blockquote.bluesky-embed,blockquote.text-post-media,blockquote.mastodon-embed,.fb-post blockquote,.fb-video blockquote{font:1rem/1.5 system-ui,sans-serif;border:1px solid #d0d4d9;border-radius:12px;padding:.75rem 1rem;max-width:34rem}
.helpline{margin:2rem 0;padding:1rem 1.25rem;border-top:3px solid #111;background:#f4f4f4;font:.95rem/1.5 system-ui,sans-serif}
.helpline h2{font-size:1.1rem;margin:0 0 .5rem}
.helpline ul{margin:0;padding-left:1.2rem}
a{color:#0645ad}
@media print{body{font-size:11pt}article{max-width:none;margin:0}a{color:inherit;text-decoration:none}.helpline{background:none;border:1px solid #000}figure,blockquote,.helpline{break-inside:avoid}}
`;

/** A standalone HTML document: headline, standfirst, byline, dateline, then the body. */
export function renderPage(story: Pick<Story, 'meta' | 'body' | 'assets'>, options: HtmlOptions = {}): string {
  const meta = readMeta(story);
  const { html: body, frameSources } = pageBodyOf(renderStoryBlocks(story, options));
  const tweetScript = options.tweetScript === true;
  const script = tweetScript ? el('script', { async: true, src: safeLinkUrl(WIDGETS_JS)!, charset: 'utf-8' }) : null;
  const headline = meta.headline.trim();
  const optionalLine = (value: string, className: string): Html | null =>
    value.trim() ? el('p', { class: className }, value.trim()) : null;
  const html = fragment(
    constant`<!doctype html>`,
    '\n',
    el(
      'html',
      { lang: meta.language || undefined, dir: meta.language && isRtlLanguage(meta.language) ? 'rtl' : undefined },
      '\n',
      el(
        'head',
        null,
        '\n',
        lines([
          el('meta', { charset: 'utf-8' }),
          el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          el('meta', { 'http-equiv': 'Content-Security-Policy', content: pageCsp(tweetScript, frameSources) }),
          el('title', null, headline || meta.slug.trim() || 'Untitled story'),
          el('style', null, PAGE_STYLE),
        ]),
        '\n',
      ),
      '\n',
      el(
        'body',
        null,
        '\n',
        el(
          'article',
          null,
          '\n',
          lines([
            headline ? el('h1', null, headline) : null,
            optionalLine(meta.standfirst, 'standfirst'),
            optionalLine(meta.byline, 'byline'),
            optionalLine(meta.dateline, 'dateline'),
            body,
          ]),
          '\n',
        ),
        script ? ['\n', script] : null,
        '\n',
      ),
      '\n',
    ),
  );
  return html.markup;
}
