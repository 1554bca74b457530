import { entryLine, type HelplineEntry } from '../blocks/helpline';
import { DEFAULT_CREDIT_STYLE, formatCredit, type CreditStyle } from '../blocks/photo';
import type { SerializedBodyNode, StoryAsset } from '../story/schema';

/**
 * What compare knows about the newsroom blocks (tweet, photo, helpline): their fields in
 * newsroom words, how a person names one block, and which two blocks are the same item
 * (the same tweet, the same picture). Kept in this one module so it can be read from the
 * block registry later without touching the alignment.
 */

/** A field as people name it ("credit", "alt text"); list fields compare item by item. */
export interface NamedField {
  field: string;
  value: string | readonly string[];
}

export interface FieldBlock {
  type: 'tweet' | 'photo' | 'helpline';
  /** Names the block in one line: "@chrissyteigen October 28, 2020". */
  label: string;
  /** The same tweet, the same picture, the same preset: blocks with equal identities pair. */
  identity: string;
  /** Words for pairing a block whose identity changed (a photo replaced, caption kept). */
  words: string;
  fields: NamedField[];
}

export interface FieldOptions {
  creditStyle?: CreditStyle;
  assets?: Readonly<Record<string, StoryAsset>>;
}

export const FIELD_BLOCK_TYPES: ReadonlySet<string> = new Set(['tweet', 'photo', 'helpline']);

export function readFieldBlock(node: SerializedBodyNode, options: FieldOptions = {}): FieldBlock | null {
  switch (node.type) {
    case 'tweet':
      return readTweet(node);
    case 'photo':
      return readPhoto(node, options);
    case 'helpline':
      return readHelpline(node);
    default:
      return null;
  }
}

function readTweet(node: SerializedBodyNode): FieldBlock {
  const handle = str(node.handle);
  const date = str(node.date);
  const who = handle ? `@${handle}` : str(node.name);
  const text = str(node.text);
  return {
    type: 'tweet',
    label: [who, date].filter(Boolean).join(' ') || clip(text) || 'a tweet',
    identity: str(node.tweetId) || str(node.url) || text,
    words: text,
    fields: [
      { field: 'tweet text', value: text },
      { field: 'name', value: str(node.name) },
      { field: 'handle', value: handle ? `@${handle}` : '' },
      { field: 'date', value: date },
      { field: 'link', value: str(node.url) },
      { field: 'language', value: str(node.lang) },
    ],
  };
}

function readPhoto(node: SerializedBodyNode, options: FieldOptions): FieldBlock {
  const asset = str(node.asset);
  const src = str(node.src);
  const image = asset ? options.assets?.[asset]?.name || `image ${asset.slice(0, 12)}` : src;
  const caption = str(node.caption).trim();
  const credit = formatCredit(str(node.credit), options.creditStyle ?? DEFAULT_CREDIT_STYLE);
  const alt = str(node.alt).trim();
  return {
    type: 'photo',
    label: [clip(caption) || image || 'a photo', credit].filter(Boolean).join(' '),
    identity: asset || src,
    words: [caption, alt].join(' '),
    fields: [
      { field: 'image', value: image },
      { field: 'caption', value: caption },
      { field: 'credit', value: credit },
      { field: 'alt text', value: alt },
    ],
  };
}

function readHelpline(node: SerializedBodyNode): FieldBlock {
  const heading = str(node.heading).trim();
  const entries = Array.isArray(node.entries) ? (node.entries as Partial<HelplineEntry>[]).filter(isEntry) : [];
  const lines = entries.map((e) => entryLine(e));
  return {
    type: 'helpline',
    label: `${heading || 'Where to get help:'} (${lines.length} ${lines.length === 1 ? 'line' : 'lines'})`,
    // A story has one helpline footer: whichever preset it came from, it is the same block.
    identity: 'helpline',
    words: lines.join(' '),
    fields: [
      { field: 'helpline heading', value: heading },
      { field: 'helpline preset', value: str(node.presetId) },
      { field: 'numbers checked', value: str(node.verifiedAt) },
      { field: 'helpline line', value: lines },
    ],
  };
}

function isEntry(entry: unknown): entry is HelplineEntry {
  const e = entry as Partial<HelplineEntry> | null;
  return typeof e === 'object' && e !== null && typeof e.name === 'string' && typeof e.detail === 'string';
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The first words of a long text, for a one-line label. */
export function clip(text: string, max = 60): string {
  // Only the start is needed: a 2,000-word paragraph is not flattened whole for a label.
  const flat = text
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max && text.length <= max * 4) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
