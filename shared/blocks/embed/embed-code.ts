import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { EMBED_PROVIDER_TABLE } from './providers';
import { EmbedStateSchema, emptyEmbed, type EmbedProviderId, type EmbedState } from './schema';
import { parseEmbedUrl } from './url';

/**
 * Reads the services' embed code — as copied from Instagram, TikTok, Bluesky, Threads,
 * Mastodon, Facebook, YouTube or Vimeo, or as Copydesk exports it — back into snapshots,
 * without a DOM. Only text and checked links come out: scripts, styles and the rest of the
 * markup are dropped.
 */
export function parseEmbedCode(html: string): EmbedState[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const out: EmbedState[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'tag') continue;
      const embed = embedFromElement(node);
      if (embed) out.push(embed);
      else walk(node.children);
    }
  };
  walk(doc.children);
  return out;
}

/** The service whose embed code this element is, and the post link it names; null otherwise. */
export function recogniseEmbedElement(element: Element): { provider: EmbedProviderId; url: string } | null {
  for (const spec of Object.values(EMBED_PROVIDER_TABLE)) {
    const url = spec.embedCodeUrl(element);
    if (url !== null) return { provider: spec.id, url };
  }
  return null;
}

/** One element of embed code as a snapshot, or null when it is none of the services' code. */
export function embedFromElement(element: Element): EmbedState | null {
  const recognised = recogniseEmbedElement(element);
  if (!recognised) return null;
  const { provider } = recognised;
  const parsed = parseEmbedUrl(recognised.url);
  const embed = emptyEmbed(provider);
  if (parsed.ok && parsed.provider === provider) {
    embed.url = parsed.url;
    embed.authorHandle = parsed.handle;
  }
  if (provider === 'youtube' || provider === 'vimeo') readVideo(element, embed);
  else readPost(element, embed, parsed.ok ? parsed.id : '');
  const checked = EmbedStateSchema.safeParse(embed);
  return checked.success ? checked.data : { ...emptyEmbed(provider), url: embed.url };
}

// ---- reading text ------------------------------------------------------------------------

function isTag(node: ChildNode): node is Element {
  return node.type === 'tag';
}

/** Visible text: <br> as a newline, scripts and styles dropped. */
function textOf(nodes: ChildNode | ChildNode[], skip: ReadonlySet<Element> = new Set()): string {
  let out = '';
  for (const node of Array.isArray(nodes) ? nodes : [nodes]) {
    if (node.type === 'text') out += node.data;
    else if (isTag(node) && !skip.has(node)) {
      if (node.name === 'br') out += '\n';
      else if (node.name === 'svg') continue;
      else out += textOf(node.children, skip);
    }
  }
  return out.replace(/\u00a0/g, ' ');
}

function tidy(value: string): string {
  return value
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

function line(value: string): string {
  return tidy(value).replace(/\s+/g, ' ');
}

const BOILERPLATE = /^(?:View (?:this post )?on \w+|Watch on \w+|View this (?:post|video) on \w+|\[image or embed\]|A post shared by\b)/i;

/** "NAME (@HANDLE)", "@HANDLE" or "NAME" → the two fields; what follows "(@HANDLE)" is given back (a date without its link). */
function readByline(credit: string, embed: EmbedState): string {
  const value = credit.replace(/^[—–-]\s*/, '').trim();
  const both = /^(.*?)\s*\(@([^()\s]+)\)\s*(.*)$/.exec(value);
  if (both) {
    embed.authorName = both[1]!.trim();
    embed.authorHandle = both[2]!;
    return both[3]!.trim();
  }
  if (/^@\S+$/.test(value)) embed.authorHandle = value.slice(1);
  else if (value) embed.authorName = value;
  return '';
}

function readVideo(element: Element, embed: EmbedState) {
  const caption = DomUtils.findOne((e) => e.name === 'figcaption', element.children);
  const iframe = element.name === 'iframe' ? element : DomUtils.findOne((e) => e.name === 'iframe', element.children);
  const link = caption ? DomUtils.findOne((e) => e.name === 'a', caption.children) : null;
  const title = link ? line(textOf(link)) : line(iframe?.attribs.title ?? '');
  // The players' own placeholder titles are not the video's.
  embed.text = /^(?:YouTube video player|vimeo-player|Vimeo video|YouTube video)$/i.test(title) || title === embed.url ? '' : title;
  if (caption) {
    const after = line(textOf(caption.children.filter((n) => n !== link)));
    const credit = /^[—–-]\s*(.*)$/.exec(after)?.[1] ?? '';
    // "NAME (@HANDLE), DATE": the date follows the last comma after the byline.
    const dated = /^(.*?\)|[^,]*?),\s*(.+)$/.exec(credit);
    readByline(dated ? dated[1]! : credit, embed);
    embed.date = dated ? dated[2]!.trim() : '';
  }
}

