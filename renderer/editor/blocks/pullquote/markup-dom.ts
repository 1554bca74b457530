import type { Html } from '../../../../shared/export/markup';

/**
 * The export's markup as a DOM element, for copying a block out of the editor: the same
 * escaped markup the HTML export writes (a <template> runs no script and loads nothing).
 */
export function elementFromMarkup(html: Html | null): HTMLElement | null {
  if (!html) return null;
  const template = document.createElement('template');
  template.innerHTML = html.markup;
  const element = template.content.firstElementChild;
  return element instanceof HTMLElement ? element : null;
}
