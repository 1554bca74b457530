import { blockDefinition, isBlockType, type NinjsAssociation } from '../blocks/registry';
import type { Story } from '../story/schema';
import { fragmentOf, type RenderedBlock } from './body';
import { isoTimestamp } from './cms-json';
import { readMeta, renderStoryBlocks, type HtmlOptions } from './html';
import { storyCharCount, storyWordCount } from './word-count';

/**
 * IPTC ninjs 2.1 (News in JSON). Field names are 2.x's: `headlines`, `descriptions`,
 * `bodies` and `associations` are arrays of objects (1.x's `headline`, `body_html` and
 * associations-as-a-map do not validate). Tags become `subjects` (2.1 has no keywords).
 */
export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json';

interface NinjsText {
  role?: string;
  contenttype?: string;
  value: string;
}

interface NinjsBody extends NinjsText {
  wordcount?: number;
  charcount?: number;
}

export interface NinjsRendition {
  name: string;
  href?: string;
  contenttype?: string;
  width?: number;
  height?: number;
  sizeinbytes?: number;
}

/** A picture association (a photo block's); other blocks may bring other kinds. */
export type NinjsPicture = NinjsAssociation & { type: 'picture' };

export interface NinjsDocument {
  uri: string;
  standard: { name: 'ninjs'; version: '2.1'; schema: string };
  type: 'text';
  representationtype: 'full';
  version: string;
  pubstatus: NinjsPubStatus;
  firstcreated?: string;
  versioncreated?: string;
  language?: string;
  slugline?: string;
  by?: string;
  headlines?: NinjsText[];
  descriptions?: NinjsText[];
  bodies: NinjsBody[];
  subjects?: { name: string }[];
  associations?: NinjsAssociation[];
}

export type NinjsPubStatus = 'usable' | 'withheld' | 'canceled';

/**
 * The story's desk status as ninjs `pubstatus` (IPTC's nar:pubStatus). Only copy the desk has
 * passed is usable: a draft or a story still being subbed is withheld, so a CMS that honours
 * pubstatus does not publish it. An unknown status is withheld too — the safe side.
 */
export function pubstatusOf(status: string): NinjsPubStatus {
  return status === 'ready' || status === 'sent' ? 'usable' : 'withheld';
}

/** A URN for the story; ids are encoded so any id makes a valid URI. */
export function storyUri(id: string): string {
  return `urn:copydesk:story:${encodeURIComponent(id || 'untitled')}`;
}

export function renderNinjs(story: Pick<Story, 'id' | 'meta' | 'body' | 'assets' | 'review'>, options: HtmlOptions = {}): NinjsDocument {
  const meta = readMeta(story);
  const id = typeof story.id === 'string' ? story.id : '';
  const blocks = renderStoryBlocks(story, options);
  // Blocks that are the story's footer, not its copy (the helpline), make a body of their own, role "footer".
  const inFooter = (b: RenderedBlock) => isBlockType(b.type) && blockDefinition(b.type).ninjs.body === 'footer';
  const copy = blocks.filter((b) => !inFooter(b));
  const footer = blocks.filter(inFooter);
  const revisions = Array.isArray(story.review?.revisions) ? story.review.revisions.length : 0;

  const firstcreated = isoTimestamp(meta.createdAt);
  const versioncreated = isoTimestamp(meta.updatedAt);
  const headline = meta.headline.trim();
  const standfirst = meta.standfirst.trim();
  const subjects = [...new Set(meta.tags.map((t) => t.trim()).filter(Boolean))].map((name) => ({ name }));
  const pictures = blockAssociations(id, blocks);
  const bodies: NinjsBody[] = [
    {
      role: 'richtext',
      contenttype: 'text/html',
      value: fragmentOf(copy).markup,
      wordcount: storyWordCount(copy),
      charcount: storyCharCount(copy),
    },
  ];
  if (footer.length > 0) bodies.push({ role: 'footer', contenttype: 'text/html', value: fragmentOf(footer).markup });

  // Optional fields are left out rather than sent empty; keys in reading order.
  return {
    uri: storyUri(id),
    standard: { name: 'ninjs', version: '2.1', schema: NINJS_SCHEMA_URI },
    type: 'text',
    representationtype: 'full',
    version: String(revisions + 1),
    pubstatus: pubstatusOf(meta.status),
    ...(firstcreated ? { firstcreated } : {}),
    ...(versioncreated ? { versioncreated } : {}),
    ...(meta.language ? { language: meta.language } : {}),
    ...(meta.slug.trim() ? { slugline: meta.slug.trim() } : {}),
    ...(meta.byline.trim() ? { by: meta.byline.trim() } : {}),
    ...(headline ? { headlines: [{ role: 'main', value: headline }] } : {}),
    ...(standfirst ? { descriptions: [{ role: 'summary', value: standfirst }] } : {}),
    bodies,
    ...(subjects.length > 0 ? { subjects } : {}),
    ...(pictures.length > 0 ? { associations: pictures } : {}),
  };
}

/** What each block brings as ninjs associations (each photo with an image, as a `picture`), in order. */
function blockAssociations(storyId: string, blocks: readonly RenderedBlock[]): NinjsAssociation[] {
  const associations: NinjsAssociation[] = [];
  for (const block of blocks) {
    if (!isBlockType(block.type)) continue;
    const found = blockDefinition(block.type).ninjs.associations?.(block as never, {
      storyUri: storyUri(storyId),
      index: associations.length + 1,
    });
    if (found) associations.push(...found);
  }
  return associations;
}
