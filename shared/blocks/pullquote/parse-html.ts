import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { PullquoteStateSchema, type PullquoteState } from './schema';

/**
 * Our `figure.pullquote` back into the block, for paste and HTML import. Only text comes
 * out. A plain <blockquote> stays a block quote: calling it a pull quote would be a guess.
 */
export function isPullquoteFigure(el: Element): boolean {
  return el.name === 'figure' && (el.attribs.class ?? '').split(/\s+/).includes('pullquote');
}

export function pullquoteFromFigure(figure: Element): PullquoteState {
  const quote = DomUtils.findOne((e) => e.name === 'blockquote', figure.children);
  const caption = DomUtils.findOne((e) => e.name === 'figcaption', figure.children);
  const byClass = (name: string) => (caption ? DomUtils.findOne((e) => hasClass(e, name), caption.children) : null);
  const attributionEl = byClass('attribution');
  const roleEl = byClass('role');
  let attribution = attributionEl ? inline(attributionEl.children) : '';
  let role = roleEl ? inline(roleEl.children) : '';
  if (caption && !attributionEl && !roleEl) {
    // Someone else's markup: "— Name, Role" in one line.
    const line = inline(caption.children).replace(/^[—–-]\s*/, '');
    const comma = line.indexOf(', ');
    attribution = comma > 0 ? line.slice(0, comma) : line;
    role = comma > 0 ? line.slice(comma + 2) : '';
  }
  const text = quote ? paragraphs(quote.children) : '';
  const parsed = PullquoteStateSchema.safeParse({ text, attribution, role });
  return parsed.success ? parsed.data : { text: '', attribution: '', role: '' };
}

/** Every figure.pullquote in a piece of HTML. */
export function parsePullquotes(html: string): PullquoteState[] {
  const doc = parseDocument(html, { decodeEntities: true });
  return DomUtils.findAll(isPullquoteFigure, doc.children).map(pullquoteFromFigure);
}

function hasClass(el: Element, name: string): boolean {
  return (el.attribs.class ?? '').split(/\s+/).includes(name);
}

/** Text with <br> as newlines and paragraphs one per line. */
function paragraphs(nodes: ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.data;
    else if (node.type === 'tag') {
      if (node.name === 'br') out += '\n';
      else if (node.name === 'p') out += `${out && !out.endsWith('\n') ? '\n' : ''}${paragraphs(node.children)}\n`;
      else out += paragraphs(node.children);
    }
  }
  return out
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

function inline(nodes: ChildNode[]): string {
  return paragraphs(nodes).replace(/\s+/g, ' ').trim();
}
