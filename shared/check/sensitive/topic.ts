import { untouchableRanges } from '../text';

/**
 * Does a story cover suicide or self-harm? Judged from phrases in context, not from a bare
 * keyword: the senses that are not about anyone's death ("political suicide", "suicide
 * squeeze", the Suicide Squad, a suicide bomber, "the longest suicide note in history") are
 * blanked out first; then phrases only used of a real death or of self-harm count double,
 * a bare "suicide" once, and words of mental health or a coroner one more point at most.
 * Two points is a story about suicide.
 */

/** Senses of the words that are not about suicide or self-harm. */
const OTHER_SENSES: readonly RegExp[] = [
  /\b(?:political|career|electoral|commercial|economic|financial|professional|social|fashion|brand|corporate|tactical|ratings|box[- ]office|culinary|creative|cultural|policy|artistic|sporting|competitive|reputational|legislative|diplomatic|strategic|marketing|PR|public relations)\s+suicide\b/giu,
  /\bsuicide\s+(?:squeeze|squad|bomb(?:er|ers|ing|ings|s)?|attack(?:s|er|ers)?|vests?|missions?|drones?|doors?|runs?|seat|lane|king|blonde|jockey|knot|belt|clause)\b/giu,
  /\bSuicide\s+(?:Squad|Silence|Girls|Boys|Club|Kings|Season|Blonde|Tuesday)\b/gu,
  /\bSuicideboy(?:s|\$)|\$uicideboy\$/gu,
  /\b(?:longest|political)\s+suicide\s+note\b/giu,
  /\b(?:committed|committing|commits|commit)\s+(?:political|career|electoral|commercial|economic|financial|professional|social)\s+suicide\b/giu,
  /\bkill(?:ed|ing|s)?\s+(?:him|her|them|my|your|our)sel(?:f|ves)\s+(?:laughing|with laughter)\b/giu,
  /\bsuicide\s+(?:is|would be|was)\s+(?:painless|the theme)\b/giu,
];

interface Signal {
  pattern: RegExp;
  weight: number;
}

const SIGNALS: readonly Signal[] = [
  { pattern: /\b(?:suspected|apparent|possible)\s+suicides?\b/giu, weight: 2 },
  {
    pattern: /\b(?:died|dies|die|dying|death|deaths|lost)\s+(?:by|from|of|to)\s+(?:a\s+)?(?:suspected\s+|apparent\s+)?suicide\b/giu,
    weight: 2,
  },
  {
    pattern:
      /\b(?:took|take|takes|taking|taken|end|ended|ends|ending)\s+(?:his|her|their|my|your|our|one's)\s+(?:own\s+)?li(?:fe|ves)\b/giu,
    weight: 2,
  },
  { pattern: /\bkill(?:ed|s|ing)?\s+(?:him|her|them|my|your|our|one)sel(?:f|ves)\b/giu, weight: 2 },
  { pattern: /\bsuicidal(?:ity)?\b/giu, weight: 2 },
  { pattern: /\bself[- ](?:harm(?:ing|ed|s)?|injur(?:y|ies|ing|ious)|inflicted)\b/giu, weight: 2 },
  {
    pattern:
      /\b(?:attempted|attempts?|attempting|completed|contemplat\w+|considering|thoughts\s+of|bereaved\s+by|risk\s+of)\s+suicide\b/giu,
    weight: 2,
  },
  {
    pattern:
      /\bsuicide\s+(?:attempts?|prevention|rates?|risk|crisis|helpline|ideation|notes?|statistics|figures|toll|loss|bereavement|clusters?|numbers|deaths?|awareness|pact|watch|survivors?)\b/giu,
    weight: 2,
  },
  { pattern: /\bcommit(?:s|ted|ting)?\s+suicide\b/giu, weight: 2 },
  { pattern: /\bsuicides\b/giu, weight: 2 },
  { pattern: /\bsuicide\b/giu, weight: 1 },
];

/** Words around a story about suicide: one point, however many. */
const CONTEXT =
  /\b(?:mental\s+(?:health|illness|distress|wellbeing)|coroners?|inquest|grie(?:f|ving)|bereave\w*|distress|hopeless\w*|anxiety|counsell\w+|Lifeline|Samaritans|crisis\s+line|(?<!economic\s|great\s|tropical\s|the\s)depression)\b/giu;

const MAY_SIGNAL = /[Ss]uicid|SUICID|[Ss]elf[- ](?:[Hh]arm|[Ii]njur|[Ii]nflict)|own [Ll]i|sel(?:f|ves)\b/;

export interface TopicHit {
  /** Which text: a block index, or null for the headline and standfirst. */
  block: number | null;
  field?: string;
  start: number;
  end: number;
  text: string;
  weight: number;
}

export interface TopicVerdict {
  covers: boolean;
  score: number;
  hits: TopicHit[];
}

export interface TopicText {
  block: number | null;
  field?: string;
  text: string;
}

/** Blanks out the other senses, keeping offsets (each character becomes a space). */
export function maskOtherSenses(text: string): string {
  // Links first: "suicide-squad" in an address says nothing about the story.
  let masked = text;
  for (const [start, end] of untouchableRanges(text).reverse())
    masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
  for (const pattern of OTHER_SENSES) {
    pattern.lastIndex = 0;
    masked = masked.replace(pattern, (m) => ' '.repeat(m.length));
  }
  return masked;
}

export function judgeTopic(texts: readonly TopicText[]): TopicVerdict {
  const hits: TopicHit[] = [];
  let context = 0;
  for (const { block, field, text } of texts) {
    // Most paragraphs of most stories: nothing to look at (a cheap test, no Unicode case folding).
    if (!MAY_SIGNAL.test(text)) continue;
    const masked = maskOtherSenses(text);
    const taken: [number, number][] = [];
    for (const { pattern, weight } of SIGNALS) {
      pattern.lastIndex = 0;
      for (const match of masked.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        taken.push([start, end]);
        hits.push({ block, ...(field ? { field } : {}), start, end, text: text.slice(start, end), weight });
      }
    }
  }
  // Context only matters once something was found: counted then, and only until it is enough.
  if (hits.length > 0) for (const { text } of texts) if ((context += countContext(text)) >= 1) break;
  const score = hits.reduce((sum, h) => sum + h.weight, 0) + Math.min(1, context);
  return { covers: hits.length > 0 && score >= 2, score, hits };
}

function countContext(text: string): number {
  CONTEXT.lastIndex = 0;
  let n = 0;
  while (n < 2 && CONTEXT.exec(text) !== null) n++;
  return n;
}
