import { KINDS, scoreCorpus } from './import-corpus';

/**
 * `npm run -s import-score`: how the plain-text importer does on the article corpus
 * (tests/fixtures/articles) — recall and false blocks by kind, then the articles it gets wrong.
 */
const score = scoreCorpus();
const pct = (found: number, expected: number) => (expected === 0 ? '—' : `${((100 * found) / expected).toFixed(1)} %`);
const rows = KINDS.map((k) => {
  const t = score.totals[k];
  return `| ${k} | ${t.expected} | ${t.found} | ${pct(t.found, t.expected)} | ${t.falseBlocks} |`;
});
const expected = KINDS.reduce((n, k) => n + score.totals[k].expected, 0);
const found = KINDS.reduce((n, k) => n + score.totals[k].found, 0);
const paragraphs = score.articles.reduce((n, a) => n + a.paragraphs.expected, 0);
const misplaced = score.articles.reduce((n, a) => n + a.misplacedLines.length, 0);
console.log(`Corpus: ${score.articles.length} articles (tests/fixtures/articles)\n`);
console.log('| kind | expected | found | recall | false blocks |');
console.log('|---|---|---|---|---|');
console.log(rows.join('\n'));
console.log(`| all four together | ${expected} | ${found} | ${pct(found, expected)} | ${score.falseBlocks} |`);
console.log(
  `| paragraphs | ${paragraphs} | — | ${score.paragraphsExact}/${score.articles.length} articles exact | ${misplaced} lines misplaced |`,
);
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
for (const a of score.articles) {
  const problems: string[] = [];
  for (const k of KINDS) {
    const t = a.kinds[k];
    if (t.found < t.expected) problems.push(`${k}: ${t.found}/${t.expected}`);
    if (t.falseBlocks) problems.push(`${k}: ${t.falseBlocks} false`);
  }
  if (a.paragraphs.made !== a.paragraphs.expected) problems.push(`paragraphs ${a.paragraphs.made}/${a.paragraphs.expected}`);
  problems.push(...a.tweetTextMisses.map((m) => `tweet text ${m}`));
  problems.push(...a.misplacedLines.map((l) => `misplaced: ${l.slice(0, 80)}`));
  if (problems.length === 0) continue;
  console.log(`\n${a.slug}`);
  for (const p of verbose ? problems : problems.slice(0, 6)) console.log(`  ${p}`);
}
