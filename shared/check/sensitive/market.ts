import { findPreset, type HelplinePreset } from '../../blocks/helpline';
import type { StoryMeta } from '../../story/schema';
import type { Market } from '../types';

/**
 * Which market a story is for — so its helpline footer lists numbers its readers can call —
 * from the dateline, then the section, then the story's language, then the newsroom's
 * default. And which market a footer's numbers are for.
 */
const PLACES: Record<Market, RegExp> = {
  NZ: /\b(?:New Zealand|Aotearoa|NZ|Auckland|Tāmaki Makaurau|Wellington|Pōneke|Christchurch|Ōtautahi|Dunedin|Ōtepoti|Hamilton|Kirikiriroa|Tauranga|Napier|Hastings|Nelson|Rotorua|New Plymouth|Palmerston North|Whangārei|Whangarei|Invercargill|Whanganui|Gisborne|Timaru|Queenstown|Taupō|Taupo|Blenheim|Masterton|Levin|Ashburton|Oamaru|Greymouth|Westport|Hokitika|Kaitāia|Kaitaia|Porirua|Lower Hutt|Upper Hutt|Kāpiti|Paraparaumu|Wānaka|Wanaka|Gore|Thames|Whakatāne|Whakatane)\b/u,
  AU: /\b(?:Australia|Sydney|Melbourne|Brisbane|Perth|Adelaide|Canberra|Hobart|Darwin|Gold Coast|Newcastle|Wollongong|Geelong|Townsville|Cairns|Toowoomba|Ballarat|Bendigo|Launceston|Sunshine Coast|Rockhampton)\b/u,
  UK: /\b(?:United Kingdom|UK|Britain|England|Scotland|Wales|Northern Ireland|London|Manchester|Birmingham|Edinburgh|Glasgow|Cardiff|Belfast|Leeds|Liverpool|Bristol|Sheffield|Newcastle upon Tyne|Nottingham|Southampton|Brighton|Oxford|Cambridge, England)\b/u,
  US: /\b(?:United States|USA|US|New York|Washington|Los Angeles|Chicago|San Francisco|Boston|Houston|Miami|Seattle|Atlanta|Dallas|Philadelphia|Phoenix|Denver|Detroit|Las Vegas|New Orleans|Nashville|Portland, Oregon)\b/u,
};

const LANGUAGE_MARKET: Record<string, Market> = { 'en-nz': 'NZ', 'mi-nz': 'NZ', mi: 'NZ', 'en-au': 'AU', 'en-gb': 'UK', 'en-us': 'US' };

export interface MarketJudgement {
  market: Market;
  from: 'dateline' | 'section' | 'language' | 'default';
}

function placeMarket(text: string): Market | null {
  if (text.trim() === '') return null;
  // Datelines are often in capitals ("WELLINGTON"); the places are matched in title case.
  text = text.replace(/\p{L}+/gu, (w) => (w.length > 2 && w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w));
  // Ordered so "Newcastle upon Tyne" is the UK and "Hamilton" is New Zealand unless said otherwise.
  const found = (['UK', 'AU', 'US', 'NZ'] as const).filter((m) => PLACES[m].test(text));
  return found.length === 1 ? found[0]! : found.length > 1 ? (found.find((m) => m !== 'NZ') ?? null) : null;
}

export function storyMarket(meta: Pick<StoryMeta, 'dateline' | 'section' | 'language'>, fallback: Market = 'NZ'): MarketJudgement {
  const byDateline = placeMarket(meta.dateline ?? '');
  if (byDateline) return { market: byDateline, from: 'dateline' };
  const bySection = placeMarket(meta.section ?? '');
  if (bySection) return { market: bySection, from: 'section' };
  const byLanguage = LANGUAGE_MARKET[(meta.language ?? '').toLowerCase()];
  if (byLanguage) return { market: byLanguage, from: 'language' };
  return { market: fallback, from: 'default' };
}

/** Numbers that say which country a help line is in. */
const NUMBERS: Record<Market, RegExp> = {
  NZ: /(?:^|\D)(?:0800\s?\d{3}\s?\d{3,4}|0508\s?\d{3}\s?\d{3}|1737)(?!\d)/u,
  AU: /(?:^|\D)(?:13\s?11\s?14|1300\s?\d{2,3}\s?\d{2,3}\s?\d{0,3}|1800\s?\d{2,3}\s?\d{3,4}|000)(?!\d)/u,
  UK: /(?:^|\D)(?:116\s?123|999|0300\s?\d{3}\s?\d{4}|0800\s?068\s?4141)(?!\d)/u,
  US: /(?:^|\D)(?:988|911|741741|1-800-273-8255)(?!\d)/u,
};

/** The market of a helpline footer: its preset's region, else what its numbers say. */
export function footerMarket(node: { [key: string]: unknown }, userPresets: readonly HelplinePreset[] = []): Market | null {
  const preset = typeof node.presetId === 'string' && node.presetId ? findPreset(node.presetId, userPresets) : undefined;
  const region = preset?.region.toUpperCase();
  if (region === 'NZ' || region === 'AU' || region === 'UK' || region === 'US') return region;
  const entries = Array.isArray(node.entries) ? (node.entries as Record<string, unknown>[]) : [];
  const votes = new Map<Market, number>();
  for (const entry of entries) {
    const text = `${typeof entry?.phone === 'string' ? entry.phone : ''} ${typeof entry?.detail === 'string' ? entry.detail : ''}`;
    for (const market of ['NZ', 'AU', 'UK', 'US'] as const) if (NUMBERS[market].test(text)) votes.set(market, (votes.get(market) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  return ranked.length > 0 && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1]) ? ranked[0]![0] : null;
}

/** Help numbers printed in the copy itself ("call Lifeline on 0800 543 354"): signposting without a footer block. */
const HELP_IN_TEXT =
  /0800\s?543\s?354|0508\s?828\s?865|0800\s?376\s?633|0800\s?726\s?666|0800\s?111\s?757|(?:call|text)\s+(?:or\s+text\s+)?1737\b|13\s?11\s?14|1300\s?22\s?4636|1300\s?659\s?467|1800\s?55\s?1800|116\s?123|(?:call|text|dial)\s+(?:or\s+text\s+)?988\b|988\s+Suicide|1-800-273-(?:8255|TALK)/iu;

export function helpNumbersIn(text: string): Market | 'unknown' | null {
  if (!HELP_IN_TEXT.test(text)) return null;
  for (const market of ['NZ', 'AU', 'UK', 'US'] as const) if (NUMBERS[market].test(text)) return market;
  return 'unknown';
}

/** The preset a market's stories get: the user's own for that region first, then the shipped one. */
export function presetForMarket(market: Market, userPresets: readonly HelplinePreset[] = []): string {
  const own = userPresets.find((p) => p.region.toUpperCase() === market);
  if (own) return own.id;
  return { NZ: 'nz-mental-health', AU: 'au', UK: 'uk', US: 'us' }[market];
}
