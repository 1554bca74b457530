import { afterEach, describe, expect, it } from 'vitest';
import { canonicalTweetUrl, formatTweetDate, parseTweetUrl } from '../../shared/blocks/tweet';

/** Tweet links as reporters paste them: from the share menu, the address bar, apps and old stories. */
const GOOD: [label: string, input: string, handle: string, tweetId: string][] = [
  ['twitter.com', 'https://twitter.com/chrissyteigen/status/1321484225148039168', 'chrissyteigen', '1321484225148039168'],
  ['www.twitter.com', 'https://www.twitter.com/jacindaardern/status/1234567890', 'jacindaardern', '1234567890'],
  ['x.com', 'https://x.com/nzherald/status/1790000000000000001', 'nzherald', '1790000000000000001'],
  ['www.x.com', 'https://www.x.com/nzherald/status/1790000000000000001', 'nzherald', '1790000000000000001'],
  ['mobile.twitter.com', 'https://mobile.twitter.com/NZPolice/status/1455555555555555555', 'NZPolice', '1455555555555555555'],
  ['m.twitter.com', 'https://m.twitter.com/NZPolice/status/1455555555555555555', 'NZPolice', '1455555555555555555'],
  ['http:// (upgraded to https)', 'http://twitter.com/jack/status/20', 'jack', '20'],
  ['without a scheme', 'twitter.com/jack/status/20', 'jack', '20'],
  ['x.com without a scheme', 'x.com/elonmusk/status/1519480761749016577', 'elonmusk', '1519480761749016577'],
  ['www. without a scheme', 'www.twitter.com/jack/status/20', 'jack', '20'],
  [
    'share-menu tracking query',
    'https://twitter.com/chrissyteigen/status/1321484225148039168?s=20&t=abcDEF123_-x',
    'chrissyteigen',
    '1321484225148039168',
  ],
  ['embed ref_src query', 'https://twitter.com/Interior/status/463440424141459456?ref_src=twsrc%5Etfw', 'Interior', '463440424141459456'],
  ['/photo/1', 'https://twitter.com/NASA/status/1678901234567890123/photo/1', 'NASA', '1678901234567890123'],
  ['/video/1', 'https://x.com/NASA/status/1678901234567890123/video/1', 'NASA', '1678901234567890123'],
  ['/analytics', 'https://twitter.com/NASA/status/1678901234567890123/analytics', 'NASA', '1678901234567890123'],
  ['trailing slash', 'https://twitter.com/jack/status/20/', 'jack', '20'],
  ['#fragment', 'https://twitter.com/jack/status/20#m', 'jack', '20'],
  ['query and fragment together', 'https://x.com/jack/status/20?s=46#reply', 'jack', '20'],
  ['legacy /statuses/', 'https://twitter.com/jack/statuses/20', 'jack', '20'],
  ['upper-case host and scheme', 'HTTPS://TWITTER.COM/Jack/status/20', 'Jack', '20'],
  ['mixed-case x.com host', 'https://X.Com/Jack/status/20', 'Jack', '20'],
  [
    'handle with underscore and digits',
    'https://twitter.com/NZ_Herald_2024/status/1800000000000000000',
    'NZ_Herald_2024',
    '1800000000000000000',
  ],
  ['15-character handle (the longest allowed)', 'https://twitter.com/abcdefghij12345/status/99', 'abcdefghij12345', '99'],
  ['19-digit id', 'https://twitter.com/a/status/1234567890123456789', 'a', '1234567890123456789'],
  ['spaces around the pasted link', '   https://twitter.com/jack/status/20 \n', 'jack', '20'],
  ['/photo/1 with a tracking query', 'https://twitter.com/NASA/status/1678901234567890123/photo/1?s=20', 'NASA', '1678901234567890123'],
];

/** Links with no handle in them: kept as the /i/web/status/ form, the handle filled in later. */
const HANDLELESS: [label: string, input: string, tweetId: string][] = [
  ['/i/web/status/ID', 'https://twitter.com/i/web/status/1321484225148039168', '1321484225148039168'],
  ['x.com /i/web/status/ID', 'https://x.com/i/web/status/1321484225148039168', '1321484225148039168'],
  ['x.com /i/status/ID (notification and share links)', 'https://x.com/i/status/1321484225148039168', '1321484225148039168'],
];

