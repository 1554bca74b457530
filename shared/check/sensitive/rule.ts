import type { Story } from '../../story/schema';
import { blockText, field, TEXT_BLOCK_TYPES } from '../text';
import type { CheckOptions, Finding, Market, StoryRule } from '../types';
import { footerMarket, helpNumbersIn, presetForMarket, storyMarket } from './market';
import { judgeTopic, maskOtherSenses, type TopicText } from './topic';

/**
 * Stories about suicide or self-harm (issue 15): a helpline footer, from the story's market,
 * and — for New Zealand — what the Coroners Act 2006 and the Mental Health Foundation ask.
 */

const MARKET_NAMES: Record<Market, string> = { NZ: 'New Zealand', AU: 'Australian', UK: 'UK', US: 'US' };

const FOOTER_HELP =
  'Media guidelines ask for help information with every story about suicide or self-harm: Mental Health Foundation of New Zealand, “Reporting and portrayal of suicide” (mentalhealth.org.nz); Mindframe, “Reporting suicide and mental ill-health” (mindframe.org.au); Samaritans, “Media guidelines for reporting suicide” (samaritans.org).';

const S71_HELP =
  'Coroners Act 2006, section 71: without a coroner’s permission no one may make public the method or suspected method of a death that appears self-inflicted, or any detail (such as the place) that suggests it. Saying a death is a suspected suicide is allowed (s 71A, added in 2016). Sources: legislation.govt.nz, Coroners Act 2006 ss 71–71A; Ministry of Justice, “Reporting of suicide” guidance.';

const SUSPECTED_HELP =
  'In New Zealand a death is a suicide only when a coroner has found so; until then call it a “suspected suicide” or say the death has been referred to the coroner (Coroners Act 2006 s 71A; Mental Health Foundation media guidance).';

const COMMITTED_HELP =
  '“Commit” dates from when suicide was a crime. Media guidelines (Mental Health Foundation, Mindframe, Samaritans) ask for “died by suicide” or “took their own life”.';

/** Ways of dying that s71 forbids naming, and places that suggest them. */
const METHOD =
  /\b(?:hanged|hanging|hung)\s+(?:him|her|them)sel(?:f|ves)\b|\bhanging\b|\bnoose\b|\bligature\b|\boverdos(?:e|ed|es|ing)\b|\b(?:jumped|leapt|fell|threw\s+(?:him|her|them)sel(?:f|ves))\s+(?:from|off)\b|\bshot\s+(?:him|her|them)sel(?:f|ves)\b|\bself-inflicted\s+gunshot\b|\bcarbon\s+monoxide\b|\bexhaust\s+fumes\b|\bpoison(?:ed|ing)?\s+(?:him|her|them)sel(?:f|ves)\b|\bslit\s+(?:his|her|their)\b|\bin\s+front\s+of\s+a\s+train\b|\bhelium\b/giu;
const PLACE =
  /\b(?:bridge|cliffs?|gorge|viaduct|overpass|railway\s+line|rail\s+line|train\s+tracks|car\s+park\s+building|tower\s+block)\b/giu;

/** A particular death called a suicide (not "people who die by suicide"). */
const CALLED_SUICIDE =
  /\b(?:took|had\s+taken)\s+(?:his|her)\s+own\s+life\b|\bkilled\s+(?:him|her)self\b|\b(?:he|she)\s+(?:died\s+by|died\s+of|committed)\s+suicide\b|\b(?:his|her)\s+suicide\b|\bdeath\s+was\s+(?:a\s+)?suicide\b/giu;
