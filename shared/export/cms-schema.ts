import { z } from 'zod';
import { BLOCK_LIST } from '../blocks/registry';
import { ASSET_KEY, PHOTO_MIME_TYPES } from '../blocks/photo/media';
import { LANGUAGE_TAG } from '../blocks/tweet';
import { STORY_STATUSES } from '../story/schema';
import { CMS_FORMAT, CMS_VERSION } from './cms-json';

/**
 * The CMS JSON format as a zod schema, from which `npm run schema` writes `cms-schema.json`
 * (the JSON Schema CMS teams validate against). Each newsroom block's entry is its registry
 * definition's `cms.schema` plus `type` and `html`, so a new block documents itself; a unit
 * test fails when the committed JSON Schema is not what this generates.
 */

const richText = {
  text: z.string().min(1),
  html: z.string().min(1),
  dir: z.literal('rtl').optional().describe('Present only for right-to-left blocks.'),
};

const TEXT_BLOCKS = [
  z.strictObject({ type: z.literal('paragraph'), ...richText }),
  z.strictObject({
    type: z.literal('heading'),
    level: z.union([z.literal(2), z.literal(3)]).describe("h1 is printed as 2 (the page's h1 is the headline); h4-h6 as 3."),
    ...richText,
  }),
  z.strictObject({ type: z.literal('quote'), ...richText }),
  z.strictObject({
    type: z.literal('list'),
    ordered: z.boolean(),
    start: z.number().int().min(0).max(1_000_000),
    items: z
      .array(
        z.strictObject({
          text: z.string().describe("The item's text; items of a nested list follow on their own lines."),
          html: z.string().describe("The item's content as HTML, nested lists included."),
        }),
      )
      .min(1),
  }),
];

const NEWSROOM_BLOCKS = BLOCK_LIST.map((definition) =>
  z.strictObject({
    type: z.literal(definition.type),
    ...definition.cms.schema.shape,
    html: z.string().describe(`The block as clean HTML (${definition.label.toLowerCase()}), without a script.`),
  }),
);

const sha256 = z.string().regex(ASSET_KEY);

export const CmsDocumentSchema = z.strictObject({
  format: z.literal(CMS_FORMAT),
  version: z.literal(CMS_VERSION),
  id: z.string().describe("The story's id (from the .story file)."),
  headline: z.string(),
  standfirst: z.string(),
  byline: z.string(),
  slug: z.string(),
  section: z.string(),
  tags: z.array(z.string()),
  dateline: z.string(),
  language: z.string().regex(LANGUAGE_TAG).or(z.literal('')).describe('BCP 47 language tag, or empty when unknown.'),
  status: z.enum(STORY_STATUSES),
  createdAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime().optional(),
  wordCount: z
    .number()
    .int()
    .min(0)
    .describe('Words of the copy: paragraphs, headings, lists and quotes. Captions, tweets and the helpline footer are not counted.'),
  blocks: z
    .array(z.discriminatedUnion('type', [...TEXT_BLOCKS, ...NEWSROOM_BLOCKS] as unknown as [z.ZodObject, ...z.ZodObject[]]))
    .describe('The body in order, one entry per block.'),
  html: z.string().describe('The whole body as clean HTML (the `html` export).'),
  assets: z
    .array(
      z.strictObject({
        id: sha256,
        mime: z.enum(PHOTO_MIME_TYPES),
        name: z.string(),
        width: z.number().int().min(0).max(100_000),
        height: z.number().int().min(0).max(100_000),
        bytes: z.number().int().min(0),
        src: z
          .string()
          .regex(/^(data:image\/(jpeg|png|webp|gif);base64,[A-Za-z0-9+/]*={0,2}|images\/[0-9a-f]{64}\.(jpg|png|webp|gif))$/)
          .describe('data: URI with the image (inline mode) or images/<sha256>.<ext> beside the JSON file (dir mode).'),
      }),
    )
    .describe("The story's images that the body uses, once each, in order of first use."),
});

/** The JSON Schema (draft 2020-12) of CMS JSON: what `npm run schema` writes to cms-schema.json. */
export function cmsJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(CmsDocumentSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: 'https://copydesk.invalid/schemas/copydesk.cms-1.json',
    title: 'Copydesk CMS JSON, version 1',
    description:
      'A story as Copydesk exports it for a CMS: metadata, the body as typed blocks, the body as one HTML string, and the images the body uses. All HTML is clean (no scripts, no inline styles, no event attributes); links are http, https, mailto or tel. Generated from the block registry by npm run schema; do not edit by hand.',
    ...rest,
  };
}
