import { describe, expect, it } from 'vitest';
import { lookupEmbed } from '../../electron/services/embed-lookup';
import { StoryFileError } from '../../electron/services/story-files';

/** A fetch that answers from a table and records what was asked; nothing reaches the network. */
function fakeFetch(answer: (url: string) => Response | Promise<Response>) {
  const requests: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    requests.push(url);
    return answer(url);
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('lookupEmbed', () => {
  it("asks the service's own endpoint and keeps only fields", async () => {
    const { fetch, requests } = fakeFetch(() =>
      json({
        title: 'Rick Astley - Never Gonna Give You Up',
        author_name: 'Rick Astley',
        author_url: 'https://www.youtube.com/@RickAstleyYT',
        html: '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe><script>alert(1)</script>',
      }),
    );
    const fields = await lookupEmbed('https://youtu.be/dQw4w9WgXcQ', { fetch, endpoint: undefined });
    expect(requests).toEqual(['https://www.youtube.com/oembed?format=json&url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DdQw4w9WgXcQ']);
    expect(fields).toEqual({
      provider: 'youtube',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      text: 'Rick Astley - Never Gonna Give You Up',
      authorName: 'Rick Astley',
      authorHandle: 'RickAstleyYT',
    });
    expect(JSON.stringify(fields)).not.toMatch(/iframe|script/);
  });

  it("asks a Mastodon post's own server", async () => {
    const { fetch, requests } = fakeFetch(() => json({ author_name: 'Eugen', html: '<blockquote class="mastodon-embed"></blockquote>' }));
    await lookupEmbed('https://mastodon.social/@Gargron/113245466444516735', { fetch });
    expect(requests[0]).toMatch(/^https:\/\/mastodon\.social\/api\/oembed\?url=/);
  });

  const failures: [string, () => Response | Promise<Response>, RegExp, string][] = [
    ['a deleted post', () => json({}, 404), /^TikTok says this post does not exist/, 'not-found'],
    ['a private post', () => json({}, 403), /^TikTok would not share this post/, 'io'],
    ['a server error', () => json({}, 500), /^TikTok's look-up failed \(HTTP 500\)\.$/, 'io'],
    ['an answer that is not JSON', () => new Response('<html>', { status: 200 }), /not JSON/, 'io'],
    [
      'no answer in time',
      () => Promise.reject(Object.assign(new Error('t'), { name: 'TimeoutError' })),
      /^TikTok did not answer in time\.$/,
      'io',
    ],
    ['no network', () => Promise.reject(new TypeError('fetch failed')), /^TikTok could not be reached\.$/, 'io'],
  ];
  for (const [what, answer, message, code] of failures) {
    it(`says so in one line for ${what}`, async () => {
      const { fetch } = fakeFetch(answer);
      const error = await lookupEmbed('https://www.tiktok.com/@scout2015/video/6718335390845095173', { fetch }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoryFileError);
      expect((error as StoryFileError).message).toMatch(message);
      expect((error as StoryFileError).code).toBe(code);
    });
  }

  it('refuses a link that is not a post without asking anyone', async () => {
    const { fetch, requests } = fakeFetch(() => json({}));
    const error = await lookupEmbed('https://www.tiktok.com/@scout2015', { fetch }).catch((e: unknown) => e);
    expect((error as StoryFileError).message).toBe('That is a TikTok profile, not a video.');
    expect((error as StoryFileError).code).toBe('invalid');
    expect(requests).toEqual([]);
  });

  it('sends every look-up to a local stand-in when one is given', async () => {
    const { fetch, requests } = fakeFetch(() => json({ title: 'x' }));
    await lookupEmbed('https://vimeo.com/76979871', { fetch, endpoint: 'http://127.0.0.1:9/oembed' });
    expect(requests).toEqual(['http://127.0.0.1:9/oembed?url=https%3A%2F%2Fvimeo.com%2F76979871']);
  });
});
