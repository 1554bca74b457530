import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

/**
 * What the blocks' HTML recognisers share: reading text out of htmlparser2's tree without a
 * DOM, so paste, import, oEmbed look-ups and the CLI read a block's markup the same way.
 * Only text and checked URLs come out of a recogniser; no markup is ever kept.
 */

export function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function hasClass(el: Element, name: string): boolean {
  return (el.attribs.class ?? '').split(/\s+/).includes(name);
}

/** The visible text of nodes (a script's or style's source is not text a reader sees). */
export function visibleText(node: ChildNode | ChildNode[]): string {
  const visible = (n: ChildNode): string =>
    n.type === 'script' || n.type === 'style' ? '' : isElement(n) ? n.children.map(visible).join('') : DomUtils.textContent(n);
  return (Array.isArray(node) ? node : [node])
    .map(visible)
    .join('')
    .replace(/\u00a0/g, ' ');
}

export function tidy(value: string): string {
  return value
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Every element of a piece of HTML that `matches`, outermost first. */
export function findElements(html: string, matches: (el: Element) => boolean): Element[] {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  return DomUtils.findAll(matches, doc.children);
}

export { DomUtils };
