/**
 * The web harness as the end-to-end tests run it: the real `startHarness`, plus a local
 * stand-in for Twitter's oEmbed service so no test ever reaches the internet.
 */
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { startHarness } from '../../../electron/web-harness';

export const FAKE_TWEETS: Record<string, { html: string; author_name: string }> = {
  '1321573421466869760': {
    author_name: 'chrissy teigen',
    html: '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">oh my god Hillary Clinton just tweeted my essay now I have to delete the stupid videos I just posted oh my god please dont look at them Hillary Clinton</p>&mdash; chrissy teigen (@chrissyteigen) <a href="https://twitter.com/chrissyteigen/status/1321573421466869760?ref_src=twsrc%5Etfw">October 28, 2020</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>',
  },
};

/** Social embed look-ups the stand-in answers, by the post's canonical link (the rest: 404). */
export const FAKE_EMBEDS: Record<string, Record<string, string>> = {
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ': {
    title: 'Flood waters reach the township',
    author_name: 'RNZ',
    author_url: 'https://www.youtube.com/@RNZ',
    html: '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe><script>window.__xss=1</script>',
  },
};

export async function startFakeOembed(): Promise<{ url: string; close(): void; requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.searchParams.get('url') ?? '');
    const embed = FAKE_EMBEDS[url.searchParams.get('url') ?? ''];
    if (embed) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ ...embed, type: 'video', version: '1.0' }));
    }
    const id = /status\/(\d+)/.exec(url.searchParams.get('url') ?? '')?.[1] ?? '';
    const tweet = FAKE_TWEETS[id];
    if (!tweet) return void res.writeHead(404).end('{}');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ ...tweet, type: 'rich', provider_name: 'Twitter' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/oembed`, close: () => server.close(), requests };
}

async function main() {
  const port = Number(process.argv[2]);
  const docsDir = process.argv[3]!;
  const oembed = await startFakeOembed();
  process.env.COPYDESK_OEMBED_ENDPOINT = oembed.url;
  const harness = await startHarness({
    rendererDir: fileURLToPath(new URL('../../../dist/renderer', import.meta.url)),
    docsDir,
    port,
    user: 'Alex Reporter',
  });
  console.log(`e2e harness on ${harness.url}, fake oEmbed on ${oembed.url}`);
}

if (process.argv[1] && process.argv[1].endsWith('harness.ts')) void main();
