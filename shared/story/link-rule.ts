/**
 * The link rule, kept apart from the story schema so the export's markup can use it
 * without importing the schema (which is built from the block registry).
 */

/** Link schemes a story may carry; everything else is refused on load and on entry. */
export const SAFE_LINK_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'] as const;

export function isSafeLinkUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.length > 4096) return false;
  // Refuse control characters and whitespace that browsers strip before resolving a scheme.

  if (/[\u0000-\u0020\u007f-\u009f]/.test(trimmed)) return false;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return false;
  }
  return (SAFE_LINK_SCHEMES as readonly string[]).includes(parsed.protocol);
}
