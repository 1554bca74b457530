import { FACEBOOK, INSTAGRAM, THREADS } from './meta';
import type { EmbedProviderSpec } from './provider';
import type { EmbedProviderId } from './schema';
import { BLUESKY, MASTODON, TIKTOK } from './social';
import { VIMEO, YOUTUBE } from './video';

/** One entry per service; a service missing here fails the typecheck. */
export const EMBED_PROVIDER_TABLE: { readonly [id in EmbedProviderId]: EmbedProviderSpec & { id: id } } = {
  youtube: YOUTUBE as EmbedProviderSpec & { id: 'youtube' },
  vimeo: VIMEO as EmbedProviderSpec & { id: 'vimeo' },
  instagram: INSTAGRAM as EmbedProviderSpec & { id: 'instagram' },
  tiktok: TIKTOK as EmbedProviderSpec & { id: 'tiktok' },
  facebook: FACEBOOK as EmbedProviderSpec & { id: 'facebook' },
  bluesky: BLUESKY as EmbedProviderSpec & { id: 'bluesky' },
  mastodon: MASTODON as EmbedProviderSpec & { id: 'mastodon' },
  threads: THREADS as EmbedProviderSpec & { id: 'threads' },
};

export function embedProvider(id: EmbedProviderId): EmbedProviderSpec {
  return EMBED_PROVIDER_TABLE[id];
}
