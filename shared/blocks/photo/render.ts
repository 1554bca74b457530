import type { ResolvedImage } from '../../export/assets';
import { el, type Html } from '../../export/markup';
import { DEFAULT_CREDIT_STYLE, formatCredit, type CreditStyle, type PhotoState } from '.';

/**
 * A photo as a captioned figure:
 *
 *   <figure class="photo"><img src alt width height><figcaption>CAPTION
 *   <span class="credit">Photo / CREDIT</span></figcaption></figure>
 *
 * Empty parts are left out; a photo with no usable image keeps its caption. Returns null
 * when there is nothing at all to show.
 */
export function renderPhoto(
  state: Partial<PhotoState>,
  image: ResolvedImage | null,
  creditStyle: CreditStyle = DEFAULT_CREDIT_STYLE,
): Html | null {
  const caption = typeof state.caption === 'string' ? state.caption.trim() : '';
  const credit = formatCredit(typeof state.credit === 'string' ? state.credit : '', creditStyle);
  const alt = typeof state.alt === 'string' ? state.alt : '';
  if (!image && !caption && !credit) return null;
  const img = image ? el('img', { src: image.src, alt, width: image.width, height: image.height }) : null;
  const figcaption =
    caption || credit
      ? el('figcaption', null, caption, caption && credit ? ' ' : '', credit ? el('span', { class: 'credit' }, credit) : null)
      : null;
  return el('figure', { class: 'photo' }, img, figcaption);
}
