/**
 * Bullet and numbered-list markers as they appear in text copied from a web page or typed
 * by a reporter: "• item", "- item", "* item", "– item", "1. item", "2) item".
 * An em dash is deliberately not a bullet: in news copy it opens a tweet attribution or a
 * quote attribution ("— John Smith, spokesman").
 */
export interface BulletLine {
  /** The marker as printed ("•", "-", "3."). */
  marker: string;
  /** The item text, trimmed, without the marker. Never empty. */
  text: string;
  ordered: boolean;
  /** For numbered items, the number printed. */
  number?: number;
}

const UNORDERED = /^([•●◦○▪■‣⁃·*\-–])\s+(\S.*)$/u;
const ORDERED = /^(\d{1,3})([.)])\s+(\S.*)$/u;

/** Reads a bullet marker at the start of a (trimmed or untrimmed) line. */
export function parseBullet(line: string): BulletLine | null {
  const trimmed = line.trim();
  const unordered = UNORDERED.exec(trimmed);
  if (unordered) {
    // "- -" or "* *" rules and "--" dashes are not bullets.
    const text = unordered[2]!.trim();
    if (/^[-*–—_=\s]+$/u.test(text)) return null;
    return { marker: unordered[1]!, text, ordered: false };
  }
  const ordered = ORDERED.exec(trimmed);
  if (ordered) {
    return { marker: ordered[1]! + ordered[2]!, text: ordered[3]!.trim(), ordered: true, number: Number(ordered[1]) };
  }
  return null;
}

/** The line without its bullet marker, trimmed. */
export function withoutBullet(line: string): string {
  return parseBullet(line)?.text ?? line.trim();
}
