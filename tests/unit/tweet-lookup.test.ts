import { promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type HostAdapter } from '../../electron/services/dispatcher';
import { saveSettings } from '../../electron/services/settings-store';
import { StoryFileError } from '../../electron/services/story-files';
import { lookupTweet } from '../../electron/services/tweet-lookup';
import { DEFAULT_SETTINGS } from '../../shared/settings';

// A local stand-in for publish.twitter.com/oembed: never the internet.

type Reply = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let endpoint: string;
let reply: Reply;
let requests: URL[];

const TEIGEN_URL = 'https://twitter.com/chrissyteigen/status/1321484225148039168';
/** What the look-up makes of the fake oEmbed answer for TEIGEN_URL: text, no markup. */
const TEIGEN_TWEET = {
  url: TEIGEN_URL,
  tweetId: '1321484225148039168',
  handle: 'chrissyteigen',
  name: 'chrissy teigen',
  text: 'Hello New Zealand 🇳🇿\nwe made it https://t.co/Ab12Cd34Ef',
  date: 'October 28, 2020',
  lang: 'en',
};

/** What publish.twitter.com/oembed answers (omit_script=true), trimmed to the fields that matter. */
function oembed(html: string): Record<string, unknown> {
  return {
    url: TEIGEN_URL,
    author_name: 'chrissy teigen',
    author_url: 'https://twitter.com/chrissyteigen',
    html,
    width: 550,
    height: null,
    type: 'rich',
    cache_age: '3153600000',
    provider_name: 'Twitter',
    provider_url: 'https://twitter.com',
    version: '1.0',
  };
}

const TEIGEN_HTML =
  '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Hello New Zealand 🇳🇿<br>we made it ' +
  '<a href="https://t.co/Ab12Cd34Ef">https://t.co/Ab12Cd34Ef</a></p>&mdash; chrissy teigen (@chrissyteigen) ' +
  '<a href="https://twitter.com/chrissyteigen/status/1321484225148039168?ref_src=twsrc%5Etfw">October 28, 2020</a></blockquote>\n';

function json(status: number, body: unknown): Reply {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://127.0.0.1'));
    reply(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oembed`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  requests = [];
  reply = json(200, oembed(TEIGEN_HTML));
});

/** Runs a look-up that must fail; returns the StoryFileError. */
async function lookupError(url: string, options: Parameters<typeof lookupTweet>[1] = {}): Promise<StoryFileError> {
  const error = await lookupTweet(url, { endpoint, ...options }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoryFileError);
  return error as StoryFileError;
}

describe('lookupTweet against a local oEmbed service', () => {
  it('fills the tweet snapshot from the oEmbed answer, with no HTML kept', async () => {
    const result = await lookupTweet('https://x.com/chrissyteigen/status/1321484225148039168?s=20', { endpoint });
    expect(result).toEqual(TEIGEN_TWEET);
    expect(JSON.stringify(result)).not.toContain('<');
  });

  it('asks for the canonical link, without Twitter’s script, with do-not-track', async () => {
    await lookupTweet('mobile.twitter.com/chrissyteigen/status/1321484225148039168/photo/1', { endpoint });
    expect(requests).toHaveLength(1);
    const asked = requests[0]!;
    expect(asked.pathname).toBe('/oembed');
    expect(asked.searchParams.get('url')).toBe(TEIGEN_URL);
    expect(asked.searchParams.get('omit_script')).toBe('true');
    expect(asked.searchParams.get('dnt')).toBe('true');
  });

  it('a deleted or private tweet (404) says it does not exist', async () => {
    reply = json(404, { error: 'not found' });
    const error = await lookupError(TEIGEN_URL);
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/does not exist/);
  });

  it('a server error says which HTTP status came back', async () => {
    reply = json(500, { error: 'oops' });
    const error = await lookupError(TEIGEN_URL);
    expect(error.code).toBe('io');
    expect(error.message).toMatch(/HTTP 500/);
  });

  it('an answer that is not JSON says so', async () => {
    reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Rate limit exceeded</body></html>');
    };
    const error = await lookupError(TEIGEN_URL);
    expect(error.code).toBe('io');
    expect(error.message).toMatch(/not JSON/);
  });

  it('an answer with no tweet in it says so', async () => {
    reply = json(200, { ...oembed('<p>nothing here</p>') });
    expect((await lookupError(TEIGEN_URL)).message).toMatch(/no tweet/);
    reply = json(200, { author_name: 'x' });
    expect((await lookupError(TEIGEN_URL)).message).toMatch(/no tweet/);
  });

  it('a server that does not answer in time gives up with a message', async () => {
    const pending: ServerResponse[] = [];
    reply = (_req, res) => void pending.push(res); // never answers within the test's timeout
    const started = Date.now();
    const error = await lookupError(TEIGEN_URL, { timeoutMs: 200 });
    expect(error.code).toBe('io');
    expect(error.message).toMatch(/did not answer in time/);
    expect(Date.now() - started).toBeLessThan(3000);
    for (const res of pending) res.destroy();
  });

  it('a server that cannot be reached says so', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await lookupError(TEIGEN_URL, { endpoint: `http://127.0.0.1:${port}/oembed` });
    expect(error.message).toMatch(/could not be reached/);
  });

  it('a redirect is not followed', async () => {
    reply = (_req, res) => {
      res.writeHead(302, { location: 'https://evil.example/' });
      res.end();
    };
    const error = await lookupError(TEIGEN_URL);
    expect(error.code).toBe('io');
    expect(requests).toHaveLength(1);
  });

  it('keeps no script or markup from a hostile answer', async () => {
    const hostile =
      '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Hi<script>alert(1)</script> <img src=x onerror=alert(2)>there</p>' +
      '&mdash; chrissy <script>alert(3)</script>teigen (@chrissyteigen) ' +
      '<a href="https://twitter.com/chrissyteigen/status/1321484225148039168">October 28, 2020</a></blockquote>' +
      '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';
    reply = json(200, oembed(hostile));
    const result = await lookupTweet(TEIGEN_URL, { endpoint });
    const all = JSON.stringify(result);
    expect(all).not.toContain('<');
    expect(all).not.toMatch(/script|alert|onerror/i);
    expect(result).toMatchObject({ text: 'Hi there', name: 'chrissy teigen', handle: 'chrissyteigen' });
  });

  it('takes the link’s own tweet id and link, never one from the answer', async () => {
    reply = json(200, oembed(TEIGEN_HTML.replace('chrissyteigen/status/1321484225148039168', 'someoneelse/status/1')));
    const result = await lookupTweet(TEIGEN_URL, { endpoint });
    expect(result.tweetId).toBe('1321484225148039168');
    expect(result.url).toBe(TEIGEN_URL);
  });

  it.each(['javascript:alert(1)', 'https://twitter.com/chrissyteigen', 'https://nottwitter.com/a/status/1', ''])(
    'refuses %j as invalid without asking anyone',
    async (bad) => {
      const error = await lookupError(bad);
      expect(error.code).toBe('invalid');
      expect(requests).toHaveLength(0);
    },
  );
});

