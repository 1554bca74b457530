import { describe, expect, it } from 'vitest';
import { BLOCK_LIST } from '../../shared/blocks/registry';
import { formatImportSummary } from '../../shared/import/plain-text';
import { KINDS, loadCorpus, scoreCorpus } from '../../scripts/import-corpus';

/**
 * The plain-text importer on real copy (issue 16): the article corpus in
 * tests/fixtures/articles, each article with what a reader finds in it (expected.json).
 * `npm run -s import-score` prints the same numbers with the articles it gets wrong.
 */
const articles = loadCorpus();
const score = scoreCorpus(articles);

describe('the article corpus', () => {
  it('holds at least 30 articles from several countries', () => {
    expect(articles.length).toBeGreaterThanOrEqual(30);
    for (const a of articles) expect(a.text.trim(), a.slug).not.toBe('');
  });

  it('finds at least 95 % of the tweets, captions, footers and helpline numbers together', () => {
    const expected = KINDS.reduce((n, k) => n + score.totals[k].expected, 0);
    expect(expected).toBeGreaterThan(60);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('makes at most one block that is not in the articles', () => {
    expect(score.falseBlocks).toBeLessThanOrEqual(1);
  });

  it('finds every tweet by its handle and date, with its text where the article puts it', () => {
    const misses = score.articles.flatMap((a) => a.tweetTextMisses.map((m) => `${a.slug}: ${m}`));
    // One tweet of two paragraphs whose first paragraph reads like prose stays prose (and is counted here).
    expect(misses.length).toBeLessThanOrEqual(1);
  });

  describe.each(score.articles.map((a) => [a.slug, a] as const))('%s', (_slug, article) => {
    it('keeps each of the reporter’s lines as exactly one paragraph, subheading or list item, never inside a block', () => {
      expect(article.misplacedLines).toEqual([]);
    });

    it('reports in its summary what it made', () => {
      const count = (type: string) => article.nodes.filter((n) => n.type === type).length;
      // Every registered block has its count (pull quotes and embeds too, at 0 on plain text).
      const blockCounts = Object.fromEntries(BLOCK_LIST.map((d) => [d.summary.key, count(d.type)]));
      expect(article.summary).toEqual({
        ...blockCounts,
        paragraphs: count('paragraph'),
        headings: count('heading'),
        lists: count('list'),
      });
      const text = formatImportSummary(article.summary);
      if (article.summary.tweets) expect(text).toContain(`${article.summary.tweets} tweet`);
      if (article.summary.photos) expect(text).toContain(`${article.summary.photos} photo`);
      expect(text).toMatch(new RegExp(`\\b${article.summary.paragraphs} paragraphs?$`));
    });
  });
});
