import { z } from 'zod';
import { resolvePhotoImage, type ResolvedImage } from '../../export/assets';
import type { BlockDefinition, NinjsAssociation } from '../types';
import { isPhotoFigure, photoFromFigure } from './html';
import { ASSET_KEY, PHOTO_MIME_TYPES } from './media';
import { renderPhoto } from './render';
import { emptyPhoto, PhotoFieldsSchema, type PhotoState } from '.';

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** The photo block: a story image (by hash) or an https link, with caption, credit and alt text. */
export const photoBlock: BlockDefinition<'photo', PhotoState, { image: ResolvedImage | null }, 'photos'> = {
  type: 'photo',
  label: 'Photo',
  summary: { key: 'photos', one: 'photo', many: 'photos' },
  schema: PhotoFieldsSchema,
  rules: [{ check: (p) => !(p.asset && p.src), message: 'cannot have both an asset and a link', path: ['src'] }],
  empty: emptyPhoto,
  example: () => ({
    asset: '',
    src: 'https://images.example.com/2020/teigen-legend.jpg',
    alt: 'Chrissy Teigen and John Legend at an awards night',
    caption: 'Chrissy Teigen and John Legend in 2019.',
    credit: 'Getty Images',
  }),
  fields: {
    asset: { label: 'Image', kind: 'asset' },
    src: { label: 'Image link', kind: 'url' },
    alt: { label: 'Alt text', kind: 'text' },
    caption: { label: 'Caption', kind: 'prose' },
    credit: { label: 'Credit', kind: 'text' },
  },
  describe(photo) {
    const caption = photo.caption.trim();
    const credit = photo.credit.trim();
    const about = caption.length > 60 ? `${caption.slice(0, 59)}…` : caption;
    return `Photo${about ? `: ${about}` : photo.alt.trim() ? ` (${photo.alt.trim()})` : ''}${credit ? ` — ${credit}` : ''}`;
  },
  plainText: (photo) => [photo.caption.trim(), photo.credit.trim()].filter(Boolean).join(' '),
  placement: 'anywhere',
  render(state, context) {
    const image = resolvePhotoImage(state, context.assets, context.assetMode);
    const html = renderPhoto(state, image, context.creditStyle);
    if (!html) return null;
    const photo: PhotoState = {
      asset: image?.asset ?? '',
      src: image && !image.asset ? image.src : '',
      alt: str(state.alt),
      caption: str(state.caption).trim(),
      credit: str(state.credit).trim(),
    };
    return { type: 'photo', state: photo, html, data: { image } };
  },
  cms: {
    schema: z.object({
      asset: z.string().regex(ASSET_KEY).optional().describe("The image's id in `assets`, when it is stored in the story."),
      src: z
        .string()
        .regex(/^(data:image\/(jpeg|png|webp|gif);base64,[A-Za-z0-9+/]*={0,2}|images\/[0-9a-f]{64}\.(jpg|png|webp|gif)|https:\/\/\S+)?$/)
        .describe(
          'The image as the HTML refers to it: a data: URI, images/<sha256>.<ext>, an https URL, or empty when the photo has no image.',
        ),
      alt: z.string(),
      caption: z.string(),
      credit: z.string().describe('The credit as typed ("Supplied"); the HTML prints it in the house style.'),
      width: z.number().int().min(1).max(100_000).optional(),
      height: z.number().int().min(1).max(100_000).optional(),
    }),
    fields(block) {
      const image = block.data.image;
      return {
        ...(image?.asset ? { asset: image.asset } : {}),
        src: image?.src ?? '',
        alt: block.state.alt,
        caption: block.state.caption,
        credit: block.state.credit,
        ...(image?.width ? { width: image.width } : {}),
        ...(image?.height ? { height: image.height } : {}),
      };
    },
  },
  ninjs: {
    body: 'richtext',
    associations: (block, context) => (block.data.image ? [pictureAssociation(block.data.image, block.state, context)] : []),
  },
  images: (block) => (block.data.image ? [block.data.image] : []),
  html: { tags: ['figure'], matches: isPhotoFigure, read: (el) => photoFromFigure(el) },
};

/** The photo as a ninjs `picture`: caption, alt text, credit and one rendition. */
function pictureAssociation(image: ResolvedImage, photo: PhotoState, context: { storyUri: string; index: number }): NinjsAssociation {
  const n = context.index;
  const rendition: NonNullable<NinjsAssociation['renditions']>[number] = { name: 'original' };
  // ninjs hrefs are absolute URIs: a data: URI or an https link. A file written beside
  // the export (`dir`) has only a relative path, so it is named in `altids` instead.
  if (!image.src.startsWith('images/')) rendition.href = image.src;
  if (image.mime && (PHOTO_MIME_TYPES as readonly string[]).includes(image.mime)) rendition.contenttype = image.mime;
  if (image.width) rendition.width = image.width;
  if (image.height) rendition.height = image.height;
  if (image.bytes) rendition.sizeinbytes = image.bytes;
  const descriptions: { role: string; value: string }[] = [];
  if (photo.caption) descriptions.push({ role: 'caption', value: photo.caption });
  if (photo.alt.trim()) descriptions.push({ role: 'alt', value: photo.alt.trim() });
  const inDir = image.fileName !== undefined && image.src === image.fileName;
  return {
    name: `photo-${n}`,
    uri: image.asset ? `urn:copydesk:asset:${image.asset}` : image.src.startsWith('https:') ? image.src : `${context.storyUri}:photo-${n}`,
    type: 'picture',
    representationtype: 'full',
    ...(photo.credit ? { by: photo.credit } : {}),
    ...(descriptions.length > 0 ? { descriptions } : {}),
    ...(inDir ? { altids: [{ role: 'file', value: image.fileName! }] } : {}),
    renditions: [rendition],
  };
}
