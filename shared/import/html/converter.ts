import { DomUtils } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { SerializedBodyNode } from '../../story/schema';
import { summarizeBody } from '../summary';
import type { HtmlBodyResult, HtmlImage, HtmlImportOptions } from '../html';
import { image, newsroomBlock } from './blocks';
import { docsListLevel, docsLists, list, wordList, wordListInfo } from './lists';
import { clip, headingNode, MAX_CHILDREN, MAX_DOM_DEPTH, paragraphNode, quoteNode, type HeadingTag } from './nodes';
import { hasWords, inlineNodes, inlinePlainText, plainTextOf, settleInlines, splitOnBlankLines, type Inline } from './inline';
import {
  classes,
  CONTAINERS,
  DROPPED,
  flatStyleText,
  flatText,
  formatOf,
  importLinkUrl,
  isElement,
  isHidden,
  readStyleSheet,
  styleOf,
  type ClassRules,
} from './styles';
import { table } from './tables';
import type { BlockSpec, Ctx, Sink } from './walk';

/**
 * The walk over htmlparser2's tree: text runs gathered into blocks, lists, tables and the
 * newsroom blocks handed to the current sink (the body, a list being gathered, a table cell).
 */

export class Converter implements Sink {
  readonly children: SerializedBodyNode[] = [];
  readonly imageSources = new Map<SerializedBodyNode, Omit<HtmlImage, 'index'>>();
  readonly markers = new WeakMap<Element, string>();
  readonly flattened = new WeakMap<Element, string>();
  readonly classRules: ClassRules = new Map();
  readonly whitespace: 'collapse' | 'preserve';
  readonly headlineFrom: 'any' | 'title-style';
  sink: Sink = this;
  pending: Inline[] = [];
  pendingSpec: BlockSpec | null = null;
  headline = '';
  standfirst = '';
  documentTitle = '';
  readonly rootSpec: BlockSpec = { kind: 'paragraph' };

  constructor(options: HtmlImportOptions) {
    this.whitespace = options.whitespace ?? 'collapse';
    this.headlineFrom = options.headline ?? 'any';
  }

  run(nodes: ChildNode[]): void {
    this.prepare(nodes);
    this.walkChildren(nodes, { format: 0, link: null, pre: false, spec: this.rootSpec });
    this.flush();
  }

  result(): HtmlBodyResult {
    let children = this.children;
    let headline = this.headline;
    if (!headline && this.headlineFrom === 'any') {
      const first = children[0];
      const text = first?.type === 'heading' && first.tag === 'h1' ? plainTextOf(first).replace(/\s+/g, ' ').trim() : '';
      // One letter is a section of an A–Z or a list, not a headline: it stays a heading.
      if ([...text].length > 1) {
        headline = text;
        children = children.slice(1);
      } else headline = this.documentTitle;
    }
    const images: HtmlImage[] = [];
    children.forEach((node, index) => {
      const source = this.imageSources.get(node);
      if (source) images.push({ index, ...source });
    });
    return {
      children,
      images,
      summary: summarizeBody(children),
      headline: clip(headline, 1000),
      standfirst: clip(this.standfirst, 5000),
    };
  }

  // -- Sink (the body itself) --

  text(spec: BlockSpec, items: Inline[]): void {
    const settled = settleInlines(items);
    if (!hasWords(settled)) return;
    if (spec.role === 'title' && !this.headline) {
      this.headline = inlinePlainText(settled);
      return;
    }
    if (spec.role === 'standfirst' && !this.standfirst) {
      this.standfirst = inlinePlainText(settled);
      return;
    }
    if (spec.role === 'caption') {
      const last = this.children.at(-1);
      if (last?.type === 'photo' && last.caption === '') {
        last.caption = clip(inlinePlainText(settled), 5000);
        return;
      }
    }
    const parts = spec.kind === 'paragraph' ? splitOnBlankLines(settled) : [settled];
    for (const part of parts) {
      const nodes = inlineNodes(part);
      if (spec.kind === 'heading') this.push(headingNode(spec.tag ?? 'h2', nodes));
      else if (spec.kind === 'quote') this.push(quoteNode(nodes));
      else this.push(paragraphNode(nodes));
    }
  }

  block(node: SerializedBodyNode): void {
    this.push(node);
  }

  push(node: SerializedBodyNode): void {
    if (this.children.length >= MAX_CHILDREN) throw new RangeError(`too many blocks to import (the limit is ${MAX_CHILDREN})`);
    this.children.push(node);
  }

