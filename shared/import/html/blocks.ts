import { DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { isHttpsImageUrl } from '../../blocks/photo';
import { photoFromFigure } from '../../blocks/photo/html';
import { blockNode, recogniseBlockElement, type BlockState, type BlockType } from '../../blocks/registry';
import type { Converter } from './converter';
import { photoNode } from './nodes';
import { hasClass } from './styles';
import type { Ctx } from './walk';

/** Block recognition: the registered newsroom blocks' markup, and images as photos. */

/** A registered block's markup (shared/blocks/registry.ts) → that block; false when no block claims the element. */
export function newsroomBlock(c: Converter, el: Element, ctx: Ctx): boolean {
  const found = recogniseBlockElement(el);
  if (!found) return false;
  c.flush();
  // A photo's image may be a data: URI or a file the caller turns into a story asset.
  if (found.type === 'photo') figure(c, el, ctx);
  else c.sink.block(blockNode(found.type, found.state as BlockState<BlockType>));
  return true;
}

export function figure(c: Converter, el: Element, ctx: Ctx): void {
  c.flush();
  const images = DomUtils.findAll((e) => e.name === 'img', el.children);
  const photo = photoFromFigure(el);
  const first = images[0]!;
  addPhoto(c, first.attribs.src ?? '', photo.alt, photo.caption, photo.credit);
  for (const extra of images.slice(1)) image(c, extra, ctx);
}

export function image(c: Converter, el: Element, ctx: Ctx): void {
  const src = (el.attribs.src ?? '').trim();
  const alt = (el.attribs.alt ?? '').replace(/\s+/g, ' ').trim();
  // Emoji drawn as images (Twitter, Slack, WordPress): their alt is the character.
  if (hasClass(el, 'emoji') || hasClass(el, 'wp-smiley') || /\/emoji\//.test(src)) {
    c.addText(alt, ctx);
    return;
  }
  const width = Number.parseInt(el.attribs.width ?? '', 10);
  const height = Number.parseInt(el.attribs.height ?? '', 10);
  if ((width >= 0 && width <= 2) || (height >= 0 && height <= 2)) return; // tracking pixel
  if (src === '' && alt === '') return;
  c.flush();
  addPhoto(c, src, alt, '', '');
}

export function addPhoto(c: Converter, src: string, alt: string, caption: string, credit: string): void {
  const https = isHttpsImageUrl(src) && src.length <= 2000;
  const node = photoNode({ src: https ? src.trim() : '', alt, caption, credit });
  if (!https) c.imageSources.set(node, { src, alt: String(node.alt), caption: String(node.caption), credit: String(node.credit) });
  c.sink.block(node);
}
