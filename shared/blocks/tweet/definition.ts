import { z } from 'zod';
import type { BlockDefinition } from '../types';
import { isTweetEmbed, tweetFromBlockquote } from './html';
import { cleanTweet, renderTweet } from './render';
import { emptyTweet, formatTweetDate, HANDLE, LANGUAGE_TAG, TWEET_ID, TweetStateSchema, type TweetState } from '.';

/** The tweet block: a snapshot of a tweet, exported as Twitter's own embed markup without its script. */
export const tweetBlock: BlockDefinition<'tweet', TweetState, null, 'tweets'> = {
  type: 'tweet',
  label: 'Tweet',
  summary: { key: 'tweets', one: 'tweet', many: 'tweets' },
  schema: TweetStateSchema,
  empty: emptyTweet,
  example: () => ({
    url: 'https://twitter.com/chrissyteigen/status/1321618495939915778',
    tweetId: '1321618495939915778',
    name: 'chrissy teigen',
    handle: 'chrissyteigen',
    text: 'We are so grateful for the love and support. See https://example.com/note and #thankyou @johnlegend',
    date: 'October 28, 2020',
    lang: 'en',
  }),
  fields: {
    url: { label: 'Tweet link', kind: 'url' },
    tweetId: { label: 'Tweet id', kind: 'id' },
    name: { label: 'Display name', kind: 'text' },
    handle: { label: 'Handle', kind: 'text' },
    text: { label: 'Text', kind: 'prose' },
    date: { label: 'Date', kind: 'date' },
    lang: { label: 'Language', kind: 'language' },
  },
  describe(tweet) {
    const who = tweet.handle ? `@${tweet.handle}` : tweet.name.trim() || 'unknown author';
    const date = formatTweetDate(tweet.date);
    return `Tweet by ${who}${date ? `, ${date}` : ''}`;
  },
  plainText: (tweet) =>
    [tweet.text, [tweet.name, tweet.handle ? `(@${tweet.handle})` : '', tweet.date].filter(Boolean).join(' ')].join('\n').trim(),
  placement: 'anywhere',
  render(state) {
    const tweet = cleanTweet(state);
    return { type: 'tweet', state: tweet, html: renderTweet(tweet), data: null };
  },
  cms: {
    // The exported fields are the cleaned state: each either passes the state's rule or is empty.
    schema: z.object({
      url: z
        .string()
        .regex(/^https?:\/\//)
        .or(z.literal(''))
        .describe("The tweet's status link (twitter.com or x.com)."),
      tweetId: z.string().regex(TWEET_ID).or(z.literal('')),
      name: z.string(),
      handle: z.string().regex(HANDLE).or(z.literal('')),
      text: z.string().describe("The tweet's text as plain text (a snapshot)."),
      date: z.string(),
      lang: z.string().regex(LANGUAGE_TAG).or(z.literal('')),
    }),
    fields: (block) => ({ ...block.state }),
  },
  ninjs: { body: 'richtext' },
  html: {
    tags: ['blockquote'],
    matches: isTweetEmbed,
    // Embed code without a status link is not a tweet we can keep (nor link back to).
    read(el) {
      const tweet = tweetFromBlockquote(el);
      return tweet.tweetId ? tweet : null;
    },
  },
};
