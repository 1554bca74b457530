/**
 * Placeholders a reporter leaves for later and a subeditor must not let through: TK ("to
 * come"), TKTK, XX for a missing figure, [CHECK] and other bracketed notes, lorem ipsum.
 * Only the newsroom spellings count: "TKO", "XXL", "Super Bowl XX" and the "XXX Olympics"
 * are words, not notes.
 */
export interface Leftover {
  start: number;
  end: number;
  text: string;
}

const PATTERNS: readonly RegExp[] = [
  // TK, TKTK, TKK — capitals, standing alone (not TKO, not a "TK Maxx" store name).
  /(?<![\p{L}\p{N}])TK(?:TK|K)*(?![\p{L}\p{N}]|\s+Maxx)/gu,
  // XX, XXX standing alone, or as a figure: $XX, XX,XXX, 0800 XXX XXX.
  /(?<![\p{L}])X{2,}(?:[,.]X+)*(?![\p{L}])/gu,
  // [CHECK], [check this], [TBC], [TK: quote], [TODO] — a note in brackets.
  /\[\s*(?:CHECK|TBC|TBA|TK|TODO|FIXME|XX+|NOTE|QUERY|REF)\b[^\]\n]{0,200}\]/giu,
  /\blorem\s+ipsum\b/giu,
];

/** Words after "XX…" that make it a Roman numeral (XXX Olympics, XX Commonwealth Games). */
const NUMERAL_AFTER =
  /^(?:\s+(?:Olympi|Games|Commonwealth|Winter|Summer|Paralympi|Century|Congress|Corps|Dynasty|Legion|Amendment|Party)|-rated)/u;
/** Words before it that do the same (Super Bowl XX, Pope Pius XX, chapter XX). */
const NUMERAL_BEFORE = /(?:Bowl|Pope\s+\p{L}+|Louis|Henry|Edward|George|Chapter|Part|Vol\.?|Volume|Act|Article|Century)\s+$/iu;

export function findLeftovers(text: string): Leftover[] {
  if (text === '') return [];
  const found: Leftover[] = [];
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (match[0].startsWith('X') && isNumeral(text, start, end)) continue;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, text: match[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function isNumeral(text: string, start: number, end: number): boolean {
  return NUMERAL_AFTER.test(text.slice(end, end + 30)) || NUMERAL_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}
