import { describe, expect, it } from 'vitest';
import { EMBED_PROVIDERS, parseEmbedUrl, type EmbedProviderId, type EmbedState } from '../../shared/blocks/embed';
import type { PullquoteState } from '../../shared/blocks/pullquote';
import { exportStory, type ExportFormat } from '../../shared/export';
import { htmlToBody } from '../../shared/import/html';
import { createStory, restoreStory, type SerializedBodyNode, type Story } from '../../shared/story';
import { paragraph } from '../fixtures/seed-story';
import { cmsValidator, ninjsValidator, schemaErrors } from './support/schemas';

/** The two new blocks through save, restore, every export and the HTML import. */

const LINKS: Record<EmbedProviderId, string> = {
  youtube: 'https://youtu.be/dQw4w9WgXcQ',
  vimeo: 'https://vimeo.com/76979871',
  instagram: 'https://www.instagram.com/reel/C8abcdEFgh/',
  tiktok: 'https://www.tiktok.com/@scout2015/video/6718335390845095173',
  facebook: 'https://www.facebook.com/watch/?v=1234567890123',
  bluesky: 'https://bsky.app/profile/emilyliu.me/post/3lbq7mxsiek2v',
  mastodon: 'https://mastodon.nz/@rnz/112000000000000001',
  threads: 'https://www.threads.net/@zuck/post/CuXFPIeLLod',
};

function embedOf(provider: EmbedProviderId): EmbedState {
  const parsed = parseEmbedUrl(LINKS[provider]);
  if (!parsed.ok) throw new Error(provider);
  const video = provider === 'youtube' || provider === 'vimeo';
  return {
    provider,
    url: parsed.url,
    authorName: 'Civil Defence NZ',
    authorHandle: parsed.handle || 'civildefencenz',
    text: video ? 'Evacuation routes explained' : 'Evacuate now if you are in the red zone.\nRoads north are closed.',
    date: 'February 14, 2023',
  };
}

const QUOTE: PullquoteState = { text: 'The water came through the floor.', attribution: 'Mere Paki', role: 'Resident, Esk Valley' };

function storyWithNewBlocks(): Story {
  const story = createStory({ id: 'cyclone', now: new Date('2023-02-14T09:00:00.000Z') });
  const children: SerializedBodyNode[] = [
    paragraph('Residents were told to leave before dawn.'),
    { type: 'pullquote', version: 1, format: '', ...QUOTE },
    ...EMBED_PROVIDERS.map((p): SerializedBodyNode => ({ type: 'embed', version: 1, format: '', ...embedOf(p) })),
    paragraph('More to come.'),
  ];
  story.body.root.children = children;
  return story;
}

function blocksOf(children: readonly SerializedBodyNode[]) {
  return children
    .filter((c) => c.type === 'pullquote' || c.type === 'embed')
    .map(({ type, ...rest }) => {
      const fields = { ...rest } as Record<string, unknown>;
      delete fields.version;
      delete fields.format;
      return { type, ...fields };
    });
}

describe('pull quote and embeds through save, export and import', () => {
  it('restore keeps them as saved', () => {
    const saved = JSON.parse(JSON.stringify(storyWithNewBlocks()));
    const restored = restoreStory(saved);
    expect(restored.ok).toBe(true);
    if (restored.ok) expect(blocksOf(restored.story.body.root.children)).toEqual(blocksOf(storyWithNewBlocks().body.root.children));
  });

  it('restore refuses an embed whose link is another service’s, or not a post, in one line', () => {
    for (const [patch, reason] of [
      [{ provider: 'vimeo', url: LINKS.youtube }, /embed\): url must be a post or video link of its service/],
      [{ provider: 'tiktok', url: 'https://www.tiktok.com/@scout2015' }, /url must be a post or video link of its service/],
      [{ provider: 'myspace' }, /provider/],
    ] as const) {
      const story = storyWithNewBlocks();
      story.body.root.children[2] = { ...story.body.root.children[2]!, ...patch };
      const restored = restoreStory(JSON.parse(JSON.stringify(story)));
      expect(restored.ok).toBe(false);
      if (!restored.ok) {
        expect(restored.reason).toMatch(reason);
        expect(restored.reason).not.toMatch(/\n|at .*\.ts/);
      }
    }
  });

  it('exports valid CMS JSON and ninjs carrying the service, link and snapshot', () => {
    const story = storyWithNewBlocks();
    const json = JSON.parse(exportStory(story, { format: 'json' }).text);
    expect(schemaErrors(cmsValidator(), json)).toEqual([]);
    const cmsBlocks = json.blocks.filter((b: { type: string }) => b.type === 'embed' || b.type === 'pullquote');
    expect(cmsBlocks[0]).toMatchObject({ type: 'pullquote', ...QUOTE });
    for (const [i, provider] of EMBED_PROVIDERS.entries()) {
      expect(cmsBlocks[i + 1]).toMatchObject({ type: 'embed', ...embedOf(provider) });
      expect(cmsBlocks[i + 1].html).not.toMatch(/<script|<iframe/);
    }
    const ninjs = JSON.parse(exportStory(story, { format: 'ninjs' }).text);
    expect(schemaErrors(ninjsValidator(), ninjs)).toEqual([]);
    const body = ninjs.bodies[0].value as string;
    expect(body).toContain('<figure class="pullquote">');
    for (const provider of EMBED_PROVIDERS) expect(body).toContain(embedOf(provider).url.replace(/&/g, '&amp;'));
  });

  it('lets the page frame only the privacy-enhanced players it embeds', () => {
    const page = exportStory(storyWithNewBlocks(), { format: 'page' }).text;
    expect(page).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(page).toContain('<iframe src="https://player.vimeo.com/video/76979871?dnt=1"');
    expect(page).toMatch(/frame-src https:\/\/player\.vimeo\.com https:\/\/www\.youtube-nocookie\.com;/);
    expect(page).not.toMatch(/<script/);
    const fragment = exportStory(storyWithNewBlocks(), { format: 'html' }).text;
    expect(fragment).not.toMatch(/<iframe|<script/);
    const noVideos = storyWithNewBlocks();
    noVideos.body.root.children = noVideos.body.root.children.filter((c) => c.provider !== 'youtube' && c.provider !== 'vimeo');
    expect(exportStory(noVideos, { format: 'page' }).text).not.toMatch(/frame-src/);
  });

  for (const format of ['html', 'page'] as ExportFormat[]) {
    it(`imports the ${format} export back to the same blocks`, () => {
      const story = storyWithNewBlocks();
      const html = exportStory(story, { format }).text;
      const imported = htmlToBody(html);
      expect(blocksOf(imported.children)).toEqual(blocksOf(story.body.root.children));
      const texts = imported.children.filter((c) => c.type === 'paragraph').length;
      expect(texts).toBe(2);
    });
  }
});
