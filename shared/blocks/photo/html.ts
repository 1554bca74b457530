import type { Element } from 'domhandler';
import { DomUtils, findElements, hasClass, tidy, visibleText } from '../html-reading';
import { CREDIT_STYLES, isHttpsImageUrl, type PhotoState } from '.';

/**
 * A `figure` holding an image — ours (`figure.photo`), or any page's — back into a photo:
 * image link, alt text, caption and credit (the house style's "Photo / " taken off).
 */
export function isPhotoFigure(el: Element): boolean {
  return el.name === 'figure' && DomUtils.findOne((e) => e.name === 'img', el.children) !== null;
}

/** The first photo figure in a piece of HTML. */
export function parsePhotoFigure(html: string): PhotoState | null {
  const [figure] = findElements(html, isPhotoFigure);
  return figure ? photoFromFigure(figure) : null;
}

export function photoFromFigure(figure: Element): PhotoState {
  const img = DomUtils.findOne((el) => el.name === 'img', figure.children);
  const caption = DomUtils.findOne((el) => el.name === 'figcaption', figure.children);
  const creditEl = caption ? DomUtils.findOne((el) => el.name === 'span' && hasClass(el, 'credit'), caption.children) : null;
  const src = img?.attribs.src ?? '';
  let captionText = caption ? tidy(visibleText(caption.children.filter((n) => n !== creditEl))) : '';
  let credit = creditEl ? tidy(visibleText(creditEl)) : '';
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
