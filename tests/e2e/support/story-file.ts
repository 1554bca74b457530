import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';

/**
 * A story file as the tests inspect it: the `story.json` of a `.story` container with each
 * photo's entry put back as base64 `data` (the one-JSON-text layout), or a `.story.json` /
 * schemaVersion 1 text as it is.
 */

export function readSavedStory(file: string): any {
  const bytes = readFileSync(file);
  if (bytes.toString('latin1', 0, 4) !== 'PK\x03\x04') return JSON.parse(bytes.toString('utf8'));
  const entries = unzipSync(bytes);
  const story = JSON.parse(Buffer.from(entries['story.json']!).toString('utf8'));
  for (const [name, data] of Object.entries(entries)) {
    const match = /^assets\/([0-9a-f]{64})\.\w+$/.exec(name);
    if (match && story.assets?.[match[1]!]) story.assets[match[1]!].data = Buffer.from(data).toString('base64');
  }
  return story;
}

/** The text of a saved story's JSON (`story.json` for a container), for "contains" checks. */
export function savedStoryText(file: string): string {
  const bytes = readFileSync(file);
  if (bytes.toString('latin1', 0, 4) !== 'PK\x03\x04') return bytes.toString('utf8');
  return Buffer.from(unzipSync(bytes)['story.json']!).toString('utf8');
}
