import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStory, judgeTopic, storyMarket, type Finding, type Market } from '../../shared/check';
import { checkSensitive } from '../../shared/check/sensitive/rule';
import { paragraph } from '../fixtures/seed-story';
import { articleStory, helpline, options, storyOf } from './support/check-story';

const FIXTURES = path.resolve(__dirname, '../fixtures/sensitive');
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as {
  articles: Record<
    string,
    { market: Market; verdict: 'needs-footer' | 'has-footer' | 'help-in-text' | 'not-about-suicide'; also?: string[] }
  >;
};

const footerFindings = (findings: Finding[]) =>
  findings.filter((f) => f.rule === 'sensitive-footer' || f.rule === 'sensitive-footer-market');

describe('the helpline rule on real published articles', () => {
  const articles = Object.entries(expected.articles);

  it('has at least 12 articles with their sources, about suicide and not', () => {
    expect(articles.length).toBeGreaterThanOrEqual(12);
    for (const [slug] of articles) expect(readFileSync(path.join(FIXTURES, `${slug}.txt`), 'utf8')).toMatch(/^source: https?:\/\/\S+\n/);
    const verdicts = new Set(articles.map(([, a]) => a.verdict));
    expect(verdicts).toEqual(new Set(['needs-footer', 'has-footer', 'not-about-suicide']));
    expect(new Set(articles.map(([, a]) => a.market))).toEqual(new Set(['NZ', 'AU', 'UK', 'US']));
  });

  it.each(articles)('%s', (slug, article) => {
    const story = articleStory(readFileSync(path.join(FIXTURES, `${slug}.txt`), 'utf8'));
    const findings = checkSensitive(story, options({ defaultMarket: article.market }));
    const footer = footerFindings(findings);
    switch (article.verdict) {
      case 'needs-footer':
        expect(footer).toEqual([
          expect.objectContaining({
            rule: 'sensitive-footer',
            severity: 'error',
            message: expect.stringMatching(/^This story covers suicide; add a helpline footer/),
            action: { type: 'insert-helpline', presetId: { NZ: 'nz-mental-health', AU: 'au', UK: 'uk', US: 'us' }[article.market] },
          }),
        ]);
        break;
      case 'has-footer':
        expect(story.body.root.children.some((n) => n.type === 'helpline')).toBe(true);
        expect(footer).toEqual([]);
        break;
      case 'help-in-text':
        expect(footer).toEqual([expect.objectContaining({ severity: 'warning' })]);
        break;
      case 'not-about-suicide':
        expect(judgeTopic([{ block: 0, text: story.body.root.children.map((n) => JSON.stringify(n)).join(' ') }]).covers).toBe(false);
        expect(findings).toEqual([]);
        break;
    }
    for (const rule of article.also ?? []) expect(findings.map((f) => f.rule)).toContain(rule);
  });
});

describe('judging the topic in context', () => {
  it.each([
    'The vote was political suicide for the minister.',
    'It would be career suicide to back the bill, and electoral suicide for the party.',
    'The Mets scored on a suicide squeeze in the ninth.',
    'Suicide Squad topped the box office again.',
    'A suicide bomber attacked the market; the suicide attack killed 12.',
    'The Great Depression and the economic depression that followed.',
    'A killer performance from the Black Caps.',
    'The election produced a hung parliament.',
    'Labour’s 1983 manifesto was called the longest suicide note in history.',
    'He killed himself laughing at the joke.',
  ])('%j is not about suicide', (text) => {
    expect(judgeTopic([{ block: 0, text }]).covers).toBe(false);
    expect(checkSensitive(storyOf([paragraph(text)]), options())).toEqual([]);
  });

  it.each([
    'Her son died by suicide last year, the family said.',
    'The man took his own life after months of distress.',
    'Youthline says calls from suicidal teenagers have doubled.',
    'The report on self-harm among students was released today.',
    'Suicide is the leading cause of death for young men, the coroner said.',
  ])('%j is about suicide', (text) => {
    expect(judgeTopic([{ block: 0, text }]).covers).toBe(true);
  });
});