function readPost(element: Element, embed: EmbedState, postId: string) {
  const isPostLink = (a: Element) => {
    const parsed = parseEmbedUrl(a.attribs.href ?? '');
    return parsed.ok && parsed.provider === embed.provider && (postId === '' || parsed.id === postId);
  };
  const paragraphs = DomUtils.findAll((e) => e.name === 'p', element.children);
  const textParagraphs = paragraphs.filter((p) => !BOILERPLATE.test(line(textOf(p))) && !/^(?:Posted by|Post by)\b/.test(line(textOf(p))));
  const skip = new Set(textParagraphs);
  // Bluesky puts "[image or embed]" inside the text; Threads and Mastodon placeholders have only boilerplate.
  const postText = (p: Element) =>
    tidy(
      textOf(
        p.children.filter((n) => !(isTag(n) && n.name === 'a' && BOILERPLATE.test(line(textOf(n))))),
        new Set(),
      ),
    );
  embed.text = textParagraphs.map(postText).filter(Boolean).join('\n\n');
  if (embed.text === '' && embed.provider === 'tiktok') embed.text = tiktokCaption(element);

  const links = DomUtils.findAll((e) => e.name === 'a', element.children).filter((a) => !textParagraphs.some((p) => isInside(a, p)));
  const notDate = (label: string) =>
    label === '' || BOILERPLATE.test(label) || /^Post(?:ed)? by\b/i.test(label) || /^https?:\/\//.test(label);
  const dateLink = [...links].reverse().find((a) => isPostLink(a) && !notDate(line(textOf(a))));
  const time = DomUtils.findOne((e) => e.name === 'time', element.children);
  if (dateLink) skip.add(dateLink);
  const closing = line(textOf(element.children, skip)).replace(/\s+on$/, '');

  const shared = /A post shared by (.+?) \(@([A-Za-z0-9._]+)\)(?: on (.+))?$/i.exec(closing);
  const posted = /Posted by (.+?)(?: on (.+?))?(?: View on Facebook)?$/i.exec(closing);
  const postBy = /Post by @([^\s]+)/i.exec(closing);
  const dashed = /[—–]\s*(.+?)$/.exec(closing);
  if (shared) {
    embed.authorName = shared[1]!.trim();
    embed.authorHandle = shared[2]!;
    if (shared[3]) embed.date = shared[3].trim();
  } else if (posted) {
    embed.authorName = posted[1]!.trim();
    if (posted[2]) embed.date = posted[2].trim();
    const page = links.find((a) => /^https:\/\/(?:www\.)?facebook\.com\/[A-Za-z0-9.\-_]+\/?$/.test(a.attribs.href ?? ''));
    if (page && !embed.authorHandle) embed.authorHandle = new URL(page.attribs.href!).pathname.replace(/\//g, '');
  } else if (dashed) {
    const rest = readByline(dashed[1]!, embed);
    if (rest && !dateLink) embed.date = rest;
  } else if (postBy) embed.authorHandle = postBy[1]!;
  if (dateLink && !embed.date) embed.date = line(textOf(dateLink));
  else if (time && !embed.date) embed.date = line(textOf(time));
}

/** TikTok's older code: "@user caption #tags ♬ sound" with no paragraph. */
function tiktokCaption(element: Element): string {
  const section = DomUtils.findOne((e) => e.name === 'section', element.children) ?? element;
  const skip = new Set(
    DomUtils.findAll(
      (e) => e.name === 'a' && (/\/(?:@[^/?]+\/?(?:\?|$)|music\/)/.test(e.attribs.href ?? '') || BOILERPLATE.test(line(textOf(e)))),
      section.children,
    ),
  );
  return tidy(textOf(section.children, skip)).replace(/^—.*$/m, '').trim();
}

function isInside(node: Element, ancestor: Element): boolean {
  for (let at = node.parent; at; at = at.parent) if (at === ancestor) return true;
  return false;
}

/**
 * The embeds in a paste that is nothing but embed code (the services' "Embed" boxes give
 * the code with its script): null when there is other text, which is then pasted as prose
 * by the HTML importer, embeds and all.
 */
export function parseEmbedCodeOnly(html: string): EmbedState[] | null {
  if (!/^\s*</.test(html)) return null;
  const doc = parseDocument(html, { decodeEntities: true });
  const out: EmbedState[] = [];
  let otherText = false;
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text' && node.data.trim() !== '') otherText = true;
      if (node.type !== 'tag') continue;
      const embed = embedFromElement(node);
      if (embed) out.push(embed);
      else walk(node.children);
    }
  };
  walk(doc.children);
  return out.length > 0 && !otherText ? out : null;
}