describe("the 'tweet:lookup' channel honours the setting", () => {
  let dir: string;
  let settingsFile: string;
  const savedEndpoint = process.env.COPYDESK_OEMBED_ENDPOINT;

  function host(): HostAdapter {
    // Only settingsFile matters here; the asserted type tolerates hosts gaining new pickers.
    return {
      pickStoryToOpen: async () => null,
      pickSavePath: async () => null,
      pickExportPath: async () => null,
      pickImportFile: async () => null,
      checkPath: (p) => p,
      docsFolder: () => dir,
      recoveryFolder: () => path.join(dir, 'recovery'),
      defaultAuthorName: () => 'Test author',
      settingsFile: () => settingsFile,
      windowReady: () => {},
      setWindowState: () => {},
      closeWindow: () => {},
    } as HostAdapter;
  }

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-lookup-'));
    settingsFile = path.join(dir, 'settings', 'settings.json');
    process.env.COPYDESK_OEMBED_ENDPOINT = endpoint;
  });

  afterEach(async () => {
    if (savedEndpoint === undefined) delete process.env.COPYDESK_OEMBED_ENDPOINT;
    else process.env.COPYDESK_OEMBED_ENDPOINT = savedEndpoint;
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('refuses with "forbidden" when look-up is turned off, and asks no one', async () => {
    await saveSettings(settingsFile, { ...DEFAULT_SETTINGS, tweetLookup: false });
    const result = await dispatch(createHandlers(host()), 'tweet:lookup', { url: TEIGEN_URL });
    expect(result).toEqual({ ok: false, error: 'Tweet look-up is turned off in Settings.', code: 'forbidden' });
    expect(requests).toHaveLength(0);
  });

  it('looks the tweet up when it is turned on', async () => {
    await saveSettings(settingsFile, { ...DEFAULT_SETTINGS, tweetLookup: true });
    const result = await dispatch(createHandlers(host()), 'tweet:lookup', { url: TEIGEN_URL });
    expect(result).toEqual({
      ok: true,
      value: TEIGEN_TWEET,
    });
    expect(requests).toHaveLength(1);
  });

  it('passes the service’s failure back as a result, not an exception', async () => {
    await saveSettings(settingsFile, { ...DEFAULT_SETTINGS, tweetLookup: true });
    reply = json(404, {});
    const result = await dispatch(createHandlers(host()), 'tweet:lookup', { url: TEIGEN_URL });
    expect(result).toMatchObject({ ok: false, code: 'not-found' });
  });
});