describe('the footer and its market', () => {
  const about = paragraph('The Chief Coroner released the suspected suicide statistics for the year.');

  it('is an error without a footer, with the market preset to insert', () => {
    const findings = checkStory(storyOf([about]), options()).filter((f) => f.rule === 'sensitive-footer');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: 'This story covers suicide; add a helpline footer (New Zealand list)',
        action: { type: 'insert-helpline', presetId: 'nz-mental-health' },
      }),
    ]);
  });

  it('is satisfied by a footer from the story’s market', () => {
    expect(footerFindings(checkSensitive(storyOf([about, helpline('nz-standard')]), options()))).toEqual([]);
    expect(footerFindings(checkSensitive(storyOf([about, helpline('au')], { dateline: 'SYDNEY' }), options()))).toEqual([]);
  });

  it('warns about a footer from the wrong market, judged from the dateline, section or default', () => {
    const uk = footerFindings(checkSensitive(storyOf([about, helpline('uk')], { dateline: 'Christchurch' }), options()));
    expect(uk).toEqual([
      expect.objectContaining({
        rule: 'sensitive-footer-market',
        severity: 'warning',
        message: 'The helpline footer lists UK numbers, but this is a New Zealand story (from its dateline)',
        action: { type: 'replace-helpline', presetId: 'nz-mental-health' },
        where: { block: 1 },
      }),
    ]);
    expect(
      footerFindings(checkSensitive(storyOf([about, helpline('nz-standard')], { section: 'Australia' }), options()))[0]!.message,
    ).toContain('(from its section)');
    expect(
      footerFindings(checkSensitive(storyOf([about, helpline('nz-standard')]), options({ defaultMarket: 'US' })))[0]!.message,
    ).toContain('(from its default)');
  });

  it('judges a footer without a preset by its numbers', () => {
    const entries = [{ name: 'Lifeline', detail: 'Lifeline 13 11 14', phone: '131114' }];
    const own = {
      type: 'helpline',
      version: 1,
      format: '',
      presetId: '',
      heading: 'Where to get help:',
      entries,
      verifiedAt: '2026-11-01',
    };
    expect(footerFindings(checkSensitive(storyOf([about, own]), options()))).toEqual([
      expect.objectContaining({ message: expect.stringContaining('Australian numbers') }),
    ]);
  });

  it('reads the market from dateline, section, language, then default', () => {
    expect(storyMarket({ dateline: 'WELLINGTON', section: 'World', language: 'en-US' })).toEqual({ market: 'NZ', from: 'dateline' });
    expect(storyMarket({ dateline: '', section: 'UK news', language: 'en' })).toEqual({ market: 'UK', from: 'section' });
    expect(storyMarket({ dateline: '', section: '', language: 'en-AU' })).toEqual({ market: 'AU', from: 'language' });
    expect(storyMarket({ dateline: '', section: '', language: 'en' }, 'UK')).toEqual({ market: 'UK', from: 'default' });
  });

  it('takes help numbers printed in the copy as signposting, with a warning to use the footer', () => {
    const text = 'If you need help, call Lifeline on 0800 543 354 or free call or text 1737.';
    const found = footerFindings(checkSensitive(storyOf([about, paragraph(text)]), options()));
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', where: { block: 1 } })]);
  });
});

describe('New Zealand guidance', () => {
  const footer = helpline('nz-mental-health');
  const guidance = (text: string, meta = {}) =>
    checkSensitive(storyOf([paragraph(text), footer], meta), options()).filter(
      (f) => f.rule.startsWith('sensitive-') && !f.rule.startsWith('sensitive-footer'),
    );

  it('warns about naming the method or place of a suspected suicide (Coroners Act s71)', () => {
    const found = guidance('Police said the man, whose death is a suspected suicide, was found hanging from the bridge.');
    expect(found.map((f) => [f.rule, f.excerpt])).toEqual([
      ['sensitive-method', 'hanging'],
      ['sensitive-method', 'bridge'],
    ]);
    expect(found[0]!.help).toMatch(/Coroners Act 2006, section 71/);
  });

  it('warns about calling a death a suicide before a coroner has found so', () => {
    const [finding] = guidance('The family said he took his own life in March.');
    expect(finding).toMatchObject({ rule: 'sensitive-suspected', severity: 'warning', excerpt: 'took his own life' });
    expect(finding!.help).toMatch(/suspected suicide/);
    expect(guidance('Police said he is believed to have taken his own life; the death is a suspected suicide.')).toEqual([]);
    expect(guidance('The coroner found he took his own life in March.')).toEqual([]);
    // Numbers of deaths are not a particular death.
    expect(guidance('In 2024, 617 people died by suicide, the Chief Coroner said.')).toEqual([]);
  });

  it('is NZ guidance: a UK story is not held to the Coroners Act', () => {
    const uk = checkSensitive(
      storyOf([paragraph('The family said he took his own life.'), helpline('uk')], { dateline: 'LONDON' }),
      options(),
    );
    expect(uk.filter((f) => f.rule === 'sensitive-suspected')).toEqual([]);
  });

  it('turns “committed suicide” into “died by suicide” in any market', () => {
    const found = checkSensitive(
      storyOf([paragraph('Her brother committed suicide in 2019, and others commit suicide each year.'), helpline('uk')], {
        dateline: 'LONDON',
      }),
      options(),
    );
    expect(found.filter((f) => f.rule === 'sensitive-committed').map((f) => [f.excerpt, f.suggestions])).toEqual([
      ['committed suicide', ['died by suicide']],
      ['commit suicide', ['die by suicide']],
    ]);
    expect(checkSensitive(storyOf([paragraph('The minister committed political suicide.')]), options())).toEqual([]);
  });
});
