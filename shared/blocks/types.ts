import type { Element } from 'domhandler';
import type { z } from 'zod';
import type { AssetMode, ResolvedImage } from '../export/assets';
import type { Html } from '../export/markup';
import type { StoryAsset } from '../story/schema';
import type { CreditStyle } from './photo';

/**
 * What the shared layer knows about one newsroom block: everything that does not need a
 * window. One object per block, in `shared/blocks/<name>/definition.ts`, listed in
 * `shared/blocks/registry.ts`; the story schema, the HTML / CMS JSON / ninjs exports, the
 * HTML and plain-text importers and the import summary all iterate the registry, so a new
 * block is one folder and one line there (its editor half is `renderer/editor/blocks/`).
 *
 * `State` is the block's flat, serializable state: exactly the fields its node carries in
 * the story file besides Lexical's own `type`, `version` and `format`. `Data` is what its
 * renderer works out for the exports besides the HTML (a photo's resolved image).
 * `SummaryKey` names its count in the import summary.
 */
export interface BlockDefinition<
  Type extends string = string,
  State extends object = object,
  Data = unknown,
  SummaryKey extends string = string,
> {
  /** The node type in the story file and in Lexical ("tweet"). */
  readonly type: Type;
  /** As a reporter names it, capitalised: "Tweet", "Helpline footer". */
  readonly label: string;
  /** Its key in the import summary (`summary.tweets`) and the nouns the summary line prints. */
  readonly summary: { readonly key: SummaryKey; readonly one: string; readonly many: string };

  /**
   * The state schema: fields, limits and defaults, the single source. The story schema adds
   * `type`/`version`/`format` to it; the editor node reads and writes exactly these fields;
   * importers clip to its limits (`clipToSchema`).
   */
  readonly schema: z.ZodObject;
  /** Rules across fields (zod refinements are kept out of `schema` so it can be extended). */
  readonly rules?: readonly BlockRule<State>[];
  /** An empty block, as the insert commands start one. */
  empty(): State;
  /** A complete, realistic block: the registry-driven tests round-trip it through every door. */
  example(): State;

  /** Each field for review, compare and preflight: its label and how it is edited. */
  readonly fields: { readonly [K in keyof State]-?: FieldDescription };
  /** One line for lists and review: "Tweet by @handle, October 28, 2020". */
  describe(state: State): string;
  /** The block's words as plain text (search, summaries); never counted as the story's copy. */
  plainText(state: State): string;
  /** Where the block may stand: anywhere, or last and at most once (the helpline footer). */
  readonly placement: 'anywhere' | 'last';

  /**
   * The CMS HTML renderer: the one source of the block's exported markup (export, Copy as
   * HTML, the editor's copy). Runs on objects that never went through restore, so it checks
   * what it prints. Null when there is nothing to print (an empty photo).
   */
  render(state: Partial<State>, context: BlockRenderContext): RenderedBlockOf<Type, State, Data> | null;
  /** The block in CMS JSON, without `type` and `html` (the exporter adds those). */
  readonly cms: {
    /** Schema of the fields below; `npm run schema` writes it into cms-schema.json. */
    readonly schema: z.ZodObject;
    fields(block: RenderedBlockOf<Type, State, Data>): Record<string, unknown>;
  };
  /** The block in ninjs: which body it joins and any associations it brings (pictures). */
  readonly ninjs: {
    readonly body: 'richtext' | 'footer';
    associations?(block: RenderedBlockOf<Type, State, Data>, context: { storyUri: string; index: number }): NinjsAssociation[];
  };
  /** Images the export must ship with the block (`--assets dir`). */
  images?(block: RenderedBlockOf<Type, State, Data>): ResolvedImage[];
  /**
   * The block in a standalone page, when it differs from `html` (a video embed plays in its
   * player there): the markup, and the origins the page's Content-Security-Policy must let it frame.
   */
  page?(block: RenderedBlockOf<Type, State, Data>): { html: Html; frameSources: readonly string[] };

  /** Recognises the block's markup in imported or pasted HTML (our export, or the provider's embed code). */
  readonly html: {
    /** The tags its markup starts with (the editor's DOM import is keyed by tag). */
    readonly tags: readonly string[];
    matches(element: Element): boolean;
    /** The state read from a matching element, or null when it is not a usable block after all. */
    read(element: Element): State | null;
  };
}

/** A check across fields, reported on `path` ("cannot have both an asset and a link"). */
export interface BlockRule<State> {
  check(state: State): boolean;
  message: string;
  path: (keyof State & string)[];
}

export interface FieldDescription {
  label: string;
  /** text: one line; prose: paragraphs; url, date; asset: a story image; list: structured entries. */
  kind: 'text' | 'prose' | 'url' | 'date' | 'language' | 'asset' | 'list' | 'id';
}

export interface BlockRenderContext {
  assets: Readonly<Record<string, StoryAsset>> | undefined;
  assetMode: AssetMode;
  creditStyle: CreditStyle;
}

/** A block as rendered for export: its cleaned state, its HTML and what its renderer worked out (`data`). */
export interface RenderedBlockOf<Type extends string, State, Data> {
  type: Type;
  state: State;
  html: Html;
  data: Data;
}

/** A ninjs association (2.1: an array of objects); pictures are the only kind so far. */
export interface NinjsAssociation {
  name: string;
  uri: string;
  type: 'picture' | 'video' | 'audio' | 'text' | 'composite' | 'graphic';
  representationtype: 'full';
  by?: string;
  descriptions?: { role?: string; contenttype?: string; value: string }[];
  altids?: { role: string; value: string }[];
  renditions?: {
    name: string;
    href?: string;
    contenttype?: string;
    width?: number;
    height?: number;
    sizeinbytes?: number;
  }[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds definitions of different states
export type AnyBlockDefinition = BlockDefinition<string, any, any, string>;
