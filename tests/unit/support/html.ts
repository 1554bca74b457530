/**
 * Small, strict readers for exported HTML, so tests assert on structure rather than on
 * whitespace. No DOM: exported HTML is simple enough to tokenise, and a tokeniser that
 * refuses anything odd is itself a check that the markup is well formed.
 */

/** Collapses whitespace between tags (and runs of whitespace) so layout never breaks a test. */
export function normaliseHtml(html: string): string {
  return html.replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();
}

export interface Tag {
  name: string;
  closing: boolean;
  attributes: [string, string][];
  raw: string;
}

const TAG = /^<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*(?:="[^"<>]*")?)*)\s*>/;
const ATTRIBUTE = /\s+([a-z][a-z-]*)(?:="([^"<>]*)")?/g;

/**
 * Every tag in the markup, in order. Throws on a `<` that does not open a well-formed tag
 * (an escaping failure) or a `>` or stray `&` in text.
 */
export function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  let rest = html.replace(/^<!doctype html>/i, '');
  // <style> holds CSS, not markup; its content is checked by the tests that need to.
  rest = rest.replace(/(<style>)[\s\S]*?(<\/style>)/g, '$1$2');
  for (;;) {
    const lt = rest.indexOf('<');
    const text = lt < 0 ? rest : rest.slice(0, lt);
    if (text.includes('>')) throw new Error(`unescaped ">" in text: ${text.slice(0, 80)}`);
    const badEntity = /&(?!(?:amp|lt|gt|quot|#39|mdash);)/.exec(text);
    if (badEntity) throw new Error(`stray "&" in text: ${text.slice(Math.max(0, badEntity.index - 20), badEntity.index + 20)}`);
    if (lt < 0) return tags;
    const match = TAG.exec(rest.slice(lt));
    if (!match) throw new Error(`malformed tag: ${rest.slice(lt, lt + 80)}`);
    const attributes: [string, string][] = [];
    for (const a of match[3]!.matchAll(ATTRIBUTE)) attributes.push([a[1]!, decodeEntities(a[2] ?? '')]);
    tags.push({ name: match[2]!, closing: match[1] === '/', attributes, raw: match[0] });
    rest = rest.slice(lt + match[0].length);
  }
}

export function decodeEntities(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39|mdash);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", mdash: '—' })[e]!,
  );
}

/** What a reader sees: tags removed (<br> as a newline), entities decoded. */
export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(style|title|script)\b[^>]*>[\s\S]*?<\/\1>/g, '')
      .replace(/<br>/g, '\n')
      .replace(/<[^>]*>/g, ''),
  );
}

export function countOccurrences(haystack: string, needle: string): number {
  if (needle === '') throw new Error('empty needle');
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** The outer HTML of every element with this tag name (and class, if given), in order. */
export function elements(html: string, name: string, className?: string): string[] {
  const out: string[] = [];
  const open = new RegExp(`<${name}(?:\\s[^>]*)?>`, 'g');
  for (const match of html.matchAll(open)) {
    if (className && !new RegExp(`\\sclass="(?:[^"]*\\s)?${className}(?:\\s[^"]*)?"`).test(match[0])) continue;
    // Find the matching close, counting nested elements of the same name.
    let depth = 0;
    const re = new RegExp(`<${name}(?:\\s[^>]*)?>|</${name}>`, 'g');
    re.lastIndex = match.index;
    for (let m = re.exec(html); m; m = re.exec(html)) {
      depth += m[0].startsWith('</') ? -1 : 1;
      if (depth === 0) {
        out.push(html.slice(match.index, m.index + m[0].length));
        break;
      }
    }
  }
  return out;
}
