import { DecoratorBlockNode, type SerializedDecoratorBlockNode } from '@lexical/react/LexicalDecoratorBlockNode';
import type { DOMConversionMap, DOMExportOutput, ElementFormatType, LexicalEditor, LexicalNode, NodeKey } from 'lexical';
import {
  BLOCKS,
  blockDefinition,
  pickState,
  recogniseBlocksInHtml,
  type BlockState,
  type BlockType,
} from '../../../shared/blocks/registry';
import { DEFAULT_CREDIT_STYLE, type CreditStyle } from '../../../shared/blocks/photo';
import type { StoryAsset } from '../../../shared/story/schema';

export type SerializedBlockNode<T extends BlockType> = SerializedDecoratorBlockNode & BlockState<T> & { type: T };

/**
 * The Lexical node every newsroom block is: a DecoratorBlockNode holding the block's flat
 * state. Reading and writing JSON goes by the block's schema (shared/blocks/registry.ts:
 * `pickState`), so no field is listed here or in a subclass; copying a block out of the
 * editor gives the CMS renderer's markup (`exportDOM`); pasting that markup back goes
 * through the block's shared HTML recogniser (`blockImportDOM`).
 *
 * A subclass supplies what Lexical needs per class: `getType`, `clone`, `importJSON`,
 * `importDOM` and `decorate` (its React component).
 */
export abstract class NewsroomBlockNode<T extends BlockType> extends DecoratorBlockNode {
  __block: BlockState<T>;

  constructor(state?: BlockState<T>, format?: ElementFormatType, key?: NodeKey) {
    super(format, key);
    const type = (this.constructor as unknown as { getType(): T }).getType();
    this.__block = state ?? (BLOCKS[type].empty() as BlockState<T>);
  }

  getState(): BlockState<T> {
    return this.getLatest().__block;
  }

  setState(patch: Partial<BlockState<T>>): this {
    const writable = this.getWritable();
    writable.__block = { ...writable.__block, ...patch };
    return writable;
  }

  exportJSON(): SerializedBlockNode<T> {
    return { ...super.exportJSON(), type: this.getType() as T, version: 1, ...this.getLatest().__block } as SerializedBlockNode<T>;
  }

  /** The export's markup (shared renderer), as DOM: what a copy puts on the clipboard as HTML. */
  exportDOM(editor: LexicalEditor): DOMExportOutput {
    const type = this.getType() as T;
    const definition = blockDefinition(type);
    const state = this.getState() as Record<string, unknown>;
    const context = exportContext(editor);
    // Story images are named by file (`images/<sha256>.<ext>`), as the export's `dir` mode does:
    // the window holds no base64 to inline synchronously (and `dir` needs none), and a paste
    // into the same story finds the image again by that name.
    const assets: Record<string, StoryAsset> = {};
    for (const [field, description] of Object.entries(definition.fields)) {
      const hash = state[field];
      const info = description.kind === 'asset' && typeof hash === 'string' && hash ? context.asset(hash) : undefined;
      if (info) assets[hash as string] = { ...info, data: '' };
    }
    const rendered = definition.render(state as never, { assets, assetMode: 'dir', creditStyle: context.creditStyle });
    if (!rendered) return { element: null };
    const template = document.createElement('template');
    template.innerHTML = rendered.html.markup;
    return { element: template.content.firstElementChild as HTMLElement | null };
  }

  createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.dataset.block = this.getType();
    div.className = 'block-host';
    return div;
  }

  /** Plain text for the clipboard and Lexical's text walks; the word count leaves blocks out. */
  getTextContent(): string {
    const text = blockDefinition(this.getType() as T).plainText(this.getState() as never);
    return text ? `${text}\n\n` : '';
  }
}

/** The state of a serialized block node, field by field as its schema lists them. */
export function stateFromJSON<T extends BlockType>(type: T, json: Record<string, unknown>): BlockState<T> {
  return pickState(type, json);
}

/**
 * `importDOM` for a block: each of its tags is offered to the shared HTML recogniser, which
 * claims the element only when it is the block's markup (a `figure` without an image stays text).
 */
export function blockImportDOM<T extends BlockType>(type: T, create: (state: BlockState<T>) => LexicalNode): DOMConversionMap {
  const map: DOMConversionMap = {};
  for (const tag of BLOCKS[type].html.tags) {
    map[tag] = (element: HTMLElement) => {
      const found = recogniseBlocksInHtml(element.outerHTML)[0];
      if (!found || found.type !== type) return null;
      return { priority: 3, conversion: () => ({ node: create(found.state as BlockState<T>) }) };
    };
  }
  return map;
}

// ---- what exportDOM needs from the app --------------------------------------------------------

interface ExportContext {
  creditStyle: CreditStyle;
  /** A story image's type and size (its bytes stay in the asset store). */
  asset(hash: string): Omit<StoryAsset, 'data'> | undefined;
}

const contexts = new WeakMap<LexicalEditor, ExportContext>();
const DEFAULT_CONTEXT: ExportContext = { creditStyle: DEFAULT_CREDIT_STYLE, asset: () => undefined };

/** Set by NewsroomBlocksPlugin from the app's settings and asset store. */
export function setBlockExportContext(editor: LexicalEditor, context: ExportContext): () => void {
  contexts.set(editor, context);
  return () => contexts.delete(editor);
}

function exportContext(editor: LexicalEditor): ExportContext {
  return contexts.get(editor) ?? DEFAULT_CONTEXT;
}
