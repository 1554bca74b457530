import { createContext, useContext, useEffect, useState } from 'react';
import type { HelplinePreset } from '../../../shared/blocks/helpline';
import type { CreditStyle } from '../../../shared/blocks/photo';
import type { TweetState } from '../../../shared/blocks/tweet';
import type { AssetInfo } from '../../document/assets';

/** What the blocks need from the app around the editor. */
export interface NewsroomServices {
  creditStyle: CreditStyle;
  tweetLookup: boolean;
  userPresets: HelplinePreset[];
  /** A scaled preview (object URL) for a story asset; resolves once made. */
  previewUrl(hash: string): Promise<string | null>;
  /** The preview if it is made already (a block mounted to be printed cannot wait for it). */
  readyPreviewUrl(hash: string): string | null;
  asset(hash: string): AssetInfo | undefined;
  /** Adds an image to the story's assets; returns its hash or a one-line reason. */
  addImage(file: Blob, name: string): Promise<{ ok: true; hash: string } | { ok: false; reason: string }>;
  /** Fills a tweet from the network when look-ups are on; never returns third-party HTML. */
  lookupTweet(url: string): Promise<{ ok: true; tweet: Partial<TweetState> } | { ok: false; reason: string }>;
  notify(message: string, kind?: 'error' | 'info'): void;
  /** Fills story fields that are still empty; says which it filled. */
  fillEmptyMeta(fields: { headline?: string; standfirst?: string; dateline?: string }): {
    headline: boolean;
    standfirst: boolean;
    dateline: boolean;
  };
}

export const NewsroomContext = createContext<NewsroomServices | null>(null);

export function useNewsroom(): NewsroomServices {
  const services = useContext(NewsroomContext);
  if (!services) throw new Error('NewsroomContext missing');
  return services;
}

export function usePreviewUrl(hash: string): string | null {
  const { previewUrl, readyPreviewUrl } = useNewsroom();
  // The preview made for this hash, once made; until then the one ready already, if any.
  const [made, setMade] = useState<{ hash: string; url: string | null } | null>(null);
  useEffect(() => {
    if (!hash) return;
    let alive = true;
    void previewUrl(hash).then((url) => alive && setMade({ hash, url }));
    return () => {
      alive = false;
    };
  }, [hash, previewUrl]);
  if (!hash) return null;
  return made?.hash === hash ? made.url : readyPreviewUrl(hash);
}
