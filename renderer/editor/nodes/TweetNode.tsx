import { DecoratorBlockNode, type SerializedDecoratorBlockNode } from '@lexical/react/LexicalDecoratorBlockNode';
import type { DOMConversionMap, DOMExportOutput, ElementFormatType, LexicalNode, NodeKey, Spread } from 'lexical';
import type { JSX } from 'react';
import { parseTweetEmbeds } from '../../../shared/blocks/parse-html';
import { emptyTweet, TWEET_FIELDS, type TweetState } from '../../../shared/blocks/tweet';
import { TweetBlock } from '../blocks/TweetBlock';

export type SerializedTweetNode = Spread<TweetState, SerializedDecoratorBlockNode>;

/** An embedded tweet, kept as a snapshot (DESIGN.md section 3). */
export class TweetNode extends DecoratorBlockNode {
  __tweet: TweetState;

  static getType(): string {
    return 'tweet';
  }

  static clone(node: TweetNode): TweetNode {
    return new TweetNode(node.__tweet, node.__format, node.__key);
  }

  constructor(tweet: TweetState = emptyTweet(), format?: ElementFormatType, key?: NodeKey) {
    super(format, key);
    this.__tweet = tweet;
  }

  static importJSON(json: Record<string, unknown>): TweetNode {
    const tweet = emptyTweet();
    for (const field of TWEET_FIELDS) tweet[field] = typeof json[field] === 'string' ? json[field] : '';
    return new TweetNode(tweet).updateFromJSON(json as unknown as SerializedDecoratorBlockNode);
  }

  exportJSON(): SerializedTweetNode {
    return { ...super.exportJSON(), type: 'tweet', version: 1, ...this.getLatest().__tweet };
  }

  static importDOM(): DOMConversionMap | null {
    return {
      blockquote: (el: HTMLElement) =>
        el.classList.contains('twitter-tweet')
          ? {
              priority: 3,
              conversion: (dom: HTMLElement) => ({ node: $createTweetNode(parseTweetEmbeds(dom.outerHTML)[0] ?? emptyTweet()) }),
            }
          : null,
    };
  }

  exportDOM(): DOMExportOutput {
    // Copying out of the editor gives Twitter's own markup (text only, no script).
    const quote = document.createElement('blockquote');
    quote.className = 'twitter-tweet';
    const { text, name, handle, url, date, lang } = this.getTweet();
    const p = document.createElement('p');
    if (lang) p.lang = lang;
    p.textContent = text;
    const link = document.createElement('a');
    link.href = url;
    link.textContent = date;
    quote.append(p, `— ${name} (@${handle}) `, link);
    return { element: quote };
  }

  createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.dataset.block = 'tweet';
    div.className = 'block-host';
    return div;
  }

  getTweet(): TweetState {
    return this.getLatest().__tweet;
  }

  setTweet(patch: Partial<TweetState>): this {
    const writable = this.getWritable();
    writable.__tweet = { ...writable.__tweet, ...patch };
    return writable;
  }

  getTextContent(): string {
    const t = this.getTweet();
    return `${t.text}\n— ${t.name} (@${t.handle}) ${t.date}\n\n`;
  }

  decorate(): JSX.Element {
    return <TweetBlock nodeKey={this.getKey()} tweet={this.__tweet} />;
  }
}

export function $createTweetNode(tweet: TweetState = emptyTweet()): TweetNode {
  return new TweetNode(tweet);
}

export function $isTweetNode(node: LexicalNode | null | undefined): node is TweetNode {
  return node instanceof TweetNode;
}