  // -- preparation --

  /**
   * One pass without recursion: notes Word's list markers (and takes them out of the text),
   * and reads markup nested deeper than MAX_DOM_DEPTH as plain text.
   */
  prepare(nodes: ChildNode[]): void {
    const stack: { node: ChildNode; depth: number }[] = nodes.map((node) => ({ node, depth: 0 }));
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      if (!isElement(node)) continue;
      if (depth >= MAX_DOM_DEPTH) {
        this.flattened.set(node, flatText(node));
        continue;
      }
      if (node.type === 'style') readStyleSheet(flatStyleText(node), this.classRules);
      else if (node.type === 'tag' && (!DROPPED.has(node.name) || node.name === 'head')) {
        this.takeWordMarkers(node);
        for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
      }
    }
  }

  /**
   * Word writes a list item's number or bullet as text, fenced by `<![if !supportLists]>`
   * … `<![endif]>` (or in a `span style='mso-list:Ignore'`). The marker says whether the
   * list is numbered; it is removed from the text.
   */
  takeWordMarkers(el: Element): void {
    const children = el.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'comment' && /^\s*\[if !supportLists\]\s*$/i.test(child.data)) {
        let end = i + 1;
        while (
          end < children.length &&
          !(children[end]!.type === 'comment' && /^\s*\[endif\]\s*$/i.test((children[end] as { data: string }).data))
        )
          end++;
        if (end >= children.length) continue;
        const marker = children
          .slice(i + 1, end)
          .map((n) => flatText(n))
          .join('');
        this.setMarker(el, marker);
        for (const removed of children.slice(i, end + 1)) DomUtils.removeElement(removed);
        i--;
      }
    }
    if (el.name === 'span' && /mso-list\s*:\s*ignore/i.test(el.attribs.style ?? '')) {
      let owner: Element | null = el.parent && isElement(el.parent as ChildNode) ? (el.parent as Element) : null;
      while (owner && owner.name === 'span' && owner.parent && isElement(owner.parent as ChildNode)) owner = owner.parent as Element;
      if (owner && !this.markers.has(owner)) this.setMarker(owner, flatText(el));
      DomUtils.removeElement(el);
    }
  }

  setMarker(el: Element, marker: string): void {
    this.markers.set(el, marker.replace(/[\s\u00a0]+/g, ' ').trim());
  }

  // -- walking --

  inline(item: Inline, ctx: Ctx): void {
    if (this.pendingSpec !== ctx.spec && this.pending.length > 0) this.flush();
    this.pendingSpec = ctx.spec;
    this.pending.push(item);
  }

  addText(text: string, ctx: Ctx): void {
    if (text === '') return;
    const whitespace = ctx.pre ? 'pre' : this.whitespace;
    this.inline({ kind: 'text', text, format: ctx.format, link: ctx.link, whitespace }, ctx);
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const items = this.pending;
    const spec = this.pendingSpec ?? this.rootSpec;
    this.pending = [];
    this.pendingSpec = null;
    this.sink.text(spec, items);
  }

  withSink<T extends Sink>(sink: T, fn: () => void): T {
    this.flush();
    const previous = this.sink;
    this.sink = sink;
    try {
      fn();
      this.flush();
    } finally {
      this.sink = previous;
    }
    return sink;
  }

  walkChildren(nodes: readonly ChildNode[], ctx: Ctx): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (docsListLevel(node) !== null) {
        // Google Docs' HTML download writes each level as a list of its own, side by side:
        // <ul class="lst-kix_abc-0">…</ul><ul class="lst-kix_abc-1">…</ul>.
        const run: Element[] = [node as Element];
        let j = i + 1;
        for (; j < nodes.length; j++) {
          const next = nodes[j]!;
          if (docsListLevel(next) !== null) run.push(next as Element);
          else if (next.type === 'comment' || (next.type === 'text' && next.data.trim() === '')) continue;
          else break;
        }
        docsLists(this, run, ctx);
        i = j - 1;
        continue;
      }
      if (wordListInfo(node)) {
        // A run of Word list paragraphs (blank text and comments between them do not break it).
        const run: Element[] = [node as Element];
        let j = i + 1;
        for (; j < nodes.length; j++) {
          const next = nodes[j]!;
          if (wordListInfo(next)) run.push(next as Element);
          else if (next.type === 'comment' || (next.type === 'text' && next.data.trim() === '')) continue;
          else break;
        }
        wordList(this, run, ctx);
        i = j - 1;
        continue;
      }
      this.walk(node, ctx);
    }
  }

  walk(node: ChildNode, ctx: Ctx): void {
    if (node.type === 'text') this.addText(node.data, ctx);
    else if (node.type === 'tag') this.element(node, ctx);
    // Comments (conditional ones too), directives, <script>, <style>: nothing.
  }

  element(el: Element, ctx: Ctx): void {
    const name = el.name;
    const flat = this.flattened.get(el);
    if (flat !== undefined) {
      this.addText(flat, ctx);
      return;
    }
    if (name === 'title') {
      if (!this.documentTitle) this.documentTitle = flatText(el).replace(/\s+/g, ' ').trim();
      return;
    }
    if (name === 'head') {
      const title = el.children.find((c): c is Element => isElement(c) && c.name === 'title');
      if (title) this.element(title, ctx);
      return;
    }
    if (DROPPED.has(name) || /^(o|v|x|w10|m):/.test(name)) return;
    const style = styleOf(el, this.classRules);
    if (isHidden(el, style)) return;
    if (newsroomBlock(this, el, ctx)) return;

    switch (name) {
      case 'br':
        this.inline({ kind: 'break', link: ctx.link }, ctx);
        return;
      case 'wbr':
        return;
      case 'hr':
        this.flush();
        return;
      case 'img':
        image(this, el, ctx);
        return;
      case 'ul':
      case 'ol':
      case 'menu':
      case 'dir':
        list(this, el, ctx);
        return;
      case 'table':
        table(this, el, ctx);
        return;
      case 'p':
        if (wordListInfo(el)) {
          wordList(this, [el], ctx);
          return;
        }
        break;
    }

    if (style.get('mso-tab-count') !== undefined) {
      this.addText(' ', ctx);
      return;
    }

    const inner: Ctx = { ...ctx, format: formatOf(el, style, ctx.format) };
    if (name === 'a') inner.link = importLinkUrl(el.attribs.href) ?? ctx.link;
    const whiteSpace = style.get('white-space');
    if (name === 'pre' || name === 'listing' || (whiteSpace && /^(pre|break-spaces)/.test(whiteSpace))) inner.pre = true;
    else if (whiteSpace === 'normal' || whiteSpace === 'nowrap') inner.pre = false;

    const spec = this.blockSpec(el, ctx.spec);
    if (spec) {
      this.flush();
      inner.spec = spec;
      this.walkChildren(el.children, inner);
      this.flush();
      return;
    }
    if (name === 'q') {
      this.addText('“', inner);
      this.walkChildren(el.children, inner);
      this.addText('”', inner);
      return;
    }
    this.walkChildren(el.children, inner);
  }

  /** The block an element starts, or null for inline elements. */
  blockSpec(el: Element, parent: BlockSpec): BlockSpec | null {
    const name = el.name;
    const cls = classes(el).map((c) => c.toLowerCase());
    const heading = /^h([1-6])$/.exec(name);
    // Title style: Word's MsoTitle, Google Docs' exported p.title, mammoth's h1.title.
    if (cls.includes('msotitle') || (cls.includes('title') && (name === 'p' || name === 'h1'))) {
      return { kind: 'heading', tag: 'h1', role: 'title' };
    }
    if (heading) return { kind: 'heading', tag: `h${heading[1]}` as HeadingTag };
    if (name === 'blockquote') return { kind: 'quote' };
    if (name !== 'p' && !CONTAINERS.has(name)) return null;
    if (cls.includes('msosubtitle') || (name === 'p' && (cls.includes('subtitle') || cls.includes('standfirst')))) {
      return { kind: 'paragraph', role: 'standfirst' };
    }
    const msoHeading = cls.map((c) => /^msoheading([1-6])$/.exec(c)).find(Boolean);
    if (msoHeading) return { kind: 'heading', tag: `h${msoHeading[1]}` as HeadingTag };
    if (cls.includes('msoquote') || cls.includes('msointensequote') || cls.includes('quote')) return { kind: 'quote' };
    if (cls.includes('msocaption') || cls.includes('caption') || name === 'figcaption') return { kind: 'paragraph', role: 'caption' };
    // Blocks inside a heading or quote stay part of it (each its own node).
    if (parent.kind !== 'paragraph') return { kind: parent.kind, tag: parent.tag };
    return { kind: 'paragraph' };
  }
}