/** What makes that allowed: a coroner's finding, or the death called suspected. */
const FOUND_OR_SUSPECTED =
  /\b(?:suspected|alleged|apparent(?:ly)?|believed\s+to|possible|coroner\s+(?:has\s+)?(?:found|ruled|concluded|determined|confirmed)|coroner's\s+(?:finding|findings|ruling|report)|inquest\s+(?:found|heard|concluded)|findings?\s+released)\b/iu;

const COMMITTED = /\b(commit(?:ted|s|ting)?)\s+suicide\b/giu;
const BY_SUICIDE: Record<string, string> = {
  commit: 'die by suicide',
  commits: 'dies by suicide',
  committed: 'died by suicide',
  committing: 'dying by suicide',
};

function storyTexts(story: Story): TopicText[] {
  const texts: TopicText[] = [
    { block: null, field: 'headline', text: story.meta.headline },
    { block: null, field: 'standfirst', text: story.meta.standfirst },
  ];
  story.body.root.children.forEach((node, index) => {
    if (TEXT_BLOCK_TYPES.has(node.type)) texts.push({ block: index, text: blockText(node) });
    else if (node.type === 'photo') texts.push({ block: index, field: 'caption', text: field(node, 'caption') });
  });
  return texts.filter((t) => t.text.trim() !== '');
}

export function checkSensitive(story: Story, options: CheckOptions): Finding[] {
  const texts = storyTexts(story);
  const topic = judgeTopic(texts);
  const findings: Finding[] = [];
  // "Committed suicide" is worded wrong wherever it appears, in any story about a death.
  for (const t of texts) {
    if (!/[Cc]ommit/.test(t.text)) continue;
    const masked = maskOtherSenses(t.text);
    COMMITTED.lastIndex = 0;
    for (const m of masked.matchAll(COMMITTED)) {
      findings.push({
        rule: 'sensitive-committed',
        severity: 'warning',
        message: `“${m[0]}” → “${BY_SUICIDE[m[1]!.toLowerCase()]}”`,
        where: { block: t.block, ...(t.field ? { field: t.field } : {}), start: m.index, end: m.index + m[0].length },
        excerpt: t.text.slice(m.index, m.index + m[0].length),
        suggestions: [BY_SUICIDE[m[1]!.toLowerCase()]!],
        help: COMMITTED_HELP,
      });
    }
  }
  if (!topic.covers) return findings;

  const { market, from } = storyMarket(story.meta, options.defaultMarket ?? 'NZ');
  const presetId = presetForMarket(market, options.helplinePresets);
  const children = story.body.root.children;
  const footerAt = children.findIndex((n) => n.type === 'helpline');
  if (footerAt < 0) {
    const inText = texts.slice(-4).find((t) => helpNumbersIn(t.text) !== null);
    findings.push({
      rule: 'sensitive-footer',
      severity: inText ? 'warning' : 'error',
      message: inText
        ? 'This story covers suicide and gives help numbers in the copy: use a helpline footer so the numbers stay current'
        : `This story covers suicide; add a helpline footer (${MARKET_NAMES[market]} list)`,
      where: inText ? { block: inText.block } : { block: null },
      action: { type: 'insert-helpline', presetId },
      help: FOOTER_HELP,
    });
  } else {
    const footer = footerMarket(children[footerAt]!, options.helplinePresets);
    if (footer && footer !== market) {
      findings.push({
        rule: 'sensitive-footer-market',
        severity: 'warning',
        message: `The helpline footer lists ${MARKET_NAMES[footer]} numbers, but this is a ${MARKET_NAMES[market]} story (from its ${from})`,
        where: { block: footerAt },
        action: { type: 'replace-helpline', presetId },
        help: FOOTER_HELP,
      });
    }
  }
  if (market === 'NZ') findings.push(...nzGuidance(texts));
  return findings;
}

/** The Coroners Act and the Mental Health Foundation's guidance, for New Zealand stories. */
function nzGuidance(texts: readonly TopicText[]): Finding[] {
  const findings: Finding[] = [];
  const coronerFound = texts.some((t) =>
    /\bcoroner\s+(?:has\s+)?(?:found|ruled|concluded|determined)\b|\binquest\s+found\b/iu.test(t.text),
  );
  for (const t of texts) {
    const place = { block: t.block, ...(t.field ? { field: t.field } : {}) };
    const masked = maskOtherSenses(t.text);
    const aboutDeath = /suicid|own li(?:fe|ves)|sel(?:f|ves)\b|died|death|body|coroner/iu.test(masked);
    if (!aboutDeath) continue;
    for (const [pattern, what] of [
      [METHOD, 'the method or a suspected method'],
      [PLACE, 'a place that suggests the method'],
    ] as const) {
      pattern.lastIndex = 0;
      for (const m of masked.matchAll(pattern)) {
        findings.push({
          rule: 'sensitive-method',
          severity: 'warning',
          message: `“${m[0]}” may name ${what} of a suspected suicide, which the Coroners Act 2006 (s 71) forbids without a coroner’s permission`,
          where: { ...place, start: m.index, end: m.index + m[0].length },
          excerpt: t.text.slice(m.index, m.index + m[0].length),
          help: S71_HELP,
        });
      }
    }
    if (coronerFound) continue;
    CALLED_SUICIDE.lastIndex = 0;
    for (const m of masked.matchAll(CALLED_SUICIDE)) {
      const sentence = sentenceAround(t.text, m.index, m.index + m[0].length);
      if (FOUND_OR_SUSPECTED.test(sentence)) continue;
      findings.push({
        rule: 'sensitive-suspected',
        severity: 'warning',
        message: `“${m[0]}” calls a death a suicide before a coroner has found so: say “suspected suicide”`,
        where: { ...place, start: m.index, end: m.index + m[0].length },
        excerpt: t.text.slice(m.index, m.index + m[0].length),
        help: SUSPECTED_HELP,
      });
    }
  }
  return findings;
}

function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), -1) + 1;
  const rest = text.slice(end).search(/[.!?](?:\s|$)/u);
  return text.slice(from, rest < 0 ? text.length : end + rest + 1);
}

export const sensitiveRule: StoryRule = { id: 'sensitive', check: checkSensitive };
