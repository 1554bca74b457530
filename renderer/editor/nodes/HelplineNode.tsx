import { DecoratorBlockNode, type SerializedDecoratorBlockNode } from '@lexical/react/LexicalDecoratorBlockNode';
import type { DOMConversionMap, ElementFormatType, LexicalNode, NodeKey, Spread } from 'lexical';
import type { JSX } from 'react';
import { parseHelplineAside } from '../../../shared/blocks/parse-html';
import { BUILT_IN_PRESETS, presetToState, type HelplineEntry, type HelplineState } from '../../../shared/blocks/helpline';
import { HelplineBlock } from '../blocks/HelplineBlock';

export type SerializedHelplineNode = Spread<HelplineState, SerializedDecoratorBlockNode>;

/** The "Where to get help:" footer: a snapshot of a helpline preset, one per story, kept last. */
export class HelplineNode extends DecoratorBlockNode {
  __helpline: HelplineState;

  static getType(): string {
    return 'helpline';
  }

  static clone(node: HelplineNode): HelplineNode {
    return new HelplineNode(node.__helpline, node.__format, node.__key);
  }

  constructor(helpline: HelplineState = presetToState(BUILT_IN_PRESETS[0]!), format?: ElementFormatType, key?: NodeKey) {
    super(format, key);
    this.__helpline = helpline;
  }

  static importJSON(json: Record<string, unknown>): HelplineNode {
    const entries: HelplineEntry[] = Array.isArray(json.entries)
      ? json.entries.map((e) => ({
          name: String(e.name ?? ''),
          detail: String(e.detail ?? ''),
          ...(e.phone ? { phone: String(e.phone) } : {}),
          ...(e.url ? { url: String(e.url) } : {}),
        }))
      : [];
    return new HelplineNode({
      presetId: String(json.presetId ?? ''),
      heading: String(json.heading ?? ''),
      entries,
      verifiedAt: String(json.verifiedAt ?? ''),
    }).updateFromJSON(json as unknown as SerializedDecoratorBlockNode);
  }

  exportJSON(): SerializedHelplineNode {
    return { ...super.exportJSON(), type: 'helpline', version: 1, ...this.getLatest().__helpline };
  }

  static importDOM(): DOMConversionMap | null {
    return {
      aside: (el: HTMLElement) =>
        el.classList.contains('helpline')
          ? {
              priority: 3,
              conversion: (dom: HTMLElement) => {
                const helpline = parseHelplineAside(dom.outerHTML);
                return { node: helpline ? $createHelplineNode(helpline) : null };
              },
            }
          : null,
    };
  }

  createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.dataset.block = 'helpline';
    div.className = 'block-host';
    return div;
  }

  getHelpline(): HelplineState {
    return this.getLatest().__helpline;
  }

  setHelpline(next: HelplineState): this {
    const writable = this.getWritable();
    writable.__helpline = next;
    return writable;
  }

  getTextContent(): string {
    const h = this.getHelpline();
    return `${h.heading}\n${h.entries.map((e) => e.detail).join('\n')}\n\n`;
  }

  decorate(): JSX.Element {
    return <HelplineBlock nodeKey={this.getKey()} helpline={this.__helpline} />;
  }
}

export function $createHelplineNode(helpline: HelplineState): HelplineNode {
  return new HelplineNode(helpline);
}

export function $isHelplineNode(node: LexicalNode | null | undefined): node is HelplineNode {
  return node instanceof HelplineNode;
}