const BAD: [label: string, input: string, reason: RegExp][] = [
  ['profile link', 'https://twitter.com/chrissyteigen', /no \/status\/ number/],
  ['twitter.com/home', 'https://twitter.com/home', /no \/status\/ number/],
  ['search link', 'https://twitter.com/search?q=status%2F123&src=typed_query', /no \/status\/ number/],
  ['status with no number', 'https://twitter.com/jack/status/', /no \/status\/ number/],
  ['/status/ with no handle before it', 'https://twitter.com/status/20', /no \/status\/ number/],
  ['id with letters', 'https://twitter.com/jack/status/12ab', /not all digits/],
  ['id too long (21 digits)', 'https://twitter.com/jack/status/123456789012345678901', /not all digits/],
  ['javascript:', 'javascript:alert(1)', /https:\/\//],
  ['javascript: dressed as a tweet', 'javascript://twitter.com/jack/status/20', /https:\/\//],
  ['data:', 'data:text/html,<script>alert(1)</script>', /https:\/\//],
  ['ftp:', 'ftp://twitter.com/a/status/1', /https:\/\//],
  ['another host ending in twitter.com', 'https://nottwitter.com/jack/status/20', /not a twitter\.com or x\.com link/],
  ['twitter.com as a subdomain of another host', 'https://twitter.com.evil.com/jack/status/20', /not a twitter\.com or x\.com link/],
  ['another host without a scheme', 'evil.com/jack/status/20', /not a twitter\.com or x\.com link/],
  ['empty', '', /Paste a link/],
  ['whitespace only', '  \t\n ', /Paste a link/],
  ['handle too long (16 characters)', 'https://twitter.com/abcdefghij123456/status/20', /no valid @handle/],
  ['handle with a hyphen', 'https://twitter.com/nz-herald/status/20', /no valid @handle/],
  ['handle with a dot', 'https://twitter.com/nz.herald/status/20', /no valid @handle/],
  ['not a link at all', 'https://', /not a link/],
];

describe('parseTweetUrl: links reporters paste', () => {
  it.each(GOOD)('accepts %s', (_label, input, handle, tweetId) => {
    expect(parseTweetUrl(input)).toEqual({
      ok: true,
      handle,
      tweetId,
      url: `https://twitter.com/${handle}/status/${tweetId}`,
    });
  });

  it.each(HANDLELESS)('accepts %s without inventing a handle', (_label, input, tweetId) => {
    expect(parseTweetUrl(input)).toEqual({ ok: true, handle: '', tweetId, url: `https://twitter.com/i/web/status/${tweetId}` });
  });

  it.each(BAD)('refuses %s with a reason', (_label, input, reason) => {
    const result = parseTweetUrl(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(reason);
    // A reason is one line a reporter can read.
    expect(result.reason).not.toMatch(/\n/);
  });

  it('has 25+ accepted shapes and covers every host it claims to know', () => {
    expect(GOOD.length + HANDLELESS.length).toBeGreaterThanOrEqual(25);
    const hosts = new Set(
      GOOD.map(([, input]) => new URL(/^[a-z]+:/i.test(input.trim()) ? input.trim() : `https://${input.trim()}`).hostname),
    );
    for (const host of ['twitter.com', 'www.twitter.com', 'mobile.twitter.com', 'm.twitter.com', 'x.com', 'www.x.com']) {
      expect(hosts).toContain(host);
    }
  });

  it('gives the same canonical link for every shape of the same tweet', () => {
    const shapes = [
      'https://x.com/chrissyteigen/status/1321484225148039168?s=20',
      'mobile.twitter.com/chrissyteigen/status/1321484225148039168/photo/1',
      'http://www.twitter.com/chrissyteigen/statuses/1321484225148039168/',
    ];
    const urls = shapes.map((s) => {
      const r = parseTweetUrl(s);
      return r.ok ? r.url : r.reason;
    });
    expect(new Set(urls)).toEqual(new Set(['https://twitter.com/chrissyteigen/status/1321484225148039168']));
  });

  it('keeps the canonical link stable: parsing a canonical link gives itself', () => {
    for (const [, input] of GOOD) {
      const first = parseTweetUrl(input);
      if (!first.ok) throw new Error(`${input} should parse`);
      expect(parseTweetUrl(first.url)).toEqual(first);
    }
  });

  it('canonicalTweetUrl uses /i/web/status/ when the handle is not known', () => {
    expect(canonicalTweetUrl('jack', '20')).toBe('https://twitter.com/jack/status/20');
    expect(canonicalTweetUrl('', '20')).toBe('https://twitter.com/i/web/status/20');
  });
});

describe('formatTweetDate', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('keeps a date already in the embed form', () => {
    expect(formatTweetDate('October 28, 2020')).toBe('October 28, 2020');
    expect(formatTweetDate('  May 5, 2014 ')).toBe('May 5, 2014');
  });

  it('rewrites ISO dates and timestamps to the embed form', () => {
    expect(formatTweetDate('2020-10-28')).toBe('October 28, 2020');
    expect(formatTweetDate('2020-10-28T23:30:00Z')).toBe('October 28, 2020');
    expect(formatTweetDate('2014-05-05T01:00:00.000Z')).toBe('May 5, 2014');
  });

  it('rewrites a written date to the embed form', () => {
    expect(formatTweetDate('28 October 2020')).toBe('October 28, 2020');
    expect(formatTweetDate('Wed Oct 28 2020')).toBe('October 28, 2020');
  });

  it('leaves text that is not a date as typed, and empty as empty', () => {
    expect(formatTweetDate('last Tuesday')).toBe('last Tuesday');
    expect(formatTweetDate('')).toBe('');
    expect(formatTweetDate('   ')).toBe('');
  });

  // A reporter in Auckland (UTC+13 in October) or New York must get the day they typed.
  it.each(['Pacific/Auckland', 'America/New_York', 'UTC'])('keeps the calendar day of a written date in %s', (tz) => {
    process.env.TZ = tz;
    expect(formatTweetDate('28 October 2020')).toBe('October 28, 2020');
    expect(formatTweetDate('Wed Oct 28 2020')).toBe('October 28, 2020');
    expect(formatTweetDate('2020-10-28')).toBe('October 28, 2020');
    expect(formatTweetDate('2020-10-28T12:00:00Z')).toBe('October 28, 2020');
  });
});
